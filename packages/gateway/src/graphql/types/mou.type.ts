/** GraphQL types for MoUs, their parties, obligations and history, quotas and job openings. */
import {
  EDUCATION_LEVELS,
  MOU_PARTY_ROLES,
  MOU_STATUSES,
  MOU_STATUS_LABELS,
  OPENING_STATUSES,
  WAGE_BASES,
  type EducationLevel,
  type MouPartyRole,
  type MouStatus,
  type Occupation,
  type OpeningStatus,
  type Route,
  type WageBasis,
} from '../../domain';
import {
  ArrayMaxSize,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { ArgsType, Authorized, Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { STAFF_RULE } from '../../security/rules';
import { OccupationEnum, RouteEnum } from '../enums';
import { DateScalar, DateTimeScalar } from '../scalars';
import { BilingualText } from './label.type';
import { Money } from './money.type';
import { EducationLevelEnum } from './profile.type';

function enumOf<T extends string>(values: readonly T[]): { [K in T]: K } {
  return Object.fromEntries(values.map((v) => [v, v])) as { [K in T]: K };
}

export const MouStatusEnum = enumOf(MOU_STATUSES);
registerEnumType(MouStatusEnum, {
  name: 'MouStatus',
  description:
    'MoU status (DOMAIN.md §7): DRAFT → EXPLORATION → UNDER_REVIEW (Kemendagri, foreign local governments only) → SIGNED → ACTIVE ⇄ SUSPENDED → ENDED.',
  valuesConfig: Object.fromEntries(MOU_STATUSES.map((s) => [s, { description: `${MOU_STATUS_LABELS[s].en} (${MOU_STATUS_LABELS[s].id})` }])),
});

export const MouPartyRoleEnum = enumOf(MOU_PARTY_ROLES);
registerEnumType(MouPartyRoleEnum, {
  name: 'MouPartyRole',
  description: 'Role of a party in an MoU.',
  valuesConfig: {
    PRINCIPAL: { description: 'Owner of the MoU (Pemkot Serang).' },
    PARTNER: { description: 'Counter-party (APJATI, a Korean county).' },
    FACILITATOR: { description: 'Helps without being bound as a principal (APJATI in the county MoUs).' },
    IMPLEMENTER: { description: 'Executes placements or training (a P3MI, a training provider).' },
    WITNESS: { description: 'Acknowledges ("mengetahui"), e.g. a national agency.' },
  },
});

export const OpeningStatusEnum = enumOf(OPENING_STATUSES);
registerEnumType(OpeningStatusEnum, {
  name: 'OpeningStatus',
  description: 'Publication status of a job opening.',
  valuesConfig: {
    DRAFT: { description: 'Being prepared; not on the vacancy board.' },
    OPEN: { description: 'On the vacancy board (verified by the labour attaché, under a signed MoU).' },
    CLOSED: { description: 'Withdrawn or closed.' },
    FILLED: { description: 'Every seat is allocated.' },
  },
});

export const WageBasisEnum = enumOf(WAGE_BASES);
registerEnumType(WageBasisEnum, {
  name: 'WageBasis',
  description: 'How the job order states the wage.',
  valuesConfig: {
    FIXED: { description: 'A fixed monthly wage in KRW.' },
    STATUTORY_MINIMUM: { description: 'The Korean monthly minimum wage in force.' },
    NOT_STATED: { description: 'No wage stated yet (cannot be published; simulations use the minimum wage as a reference).' },
  },
});

// ---------------------------------------------------------------- outputs

@ObjectType({ description: 'One change of an MoU’s status.' })
export class MouStatusChange {
  @Field(() => Int, { description: '1, 2, 3, … in order.' })
  sequence!: number;

  @Field(() => MouStatusEnum, { nullable: true, description: 'Status before (null for the creation entry).' })
  from!: MouStatus | null;

  @Field(() => MouStatusEnum, { description: 'Status after.' })
  to!: MouStatus;

  @Field(() => DateTimeScalar, { description: 'When it was recorded.' })
  at!: Date;

  @Authorized(...STAFF_RULE)
  @Field(() => String, { description: 'Who recorded it (`apiKey:<keyId>`, `jwt:<subject>`): staff only (OFFICER, PARTNER, ANALYST, ADMIN).' })
  actor!: string;

  @Field(() => String, { nullable: true, description: 'Reason given.' })
  note!: string | null;
}

@ObjectType({ description: 'One change of a job opening’s status.' })
export class OpeningStatusChange {
  @Field(() => Int, { description: '1, 2, 3, … in order.' })
  sequence!: number;

  @Field(() => OpeningStatusEnum, { nullable: true, description: 'Status before (null for the creation entry).' })
  from!: OpeningStatus | null;

  @Field(() => OpeningStatusEnum, { description: 'Status after.' })
  to!: OpeningStatus;

  @Field(() => DateTimeScalar, { description: 'When it was recorded.' })
  at!: Date;

  @Authorized(...STAFF_RULE)
  @Field(() => String, { description: 'Who recorded it (`apiKey:<keyId>`, `jwt:<subject>`): staff only (OFFICER, PARTNER, ANALYST, ADMIN).' })
  actor!: string;

  @Field(() => String, { nullable: true, description: 'Reason given.' })
  note!: string | null;
}

@ObjectType({ description: 'A party of an MoU with its role.' })
export class MouParty {
  /** Resolved by a batch loader. */
  partyId!: string;

  @Field(() => MouPartyRoleEnum, { description: 'Role in the MoU.' })
  role!: MouPartyRole;

  @Field(() => Boolean, { description: 'Whether this party signs the MoU.' })
  isSignatory!: boolean;

  @Field(() => String, { nullable: true, description: 'Name of the signatory.' })
  signatoryName!: string | null;

  @Field(() => String, { nullable: true, description: 'Title of the signatory.' })
  signatoryTitle!: string | null;
}

@ObjectType({ description: 'An obligation a party takes on under an MoU.' })
export class MouObligation {
  partyId!: string;

  @Field(() => Int, { description: 'Number within the MoU.' })
  number!: number;

  @Field(() => BilingualText, { description: 'The obligation.' })
  text!: BilingualText;
}

@ObjectType({ description: 'A memorandum of understanding between the city and its partners.' })
export class Mou {
  @Field(() => ID, { description: 'Identifier (UUID).' })
  id!: string;

  @Field(() => BilingualText, { description: 'Title.' })
  title!: BilingualText;

  @Field(() => String, { nullable: true, description: 'Document number, when known.' })
  reference!: string | null;

  @Field(() => MouStatusEnum, { description: 'Current status.' })
  status!: MouStatus;

  @Field(() => [MouStatusEnum], { description: 'Statuses the MoU may move to next (guards may still refuse).' })
  allowedTransitions!: MouStatus[];

  parentMouId!: string | null;
  renewalOfMouId!: string | null;
  renewedByMouId!: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Signing date.' })
  signedOn!: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'First day in force.' })
  validFrom!: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Last day in force (null = not stated).' })
  validUntil!: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Date it ended.' })
  endedOn!: string | null;

  @Field(() => String, { nullable: true, description: 'Free-text note.' })
  note!: string | null;

  @Field(() => DateTimeScalar, { description: 'When the record was created.' })
  createdAt!: Date;

  @Field(() => DateTimeScalar, { description: 'When the record was last changed.' })
  updatedAt!: Date;
}

