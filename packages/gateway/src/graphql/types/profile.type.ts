/**
 * The candidate profile (domain `CandidateProfile`) as GraphQL input and output types. Every field is
 * optional: absent means "not known yet" (eligibility reports it as missing, never as a fail).
 * Shapes and sizes are checked here (class-validator); meaning is checked by the domain.
 */
import {
  ADDRESS_SOURCES,
  CONSENT_GIVERS,
  DOCUMENT_KINDS,
  EDUCATION_LEVELS,
  PROFILE_MAX_LIST_LENGTH,
  PROFILE_MAX_STRING_LENGTH,
  SKILL_CERTIFIERS,
  TOPIK_TESTS,
  type AddressSource,
  type CandidateProfile as DomainProfile,
  type ConsentGiver,
  type DocumentKind,
  type EducationLevel,
  type Occupation,
  type Sex,
  type SkillCertifier,
  type TopikTest,
} from '@jembatan/domain';
import { ArrayMaxSize, IsBoolean, IsIn, IsInt, IsOptional, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { Field, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { OccupationEnum, SexEnum } from '../enums';
import { DateScalar, isoDateOf } from '../scalars';

function enumOf<T extends string>(values: readonly T[]): { [K in T]: K } {
  return Object.fromEntries(values.map((v) => [v, v])) as { [K in T]: K };
}

export const EducationLevelEnum = enumOf(EDUCATION_LEVELS);
registerEnumType(EducationLevelEnum, {
  name: 'EducationLevel',
  description: 'Highest completed education, in ascending order.',
  valuesConfig: {
    NONE: { description: 'No formal schooling completed.' },
    SD: { description: 'Primary school (Sekolah Dasar).' },
    SLTP: { description: 'Junior secondary (SMP/SLTP); the E-9 minimum.' },
    SLTA: { description: 'Senior secondary (SMA/SMK/SLTA).' },
    D3: { description: 'Diploma 3.' },
    S1: { description: 'Bachelor (S1).' },
    S2: { description: 'Master (S2).' },
    S3: { description: 'Doctorate (S3).' },
  },
});

export const TopikTestEnum = enumOf(TOPIK_TESTS);
registerEnumType(TopikTestEnum, {
  name: 'TopikTest',
  description: 'TOPIK (NIIED) test: TOPIK I (levels 1–2, 200 points) or TOPIK II (levels 3–6, 300 points).',
  valuesConfig: { TOPIK_I: { description: 'TOPIK I.' }, TOPIK_II: { description: 'TOPIK II.' } },
});

export const SkillCertifierEnum = enumOf(SKILL_CERTIFIERS);
registerEnumType(SkillCertifierEnum, {
  name: 'SkillCertifier',
  description: 'Who verified a skill.',
  valuesConfig: {
    KOSHIPA: { description: 'Korea Offshore & Shipbuilding Association (shipbuilding skill verification).' },
    BNSP_LSP: { description: 'A professional certification body (LSP) licensed by BNSP.' },
    HRD_KOREA: { description: 'HRD Korea skills test.' },
    OTHER: { description: 'Another certifier.' },
  },
});

export const ConsentGiverEnum = enumOf(CONSENT_GIVERS);
registerEnumType(ConsentGiverEnum, {
  name: 'ConsentGiver',
  description: 'Who gave the family consent (UU 18/2017 Pasal 13b).',
  valuesConfig: {
    SPOUSE: { description: 'Husband or wife.' },
    PARENT: { description: 'Parent.' },
    GUARDIAN: { description: 'Guardian (wali).' },
  },
});

const DOCUMENT_DESCRIPTIONS: Record<DocumentKind, string> = {
  MARITAL_STATUS_CERTIFICATE: 'Marital-status certificate (Pasal 13a).',
  FAMILY_CONSENT: 'Consent of spouse, parent or guardian acknowledged by the lurah / kepala desa (Pasal 13b).',
  COMPETENCY_CERTIFICATE: 'Competency certificate (Pasal 13c).',
  MEDICAL_PSYCHOLOGICAL_CERTIFICATE: 'Medical and psychological certificate (Pasal 13d).',
  PASSPORT: 'Passport (Pasal 13e).',
  WORK_VISA: 'Work visa (Pasal 13f).',
  PLACEMENT_AGREEMENT: 'Placement agreement (Perjanjian Penempatan, Pasal 13g).',
  EMPLOYMENT_CONTRACT: 'Employment contract (Perjanjian Kerja, Pasal 13h).',
  KTP: 'Identity card (KTP).',
  KK: 'Family card (Kartu Keluarga).',
  SKCK: 'Police certificate (SKCK).',
  AK1_CARD: 'Job-seeker card AK/1 (Disnaker).',
};
export const DocumentKindEnum = enumOf(DOCUMENT_KINDS);
registerEnumType(DocumentKindEnum, {
  name: 'DocumentKind',
  description: 'A document a candidate gathers: the eight of UU 18/2017 Pasal 13, then supporting cards.',
  valuesConfig: Object.fromEntries(DOCUMENT_KINDS.map((k) => [k, { description: DOCUMENT_DESCRIPTIONS[k] }])),
});

export const AddressSourceEnum = enumOf(ADDRESS_SOURCES);
registerEnumType(AddressSourceEnum, {
  name: 'AddressSource',
  description: 'The card an address was read from.',
  valuesConfig: { KTP: { description: 'Identity card (KTP).' }, KK: { description: 'Family card (KK).' } },
});

const TEXT = PROFILE_MAX_STRING_LENGTH;
const LIST = PROFILE_MAX_LIST_LENGTH;

// ---------------------------------------------------------------- inputs

@InputType({ description: 'Address as written on the KTP/KK (decides residency in Kota Serang, never the NIK).' })
export class ResidentialAddressInput {
  @Field(() => String, { nullable: true, description: 'Kecamatan as written, e.g. "Cipocok Jaya".' })
  @IsOptional() @MaxLength(TEXT)
  kecamatan?: string;

  @Field(() => String, { nullable: true, description: 'Kelurahan / desa as written.' })
  @IsOptional() @MaxLength(TEXT)
  kelurahan?: string;

  @Field(() => String, { nullable: true, description: 'Regency or city as written, e.g. "Kota Serang".' })
  @IsOptional() @MaxLength(TEXT)
  city?: string;

  @Field(() => String, { nullable: true, description: 'Kemendagri code of the address’s regency/city ("36.73"), when known.' })
  @IsOptional() @MaxLength(10)
  cityCode?: string;

  @Field(() => AddressSourceEnum, { nullable: true, description: 'Which card the address was read from.' })
  @IsOptional() @IsIn([...ADDRESS_SOURCES])
  source?: AddressSource;
}

@InputType({ description: 'An EPS-TOPIK result (HRD Korea), valid for a parameterised number of months.' })
export class EpsTopikResultInput {
  @Field(() => DateScalar, { description: 'Test date.' })
  takenOn!: Date;

  @Field(() => Int, { description: 'Whole points (out of 200).' })
  @IsInt() @Min(0) @Max(1000)
  score!: number;

  @Field(() => String, { nullable: true, description: 'Round label, e.g. "2025 manufacturing (Indonesia)".' })
  @IsOptional() @MaxLength(TEXT)
  round?: string;
}

@InputType({ description: 'A TOPIK result (NIIED).' })
export class TopikResultInput {
  @Field(() => TopikTestEnum, { description: 'TOPIK I or II.' })
  @IsIn([...TOPIK_TESTS])
  test!: TopikTest;

  @Field(() => DateScalar, { description: 'Test date.' })
  takenOn!: Date;

  @Field(() => Int, { description: 'Whole points (TOPIK I out of 200, TOPIK II out of 300).' })
  @IsInt() @Min(0) @Max(1000)
  score!: number;
}

@InputType({ description: 'The Gyeongsangnam-do pilot’s Korean test: a level on the TOPIK scale plus speaking.' })
export class PilotKoreanTestInput {
  @Field(() => DateScalar, { description: 'Test date.' })
  takenOn!: Date;

  @Field(() => Int, { description: 'Level reached (1–6).' })
  @IsInt() @Min(0) @Max(10)
  level!: number;

  @Field(() => Boolean, { description: 'Whether the speaking test was passed.' })
  @IsBoolean()
  speakingPassed!: boolean;
}

@InputType({ description: 'A skill test or competency certification for one occupation.' })
export class SkillVerificationInput {
  @Field(() => OccupationEnum, { description: 'The occupation verified.' })
  occupation!: Occupation;

  @Field(() => SkillCertifierEnum, { description: 'Who verified it.' })
  @IsIn([...SKILL_CERTIFIERS])
  certifier!: SkillCertifier;

  @Field(() => String, { nullable: true, description: 'Qualification, e.g. "FCAW 3G (X-ray)".' })
  @IsOptional() @MaxLength(TEXT)
  qualification?: string;

  @Field(() => DateScalar, { description: 'Test date.' })
  testedOn!: Date;

  @Field(() => Boolean, { description: 'Whether it was passed.' })
  @IsBoolean()
  passed!: boolean;

  @Field(() => DateScalar, { nullable: true, description: 'Expiry date, when the certificate states one.' })
  @IsOptional()
  expiresOn?: Date;
}

@InputType({ description: 'Screening results: true = found, false = screened and not found, absent = not screened.' })
export class MedicalConditionsInput {
  @Field(() => Boolean, { nullable: true, description: 'Tuberculosis.' })
  @IsOptional() @IsBoolean()
  TUBERCULOSIS?: boolean;

  @Field(() => Boolean, { nullable: true, description: 'Hepatitis.' })
  @IsOptional() @IsBoolean()
  HEPATITIS?: boolean;

  @Field(() => Boolean, { nullable: true, description: 'Syphilis.' })
  @IsOptional() @IsBoolean()
  SYPHILIS?: boolean;

  @Field(() => Boolean, { nullable: true, description: 'HIV.' })
  @IsOptional() @IsBoolean()
  HIV?: boolean;
}

@InputType({ description: 'Results of the medical and psychological examination (what the rules need).' })
export class MedicalRecordInput {
  @Field(() => DateScalar, { nullable: true, description: 'Examination date.' })
  @IsOptional()
  examinedOn?: Date;

  @Field(() => Boolean, { nullable: true, description: 'Physically fit for work.' })
  @IsOptional() @IsBoolean()
  physicallyFit?: boolean;

  @Field(() => Boolean, { nullable: true, description: 'Psychologically fit.' })
  @IsOptional() @IsBoolean()
  psychologicallyFit?: boolean;

  @Field(() => Boolean, { nullable: true, description: 'Colour blind.' })
  @IsOptional() @IsBoolean()
  colourBlind?: boolean;

  @Field(() => Boolean, { nullable: true, description: 'All fingers complete.' })
  @IsOptional() @IsBoolean()
  completeFingers?: boolean;

  @Field(() => MedicalConditionsInput, { nullable: true, description: 'Screening per condition.' })
  @IsOptional() @ValidateNested()
  conditions?: MedicalConditionsInput;
}

@InputType({ description: 'Criminal record.' })
export class CriminalRecordInput {
  @Field(() => Boolean, { nullable: true, description: 'Ever sentenced to imprisonment.' })
  @IsOptional() @IsBoolean()
  everImprisoned?: boolean;
}

@InputType({ description: 'History with Korea.' })
export class KoreaHistoryInput {
  @Field(() => Boolean, { nullable: true, description: 'Ever deported from Korea.' })
  @IsOptional() @IsBoolean()
  deported?: boolean;

  @Field(() => Boolean, { nullable: true, description: 'Under a Korean entry ban.' })
  @IsOptional() @IsBoolean()
  entryBanned?: boolean;

  @Field(() => Int, { nullable: true, description: 'Whole months worked in Korea on E-9.' })
  @IsOptional() @IsInt() @Min(0) @Max(1200)
  priorMonthsE9?: number;

  @Field(() => Int, { nullable: true, description: 'Whole months worked in Korea on E-10.' })
  @IsOptional() @IsInt() @Min(0) @Max(1200)
  priorMonthsE10?: number;
}

@InputType({ description: 'Family consent (UU 18/2017 Pasal 13b).' })
export class FamilyConsentInput {
  @Field(() => ConsentGiverEnum, { description: 'Who gave it.' })
  @IsIn([...CONSENT_GIVERS])
  givenBy!: ConsentGiver;

  @Field(() => DateScalar, { nullable: true, description: 'When it was given.' })
  @IsOptional()
  givenOn?: Date;

  @Field(() => Boolean, { description: 'Acknowledged by the lurah / kepala desa.' })
  @IsBoolean()
  acknowledgedByVillageHead!: boolean;
}

@InputType({ description: 'A document the candidate holds.' })
export class DocumentRecordInput {
  @Field(() => DocumentKindEnum, { description: 'Kind of document.' })
  @IsIn([...DOCUMENT_KINDS])
  kind!: DocumentKind;

  @Field(() => DateScalar, { nullable: true, description: 'Issue date.' })
  @IsOptional()
  issuedOn?: Date;

  @Field(() => DateScalar, { nullable: true, description: 'Expiry date; absent when the document has none.' })
  @IsOptional()
  expiresOn?: Date;

  @Field(() => Boolean, { nullable: true, description: 'Checked by an officer.' })
  @IsOptional() @IsBoolean()
  verified?: boolean;

  @Field(() => String, { nullable: true, description: 'Reference in the issuing or storing system.' })
  @IsOptional() @MaxLength(TEXT)
  reference?: string;
}

@InputType({ description: 'What the program knows about a job seeker. Every field is optional: absent = not known yet.' })
export class CandidateProfileInput {
  @Field(() => String, { nullable: true, description: 'NIK (16 digits); checked against the declared birth date and sex.' })
  @IsOptional() @MaxLength(32) @Matches(/^[0-9 .-]*$/, { message: 'nik must contain digits only' })
  nik?: string;

  @Field(() => DateScalar, { nullable: true, description: 'Declared birth date.' })
  @IsOptional()
  declaredBirthDate?: Date;

  @Field(() => SexEnum, { nullable: true, description: 'Declared sex.' })
  @IsOptional()
  declaredSex?: Sex;

  @Field(() => ResidentialAddressInput, { nullable: true, description: 'Address on the KTP/KK.' })
  @IsOptional() @ValidateNested()
  address?: ResidentialAddressInput;

  @Field(() => EducationLevelEnum, { nullable: true, description: 'Highest completed education.' })
  @IsOptional() @IsIn([...EDUCATION_LEVELS])
  education?: EducationLevel;

  @Field(() => [EpsTopikResultInput], { nullable: true, description: 'EPS-TOPIK results.' })
  @IsOptional() @ArrayMaxSize(LIST) @ValidateNested({ each: true })
  epsTopikResults?: EpsTopikResultInput[];

  @Field(() => [TopikResultInput], { nullable: true, description: 'TOPIK results.' })
  @IsOptional() @ArrayMaxSize(LIST) @ValidateNested({ each: true })
  topikResults?: TopikResultInput[];

  @Field(() => [PilotKoreanTestInput], { nullable: true, description: 'Pilot Korean tests.' })
  @IsOptional() @ArrayMaxSize(LIST) @ValidateNested({ each: true })
  pilotKoreanTests?: PilotKoreanTestInput[];

  @Field(() => [SkillVerificationInput], { nullable: true, description: 'Skill verifications.' })
  @IsOptional() @ArrayMaxSize(LIST) @ValidateNested({ each: true })
  skillVerifications?: SkillVerificationInput[];

  @Field(() => MedicalRecordInput, { nullable: true, description: 'Medical and psychological results.' })
  @IsOptional() @ValidateNested()
  medical?: MedicalRecordInput;

  @Field(() => CriminalRecordInput, { nullable: true, description: 'Criminal record.' })
  @IsOptional() @ValidateNested()
  criminalRecord?: CriminalRecordInput;

  @Field(() => KoreaHistoryInput, { nullable: true, description: 'History with Korea.' })
  @IsOptional() @ValidateNested()
  koreaHistory?: KoreaHistoryInput;

  @Field(() => String, { nullable: true, description: 'BPJS Ketenagakerjaan membership number.' })
  @IsOptional() @MaxLength(40)
  bpjsNumber?: string;

  @Field(() => FamilyConsentInput, { nullable: true, description: 'Family consent.' })
  @IsOptional() @ValidateNested()
  familyConsent?: FamilyConsentInput;

  @Field(() => [DocumentRecordInput], { nullable: true, description: 'Documents held.' })
  @IsOptional() @ArrayMaxSize(LIST) @ValidateNested({ each: true })
  documents?: DocumentRecordInput[];

  @Field(() => DateScalar, { nullable: true, description: 'Planned departure date.' })
  @IsOptional()
  plannedDeparture?: Date;
}

/**
 * A GraphQL input (class instances, JS Dates, explicit nulls) as the domain's plain profile: dates
 * become 'YYYY-MM-DD', nulls and absent fields are dropped.
 */
export function plainOf<T>(input: unknown): T {
  const walk = (v: unknown): unknown => {
    if (v instanceof Date) return isoDateOf(v);
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === 'object') {
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v)) {
        if (x === null || x === undefined) continue;
        out[k] = walk(x);
      }
      return out;
    }
    return v;
  };
  return walk(input) as T;
}

export function profileOf(input: CandidateProfileInput | null | undefined): DomainProfile {
  return input ? plainOf<DomainProfile>(input) : {};
}
