/**
 * `trainingAggregates` (issue 10): cohort fill, completion rate, attendance rate, practice and
 * official pass rates, per cohort, per provider, per kecamatan and in total, for the cohorts the
 * filter (the same as `trainingCohorts`) selects. One SQL statement (read-models/
 * training-aggregates.read-model.ts, where each count is defined); the disclosure control is the
 * one every aggregate over people uses (types/disclosure.type.ts, the domain's disclosure/):
 *
 * - OFFICER and ADMIN: exact figures, on `asOf` (default now).
 * - ANALYST, PARTNER, TRAINER: the protected view. Figures are for the month-end reference date.
 *   A cohort figure counting 1 to k − 1 people is suppressed (`null` + `suppressed: true`). A rate
 *   is suppressed too when its numerator or the rest of its denominator is 1 to k − 1, because
 *   "2 of 30 did not complete" is a small cell. A provider, kecamatan or total figure is suppressed
 *   as soon as one cohort figure it adds up is, so that no subtraction gives a suppressed cohort.
 *   Every filter selects whole cohorts: each is a cohort attribute, and a cohort's figures do not
 *   depend on the filter. Filtering then only picks cells of the unfiltered table. The filters
 *   allowed are listed, so a person-level filter added to the cohort filter later is refused until
 *   someone decides on it.
 * - TRAINER (staff of a training provider; scope = the principal's `partyIds`): only cohorts whose
 *   provider is one of those parties (no party: no cohort). A TRAINER cannot learn about other
 *   providers through these figures. A caller who also holds OFFICER, ADMIN, ANALYST or PARTNER
 *   gets that role's scope: the strongest view wins, as for records.
 */
import { IsOptional, ValidateNested } from 'class-validator';
import { Args, ArgsType, Authorized, Ctx, Field, Query, Resolver } from 'type-graphql';
import { ratioOf, ratioToDecimalString, type IsoDate, type ProtectedFigure } from '../../domain';
import { readTrainingAggregateCounts, type TrainingAggregateCounts } from '../../read-models/training-aggregates.read-model';
import type { GatewayContext } from '../context';
import { nowTimestamp } from '../ids';
import { TrainingCohortFilter } from '../inputs/training.input';
import { DateScalar, isoDateOf } from '../scalars';
import {
  TRAINING_AGGREGATE_FILTERS,
  TRAINING_AGGREGATE_READERS,
  trainingAggregateParameters,
  trainingCohortSetSql,
} from '../training-aggregate-scope';
import { checkProtectedFilter, datedAggregateView, disclosureOf, todayWib, viewCell, viewPart, viewTotal, type AggregateView } from '../types/disclosure.type';
import {
  TrainingAggregateRow,
  TrainingAggregates,
  type TrainingAttendanceRateGql,
  type TrainingFillGql,
  type TrainingRateGql,
} from '../types/training-aggregates.type';

// the scope and the SQL parameters live in ../training-aggregate-scope (shared with trainingPlan's observed rates)
export { TRAINING_AGGREGATE_FILTERS, TRAINING_AGGREGATE_READERS, trainingAggregateParameters, trainingCohortSetSql };

@ArgsType()
export class TrainingAggregatesArgs {
  @Field(() => TrainingCohortFilter, {
    nullable: true,
    description: 'The same filter as `trainingCohorts` (provider, course kind, status, kecamatan, start date): it selects whole cohorts.',
  })
  @IsOptional()
  @ValidateNested()
  filter?: TrainingCohortFilter;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'Date the figures are for, to the end of that day in WIB (default: now). Protected view: snapped to the last month end on or before it that has passed.',
  })
  @IsOptional()
  asOf?: Date;
}

const rate = (num: number, den: number): string | null => (den > 0 ? ratioToDecimalString(ratioOf(BigInt(num), BigInt(den)), 4) : null);

type Covers = readonly { readonly suppressed: boolean }[] | null;

/** A figure of a cohort (covers = null) or of a group over cohort figures (secondary suppression). */
function figure<V extends object>(view: AggregateView, contributors: number, values: V, covers: Covers): ProtectedFigure<V> {
  return covers === null ? viewCell(view, contributors, values) : viewTotal(view, contributors, values, covers);
}

const WITHHELD_RATE: TrainingRateGql = { denominator: null, numerator: null, rate: null, suppressed: true };

/** A share of people: the denominator as a cell, the numerator as a part of it (it and the rest 0 or ≥ k). */
function share(view: AggregateView, numerator: number, denominator: number, covers: Covers): TrainingRateGql {
  const f = figure(view, denominator, { denominator, numerator, rate: rate(numerator, denominator) }, covers);
  if (f.suppressed || viewPart(view, numerator, denominator, false) === null) return WITHHELD_RATE;
  return { ...f.values, suppressed: false };
}