@ObjectType({ description: 'Seats for one MoU × occupation × route; allocations never exceed them.' })
export class Quota {
  @Field(() => ID, { description: 'Identifier (UUID).' })
  id!: string;

  mouId!: string;

  @Field(() => OccupationEnum, { description: 'Occupation.' })
  occupation!: Occupation;

  @Field(() => RouteEnum, { description: 'Route.' })
  route!: Route;

  @Field(() => Int, { description: 'Seats.' })
  seats!: number;

  @Field(() => Int, { description: 'Seats allocated to candidates.' })
  allocated!: number;

  @Field(() => Int, { description: 'Seats left.' })
  remaining!: number;

  @Field(() => String, { nullable: true, description: 'Note.' })
  note!: string | null;

  @Field(() => DateTimeScalar, { description: 'When the record was created.' })
  createdAt!: Date;

  @Field(() => DateTimeScalar, { description: 'When the record was last changed.' })
  updatedAt!: Date;
}

@ObjectType({ description: 'Requirements an opening adds on top of its route’s rules.' })
export class OpeningRequirements {
  @Field(() => Int, { nullable: true, description: 'Minimum EPS-TOPIK score.' })
  minEpsTopikScore!: number | null;

  @Field(() => Int, { nullable: true, description: 'Minimum TOPIK level (1–6).' })
  minTopikLevel!: number | null;

