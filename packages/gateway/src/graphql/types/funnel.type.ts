/** GraphQL types of `funnel` (graphql/resolvers/funnel.resolver.ts). */
import { IsOptional, ValidateNested } from 'class-validator';
import { ArgsType, Field, Int, ObjectType } from 'type-graphql';
import type { CandidateExitReason, CandidateStage } from '../../domain';
import type { FunnelExitKind } from '../../read-models/funnel.read-model';
import { CandidateFilter, DateRangeFilter } from '../inputs/candidate-filter.input';
import { DateScalar } from '../scalars';
import { CandidateExitReasonEnum, CandidateStageEnum } from './candidate.type';
import { Disclosure } from './disclosure.type';

@ArgsType()
export class FunnelArgs {
  @Field(() => DateRangeFilter, {
    description: 'The cohort: candidates registered (a stage change into REGISTERED) between these WIB days, inclusive. Protected view: whole calendar months that are over.',
  })
  @ValidateNested()
  registered!: DateRangeFilter;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'Follow the cohort up to the end of this WIB day (default: now). Protected view: the last month end on or before it that has passed.',
  })
  @IsOptional()
  asOf?: Date;

  @Field(() => CandidateFilter, { nullable: true, description: 'The same filter as `candidates`, on the cohort. Protected view: refused (the funnel has no breakdown).' })
  @IsOptional()
  @ValidateNested()
  filter?: CandidateFilter;
}

@ObjectType({ description: 'One stage of the funnel: how many of the cohort reached it, the conversion, and the days it took.' })
export class FunnelStageRow {
  @Field(() => CandidateStageEnum, { description: 'Stage (the domain’s pipeline order, REGISTERED … RETURNED).' }) stage!: CandidateStage;
  @Field(() => Int, {
    nullable: true,
    description: 'People of the cohort who reached the stage (entered it or a later one in the same cycle); null when suppressed.',
  })
  reached!: number | null;
  @Field(() => String, { nullable: true, description: 'reached / reached at the stage before (decimal string, 4 places); null for REGISTERED, when either count is null, or 0 people before.' })
  rateFromPrevious!: string | null;
  @Field(() => String, { nullable: true, description: 'reached / the cohort (decimal string, 4 places); null when either count is null or the cohort is empty.' })
  rateFromRegistration!: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'Median days from entering the stage before (in the cycle) to entering this one (percentile_cont, 2 places); null when nobody, or (protected view) fewer than minCellCount people, made the step, or the stage is suppressed.',
  })
  medianDaysFromPrevious!: string | null;
  @Field(() => String, { nullable: true, description: '90th percentile of the same days (percentile_cont, 2 places); null as the median.' })
  p90DaysFromPrevious!: string | null;
  @Field(() => Boolean, {
    description:
      'True when `reached` is withheld (protected view): in some registration month of the period it, or its drop from the last stage published before it, is 1 to minCellCount − 1 people.',
  })
  suppressed!: boolean;
}

@ObjectType({ description: 'People of the cohort who left the pipeline (WITHDRAWN or REJECTED) from one stage, for one exit reason code.' })
export class FunnelExitRow {
  @Field(() => CandidateStageEnum, { description: 'WITHDRAWN or REJECTED.' }) exit!: FunnelExitKind;
  @Field(() => CandidateStageEnum, { nullable: true, description: 'The stage they left.' }) fromStage!: CandidateStage | null;
  @Field(() => CandidateExitReasonEnum, { nullable: true, description: 'The exit reason code; null for exits recorded without one.' })
  reason!: CandidateExitReason | null;
  @Field(() => Int, { nullable: true, description: 'People; null when suppressed.' }) count!: number | null;
  @Field(() => Boolean, {
    description:
      'True when withheld (protected view): in some registration month an exit cell (stage left × reason) around this stage, or the people who stayed, is 1 to minCellCount − 1; the other cells of that gap are withheld with it.',
  })
  suppressed!: boolean;
}

@ObjectType({ description: 'All exits of one kind.' })
export class FunnelExitTotal {
  @Field(() => CandidateStageEnum, { description: 'WITHDRAWN or REJECTED.' }) exit!: FunnelExitKind;
  @Field(() => Int, { nullable: true, description: 'People; null when any of its rows is suppressed.' }) count!: number | null;
  @Field(() => Boolean, { description: 'True when withheld.' }) suppressed!: boolean;
}

@ObjectType({
  description:
    'The funnel of a registration cohort: the people who reached each stage, conversion rates, days between stages, and where people left. Exits are by the stage left and the exit reason code (CandidateExitReason, the program’s vocabulary); the free-text note of a withdrawal or rejection is never published in an aggregate.',
})
export class Funnel {
  @Field(() => DateScalar, { description: 'First registration day of the cohort.' }) registeredFrom!: string;
  @Field(() => DateScalar, { description: 'Last registration day of the cohort.' }) registeredTo!: string;
  @Field(() => DateScalar, { description: 'The day the cohort is followed to (protected view: the reference date).' }) asOf!: string;
  @Field(() => Int, { nullable: true, description: 'People in the cohort (= reached at REGISTERED); null when suppressed.' }) cohort!: number | null;
  @Field(() => [FunnelStageRow], { description: 'Every pipeline stage, in order.' }) rows!: FunnelStageRow[];
  @Field(() => [FunnelExitRow], { description: 'Exits by kind, stage left and reason code (those that occurred).' }) exits!: FunnelExitRow[];
  @Field(() => [FunnelExitTotal], { description: 'WITHDRAWN and REJECTED in all.' }) exitTotals!: FunnelExitTotal[];
  @Field(() => Disclosure, { description: 'How the figures were protected (suppressedCells counts stage and exit rows).' }) disclosure!: Disclosure;
}
