/**
 * When the worker's pre-departure costs fall due against when each financing source pays out, and
 * so the cash the person must find before the money arrives.
 *
 * Why: the Korean course and the EPS-TOPIK fee fall due months before there is an employment
 * contract, and KUR Penempatan PMI needs one (DOMAIN.md §6: registered in SISKOP2MI with a foreign
 * employment contract; the lender verifies within 5 working days; disbursed in stages or as
 * reimbursement). A loan "for all pre-departure costs" therefore does not spare the person the
 * cash for the costs due before it pays out: it can only reimburse them later.
 *
 * Model: each KNOWN worker part of a BEFORE_DEPARTURE line of the estimate falls due on its date
 * (`dueOn[lineId]`, else `defaultDueOn`); each source pays its amount on `paysOutOn` and may cover
 * costs already paid (reimbursement) or still to come. At every date the person has paid
 * Σ costs due − Σ money received so far (when positive) from their own pocket; the peak of that is
 * `cashBeforeFinancing`, the bridge cash to find. `cashNeverFinanced` is what no source covers.
 * UNKNOWN worker lines are left out and listed (`unknownLineIds`): the figures are lower bounds.
 *
 * A source that names its product is checked against the product's ceiling: above it, the
 * timeline is refused with `LOAN.ABOVE_CEILING` (all reasons listed, as in checkLoanRequest).
 * Errors thrown: DATE.INVALID, `FINANCE.INVALID_INPUT`, `FINANCE.NEGATIVE_AMOUNT`,
 * `MONEY.CURRENCY_MISMATCH` (a source not in IDR).
 */
import { err, errorData, invalid, ok, type DomainErrorData, type Result } from '../shared/domain-error';
import { compareDates, parseIsoDate, type IsoDate } from '../shared/local-date';
import { formatMoney } from '../money/format-money';
import { moneyFromBigInt, type Money } from '../money/money';
import type { CostEstimate } from '../costs/estimate-costs';
import type { FinancingKind, FinancingProduct } from './financing-product';
import type { LoanCheckError } from './check-loan-request';
import { assertCurrencyIs, assertNonNegativeAmount, assertObject } from './financing-input';

export interface FundingSource {
  readonly productId: string;
  readonly kind: FinancingKind;
  /** IDR. */
  readonly amount: Money;
  /** The day the money reaches the worker (for KUR: on or after the employment contract and the lender's verification). */
  readonly paysOutOn: IsoDate;
  /** The product's terms, to check the amount against its ceiling (e.g. kurPenempatanProduct(params)). */
  readonly product?: FinancingProduct;
}

export interface UpfrontCashTimelineInput {
  readonly estimate: CostEstimate;
  /** Due date per line id (e.g. koreanCourse, epsTopikFee, medicalCheckup). */
  readonly dueOn?: Readonly<Record<string, IsoDate>>;
  /** Due date of the lines `dueOn` does not list (e.g. the planned departure). */
  readonly defaultDueOn: IsoDate;
  readonly sources?: readonly FundingSource[];
}

export interface CashTimelineItem {
  readonly lineId: string;
  readonly dueOn: IsoDate;
  /** The worker's part, IDR. */
  readonly amount: Money;
}

export interface CashTimelineEvent {
  readonly on: IsoDate;
  readonly costsDue: Money;
  readonly fundsIn: Money;
  /** Own money spent so far and not yet covered by a source (0 or more). */
  readonly ownCashOutstanding: Money;
}

export interface UpfrontCashTimeline {
  readonly items: readonly CashTimelineItem[];
  readonly events: readonly CashTimelineEvent[];
  /** Σ items: the worker's known pre-departure costs. */
  readonly totalDue: Money;
  /** Σ source amounts. */
  readonly totalFunding: Money;
  /** The peak of ownCashOutstanding: the cash the person must find before the money arrives. */
  readonly cashBeforeFinancing: Money;
  /** max(0, totalDue − totalFunding): the cash no source covers. */
  readonly cashNeverFinanced: Money;
  /** Costs due before the first pay-out of each source, by product id. */
  readonly dueBeforePayout: Readonly<Record<string, Money>>;
  /** UNKNOWN worker lines before departure: not in any figure (the figures are lower bounds). */
  readonly unknownLineIds: readonly string[];
}

const idr = (v: bigint) => moneyFromBigInt(v, 'IDR');

function itemsOf(input: UpfrontCashTimelineInput, defaultDue: IsoDate): CashTimelineItem[] {
  const dueOn = input.dueOn ?? {};
  if (typeof dueOn !== 'object' || dueOn === null) invalid('FINANCE.INVALID_INPUT', 'dueOn tidak valid.', 'Invalid dueOn.', { path: ['dueOn'] });
  const items: CashTimelineItem[] = [];
  for (const line of input.estimate.lines) {
    if (line.timing !== 'BEFORE_DEPARTURE' || line.status !== 'KNOWN') continue;
    const worker = line.payers.filter((p) => p.payer === 'WORKER').reduce((a, p) => a + BigInt(p.amountIdr!.amount), 0n);
    if (worker === 0n) continue;
    const given = Object.prototype.hasOwnProperty.call(dueOn, line.id) ? dueOn[line.id] : undefined;
    items.push({ lineId: line.id, dueOn: given === undefined ? defaultDue : parseIsoDate(given, ['dueOn', line.id]), amount: idr(worker) });
  }
  return items;
}