  @Field(() => EducationLevelEnum, { nullable: true, description: 'Minimum education.' })
  minEducation!: EducationLevel | null;

  @Field(() => Int, { nullable: true, description: 'Minimum age.' })
  minAge!: number | null;

  @Field(() => Int, { nullable: true, description: 'Maximum age.' })
  maxAge!: number | null;

  @Field(() => String, { nullable: true, description: 'Skill qualification the verification must name, e.g. "FCAW 3G".' })
  skillQualification!: string | null;
}

@ObjectType({ description: 'Wage terms of a job order.' })
export class WageTermsGql {
  @Field(() => WageBasisEnum, { description: 'How the wage is stated.' })
  basis!: WageBasis;

  @Field(() => Money, { nullable: true, description: 'The fixed monthly wage (KRW), when FIXED.' })
  monthly!: Money | null;
}

@ObjectType({ description: 'A job order under an MoU: an entry of the public vacancy board.' })
export class JobOpening {
  @Field(() => ID, { description: 'Identifier (UUID).' })
  id!: string;

  mouId!: string;
  employerPartyId!: string;

  @Field(() => OccupationEnum, { description: 'Occupation.' })
  occupation!: Occupation;

  @Field(() => RouteEnum, { description: 'Route.' })
  route!: Route;

  @Field(() => Int, { description: 'Seats.' })
  seats!: number;

  @Field(() => Int, { description: 'Seats allocated to candidates.' })
  allocated!: number;

  @Field(() => Int, { description: 'Seats left.' })
  seatsLeft!: number;

  @Field(() => WageTermsGql, { description: 'Wage terms.' })
  wage!: WageTermsGql;

  @Field(() => Int, { nullable: true, description: 'Contract length in months (null = not stated yet).' })
  contractMonths!: number | null;

  @Field(() => OpeningRequirements, { description: 'Extra requirements.' })
  extraRequirements!: OpeningRequirements;

  @Field(() => DateScalar, { nullable: true, description: 'Planned departure.' })
  plannedDeparture!: string | null;

  @Field(() => Boolean, { description: 'Verified by the Indonesian labour attaché (UU 18/2017 Pasal 9–10).' })
  verifiedByAttache!: boolean;

  @Field(() => DateScalar, { nullable: true, description: 'Date of the attaché verification.' })
  attacheVerifiedOn!: string | null;

  @Field(() => OpeningStatusEnum, { description: 'Publication status.' })
  status!: OpeningStatus;

  @Field(() => String, { nullable: true, description: 'Note.' })
  note!: string | null;

  @Field(() => DateTimeScalar, { description: 'When the record was created.' })
  createdAt!: Date;

  @Field(() => DateTimeScalar, { description: 'When the record was last changed.' })
  updatedAt!: Date;
}

// ---------------------------------------------------------------- inputs

@InputType({ description: 'A text in Bahasa Indonesia and English.' })
export class BilingualTextInput {
  @Field(() => String, { description: 'Bahasa Indonesia.' })
  @MinLength(1) @MaxLength(4000)
  id!: string;

  @Field(() => String, { description: 'English.' })
  @MinLength(1) @MaxLength(4000)
  en!: string;
}

const UUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
const uuidMessage = { message: '$property must be a UUID' };

@InputType({ description: 'A party joining an MoU.' })
export class MouPartyInput {
  @Field(() => ID, { description: 'The party.' })
  @Matches(UUID, uuidMessage)
  partyId!: string;

  @Field(() => MouPartyRoleEnum, { description: 'Role.' })
  @IsIn([...MOU_PARTY_ROLES])
  role!: MouPartyRole;

  @Field(() => Boolean, { description: 'Whether the party signs.' })
  @IsBoolean()
  isSignatory!: boolean;

  @Field(() => String, { nullable: true, description: 'Signatory name.' })
  @IsOptional() @MaxLength(200)
  signatoryName?: string;

  @Field(() => String, { nullable: true, description: 'Signatory title.' })
  @IsOptional() @MaxLength(200)
  signatoryTitle?: string;
}

@InputType({ description: 'An obligation of a party.' })
export class MouObligationInput {
  @Field(() => ID, { description: 'The party that takes it on (must be a party of the MoU).' })
  @Matches(UUID, uuidMessage)
  partyId!: string;

  @Field(() => BilingualTextInput, { description: 'The obligation.' })
  @ValidateNested()
  text!: BilingualTextInput;
}

@InputType({ description: 'A new MoU (created in DRAFT).' })
export class CreateMouInput {
  @Field(() => BilingualTextInput, { description: 'Title.' })
  @ValidateNested()
  title!: BilingualTextInput;

  @Field(() => String, { nullable: true, description: 'Document number.' })
  @IsOptional() @MaxLength(200)
  reference?: string;

  @Field(() => ID, { nullable: true, description: 'The MoU this one builds on.' })
  @IsOptional() @Matches(UUID, uuidMessage)
  parentMouId?: string;

  @Field(() => DateScalar, { nullable: true, description: 'First day in force.' })
  @IsOptional()
  validFrom?: Date;

  @Field(() => DateScalar, { nullable: true, description: 'Last day in force.' })
  @IsOptional()
  validUntil?: Date;

  @Field(() => String, { nullable: true, description: 'Note.' })
  @IsOptional() @MaxLength(4000)
  note?: string;

  @Field(() => [MouPartyInput], { nullable: true, description: 'Parties.' })
  @IsOptional() @ArrayMaxSize(50) @ValidateNested({ each: true })
  parties?: MouPartyInput[];

  @Field(() => [MouObligationInput], { nullable: true, description: 'Obligations.' })
  @IsOptional() @ArrayMaxSize(200) @ValidateNested({ each: true })
  obligations?: MouObligationInput[];
}

@ArgsType()
export class CreateMouArgs {
  @Field(() => CreateMouInput, { description: 'The new MoU.' })
  @ValidateNested()
  input!: CreateMouInput;
}

@InputType({ description: 'Add a party to an MoU (DRAFT or EXPLORATION only).' })
export class AddMouPartyInput extends MouPartyInput {
  @Field(() => ID, { description: 'The MoU.' })
  @Matches(UUID, uuidMessage)
  mouId!: string;
}

@ArgsType()
export class AddMouPartyArgs {
  @Field(() => AddMouPartyInput, { description: 'The party and its terms.' })
  @ValidateNested()
  input!: AddMouPartyInput;
}

@InputType({ description: 'Add an obligation to an MoU.' })
export class AddMouObligationInput extends MouObligationInput {
  @Field(() => ID, { description: 'The MoU.' })
  @Matches(UUID, uuidMessage)
  mouId!: string;
}

@ArgsType()
export class AddMouObligationArgs {
  @Field(() => AddMouObligationInput, { description: 'The obligation.' })
  @ValidateNested()
  input!: AddMouObligationInput;
}

@InputType({ description: 'Set the validity dates of an MoU (before signing).' })
export class SetMouValidityInput {
  @Field(() => ID, { description: 'The MoU.' })
  @Matches(UUID, uuidMessage)
  mouId!: string;

