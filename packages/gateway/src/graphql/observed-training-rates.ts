/**
 * The rates of `trainingPlan` (issue 10, "observed rates come from the stored records once they
 * exist"): a rate the caller gives is an assumption (source INPUT) and is used as given; an omitted
 * rate is observed in the stored records (source OBSERVED), with the definitions, cohorts and
 * disclosure control of `trainingAggregates`:
 *
 * - dropout = enrolments that left their seat (DROPPED, or WITHDRAWN after being seated) ÷ seated
 *   enrolments with a settled result (COMPLETED, FAILED, DROPPED, WITHDRAWN after a seat)
 *   (read-models/training-aggregates.read-model.ts, `readTrainingDropoutCounts`);
 * - pass = the official pass rate of the members of KOREAN_LANGUAGE cohorts (`officialPassed /
 *   officialSat`, the `officialPass` figure of `trainingAggregates`).
 *
 * Over the cohorts of `observedFrom` the caller may read in `trainingAggregates` (a TRAINER: their
 * providers' cohorts; a caller who may not read the aggregates at all, e.g. anonymous, gets no
 * observed rate). Exact view (OFFICER, ADMIN): counted up to now, the value is the exact fraction
 * numerator/denominator and the counts are returned. Protected view (ANALYST, PARTNER, TRAINER):
 * counted up to the month-end reference date, the rate is observed only when `trainingAggregates`
 * would publish it (the total and each cohort cell it adds up: no count of 1 to k − 1, numerator
 * and rest included), the value is rounded to 4 places and no count is returned.
 *
 * Either view: a rate over fewer than `disclosure.minCellCount` records (also the minimum sample) is
 * refused with BAD_USER_INPUT, domainCode TRAINING.OBSERVED_RATE_UNAVAILABLE and the input field to
 * give instead. Nothing is written.
 */
import { parameterSnapshot, ratioOf, ratioToDecimalString, type IsoDate } from '../domain';
import { readTrainingAggregateCounts, readTrainingDropoutCounts, type CohortSetSql } from '../read-models/training-aggregates.read-model';
import { hasAnyRole } from '../security/role';
import { seesEveryCandidateInFull } from './access';
import type { GatewayContext } from './context';
import { GatewayError } from './errors';
import { nowTimestamp } from './ids';
import type { TrainingCohortFilter } from './inputs/training.input';
import { TRAINING_AGGREGATE_FILTERS, TRAINING_AGGREGATE_READERS, trainingAggregateParameters, trainingCohortSetSql } from './training-aggregate-scope';
import { checkProtectedFilter, datedAggregateView, todayWib, viewCell, viewPart, viewTotal, type AggregateView } from './types/disclosure.type';
import type { TrainingPlanRateGql } from './types/training.type';

export const OBSERVED_RATE_UNAVAILABLE = 'TRAINING.OBSERVED_RATE_UNAVAILABLE';

export type PlanRateField = 'dropoutRate' | 'passRate';
type Unavailable = 'NOT_READABLE' | 'TOO_FEW_RECORDS' | 'NOT_PUBLISHABLE';

const LABEL: Record<PlanRateField, { id: string; en: string }> = {
  dropoutRate: { id: 'Angka putus pelatihan', en: 'The dropout rate' },
  passRate: { id: 'Angka kelulusan ujian resmi', en: 'The official pass rate' },
};

function unavailable(field: PlanRateField, reason: Unavailable, minCellCount: number | null): GatewayError {
  const l = LABEL[field];
  const give = { id: `Isi ${field} sebagai asumsi (pecahan 0–1, mis. "1/10").`, en: `Give ${field} as an assumption (a fraction from 0 to 1, e.g. "1/10").` };
  const why =
    reason === 'NOT_READABLE'
      ? { id: 'berasal dari data pelatihan yang tidak boleh Anda baca', en: 'comes from training records you may not read' }
      : reason === 'TOO_FEW_RECORDS'
        ? { id: `tercatat pada kurang dari ${minCellCount} peserta`, en: `is recorded for fewer than ${minCellCount} people` }
        : { id: `tidak dapat diterbitkan menurut aturan kerahasiaan (minimal ${minCellCount} orang per sel)`, en: `cannot be published under the disclosure rule (at least ${minCellCount} people per cell)` };
  return new GatewayError(
    'BAD_USER_INPUT',
    { id: `${l.id} hasil pengamatan tidak tersedia: ${why.id}. ${give.id}`, en: `${l.en} observed in the records is not available: it ${why.en}. ${give.en}` },
    { field: ['input', field], domainCode: OBSERVED_RATE_UNAVAILABLE, details: { reason, minCellCount } },
  );
}

