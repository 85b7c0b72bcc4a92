/** GraphQL types of `trends` (graphql/resolvers/trends.resolver.ts). */
import { ArrayMaxSize, IsIn, IsOptional, ValidateNested } from 'class-validator';
import { ArgsType, Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { CANDIDATE_STAGES, type CandidateStage, type KotaSerangKecamatan, type Occupation, type Route } from '../../domain';
import {
  TREND_DIMENSIONS,
  TREND_GRANULARITIES,
  TREND_SERIES,
  type TrendDimension,
  type TrendGranularity,
  type TrendSeriesKind,
} from '../../read-models/trends.read-model';
import { KecamatanEnum, OccupationEnum, RouteEnum } from '../enums';
import { CandidateFilter } from '../inputs/candidate-filter.input';
import { DateScalar } from '../scalars';
import { CandidateStageEnum } from './candidate.type';
import { Disclosure } from './disclosure.type';
import { Money } from './money.type';

const enumObject = <T extends string>(values: readonly T[]): { [K in T]: K } => Object.fromEntries(values.map((v) => [v, v])) as { [K in T]: K };

export const TrendSeriesEnum = enumObject(TREND_SERIES);
registerEnumType(TrendSeriesEnum, {
  name: 'TrendSeries',
  description: 'An event series of `trends`, counted from the histories.',
  valuesConfig: {
    REGISTRATIONS: { description: 'Registrations: stage changes into REGISTERED (a new cycle after an exit or a return counts again), by the WIB day they were recorded at.' },
    STAGE_ENTRIES: { description: 'Entries into each stage of `stages` (default every stage): one series per stage (`stage` on the rows), by WIB day.' },
    DEPARTURES: { description: 'Placements by their departure day (`departedOn`).' },
    RETURNS: { description: 'Placements by their return day (`returnedOn`).' },
    WITHDRAWALS: { description: 'Stage changes into WITHDRAWN, by WIB day.' },
    SEATS_ALLOCATED: {
      description:
        'Quota seats allocated: placements by their allocation day, unless cancelled by the end of that calendar month (a cancellation in a later month does not remove it). The same basis as `upfrontCashOverLine` (protected view) counts placements on.',
    },
    FINANCING_PRINCIPAL: {
      description:
        'Financing plans by the WIB day they were first recorded (`count` = plans), with the principal lent or granted over their products (`amount`, whole rupiah). Exact view: the current plans, a plan changed later with its current products, a removed plan not at all. Protected view: every plan of the history, removed later or not, with its products as they stood at the end of that month (left out when removed by then): a later edit or removal does not move a closed month.',
    },
  },
});

export const TrendGranularityEnum = enumObject(TREND_GRANULARITIES);
registerEnumType(TrendGranularityEnum, {
  name: 'TrendGranularity',
  description: 'Bucket size of `trends`.',
  valuesConfig: {
    MONTH: { description: 'Calendar months in WIB (Asia/Jakarta, +07:00).' },
    WEEK: {
      description:
        'ISO weeks (Monday to Sunday, WIB). Exact view only: weeks straddle month ends, and weekly figures next to monthly ones would isolate the days of a week that fall in one month.',
    },
  },
});

export const TrendDimensionEnum = enumObject(TREND_DIMENSIONS);
registerEnumType(TrendDimensionEnum, {
  name: 'TrendDimension',
  description: 'A breakdown of `trends`: the candidate’s current attribute (the column `CandidateFilter` filters on).',
  valuesConfig: {
    KECAMATAN: { description: 'Kecamatan of residence (filter: `kecamatans`).' },
    OCCUPATION: { description: 'Target occupation (filter: `occupations`).' },
    ROUTE: { description: 'Target route (filter: `routes`).' },
  },
});

@ArgsType()
export class TrendsArgs {
  @Field(() => [TrendSeriesEnum], { description: 'The series to count (at least one; repeats are ignored).' })
  @ArrayMaxSize(TREND_SERIES.length * 2)
  @IsIn([...TREND_SERIES], { each: true })
  series!: TrendSeriesKind[];

  @Field(() => [CandidateStageEnum], { nullable: true, description: 'Stages of STAGE_ENTRIES (default: every stage). Only with STAGE_ENTRIES.' })
  @IsOptional()
  @ArrayMaxSize(CANDIDATE_STAGES.length * 2)
  @IsIn([...CANDIDATE_STAGES], { each: true })
  stages?: CandidateStage[];

  @Field(() => TrendGranularityEnum, { defaultValue: 'MONTH', description: 'MONTH (default) or WEEK (exact view only).' })
  @IsIn([...TREND_GRANULARITIES])
  granularity!: TrendGranularity;

  @Field(() => DateScalar, { description: 'First day (WIB). Protected view: the 1st of a month (whole calendar months that are over, else DISCLOSURE.RANGE_NOT_WHOLE_MONTHS).' })
  from!: Date;

  @Field(() => DateScalar, { description: 'Last day (WIB), inclusive. Protected view: the last day of a month before today.' })
  to!: Date;

  @Field(() => [TrendDimensionEnum], { nullable: true, description: 'Breakdown of every bucket (none: one cell per bucket). Protected view: at most one dimension.' })
  @IsOptional()
  @ArrayMaxSize(TREND_DIMENSIONS.length * 2)
  @IsIn([...TREND_DIMENSIONS], { each: true })
  by?: TrendDimension[];

  @Field(() => CandidateFilter, {
    nullable: true,
    description: 'The same filter as `candidates`, on the candidates the events belong to. Protected view: only on the dimensions of `by` (kecamatans, occupations, routes).',
  })
  @IsOptional()
  @ValidateNested()
  filter?: CandidateFilter;
}

@ObjectType('TrendBucket', { description: 'A bucket of `trends`: a WIB calendar month or an ISO week, clipped to the range asked for.' })
export class TrendBucketGql {
  @Field(() => String, { description: '`2026-01` for a month, `2026-W05` for an ISO week.' }) label!: string;
  @Field(() => DateScalar, { description: 'First day counted.' }) start!: string;
  @Field(() => DateScalar, { description: 'Last day counted (inclusive).' }) end!: string;
}

@ObjectType({ description: 'One cell of `trends`: a series (and stage) × bucket × dimension values.' })
export class TrendRow {
  @Field(() => TrendSeriesEnum, { description: 'Series.' }) series!: TrendSeriesKind;
  @Field(() => CandidateStageEnum, { nullable: true, description: 'Stage entered (STAGE_ENTRIES only).' }) stage!: CandidateStage | null;
  @Field(() => String, { description: 'Bucket label (`2026-01`, `2026-W05`).' }) bucket!: string;
  @Field(() => DateScalar, { description: 'First day of the bucket counted.' }) bucketStart!: string;
  @Field(() => KecamatanEnum, { nullable: true, description: 'Kecamatan (by KECAMATAN; null otherwise or when not recorded).' }) kecamatan!: KotaSerangKecamatan | null;
  @Field(() => OccupationEnum, { nullable: true, description: 'Target occupation (by OCCUPATION; null otherwise or when not recorded).' }) occupation!: Occupation | null;
  @Field(() => RouteEnum, { nullable: true, description: 'Target route (by ROUTE; null otherwise or when not recorded).' }) route!: Route | null;
  @Field(() => Int, { nullable: true, description: 'Events in the cell (0 is a real zero); null when suppressed.' }) count!: number | null;
  @Field(() => Money, { nullable: true, description: 'FINANCING_PRINCIPAL: principal lent or granted (IDR); null for the other series and when suppressed.' }) amount!: Money | null;
  @Field(() => Boolean, {
    description:
      'True when the cell is withheld (protected view): 1 to minCellCount − 1 people, or withheld with it so that the bucket total minus the published cells never isolates fewer than minCellCount people.',
  })
  suppressed!: boolean;
}

@ObjectType({ description: 'The total of one series (and stage) in one bucket, over its dimension cells.' })
export class TrendTotal {
  @Field(() => TrendSeriesEnum, { description: 'Series.' }) series!: TrendSeriesKind;
  @Field(() => CandidateStageEnum, { nullable: true, description: 'Stage entered (STAGE_ENTRIES only).' }) stage!: CandidateStage | null;
  @Field(() => String, { description: 'Bucket label.' }) bucket!: string;
  @Field(() => DateScalar, { description: 'First day of the bucket counted.' }) bucketStart!: string;
  @Field(() => Int, { nullable: true, description: 'Events in the bucket; null when any of its cells is suppressed (protected view).' }) count!: number | null;
  @Field(() => Money, { nullable: true, description: 'FINANCING_PRINCIPAL: principal in the bucket; null otherwise or when suppressed.' }) amount!: Money | null;
  @Field(() => Boolean, { description: 'True when the total is withheld.' }) suppressed!: boolean;
}

@ObjectType({
  description:
    'Monthly (or weekly) series of events from the histories: every bucket of the range is present, for every dimension combination seen in the range (a 0 is a real zero).',
})
export class Trends {
  @Field(() => TrendGranularityEnum, { description: 'Bucket size.' }) granularity!: TrendGranularity;
  @Field(() => DateScalar, { description: 'First day counted.' }) from!: string;
  @Field(() => DateScalar, { description: 'Last day counted.' }) to!: string;
  @Field(() => [TrendDimensionEnum], { description: 'The breakdown.' }) by!: TrendDimension[];
  @Field(() => [TrendBucketGql], { description: 'Every bucket, in order.' }) buckets!: TrendBucketGql[];
  @Field(() => [TrendRow], { description: 'Series × stage × bucket × dimension cells (without `by`: one per series × stage × bucket).' }) rows!: TrendRow[];
  @Field(() => [TrendTotal], { description: 'Series × stage × bucket totals.' }) totals!: TrendTotal[];
  @Field(() => Disclosure, { description: 'How the figures were protected (suppressedCells counts the rows).' }) disclosure!: Disclosure;
}