  @Field(() => DateScalar, { nullable: true, description: 'First day in force (null clears it).' })
  @IsOptional()
  validFrom?: Date | null;

  @Field(() => DateScalar, { nullable: true, description: 'Last day in force (null = not stated).' })
  @IsOptional()
  validUntil?: Date | null;
}

@ArgsType()
export class SetMouValidityArgs {
  @Field(() => SetMouValidityInput, { description: 'The dates.' })
  @ValidateNested()
  input!: SetMouValidityInput;
}

@ArgsType()
export class TransitionMouArgs {
  @Field(() => ID, { description: 'The MoU.' })
  @Matches(UUID, uuidMessage)
  id!: string;

  @Field(() => MouStatusEnum, { description: 'The status to move to.' })
  @IsIn([...MOU_STATUSES])
  to!: MouStatus;

  @Field(() => String, { nullable: true, description: 'Reason (required to suspend, and to end before expiry).' })
  @IsOptional() @MaxLength(4000)
  note?: string;

  @Field(() => DateScalar, { nullable: true, description: 'Signing date when moving to SIGNED (default: today in WIB).' })
  @IsOptional()
  signedOn?: Date;
}

@InputType({ description: 'Create or change the quota for an MoU × occupation × route.' })
export class SetQuotaInput {
  @Field(() => ID, { description: 'The MoU.' })
  @Matches(UUID, uuidMessage)
  mouId!: string;

  @Field(() => OccupationEnum, { description: 'Occupation.' })
  occupation!: Occupation;

  @Field(() => RouteEnum, { description: 'Route.' })
  route!: Route;

  @Field(() => Int, { description: 'Seats (never below the seats already allocated).' })
  @IsInt() @Min(1) @Max(100_000)
  seats!: number;

  @Field(() => String, { nullable: true, description: 'Note.' })
  @IsOptional() @MaxLength(4000)
  note?: string;
}

@ArgsType()
export class SetQuotaArgs {
  @Field(() => SetQuotaInput, { description: 'The quota.' })
  @ValidateNested()
  input!: SetQuotaInput;
}

@InputType({ description: 'Wage terms.' })
export class WageTermsInput {
  @Field(() => WageBasisEnum, { description: 'How the wage is stated.' })
  @IsIn([...WAGE_BASES])
  basis!: WageBasis;

  @Field(() => String, { nullable: true, description: 'Monthly wage in whole KRW, as a decimal string (FIXED only).' })
  @IsOptional() @Matches(/^[0-9]{1,15}$/, { message: 'monthlyKrw must be a whole number of won' })
  monthlyKrw?: string;
}

@InputType({ description: 'Extra requirements of an opening.' })
export class OpeningRequirementsInput {
  @Field(() => Int, { nullable: true, description: 'Minimum EPS-TOPIK score.' })
  @IsOptional() @IsInt() @Min(0) @Max(1000)
  minEpsTopikScore?: number;

  @Field(() => Int, { nullable: true, description: 'Minimum TOPIK level.' })
  @IsOptional() @IsInt() @Min(1) @Max(6)
  minTopikLevel?: number;

  @Field(() => EducationLevelEnum, { nullable: true, description: 'Minimum education.' })
  @IsOptional() @IsIn([...EDUCATION_LEVELS])
  minEducation?: EducationLevel;

  @Field(() => Int, { nullable: true, description: 'Minimum age.' })
  @IsOptional() @IsInt() @Min(0) @Max(100)
  minAge?: number;

  @Field(() => Int, { nullable: true, description: 'Maximum age.' })
  @IsOptional() @IsInt() @Min(0) @Max(100)
  maxAge?: number;

  @Field(() => String, { nullable: true, description: 'Skill qualification, e.g. "FCAW 3G".' })
  @IsOptional() @MaxLength(200)
  skillQualification?: string;
}

@InputType({ description: 'A new job opening (created in DRAFT).' })
export class CreateJobOpeningInput {
  @Field(() => ID, { description: 'The MoU it falls under.' })
  @Matches(UUID, uuidMessage)
  mouId!: string;

