/**
 * Financing plans: how a candidate's placement costs are financed (KUR Penempatan PMI, a
 * zero-interest facility, a city grant), as GraphQL inputs and outputs. Amounts are whole rupiah as
 * decimal strings in and `Money` out (GraphQL Int is 32-bit).
 */
import { ArrayMaxSize, ArrayMinSize, IsBoolean, IsIn, IsInt, IsOptional, Matches, Max, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';
import { ArgsType, Authorized, Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { GRACE_INTEREST_KINDS, type GraceInterest, type PayerKind } from '../../domain';
import { FINANCIER_KINDS, PLAN_FINANCING_KINDS, PLAN_PRODUCTS, type FinancierKind, type PlanFinancingKind, type PlanProduct } from '../../persistence/financing-plan.schema';
import { PERSONAL_RULE } from '../../security/rules';
import { PayerKindEnum } from '../enums';
import { DateScalar, DateTimeScalar } from '../scalars';
import { GraceInterestEnum } from './costs.type';
import { BilingualText } from './label.type';
import { Money } from './money.type';
import { BilingualTextInput } from './mou.type';

/** Most products one plan may combine (one of each). */
export const MAX_PLAN_FACILITIES = PLAN_PRODUCTS.length;

export const FinancingProductEnum = Object.fromEntries(PLAN_PRODUCTS.map((p) => [p, p])) as { [K in PlanProduct]: K };
registerEnumType(FinancingProductEnum, {
  name: 'FinancingProduct',
  description: 'A product that finances a worker’s placement costs (DOMAIN.md §6).',
  valuesConfig: {
    KUR_PENEMPATAN_PMI: {
      description:
        'KUR Penempatan PMI (Permen P2MI 18/2025): a bank loan whose ceiling, rate ("efektif", on the declining balance), longest tenor, grace and NPWP threshold are dated parameters read on the plan’s asOf; the tenor may not exceed the employment contract.',
    },
    ZERO_INTEREST_FACILITY: {
      description: 'A 0% loan (e.g. a facility APJATI arranges). DOMAIN.md gives no terms, so they are inputs stated by whoever offers it (terms.statedBy).',
    },
    CITY_GRANT: {
      description: 'A grant from Pemkot Serang towards pre-departure costs: not repaid. Its ceiling is an input stated by the city (terms.statedBy).',
    },
  },
});

export const FinancingKindEnum = Object.fromEntries(PLAN_FINANCING_KINDS.map((k) => [k, k])) as { [K in PlanFinancingKind]: K };
registerEnumType(FinancingKindEnum, {
  name: 'FinancingKind',
  description: 'Whether the money is repaid.',
  valuesConfig: {
    LOAN: { description: 'A loan: the worker repays the principal plus interest (possibly 0%).' },
    GRANT: { description: 'A grant: nothing is repaid.' },
  },
});

export const FinancierKindEnum = Object.fromEntries(FINANCIER_KINDS.map((k) => [k, k])) as { [K in FinancierKind]: K };
registerEnumType(FinancierKindEnum, {
  name: 'FinancierKind',
  description: 'Who puts up the money: the lender of a loan or the funder of a grant.',
  valuesConfig: {
    KUR_BANK: { description: 'A KUR lending bank (e.g. BNI, Mandiri, BSI, BJB): every KUR Penempatan PMI loan.' },
    APJATI_FACILITY: { description: 'A facility arranged by APJATI (the default lender of a zero-interest facility).' },
    P3MI: { description: 'The placement company (P3MI).' },
    EMPLOYER: { description: 'The Korean employer.' },
    CITY_GOVERNMENT: { description: 'Pemerintah Kota Serang: every city grant (it may also lend at 0%).' },
    OTHER: { description: 'Another lender, named in the product’s provider text.' },
  },
});

const SIGNED_AMOUNT = /^-?[0-9]{1,15}$/;
const signedAmountMessage = { message: '$property must be a whole number of rupiah, as a decimal string' };
const AMOUNT = /^[0-9]{1,15}$/;
const amountMessage = { message: '$property must be a whole number of rupiah, as a decimal string' };

// ---------------------------------------------------------------- inputs

@InputType({ description: 'Terms of a product DOMAIN.md gives no figures for (zero-interest facility, city grant): stated by whoever offers it, never invented.' })
export class FinancingTermsInput {
  @Field(() => String, { description: 'Who stated the terms (a circular number, an MoU clause, a Perwal or budget line).' })
  @MinLength(1) @MaxLength(300)
  statedBy!: string;

  @Field(() => BilingualTextInput, { nullable: true, description: 'Who offers the product (required for a zero-interest facility; default Pemkot Serang for the city grant).' })
  @IsOptional() @ValidateNested()
  provider?: BilingualTextInput;

  @Field(() => String, { nullable: true, description: 'Largest amount per worker, whole rupiah (null: none stated).' })
  @IsOptional() @Matches(AMOUNT, amountMessage)
  ceilingIdr?: string;

  @Field(() => Int, { nullable: true, description: 'Zero-interest facility: the longest tenor in months, grace included (null: none stated).' })
  @IsOptional() @IsInt() @Min(1) @Max(480)
  maxTenorMonths?: number;

  @Field(() => Int, { nullable: true, description: 'Zero-interest facility: the product’s grace period in months (default 0).' })
  @IsOptional() @IsInt() @Min(0) @Max(479)
  graceMonths?: number;

  @Field(() => Boolean, { nullable: true, description: 'Zero-interest facility: whether the tenor must fit the employment contract (default true, as KUR).' })
  @IsOptional() @IsBoolean()
  tenorWithinContract?: boolean;

  @Field(() => FinancierKindEnum, { nullable: true, description: 'Zero-interest facility: who lends (default APJATI_FACILITY; never KUR_BANK). City grant: CITY_GOVERNMENT or absent.' })
  @IsOptional() @IsIn([...FINANCIER_KINDS])
  financier?: FinancierKind;
}

@InputType({ description: 'One product of a financing plan and how much of it the worker uses.' })
export class FinancingFacilityInput {
  @Field(() => FinancingProductEnum, { description: 'The product.' })
  @IsIn([...PLAN_PRODUCTS])
  product!: PlanProduct;

  @Field(() => String, { description: 'Amount borrowed (loan) or granted, whole rupiah as a decimal string; the domain refuses zero or negative amounts.' })
  @Matches(SIGNED_AMOUNT, signedAmountMessage)
  amountIdr!: string;

  @Field(() => Int, { nullable: true, description: 'Loans: the tenor in months, grace included (required). Ignored for a grant.' })
  @IsOptional() @IsInt() @Min(1) @Max(480)
  tenorMonths?: number;

  @Field(() => Int, { nullable: true, description: 'Loans: grace months before the first instalment (default: the product’s).' })
  @IsOptional() @IsInt() @Min(0) @Max(479)
  graceMonths?: number;

  @Field(() => GraceInterestEnum, { nullable: true, description: 'Loans: interest during grace paid or capitalised (default: the product’s; for KUR the credit agreement decides).' })
  @IsOptional() @IsIn([...GRACE_INTEREST_KINDS])
  graceInterest?: GraceInterest;

  @Field(() => FinancingTermsInput, { nullable: true, description: 'The stated terms: required for ZERO_INTEREST_FACILITY and CITY_GRANT; refused for KUR_PENEMPATAN_PMI (its terms are dated parameters).' })
  @IsOptional() @ValidateNested()
  terms?: FinancingTermsInput;
}

@InputType({ description: 'A financing plan: the products that finance a candidate’s placement costs. Setting it replaces any earlier plan.' })
export class FinancingPlanInput {
  @Field(() => DateScalar, { nullable: true, description: 'Date of the parameters the KUR terms are read from (default: today in WIB).' })
  @IsOptional()
  asOf?: Date;

  @Field(() => Int, {
    nullable: true,
    description: 'Employment contract length in months, for products whose tenor must fit it. Default: the candidate’s placement, else its opening; when the placement states one, a different value is refused.',
  })
  @IsOptional() @IsInt() @Min(1) @Max(120)
  contractMonths?: number;

  @Field(() => String, { nullable: true, description: 'Placement costs the plan finances, whole rupiah: when given, each product and all of them together may not exceed it.' })
  @IsOptional() @Matches(AMOUNT, amountMessage)
  placementCostsIdr?: string;

  @Field(() => Boolean, { nullable: true, description: 'Whether the worker has an NPWP (tax number), needed for KUR above the threshold (default false).' })
  @IsOptional() @IsBoolean()
  hasNpwp?: boolean;

  @Field(() => String, { nullable: true, description: 'Note (e.g. the credit agreement number); no personal data.' })
  @IsOptional() @MaxLength(2000)
  note?: string;

  @Field(() => [FinancingFacilityInput], { description: `The products used, at most one of each (1–${MAX_PLAN_FACILITIES}).` })
  @ArrayMinSize(1) @ArrayMaxSize(MAX_PLAN_FACILITIES) @ValidateNested({ each: true })
  facilities!: FinancingFacilityInput[];
}

@ArgsType()
export class SetFinancingPlanArgs {
  @Field(() => ID, { description: 'The candidate.' })
  candidateId!: string;

  @Field(() => FinancingPlanInput, { description: 'The plan.' })
  @ValidateNested()
  input!: FinancingPlanInput;
}

@ArgsType()
export class RemoveFinancingPlanArgs {
  @Field(() => ID, { description: 'The candidate whose plan is removed.' })
  candidateId!: string;
}

// ---------------------------------------------------------------- outputs

/** Plans are personal (a worker's debts): the record rule, never ANALYST (aggregates only) nor PUBLIC. */
export const FINANCING_PLAN_READERS = PERSONAL_RULE;

@Authorized(...FINANCING_PLAN_READERS)
@ObjectType({ description: 'One product of a financing plan with the totals the domain computed when the plan was set (whole rupiah).' })
export class FinancingFacility {
  @Field(() => Int, { description: 'Position in the plan (0-based).' }) position!: number;
  @Field(() => FinancingProductEnum, { description: 'The product.' }) product!: PlanProduct;
  @Field(() => FinancingKindEnum, { description: 'LOAN (repaid) or GRANT (not repaid).' }) kind!: PlanFinancingKind;
  @Field(() => BilingualText, { description: 'Name of the product.' }) productName!: BilingualText;
  @Field(() => BilingualText, { description: 'Who offers it.' }) provider!: BilingualText;
  @Field(() => String, { nullable: true, description: 'Who stated the terms, for products whose terms are inputs (null for KUR: dated parameters).' })
  statedBy!: string | null;
  @Field(() => PayerKindEnum, { description: 'Who bears the amount in the end: WORKER repays a loan; CITY_SUBSIDY for the city grant.' }) payer!: PayerKind;
  @Field(() => FinancierKindEnum, { description: 'Who puts up the money.' }) financier!: FinancierKind;
  @Field(() => Money, { description: 'Principal of the loan, or the grant.' }) principal!: Money;
  @Field(() => String, { description: 'Annual rate as a decimal string ("0.06" = 6% a year; "0" for a zero-interest facility or a grant).' }) annualRate!: string;
  @Field(() => String, { description: 'ANNUITY ("bunga efektif", on the declining balance) for every product here.' }) method!: string;
  @Field(() => Int, { description: 'Tenor in months, grace included (0 for a grant).' }) tenorMonths!: number;
  @Field(() => Int, { description: 'Grace months (0 for a grant).' }) graceMonths!: number;
  @Field(() => GraceInterestEnum, { nullable: true, description: 'Interest during grace (null for a grant).' }) graceInterest!: GraceInterest | null;
  @Field(() => Boolean, { description: 'The amount is above the product’s NPWP threshold.' }) npwpRequired!: boolean;
  @Field(() => Money, { nullable: true, description: 'Regular monthly instalment (null for a grant).' }) instalment!: Money | null;
  @Field(() => Money, { nullable: true, description: 'Last instalment, with the rounding adjustment (null for a grant).' }) lastInstalment!: Money | null;
  @Field(() => Money, { description: 'Interest added to the balance during grace (CAPITALISED).' }) capitalisedInterest!: Money;
  @Field(() => Money, { description: 'Total interest over the loan (the capitalised part included; 0 for a grant).' }) interest!: Money;
  @Field(() => Money, { description: 'Total the worker repays: principal + interest (0 for a grant).' }) totalRepaid!: Money;
}

@Authorized(...FINANCING_PLAN_READERS)
@ObjectType({ description: 'How a candidate’s placement costs are financed: the products used and their totals (personal data).' })
export class FinancingPlan {
  @Field(() => ID, { description: 'Identifier (UUID).' }) id!: string;
  @Field(() => DateScalar, { description: 'Date of the parameters the KUR terms were read from.' }) asOf!: string;
  @Field(() => Int, { nullable: true, description: 'Employment contract length the tenors were checked against.' }) contractMonths!: number | null;
  @Field(() => Money, { nullable: true, description: 'Placement costs the plan finances, when stated.' }) placementCosts!: Money | null;
  @Field(() => Boolean, { description: 'Whether the worker has an NPWP.' }) hasNpwp!: boolean;
  @Field(() => String, { nullable: true, description: 'Note.' }) note!: string | null;
  @Field(() => [FinancingFacility], { description: 'The products, in the order given.' }) facilities!: FinancingFacility[];
  @Field(() => Money, { description: 'Principal of every loan in the plan.' }) loans!: Money;
  @Field(() => Money, { description: 'Every grant in the plan.' }) grants!: Money;
  @Field(() => Money, { description: 'Interest on every loan in the plan.' }) interest!: Money;
  @Field(() => Money, { description: 'What the worker repays over every loan (principal + interest).' }) totalRepaid!: Money;
  @Field(() => DateTimeScalar, { description: 'When the plan was first set.' }) createdAt!: Date;
  @Field(() => DateTimeScalar, { description: 'When the plan was last replaced.' }) updatedAt!: Date;
  candidateId!: string;
  placementId!: string | null;
}
