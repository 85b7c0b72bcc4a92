/** `auditLog`: newest first, as a Relay connection (OFFICER, ADMIN). There is no way to change it. */
import { IsOptional, Max, Min, ValidateNested } from 'class-validator';
import { Args, ArgsType, Authorized, Ctx, Field, Int, Query, Resolver } from 'type-graphql';
import { GatewayError } from '../../graphql/errors';
import type { ConnectionShape } from '../../graphql/types/connection.type';
import { AUDIT_LOG_READERS } from '../auth-checker';
import { countAuditLog, readAuditLog, type AuditQuery, type AuditRecord } from '../audit-log';
import { emExecutor } from '../sql-executor';
import { AuditLogEntry, AuditLogEntryConnection, AuditLogFilter } from './audit-log.type';
import type { SecurityContext } from './security-context';

@ArgsType()
class AuditLogArgs {
  @Field(() => AuditLogFilter, { nullable: true, description: 'Filters.' })
  @IsOptional()
  @ValidateNested()
  filter?: AuditLogFilter;

  @Field(() => Int, { nullable: true, description: 'Page size: 1 to 100, default 50.' })
  @IsOptional()
  @Min(1)
  @Max(100)
  first?: number;

  @Field(() => String, { nullable: true, description: 'Return the entries after this cursor (`pageInfo.endCursor`).' })
  @IsOptional()
  after?: string;
}

const CURSOR_PREFIX = 'audit:';

export function auditCursor(id: string): string {
  return Buffer.from(`${CURSOR_PREFIX}${id}`).toString('base64url');
}

export function auditCursorId(cursor: string): string {
  const text = /^[A-Za-z0-9_-]{1,64}$/.test(cursor) ? Buffer.from(cursor, 'base64url').toString('utf8') : '';
  const m = /^audit:(\d{1,19})$/.exec(text);
  if (!m) throw new GatewayError('BAD_USER_INPUT', { id: 'Kursor halaman tidak valid.', en: 'Invalid page cursor.' }, { field: ['after'] });
  return m[1] as string;
}

function toGql(r: AuditRecord): AuditLogEntry {
  return { ...r, roles: [...r.roles] };
}

@Resolver()
export class AuditLogResolver {
  @Authorized(...AUDIT_LOG_READERS)
  @Query(() => AuditLogEntryConnection, { description: 'The audit log, newest first (OFFICER, ADMIN). Personal values are redacted.' })
  async auditLog(@Ctx() ctx: SecurityContext, @Args(() => AuditLogArgs) args: AuditLogArgs): Promise<ConnectionShape<AuditLogEntry>> {
    const first = args.first ?? 50;
    const filter: AuditQuery = {
      ...(args.filter?.entityType ? { entityType: args.filter.entityType } : {}),
      ...(args.filter?.entityId ? { entityId: args.filter.entityId } : {}),
      ...(args.filter?.actor ? { actor: args.filter.actor } : {}),
      ...(args.filter?.action ? { action: args.filter.action } : {}),
      ...(args.filter?.since ? { since: args.filter.since } : {}),
      ...(args.filter?.until ? { until: args.filter.until } : {}),
    };
    const db = emExecutor(ctx.em);
    const beforeId = args.after ? auditCursorId(args.after) : undefined;
    const rows = await readAuditLog(db, { ...filter, ...(beforeId ? { beforeId } : {}), limit: first + 1 });
    const page = rows.slice(0, first);
    const totalCount = await countAuditLog(db, filter);
    return {
      edges: page.map((r) => ({ cursor: auditCursor(r.id), node: toGql(r) })),
      pageInfo: {
        hasNextPage: rows.length > first,
        hasPreviousPage: beforeId !== undefined,
        startCursor: page[0] ? auditCursor(page[0].id) : null,
        endCursor: page.length ? auditCursor((page[page.length - 1] as AuditRecord).id) : null,
      },
      totalCount,
    };
  }
}