  @Field(() => ID, { description: 'The employer (a party of kind EMPLOYER).' })
  @Matches(UUID, uuidMessage)
  employerPartyId!: string;

  @Field(() => OccupationEnum, { description: 'Occupation.' })
  occupation!: Occupation;

  @Field(() => RouteEnum, { description: 'Route.' })
  route!: Route;

  @Field(() => Int, { description: 'Seats.' })
  @IsInt() @Min(1) @Max(100_000)
  seats!: number;

  @Field(() => WageTermsInput, { description: 'Wage terms.' })
  @ValidateNested()
  wage!: WageTermsInput;

  @Field(() => Int, { nullable: true, description: 'Contract length in months (required before publishing).' })
  @IsOptional() @IsInt() @Min(1) @Max(120)
  contractMonths?: number;

  @Field(() => OpeningRequirementsInput, { nullable: true, description: 'Extra requirements.' })
  @IsOptional() @ValidateNested()
  extraRequirements?: OpeningRequirementsInput;

  @Field(() => DateScalar, { nullable: true, description: 'Planned departure.' })
  @IsOptional()
  plannedDeparture?: Date;

  @Field(() => String, { nullable: true, description: 'Note.' })
  @IsOptional() @MaxLength(4000)
  note?: string;
}

@ArgsType()
export class CreateJobOpeningArgs {
  @Field(() => CreateJobOpeningInput, { description: 'The opening.' })
  @ValidateNested()
  input!: CreateJobOpeningInput;
}

@InputType({ description: 'Changes to a DRAFT opening; a material change clears the attaché verification.' })
export class UpdateJobOpeningInput {
  @Field(() => ID, { description: 'The opening.' })
  @Matches(UUID, uuidMessage)
  id!: string;

  @Field(() => ID, { nullable: true, description: 'Another employer.' })
  @IsOptional() @Matches(UUID, uuidMessage)
  employerPartyId?: string;

  @Field(() => Int, { nullable: true, description: 'Seats.' })
  @IsOptional() @IsInt() @Min(1) @Max(100_000)
  seats?: number;

  @Field(() => WageTermsInput, { nullable: true, description: 'Wage terms.' })
  @IsOptional() @ValidateNested()
  wage?: WageTermsInput;

  @Field(() => Int, { nullable: true, description: 'Contract length in months.' })
  @IsOptional() @IsInt() @Min(1) @Max(120)
  contractMonths?: number;

  @Field(() => OpeningRequirementsInput, { nullable: true, description: 'Extra requirements (replaces them).' })
  @IsOptional() @ValidateNested()
  extraRequirements?: OpeningRequirementsInput;

  @Field(() => DateScalar, { nullable: true, description: 'Planned departure.' })
  @IsOptional()
  plannedDeparture?: Date | null;

  @Field(() => String, { nullable: true, description: 'Note.' })
  @IsOptional() @MaxLength(4000)
  note?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Record the labour attaché’s verification on this date.' })
  @IsOptional()
  attacheVerifiedOn?: Date;

  @Field(() => String, { nullable: true, description: 'Reference of the attaché verification.' })
  @IsOptional() @MaxLength(200)
  attacheReference?: string;
}

@ArgsType()
export class UpdateJobOpeningArgs {
  @Field(() => UpdateJobOpeningInput, { description: 'The changes.' })
  @ValidateNested()
  input!: UpdateJobOpeningInput;
}

@ArgsType()
export class TransitionJobOpeningArgs {
  @Field(() => ID, { description: 'The opening.' })
  @Matches(UUID, uuidMessage)
  id!: string;

  @Field(() => OpeningStatusEnum, { description: 'The status to move to.' })
  @IsIn([...OPENING_STATUSES])
  to!: OpeningStatus;

  @Field(() => String, { nullable: true, description: 'Reason.' })
  @IsOptional() @MaxLength(4000)
  note?: string;
}

