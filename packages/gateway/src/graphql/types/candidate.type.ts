/** GraphQL types for candidates (with their stored profile) and placements. */
import {
  CANDIDATE_EXIT_REASON_LABELS,
  CANDIDATE_EXIT_REASONS,
  CANDIDATE_REJECTION_REASONS,
  CANDIDATE_WITHDRAWAL_REASONS,
  CANDIDATE_REFERENCE_SYSTEMS,
  CANDIDATE_STAGES,
  PLACEMENT_STATUSES,
  type AddressSource,
  type CandidateProfile as CandidateProfileData,
  type CandidateExitReason,
  type CandidateReferenceSystem,
  type CandidateStage,
  type ConsentGiver,
  type DocumentKind,
  type EducationLevel,
  type KotaSerangKecamatan,
  type Occupation,
  type PlacementStatus,
  type Route,
  type Sex,
  type SkillCertifier,
  type TopikTest,
} from '../../domain';
import { ArrayMaxSize, IsIn, IsOptional, Length, Matches, MaxLength, ValidateNested } from 'class-validator';
import { ArgsType, Authorized, Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { AgeBand } from '../../security/masking';
import { PERSONAL_RULE, WRITE_RULE } from '../../security/rules';
import { AgeBandEnum, KecamatanEnum, OccupationEnum, RouteEnum, SexEnum } from '../enums';
import { DateScalar, DateTimeScalar } from '../scalars';
import { SelectionStatusEnum } from './eligibility.type';
import {
  AddressSourceEnum,
  CandidateProfileInput,
  ConsentGiverEnum,
  DocumentKindEnum,
  DocumentRecordInput,
  EducationLevelEnum,
  SkillCertifierEnum,
  TopikTestEnum,
} from './profile.type';

function enumOf<T extends string>(values: readonly T[]): { [K in T]: K } {
  return Object.fromEntries(values.map((v) => [v, v])) as { [K in T]: K };
}

const STAGE_DESCRIPTIONS: Record<CandidateStage, string> = {
  REGISTERED: 'Registered (AK/1, SISKOP2MI).',
  SELECTED: 'Selected for an opening: holds a quota seat.',
  TRAINING: 'Language and skill training.',
  TESTING: 'Tests (Korean, KOSHIPA skill).',
  MEDICAL: 'Medical and psychological examination.',
  PLACEMENT_AGREEMENT: 'Placement agreement (legalised by Disnaker).',
  EMPLOYMENT_CONTRACT: 'Employment contract.',
  VISA: 'Visa.',
  ORIENTATION: 'Pre-departure orientation (OPP) and E-PMI card.',
  DEPARTED: 'Departed.',
  PLACED: 'Working abroad.',
  RETURNED: 'Returned home.',
  WITHDRAWN: 'Withdrew before departure.',
  REJECTED: 'Rejected before departure (e.g. failed a test or the medical).',
};
export const CandidateStageEnum = enumOf(CANDIDATE_STAGES);
registerEnumType(CandidateStageEnum, {
  name: 'CandidateStage',
  description: 'Where a candidate stands in the pipeline (DOMAIN.md §7, P3MI route).',
  valuesConfig: Object.fromEntries(CANDIDATE_STAGES.map((s) => [s, { description: STAGE_DESCRIPTIONS[s] }])),
});

const exitKinds = (r: CandidateExitReason): string =>
  [(CANDIDATE_WITHDRAWAL_REASONS as readonly string[]).includes(r) ? 'WITHDRAWN' : null, (CANDIDATE_REJECTION_REASONS as readonly string[]).includes(r) ? 'REJECTED' : null]
    .filter((k) => k !== null)
    .join(', ');
export const CandidateExitReasonEnum = enumOf(CANDIDATE_EXIT_REASONS);
registerEnumType(CandidateExitReasonEnum, {
  name: 'CandidateExitReason',
  description:
    'Why a candidate left the pipeline (WITHDRAWN or REJECTED): the program’s own vocabulary. Each code applies to the exits named in its description; OTHER needs a note.',
  valuesConfig: Object.fromEntries(
    CANDIDATE_EXIT_REASONS.map((r) => [r, { description: `${CANDIDATE_EXIT_REASON_LABELS[r].en} / ${CANDIDATE_EXIT_REASON_LABELS[r].id} (${exitKinds(r)}).` }]),
  ),
});

export const CandidateReferenceSystemEnum = enumOf(CANDIDATE_REFERENCE_SYSTEMS);
registerEnumType(CandidateReferenceSystemEnum, {
  name: 'CandidateReferenceSystem',
  description: 'System whose identifier a candidate carries (official records stay there).',
  valuesConfig: {
    SISKOP2MI: { description: 'SISKOP2MI registration.' },
    AK1_CARD: { description: 'AK/1 job-seeker card number.' },
    SIAPKERJA: { description: 'SIAPkerja / Karirhub.' },
    EPS_HRD_KOREA: { description: 'EPS of HRD Korea.' },
    E_PMI_CARD: { description: 'E-PMI card.' },
    OTHER: { description: 'Another system.' },
  },
});

export const PlacementStatusEnum = enumOf(PLACEMENT_STATUSES);
registerEnumType(PlacementStatusEnum, {
  name: 'PlacementStatus',
  description: 'Status of a placement.',
  valuesConfig: {
    ALLOCATED: { description: 'A seat is held; not departed yet.' },
    DEPARTED: { description: 'Departed.' },
    WORKING: { description: 'Working abroad.' },
    RETURNED: { description: 'Returned.' },
    CANCELLED: { description: 'Cancelled before departure (withdrawal or rejection).' },
  },
});

export const ReleaseStageEnum = { WITHDRAWN: 'WITHDRAWN', REJECTED: 'REJECTED' } as const;
registerEnumType(ReleaseStageEnum, {
  name: 'SeatReleaseReason',
  description: 'Why a seat is given back before departure.',
  valuesConfig: { WITHDRAWN: { description: 'The candidate withdrew.' }, REJECTED: { description: 'The candidate was rejected.' } },
});

// ---------------------------------------------------------------- profile (output)

@ObjectType({ description: 'Address on the KTP/KK.' })
@Authorized(...PERSONAL_RULE)
export class ResidentialAddressGql {
  @Field(() => String, { nullable: true, description: 'Kecamatan as written.' }) kecamatan?: string;
  @Field(() => String, { nullable: true, description: 'Kelurahan / desa as written.' }) kelurahan?: string;
  @Field(() => String, { nullable: true, description: 'Regency or city as written.' }) city?: string;
  @Field(() => String, { nullable: true, description: 'Kemendagri code of the regency/city of the address.' }) cityCode?: string;
  @Field(() => AddressSourceEnum, { nullable: true, description: 'Card it was read from.' }) source?: AddressSource;
}

@ObjectType({ description: 'An EPS-TOPIK result.' })
@Authorized(...PERSONAL_RULE)
export class EpsTopikResultGql {
  @Field(() => DateScalar, { description: 'Test date.' }) takenOn!: string;
  @Field(() => Int, { description: 'Points.' }) score!: number;
  @Field(() => String, { nullable: true, description: 'Round label.' }) round?: string;
}

@ObjectType({ description: 'A TOPIK result.' })
@Authorized(...PERSONAL_RULE)
export class TopikResultGql {
  @Field(() => TopikTestEnum, { description: 'Test.' }) test!: TopikTest;
  @Field(() => DateScalar, { description: 'Test date.' }) takenOn!: string;
  @Field(() => Int, { description: 'Points.' }) score!: number;
}

@ObjectType({ description: 'A pilot Korean test result.' })
@Authorized(...PERSONAL_RULE)
export class PilotKoreanTestGql {
  @Field(() => DateScalar, { description: 'Test date.' }) takenOn!: string;
  @Field(() => Int, { description: 'Level reached.' }) level!: number;
  @Field(() => Boolean, { description: 'Speaking test passed.' }) speakingPassed!: boolean;
}

@ObjectType({ description: 'A skill verification.' })
@Authorized(...PERSONAL_RULE)
export class SkillVerificationGql {
  @Field(() => OccupationEnum, { description: 'Occupation.' }) occupation!: Occupation;
  @Field(() => SkillCertifierEnum, { description: 'Certifier.' }) certifier!: SkillCertifier;
  @Field(() => String, { nullable: true, description: 'Qualification.' }) qualification?: string;
  @Field(() => DateScalar, { description: 'Test date.' }) testedOn!: string;
  @Field(() => Boolean, { description: 'Passed.' }) passed!: boolean;
  @Field(() => DateScalar, { nullable: true, description: 'Expiry.' }) expiresOn?: string;
}

@ObjectType({ description: 'Screening results per condition.' })
@Authorized(...PERSONAL_RULE)
export class MedicalConditionsGql {
  @Field(() => Boolean, { nullable: true, description: 'Tuberculosis found.' }) TUBERCULOSIS?: boolean;
  @Field(() => Boolean, { nullable: true, description: 'Hepatitis found.' }) HEPATITIS?: boolean;
  @Field(() => Boolean, { nullable: true, description: 'Syphilis found.' }) SYPHILIS?: boolean;
  @Field(() => Boolean, { nullable: true, description: 'HIV found.' }) HIV?: boolean;
}

@ObjectType({ description: 'Medical and psychological results.' })
@Authorized(...PERSONAL_RULE)
export class MedicalRecordGql {
  @Field(() => DateScalar, { nullable: true, description: 'Examination date.' }) examinedOn?: string;
  @Field(() => Boolean, { nullable: true, description: 'Physically fit.' }) physicallyFit?: boolean;
  @Field(() => Boolean, { nullable: true, description: 'Psychologically fit.' }) psychologicallyFit?: boolean;
  @Field(() => Boolean, { nullable: true, description: 'Colour blind.' }) colourBlind?: boolean;
  @Field(() => Boolean, { nullable: true, description: 'Complete fingers.' }) completeFingers?: boolean;
  @Field(() => MedicalConditionsGql, { nullable: true, description: 'Screening per condition.' }) conditions?: MedicalConditionsGql;
}

@ObjectType({ description: 'Criminal record.' })
@Authorized(...PERSONAL_RULE)
export class CriminalRecordGql {
  @Field(() => Boolean, { nullable: true, description: 'Ever imprisoned.' }) everImprisoned?: boolean;
}

@ObjectType({ description: 'History with Korea.' })
@Authorized(...PERSONAL_RULE)
export class KoreaHistoryGql {
  @Field(() => Boolean, { nullable: true, description: 'Deported.' }) deported?: boolean;
  @Field(() => Boolean, { nullable: true, description: 'Entry banned.' }) entryBanned?: boolean;
  @Field(() => Int, { nullable: true, description: 'Months on E-9.' }) priorMonthsE9?: number;
  @Field(() => Int, { nullable: true, description: 'Months on E-10.' }) priorMonthsE10?: number;
}

@ObjectType({ description: 'Family consent.' })
@Authorized(...PERSONAL_RULE)
export class FamilyConsentGql {
  @Field(() => ConsentGiverEnum, { description: 'Given by.' }) givenBy!: ConsentGiver;
  @Field(() => DateScalar, { nullable: true, description: 'Given on.' }) givenOn?: string;
  @Field(() => Boolean, { description: 'Acknowledged by the lurah / kepala desa.' }) acknowledgedByVillageHead!: boolean;
}

@ObjectType({ description: 'A document held.' })
@Authorized(...PERSONAL_RULE)
export class DocumentRecordGql {
  @Field(() => DocumentKindEnum, { description: 'Kind.' }) kind!: DocumentKind;
  @Field(() => DateScalar, { nullable: true, description: 'Issued on.' }) issuedOn?: string;
  @Field(() => DateScalar, { nullable: true, description: 'Expires on.' }) expiresOn?: string;
  @Field(() => Boolean, { nullable: true, description: 'Verified by an officer.' }) verified?: boolean;
  @Field(() => String, { nullable: true, description: 'Reference, e.g. the passport number.' }) reference?: string;
}

@ObjectType({ description: 'What the program knows about a candidate (personal data).' })
@Authorized(...PERSONAL_RULE)
export class CandidateProfileGql {
  @Field(() => String, { nullable: true, description: 'NIK.' }) nik?: string;
  @Field(() => DateScalar, { nullable: true, description: 'Declared birth date.' }) declaredBirthDate?: string;
  @Field(() => AgeBandEnum, { nullable: true, description: 'Age band today, from the birth date (declared, else from the NIK); null when none is known.' }) ageBand?: AgeBand;
  @Field(() => SexEnum, { nullable: true, description: 'Declared sex.' }) declaredSex?: Sex;
  @Field(() => ResidentialAddressGql, { nullable: true, description: 'Address on the KTP/KK.' }) address?: ResidentialAddressGql;
  @Field(() => EducationLevelEnum, { nullable: true, description: 'Education.' }) education?: EducationLevel;
  @Field(() => [EpsTopikResultGql], { nullable: true, description: 'EPS-TOPIK results.' }) epsTopikResults?: EpsTopikResultGql[];
  @Field(() => [TopikResultGql], { nullable: true, description: 'TOPIK results.' }) topikResults?: TopikResultGql[];
  @Field(() => [PilotKoreanTestGql], { nullable: true, description: 'Pilot Korean tests.' }) pilotKoreanTests?: PilotKoreanTestGql[];
  @Field(() => [SkillVerificationGql], { nullable: true, description: 'Skill verifications.' }) skillVerifications?: SkillVerificationGql[];
  @Field(() => MedicalRecordGql, { nullable: true, description: 'Medical results (health data).' }) medical?: MedicalRecordGql;
  @Field(() => CriminalRecordGql, { nullable: true, description: 'Criminal record.' }) criminalRecord?: CriminalRecordGql;
  @Field(() => KoreaHistoryGql, { nullable: true, description: 'History with Korea.' }) koreaHistory?: KoreaHistoryGql;
  @Field(() => String, { nullable: true, description: 'BPJS Ketenagakerjaan number.' }) bpjsNumber?: string;
  @Field(() => FamilyConsentGql, { nullable: true, description: 'Family consent.' }) familyConsent?: FamilyConsentGql;
  @Field(() => [DocumentRecordGql], { nullable: true, description: 'Documents.' }) documents?: DocumentRecordGql[];
  @Field(() => DateScalar, { nullable: true, description: 'Planned departure.' }) plannedDeparture?: string;
}

@ObjectType({ description: 'An identifier of the candidate in another system.' })
@Authorized(...PERSONAL_RULE)
export class CandidateExternalReferenceGql {
  @Field(() => CandidateReferenceSystemEnum, { description: 'System.' }) system!: CandidateReferenceSystem;
  @Field(() => String, { description: 'Identifier there.' }) reference!: string;
}

@ObjectType({ description: 'One change of a candidate’s stage.' })
@Authorized(...PERSONAL_RULE)
export class CandidateStageChange {
  @Field(() => Int, { description: '1, 2, 3, … in order.' }) sequence!: number;
  @Field(() => CandidateStageEnum, { nullable: true, description: 'Stage before (null for registration).' }) from!: CandidateStage | null;
  @Field(() => CandidateStageEnum, { description: 'Stage after.' }) to!: CandidateStage;
  @Field(() => DateTimeScalar, { description: 'When.' }) at!: Date;
  @Field(() => String, { description: 'Who recorded it.' }) actor!: string;
  @Field(() => String, { nullable: true, description: 'Reason, in words.' }) note!: string | null;
  @Field(() => CandidateExitReasonEnum, {
    nullable: true,
    description: 'The exit reason code of a change into WITHDRAWN / REJECTED; null for other changes and for exits recorded without one.',
  })
  reason!: CandidateExitReason | null;
}

@ObjectType({ description: 'A job seeker (CPMI) and where they stand.' })
@Authorized(...PERSONAL_RULE)
export class Candidate {
  @Field(() => ID, { description: 'Identifier (UUID).' }) id!: string;
  @Field(() => CandidateStageEnum, { description: 'Current stage.' }) stage!: CandidateStage;
  @Field(() => DateTimeScalar, { description: 'When the current stage began.' }) stageSince!: Date;
  @Field(() => RouteEnum, { nullable: true, description: 'Route aimed for.' }) targetRoute!: Route | null;
  @Field(() => OccupationEnum, { nullable: true, description: 'Occupation aimed for.' }) targetOccupation!: Occupation | null;
  @Field(() => String, { nullable: true, description: 'NIK masked for display, e.g. "3673**********01".' }) nikMasked!: string | null;
  @Field(() => KecamatanEnum, { nullable: true, description: 'Kecamatan of Kota Serang from the KTP/KK address (null: not a recognised one).' })
  kecamatan!: KotaSerangKecamatan | null;
  @Field(() => SexEnum, { nullable: true, description: 'Sex (declared, else from the NIK).' }) sex!: Sex | null;
  @Field(() => CandidateProfileGql, { description: 'The stored profile (personal data).' }) profile!: CandidateProfileGql;
  @Field(() => SelectionStatusEnum, { nullable: true, description: 'Selection verdict stored at the last change (for the target route/occupation, or the opening).' })
  eligibilityStatus!: string | null;
  @Field(() => DateScalar, { nullable: true, description: 'Date of that stored verdict.' }) eligibilityAsOf!: string | null;
  @Field(() => [CandidateExternalReferenceGql], { description: 'Identifiers in other systems.' }) externalRefs!: CandidateExternalReferenceGql[];
  @Field(() => DateTimeScalar, { description: 'When the candidate was registered.' }) createdAt!: Date;
  @Field(() => DateTimeScalar, { description: 'When the record was last changed.' }) updatedAt!: Date;
  openingId!: string | null;
  quotaId!: string | null;
  /** The profile as stored, for evaluations computed from it (never a GraphQL field). */
  storedProfile!: CandidateProfileData;
}

@ObjectType({ description: 'A candidate placed in a quota seat through an opening.' })
@Authorized(...PERSONAL_RULE)
export class Placement {
  @Field(() => ID, { description: 'Identifier (UUID).' }) id!: string;
  @Field(() => PlacementStatusEnum, { description: 'Status.' }) status!: PlacementStatus;
  @Field(() => OccupationEnum, { description: 'Occupation.' }) occupation!: Occupation;
  @Field(() => RouteEnum, { description: 'Route.' }) route!: Route;
  @Field(() => Int, { nullable: true, description: 'Contract length in months.' }) contractMonths!: number | null;
  @Field(() => DateScalar, { description: 'Seat allocated on.' }) allocatedOn!: string;
  @Field(() => DateScalar, { nullable: true, description: 'Departed on.' }) departedOn!: string | null;
  @Field(() => DateScalar, { nullable: true, description: 'Started work on.' }) startedWorkOn!: string | null;
  @Field(() => DateScalar, { nullable: true, description: 'Expected end of contract.' }) expectedEndOn!: string | null;
  @Field(() => DateScalar, { nullable: true, description: 'Returned on.' }) returnedOn!: string | null;
  @Field(() => DateScalar, { nullable: true, description: 'Cancelled on.' }) cancelledOn!: string | null;
  candidateId!: string;
  openingId!: string;
  mouId!: string;
  employerPartyId!: string;
}

@ObjectType({ description: 'Result of allocating a seat: the selected candidate and the placement.' })
@Authorized(...WRITE_RULE)
export class SeatAllocationResult {
  @Field(() => Candidate, { description: 'The candidate, now SELECTED.' }) candidate!: Candidate;
  @Field(() => Placement, { description: 'The placement created.' }) placement!: Placement;
}

// ---------------------------------------------------------------- inputs

const UUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
const uuidMessage = { message: '$property must be a UUID' };

@InputType({ description: 'An identifier in another system.' })
export class CandidateExternalReferenceInput {
  @Field(() => CandidateReferenceSystemEnum, { description: 'System.' })
  @IsIn([...CANDIDATE_REFERENCE_SYSTEMS])
  system!: CandidateReferenceSystem;

  @Field(() => String, { description: 'Identifier there.' })
  @Length(1, 100)
  reference!: string;
}

@InputType({ description: 'A new candidate (stage REGISTERED).' })
export class RegisterCandidateInput {
  @Field(() => CandidateProfileInput, { description: 'Profile (the NIK is checked in full and must be unique).' })
  @ValidateNested()
  profile!: CandidateProfileInput;

  @Field(() => RouteEnum, { nullable: true, description: 'Route aimed for.' })
  @IsOptional()
  targetRoute?: Route;

  @Field(() => OccupationEnum, { nullable: true, description: 'Occupation aimed for.' })
  @IsOptional()
  targetOccupation?: Occupation;

  @Field(() => [CandidateExternalReferenceInput], { nullable: true, description: 'Identifiers in other systems.' })
  @IsOptional() @ArrayMaxSize(20) @ValidateNested({ each: true })
  externalRefs?: CandidateExternalReferenceInput[];

  @Field(() => String, { nullable: true, description: 'Note on the registration.' })
  @IsOptional() @MaxLength(4000)
  note?: string;
}

@ArgsType()
export class RegisterCandidateArgs {
  @Field(() => RegisterCandidateInput, { description: 'The candidate.' })
  @ValidateNested()
  input!: RegisterCandidateInput;
}

@InputType({ description: 'Replace a candidate’s profile.' })
export class UpdateCandidateProfileInput {
  @Field(() => ID, { description: 'The candidate.' })
  @Matches(UUID, uuidMessage)
  id!: string;

  @Field(() => CandidateProfileInput, { description: 'The new profile (replaces the stored one).' })
  @ValidateNested()
  profile!: CandidateProfileInput;

  @Field(() => RouteEnum, { nullable: true, description: 'Route aimed for (while REGISTERED).' })
  @IsOptional()
  targetRoute?: Route;

  @Field(() => OccupationEnum, { nullable: true, description: 'Occupation aimed for (while REGISTERED).' })
  @IsOptional()
  targetOccupation?: Occupation;
}

@ArgsType()
export class UpdateCandidateProfileArgs {
  @Field(() => UpdateCandidateProfileInput, { description: 'The changes.' })
  @ValidateNested()
  input!: UpdateCandidateProfileInput;
}

@InputType({ description: 'Add a document to a candidate’s profile.' })
export class AddCandidateDocumentInput {
  @Field(() => ID, { description: 'The candidate.' })
  @Matches(UUID, uuidMessage)
  candidateId!: string;

  @Field(() => DocumentRecordInput, { description: 'The document.' })
  @ValidateNested()
  document!: DocumentRecordInput;
}

@ArgsType()
export class AddCandidateDocumentArgs {
  @Field(() => AddCandidateDocumentInput, { description: 'The document.' })
  @ValidateNested()
  input!: AddCandidateDocumentInput;
}

@ArgsType()
export class AdvanceCandidateArgs {
  @Field(() => ID, { description: 'The candidate.' })
  @Matches(UUID, uuidMessage)
  id!: string;

  @Field(() => CandidateStageEnum, { description: 'The stage to move to (one step; gates use eligibility).' })
  @IsIn([...CANDIDATE_STAGES])
  to!: CandidateStage;

  @Field(() => String, { nullable: true, description: 'Note (required to withdraw or reject without a reason code, or with OTHER).' })
  @IsOptional() @MaxLength(4000)
  note?: string;

  @Field(() => CandidateExitReasonEnum, {
    nullable: true,
    description: 'Why the candidate leaves (only with `to` WITHDRAWN or REJECTED, a code of that exit: CANDIDATE.EXIT_REASON_MISMATCH otherwise).',
  })
  @IsOptional() @IsIn([...CANDIDATE_EXIT_REASONS])
  reason?: CandidateExitReason;
}

@ArgsType()
export class AllocateSeatArgs {
  @Field(() => ID, { description: 'The candidate (REGISTERED and eligible to be selected).' })
  @Matches(UUID, uuidMessage)
  candidateId!: string;

  @Field(() => ID, { description: 'The OPEN opening whose quota gives the seat.' })
  @Matches(UUID, uuidMessage)
  openingId!: string;

  @Field(() => String, { nullable: true, description: 'Note.' })
  @IsOptional() @MaxLength(4000)
  note?: string;
}

@ArgsType()
export class ReleaseSeatArgs {
  @Field(() => ID, { description: 'The candidate holding the seat.' })
  @Matches(UUID, uuidMessage)
  candidateId!: string;

  @Field(() => ReleaseStageEnum, { description: 'Withdrawal or rejection.' })
  @IsIn(['WITHDRAWN', 'REJECTED'])
  reason!: 'WITHDRAWN' | 'REJECTED';

  @Field(() => String, { description: 'The reason, in words (required).' })
  @Length(1, 4000)
  note!: string;
}
