import { PARTY_KINDS, PARTY_KIND_LABELS, PARTY_REFERENCE_SYSTEMS, type PartyKind, type PartyReferenceSystem } from '../../domain';
import {
  ArrayMaxSize,
  IsBoolean,
  IsIn,
  IsOptional,
  Length,
  Matches,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { ArgsType, Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { DateTimeScalar } from '../scalars';

export const PartyKindEnum = Object.fromEntries(PARTY_KINDS.map((k) => [k, k])) as { [K in PartyKind]: K };
registerEnumType(PartyKindEnum, {
  name: 'PartyKind',
  description: 'Kind of organisation (DOMAIN.md §2).',
  valuesConfig: Object.fromEntries(PARTY_KINDS.map((k) => [k, { description: `${PARTY_KIND_LABELS[k].en} (${PARTY_KIND_LABELS[k].id})` }])),
});

export const ReferenceSystemEnum = Object.fromEntries(PARTY_REFERENCE_SYSTEMS.map((k) => [k, k])) as {
  [K in PartyReferenceSystem]: K;
};
const SYSTEM_DESCRIPTIONS: Record<PartyReferenceSystem, string> = {
  SISKOP2MI: 'SISKOP2MI, the national migrant-worker registration system (KP2MI).',
  SIAPKERJA: 'SIAPkerja / Karirhub (Kemnaker): job-seeker cards and verified vacancies.',
  EPS_HRD_KOREA: 'EPS of HRD Korea.',
  OSS_NIB: 'OSS business identification number (NIB).',
  KEMENDAGRI: 'Kemendagri region or cooperation register.',
  OTHER: 'Another system.',
};
registerEnumType(ReferenceSystemEnum, {
  name: 'ReferenceSystem',
  description: 'External system whose identifier a record carries (official records stay there; DOMAIN.md §8).',
  valuesConfig: Object.fromEntries(PARTY_REFERENCE_SYSTEMS.map((s) => [s, { description: SYSTEM_DESCRIPTIONS[s] }])),
});

@ObjectType({ description: 'Licence numbers a P3MI must hold.' })
export class P3miLicence {
  @Field(() => String, { description: 'SIP3MI: placement company licence number.' })
  sip3miNumber!: string;

  @Field(() => String, { description: 'SIP2MI: recruitment permit number.' })
  sip2miNumber!: string;
}

@ObjectType({ description: 'The person who represents an organisation.' })
export class PartyRepresentative {
  @Field(() => String, { description: 'Name as reported.' })
  name!: string;

  @Field(() => String, { description: 'Title, e.g. "President Director", "Wali Kota".' })
  title!: string;
}

@ObjectType({ description: 'An identifier of this record in another system.' })
export class ExternalReference {
  @Field(() => ReferenceSystemEnum, { description: 'The system.' })
  system!: PartyReferenceSystem;

  @Field(() => String, { description: 'The identifier in that system.' })
  reference!: string;
}

@ObjectType({ description: 'An organisation in the program: the city, a Korean county, APJATI, a P3MI, an employer, a trainer, a certifier, a bank.' })
export class Party {
  @Field(() => ID, { description: 'Identifier (UUID).' })
  id!: string;

  @Field(() => PartyKindEnum, { description: 'Kind of organisation.' })
  kind!: PartyKind;

  @Field(() => String, { description: 'Name as reported (e.g. "Kabupaten Hannam").' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Short name or acronym (e.g. "APJATI").' })
  shortName!: string | null;

  @Field(() => String, { nullable: true, description: 'Name in the party’s own language or script, when confirmed.' })
  nativeName!: string | null;

  @Field(() => String, { nullable: true, description: 'Organisational unit acting for the party (e.g. "Disnakertrans Kota Serang").' })
  unit!: string | null;

  @Field(() => String, { description: 'ISO 3166-1 alpha-2 country code (e.g. ID, KR).' })
  country!: string;

  @Field(() => String, { nullable: true, description: 'Region code in the country’s own scheme (Kemendagri "36.73" for Kota Serang).' })
  regionCode!: string | null;

  @Field(() => P3miLicence, { nullable: true, description: 'SIP3MI / SIP2MI numbers (P3MI only).' })
  licence!: P3miLicence | null;

  @Field(() => PartyRepresentative, { nullable: true, description: 'Who represents the party.' })
  representative!: PartyRepresentative | null;

  @Field(() => [ExternalReference], { description: 'Identifiers in other systems.' })
  externalRefs!: ExternalReference[];

  @Field(() => Boolean, { description: 'True for an illustrative party (e.g. a placeholder bank), never a real counterpart.' })
  isExample!: boolean;

  @Field(() => String, { nullable: true, description: 'Free-text note.' })
  note!: string | null;

  @Field(() => DateTimeScalar, { description: 'When the record was created.' })
  createdAt!: Date;

  @Field(() => DateTimeScalar, { description: 'When the record was last changed.' })
  updatedAt!: Date;
}

@InputType({ description: 'SIP3MI / SIP2MI licence numbers.' })
export class P3miLicenceInput {
  @Field(() => String, { description: 'SIP3MI number.' })
  @Length(1, 100)
  sip3miNumber!: string;

  @Field(() => String, { description: 'SIP2MI number.' })
  @Length(1, 100)
  sip2miNumber!: string;
}

@InputType({ description: 'A representative.' })
export class PartyRepresentativeInput {
  @Field(() => String, { description: 'Name.' })
  @Length(1, 200)
  name!: string;

  @Field(() => String, { description: 'Title.' })
  @Length(1, 200)
  title!: string;
}

@InputType({ description: 'An identifier in another system.' })
export class ExternalReferenceInput {
  @Field(() => ReferenceSystemEnum, { description: 'The system.' })
  @IsIn([...PARTY_REFERENCE_SYSTEMS])
  system!: PartyReferenceSystem;

  @Field(() => String, { description: 'The identifier.' })
  @Length(1, 100)
  reference!: string;
}

/** Optional details shared by the create and update inputs (fields inherited). */
@InputType('PartyDetailsInput', { description: 'Optional details of a party (shared by the create and update inputs).' })
export class PartyDetailsInput {
  @Field(() => String, { nullable: true, description: 'Short name or acronym.' })
  @IsOptional()
  @MaxLength(40)
  shortName?: string | null;

  @Field(() => String, { nullable: true, description: 'Native-script name.' })
  @IsOptional()
  @MaxLength(200)
  nativeName?: string | null;

  @Field(() => String, { nullable: true, description: 'Organisational unit.' })
  @IsOptional()
  @MaxLength(200)
  unit?: string | null;

  @Field(() => String, { nullable: true, description: 'Region code.' })
  @IsOptional()
  @MaxLength(20)
  regionCode?: string | null;

  @Field(() => P3miLicenceInput, { nullable: true, description: 'P3MI licence numbers.' })
  @IsOptional()
  @ValidateNested()
  licence?: P3miLicenceInput | null;

  @Field(() => PartyRepresentativeInput, { nullable: true, description: 'Representative.' })
  @IsOptional()
  @ValidateNested()
  representative?: PartyRepresentativeInput | null;

  @Field(() => [ExternalReferenceInput], { nullable: true, description: 'Identifiers in other systems (replaces the list).' })
  @IsOptional()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  externalRefs?: ExternalReferenceInput[];

  @Field(() => Boolean, { nullable: true, description: 'Illustrative party flag.' })
  @IsOptional()
  @IsBoolean()
  isExample?: boolean;

  @Field(() => String, { nullable: true, description: 'Note.' })
  @IsOptional()
  @MaxLength(4000)
  note?: string | null;
}

@InputType({ description: 'A new party.' })
export class CreatePartyInput extends PartyDetailsInput {
  @Field(() => PartyKindEnum, { description: 'Kind of organisation (cannot change later).' })
  @IsIn([...PARTY_KINDS])
  kind!: PartyKind;

  @Field(() => String, { description: 'Name as reported.' })
  @MinLength(1)
  @MaxLength(200)
  name!: string;

  @Field(() => String, { description: 'ISO 3166-1 alpha-2 country code.' })
  @Matches(/^[A-Z]{2}$/, { message: 'country must be an ISO 3166-1 alpha-2 code' })
  country!: string;
}

@ArgsType()
export class CreatePartyArgs {
  @Field(() => CreatePartyInput, { description: 'The new party.' })
  @ValidateNested()
  input!: CreatePartyInput;
}

@InputType({ description: 'Changes to a party.' })
export class UpdatePartyInput extends PartyDetailsInput {
  @Field(() => ID, { description: 'The party to change.' })
  @Length(36, 36)
  id!: string;

  @Field(() => String, { nullable: true, description: 'Name as reported.' })
  @IsOptional()
  @MinLength(1)
  @MaxLength(200)
  name?: string;

  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2 country code.' })
  @IsOptional()
  @Matches(/^[A-Z]{2}$/, { message: 'country must be an ISO 3166-1 alpha-2 code' })
  country?: string;
}

@ArgsType()
export class UpdatePartyArgs {
  @Field(() => UpdatePartyInput, { description: 'The changes.' })
  @ValidateNested()
  input!: UpdatePartyInput;
}
