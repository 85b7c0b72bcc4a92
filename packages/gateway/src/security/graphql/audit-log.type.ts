/** GraphQL types for reading the audit log (OFFICER, ADMIN). */
import { IsOptional, Matches, MaxLength } from 'class-validator';
import { Authorized, Field, ID, InputType, ObjectType } from 'type-graphql';
import { DateTimeScalar, JSONScalar } from '../../graphql/scalars';
import { connectionType } from '../../graphql/types/connection.type';
import { AUDIT_RULE } from '../rules';

@ObjectType({ description: 'One change: who made it, when, to which record, with a redacted before/after.' })
@Authorized(...AUDIT_RULE)
export class AuditLogEntry {
  @Field(() => ID, { description: 'Row id (increasing).' })
  id!: string;

  @Field(() => DateTimeScalar, { description: 'When the change was written.' })
  at!: Date;

  @Field(() => String, { description: 'Who acted: `apiKey:<keyId>`, `jwt:<subject>` or `cli:<user>`.' })
  actor!: string;

  @Field(() => String, { description: 'How the actor signed in: apiKey, jwt, anonymous or system (CLI).' })
  principalKind!: string;

  @Field(() => [String], { description: 'The actor’s roles at the time.' })
  roles!: string[];

  @Field(() => String, { nullable: true, description: 'API key id, when the actor used one.' })
  keyId!: string | null;

  @Field(() => String, { description: 'The mutation or command, e.g. `transitionMou`.' })
  action!: string;

  @Field(() => String, { description: 'Kind of record changed, e.g. `Mou`, `Candidate`.' })
  entityType!: string;

  @Field(() => String, { nullable: true, description: 'Id of the record changed.' })
  entityId!: string | null;

  @Field(() => JSONScalar, { nullable: true, description: 'The record before, with NIK, birth date, health, criminal and document numbers redacted.' })
  before!: unknown;

  @Field(() => JSONScalar, { nullable: true, description: 'The record after, redacted the same way; `[REDACTED:CHANGED]` marks a redacted value that changed.' })
  after!: unknown;

  @Field(() => String, { nullable: true, description: 'Request id of the change (matches the gateway logs).' })
  requestId!: string | null;
}

export const AuditLogEntryConnection = connectionType(AuditLogEntry, 'AuditLogEntry', 'audit log entry', { nodeRule: AUDIT_RULE });

@InputType({ description: 'Filters for the audit log (all optional, combined with AND).' })
export class AuditLogFilter {
  @Field(() => String, { nullable: true, description: 'Only this kind of record.' })
  @IsOptional()
  @MaxLength(100)
  entityType?: string;

  @Field(() => String, { nullable: true, description: 'Only this record.' })
  @IsOptional()
  @MaxLength(100)
  entityId?: string;

  @Field(() => String, { nullable: true, description: 'Only this actor (`apiKey:<id>`, `jwt:<subject>`, `cli:<user>`).' })
  @IsOptional()
  @MaxLength(300)
  actor?: string;

  @Field(() => String, { nullable: true, description: 'Only this mutation or command.' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9_]{1,100}$/)
  action?: string;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Only changes at or after this time.' })
  @IsOptional()
  since?: Date;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Only changes before this time.' })
  @IsOptional()
  until?: Date;
}