function fill(view: AggregateView, c: TrainingAggregateCounts, covers: Covers): TrainingFillGql {
  const f = figure(view, c.seatsHeld, { seatsHeld: c.seatsHeld, rate: rate(c.seatsHeld, c.capacity) }, covers);
  return { capacity: c.capacity, ...f.values, suppressed: f.suppressed };
}

function attendance(view: AggregateView, c: TrainingAggregateCounts, covers: Covers): TrainingAttendanceRateGql {
  const f = figure(view, c.attendancePeople, { people: c.attendancePeople, attended: c.attended, counted: c.counted, rate: rate(c.attended, c.counted) }, covers);
  return { ...f.values, suppressed: f.suppressed };
}

/** The protected row of `c`; `covered` are the cohort rows it adds up (null for a cohort row). */
function protectedRow(view: AggregateView, c: TrainingAggregateCounts, covered: readonly TrainingAggregateRow[] | null): TrainingAggregateRow {
  const of = (pick: (r: TrainingAggregateRow) => { readonly suppressed: boolean }): Covers => (covered === null ? null : covered.map(pick));
  return {
    level: c.level,
    cohortId: c.cohortId,
    providerPartyId: c.providerPartyId,
    kecamatan: c.kecamatan,
    cohorts: c.cohorts,
    fill: fill(view, c, of((r) => r.fill)),
    completion: share(view, c.completed, c.outcomes, of((r) => r.completion)),
    attendance: attendance(view, c, of((r) => r.attendance)),
    practicePass: share(view, c.practicePassed, c.practiceTakers, of((r) => r.practicePass)),
    officialPass: share(view, c.officialPassed, c.officialSat, of((r) => r.officialPass)),
  };
}

const suppressedIn = (r: TrainingAggregateRow): number => [r.fill, r.completion, r.attendance, r.practicePass, r.officialPass].filter((f) => f.suppressed).length;

/** The whole answer from the raw rows: cohort cells first, then every group over exactly its cohorts. */
export function protectTrainingAggregates(view: AggregateView, counts: readonly TrainingAggregateCounts[]): Omit<TrainingAggregates, 'asOf'> {
  const cohortCounts = counts.filter((c) => c.level === 'COHORT');
  const byCohort = cohortCounts.map((c) => protectedRow(view, c, null));
  const group = (c: TrainingAggregateCounts) =>
    protectedRow(
      view,
      c,
      byCohort.filter((r) => (c.level === 'PROVIDER' ? r.providerPartyId === c.providerPartyId : c.level === 'KECAMATAN' ? r.kecamatan === c.kecamatan : true)),
    );
  const byProvider = counts.filter((c) => c.level === 'PROVIDER').map(group);
  const byKecamatan = counts.filter((c) => c.level === 'KECAMATAN').map(group);
  const totalCounts = counts.find((c) => c.level === 'TOTAL');
  const empty: TrainingAggregateCounts = {
    level: 'TOTAL', cohortId: null, providerPartyId: null, kecamatan: null, cohorts: 0, capacity: 0, seatsHeld: 0, outcomes: 0, completed: 0,
    attendancePeople: 0, attended: 0, counted: 0, practiceTakers: 0, practicePassed: 0, officialSat: 0, officialPassed: 0,
  };
  const total = group(totalCounts ?? empty);
  const suppressed = [...byCohort, ...byProvider, ...byKecamatan, total].reduce((n, r) => n + suppressedIn(r), 0);
  return { byCohort, byProvider, byKecamatan, total, disclosure: disclosureOf(view, suppressed) };
}

@Resolver()
export class TrainingAggregatesResolver {
  @Authorized(...TRAINING_AGGREGATE_READERS)
  @Query(() => TrainingAggregates, {
    description:
      'Training figures (cohort fill, completion rate, attendance rate, practice and official pass rates) per cohort, provider and kecamatan and in total, for the cohorts the filter selects (SQL GROUP BY GROUPING SETS). OFFICER (exact); ANALYST, PARTNER, TRAINER (protected view: month-end reference date, small cells suppressed, rates over a suppressed count suppressed, groups over a suppressed cohort suppressed; see `Disclosure`). A TRAINER sees the cohorts of its own providers only.',
  })
  async trainingAggregates(@Args() args: TrainingAggregatesArgs, @Ctx() ctx: GatewayContext): Promise<TrainingAggregates> {
    const asOf = args.asOf ? isoDateOf(args.asOf) : undefined;
    const view = datedAggregateView(ctx, asOf);
    checkProtectedFilter(view, args.filter, TRAINING_AGGREGATE_FILTERS);
    const on: IsoDate = view.isProtected ? view.referenceDate : (asOf ?? todayWib(ctx));
    const at = view.isProtected || asOf ? `${on}T23:59:59.999+07:00` : nowTimestamp(ctx);
    const counts = await readTrainingAggregateCounts(ctx.em, trainingCohortSetSql(ctx, args.filter), trainingAggregateParameters(at, on));
    return { asOf: on, ...protectTrainingAggregates(view, counts) };
  }
}
