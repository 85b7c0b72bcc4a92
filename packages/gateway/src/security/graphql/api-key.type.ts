/** GraphQL types for API key administration (ADMIN only). */
import { ArrayMaxSize, ArrayMinSize, IsIn, IsOptional, Matches, MaxLength, MinLength } from 'class-validator';
import { Authorized, Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { DateTimeScalar } from '../../graphql/scalars';
import { ROLES, type Role } from '../role';
import { ADMIN_RULE } from '../rules';

export const RoleEnum = Object.fromEntries(ROLES.map((r) => [r, r])) as { [K in Role]: K };

const ROLE_DESCRIPTIONS: Record<Role, string> = {
  PUBLIC: 'Anybody, signed in or not: the vacancy board, parameters and calculators (publik).',
  CANDIDATE: 'A job seeker: their own record only (calon pekerja).',
  OFFICER: 'Disnakertrans staff: every record in their city (petugas).',
  PARTNER: 'A P3MI or APJATI: candidates allocated to MoUs it is party to (mitra).',
  TRAINER: 'Staff of a training provider (partyIds: the providers): the rosters, attendance and practice scores of its cohorts, and recording attendance and assessments there; no other candidate data (pelatih).',
  ANALYST: 'Aggregates and masked records: NIK masked, age bands, no health or criminal data (analis).',
  ADMIN: 'Everything, including API keys and the audit log (administrator).',
};

registerEnumType(RoleEnum, {
  name: 'Role',
  description: 'Access role of a caller (API key or staff token).',
  valuesConfig: Object.fromEntries(ROLES.map((r) => [r, { description: ROLE_DESCRIPTIONS[r] }])),
});

@ObjectType({ description: 'An API key for a municipal app. The secret is never shown again after creation.' })
@Authorized(...ADMIN_RULE)
export class ApiKey {
  @Field(() => ID, { description: 'Key id: the 16 hex characters after `jmb_` (safe to log).' })
  keyId!: string;

  @Field(() => String, { description: 'What the key is for (the calling app).' })
  name!: string;

  @Field(() => [RoleEnum], { description: 'Roles the key carries (PUBLIC is implicit).' })
  roles!: Role[];

  @Field(() => [String], { description: 'PARTNER keys: the party ids (P3MI / APJATI) the app acts for; TRAINER keys: the training providers’ party ids.' })
  partyIds!: string[];

  @Field(() => String, { nullable: true, description: 'CANDIDATE keys: the candidate record the key belongs to.' })
  candidateId!: string | null;

  @Field(() => String, { nullable: true, description: 'OFFICER keys: the city the key may see (the deployment city when empty).' })
  city!: string | null;

  @Field(() => DateTimeScalar, { description: 'When the key was created.' })
  createdAt!: Date;

  @Field(() => String, { description: 'Who created it (principal subject or `cli:<user>`).' })
  createdBy!: string;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When the key stops working, if it expires.' })
  expiresAt!: Date | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When the key was revoked, if it was.' })
  revokedAt!: Date | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Last successful use (updated at most once a minute).' })
  lastUsedAt!: Date | null;
}

@ObjectType({ description: 'A newly created API key: the only time its secret is shown.' })
@Authorized(...ADMIN_RULE)
export class CreatedApiKey {
  @Field(() => String, { description: 'The full key `jmb_<keyId>_<secret>`: store it in the app’s secret store now; it cannot be shown again.' })
  apiKey!: string;

  @Field(() => ApiKey, { description: 'The key’s record.' })
  key!: ApiKey;
}

@InputType({ description: 'A new API key.' })
export class CreateApiKeyInput {
  @Field(() => String, { description: 'What the key is for (1–200 characters).' })
  @MinLength(1)
  @MaxLength(200)
  name!: string;

  @Field(() => [RoleEnum], { description: 'One or more of CANDIDATE, OFFICER, PARTNER, TRAINER, ANALYST, ADMIN.' })
  @ArrayMinSize(1)
  @ArrayMaxSize(6)
  @IsIn([...ROLES], { each: true })
  roles!: Role[];

  @Field(() => [String], { nullable: true, description: 'PARTNER: party ids of the P3MI / APJATI; TRAINER: party ids of the training providers (required for both).' })
  @IsOptional()
  @ArrayMaxSize(20)
  @Matches(/^[A-Za-z0-9._:-]{1,100}$/, { each: true })
  partyIds?: string[];

  @Field(() => String, { nullable: true, description: 'CANDIDATE: the candidate id (required for CANDIDATE).' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9._:-]{1,100}$/)
  candidateId?: string;

  @Field(() => String, { nullable: true, description: 'OFFICER: the city; the deployment city when empty.' })
  @IsOptional()
  @MaxLength(100)
  city?: string;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When the key should stop working (in the future).' })
  @IsOptional()
  expiresAt?: Date;
}