function checkSources(sources: readonly FundingSource[]): { checked: FundingSource[]; reasons: DomainErrorData[] } {
  const reasons: DomainErrorData[] = [];
  const checked = sources.map((s, i) => {
    const path = ['sources', String(i)];
    const o = assertObject(s, path);
    const amount = assertNonNegativeAmount(o['amount'], [...path, 'amount']);
    assertCurrencyIs(amount, 'IDR', [...path, 'amount']);
    const paysOutOn = parseIsoDate(o['paysOutOn'], [...path, 'paysOutOn']);
    const ceiling = s.product?.ceiling ?? null;
    if (ceiling !== null && amount.amount > ceiling.amount) {
      reasons.push(
        errorData('LOAN.ABOVE_CEILING', `Jumlah pinjaman melebihi plafon ${formatMoney(ceiling, 'id-ID')}.`, `The amount is above the ceiling of ${formatMoney(ceiling, 'en')}.`, {
          path: [...path, 'amount'],
          details: { ceiling: ceiling.amount, currency: ceiling.currency, productId: s.productId },
        }),
      );
    }
    return { ...s, amount, paysOutOn };
  });
  return { checked, reasons };
}

/** The events by date: costs due and funds in, and the own cash outstanding after each date. */
function eventsOf(items: readonly CashTimelineItem[], sources: readonly FundingSource[]): { events: CashTimelineEvent[]; peak: bigint } {
  const dates = [...new Set([...items.map((i) => i.dueOn), ...sources.map((s) => s.paysOutOn)])].sort(compareDates);
  let due = 0n;
  let funds = 0n;
  let peak = 0n;
  const events = dates.map((on) => {
    const d = items.filter((i) => i.dueOn === on).reduce((a, i) => a + BigInt(i.amount.amount), 0n);
    const f = sources.filter((s) => s.paysOutOn === on).reduce((a, s) => a + BigInt(s.amount.amount), 0n);
    due += d;
    funds += f;
    const outstanding = due > funds ? due - funds : 0n;
    if (outstanding > peak) peak = outstanding;
    return Object.freeze({ on, costsDue: idr(d), fundsIn: idr(f), ownCashOutstanding: idr(outstanding) });
  });
  return { events, peak };
}

/** See the top of this file. */
export function upfrontCashTimeline(input: UpfrontCashTimelineInput): Result<UpfrontCashTimeline, LoanCheckError> {
  const inp = assertObject(input, ['input']);
  const defaultDue = parseIsoDate(inp['defaultDueOn'], ['defaultDueOn']);
  const sourcesIn = input.sources ?? [];
  if (!Array.isArray(sourcesIn)) invalid('FINANCE.INVALID_INPUT', 'sources harus berupa daftar.', 'sources must be a list.', { path: ['sources'] });
  const items = itemsOf(input, defaultDue);
  const { checked, reasons } = checkSources(sourcesIn);
  if (reasons.length > 0) return err(Object.freeze({ ...reasons[0]!, reasons: Object.freeze(reasons) }));
  const { events, peak } = eventsOf(items, checked);
  const totalDue = items.reduce((a, i) => a + BigInt(i.amount.amount), 0n);
  const totalFunding = checked.reduce((a, s) => a + BigInt(s.amount.amount), 0n);
  const dueBeforePayout: Record<string, Money> = {};
  for (const s of checked) {
    const before = items.filter((i) => compareDates(i.dueOn, s.paysOutOn) < 0).reduce((a, i) => a + BigInt(i.amount.amount), 0n);
    dueBeforePayout[s.productId] = idr(before);
  }
  const unknownLineIds = input.estimate.lines
    .filter((l) => l.status === 'UNKNOWN' && l.timing === 'BEFORE_DEPARTURE' && l.payers.some((p) => p.payer === 'WORKER'))
    .map((l) => l.id);
  return ok(
    Object.freeze({
      items: Object.freeze(items.map((i) => Object.freeze(i))),
      events: Object.freeze(events),
      totalDue: idr(totalDue),
      totalFunding: idr(totalFunding),
      cashBeforeFinancing: idr(peak),
      cashNeverFinanced: idr(totalDue > totalFunding ? totalDue - totalFunding : 0n),
      dueBeforePayout: Object.freeze(dueBeforePayout),
      unknownLineIds: Object.freeze(unknownLineIds),
    }),
  );
}