/** A rate the caller gave. */
export function inputRate(value: string): TrainingPlanRateGql {
  return { value, source: 'INPUT', numerator: null, denominator: null, observedOn: null };
}

interface Share {
  readonly num: number;
  readonly den: number;
}

/** Whether `trainingAggregates` would withhold this share (its `share`: the cell, then the numerator and the rest). */
function withheld(view: AggregateView, s: Share, covers: readonly { readonly suppressed: boolean }[] | null): boolean {
  const f = covers === null ? viewCell(view, s.den, {}) : viewTotal(view, s.den, {}, covers);
  return f.suppressed || viewPart(view, s.num, s.den, false) === null;
}

interface Observation {
  readonly view: AggregateView;
  readonly on: IsoDate;
  readonly at: string;
  readonly minCellCount: number;
  readonly cohorts: CohortSetSql;
}

/** The observed rate over the cohort cells, or the refusal. */
function observedRate(o: Observation, field: PlanRateField, cells: readonly Share[]): TrainingPlanRateGql {
  const total = cells.reduce((t, c) => ({ num: t.num + c.num, den: t.den + c.den }), { num: 0, den: 0 });
  if (total.den < o.minCellCount) throw unavailable(field, o.view.isProtected ? 'NOT_PUBLISHABLE' : 'TOO_FEW_RECORDS', o.minCellCount);
  if (!o.view.isProtected) return { value: `${total.num}/${total.den}`, source: 'OBSERVED', numerator: total.num, denominator: total.den, observedOn: o.on };
  const covers = cells.map((c) => ({ suppressed: withheld(o.view, c, null) }));
  if (withheld(o.view, total, covers)) throw unavailable(field, 'NOT_PUBLISHABLE', o.minCellCount);
  const value = ratioToDecimalString(ratioOf(BigInt(total.num), BigInt(total.den)), 4);
  return { value, source: 'OBSERVED', numerator: null, denominator: null, observedOn: o.on };
}

function observation(ctx: GatewayContext, field: PlanRateField, filter: TrainingCohortFilter | undefined): Observation {
  if (!seesEveryCandidateInFull(ctx.principal) && !hasAnyRole(ctx.principal, TRAINING_AGGREGATE_READERS)) throw unavailable(field, 'NOT_READABLE', null);
  const view = datedAggregateView(ctx, undefined);
  checkProtectedFilter(view, filter, TRAINING_AGGREGATE_FILTERS, ['input', 'observedFrom']);
  const on: IsoDate = view.isProtected ? view.referenceDate : todayWib(ctx);
  const at = view.isProtected ? `${on}T23:59:59.999+07:00` : nowTimestamp(ctx);
  const minCellCount = view.rule?.minCellCount ?? parameterSnapshot(on).get('disclosure.minCellCount');
  return { view, on, at, minCellCount, cohorts: trainingCohortSetSql(ctx, filter) };
}

export interface PlanRateInputs {
  readonly dropoutRate?: string | null;
  readonly passRate?: string | null;
  readonly observedFrom?: TrainingCohortFilter | null;
}

/** The two rates of the plan: each as given, or observed (reads only; refuses as described above). */
export async function planRates(ctx: GatewayContext, input: PlanRateInputs): Promise<Record<PlanRateField, TrainingPlanRateGql>> {
  const { dropoutRate, passRate } = input;
  if (dropoutRate != null && passRate != null) return { dropoutRate: inputRate(dropoutRate), passRate: inputRate(passRate) };
  const o = observation(ctx, dropoutRate == null ? 'dropoutRate' : 'passRate', input.observedFrom ?? undefined);
  let dropout: TrainingPlanRateGql;
  if (dropoutRate != null) dropout = inputRate(dropoutRate);
  else {
    const rows = await readTrainingDropoutCounts(ctx.em, o.cohorts, o.at);
    dropout = observedRate(o, 'dropoutRate', rows.map((r) => ({ num: r.left, den: r.settled })));
  }
  if (passRate != null) return { dropoutRate: dropout, passRate: inputRate(passRate) };
  const counts = await readTrainingAggregateCounts(ctx.em, o.cohorts, trainingAggregateParameters(o.at, o.on));
  const cells = counts.filter((c) => c.level === 'COHORT').map((c) => ({ num: c.officialPassed, den: c.officialSat }));
  return { dropoutRate: dropout, passRate: observedRate(o, 'passRate', cells) };
}
