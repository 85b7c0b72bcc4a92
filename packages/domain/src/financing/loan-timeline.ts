/**
 * A loan's schedule on the calendar, against the dates that matter to the borrower: disbursement,
 * departure and the first wage abroad.
 *
 * Convention (stated in the output, `convention`): month k of the schedule falls due k months
 * after disbursement (`addMonths(disbursedOn, k)`), so the grace period counts from disbursement,
 * which happens BEFORE departure, not from the first month of work. The minister's "repayment
 * starts after 6 months of work" (DOMAIN.md §6) is therefore only true when disbursement, departure
 * and the first wage fall close together: the timeline says how many grace months actually have a
 * wage (`graceMonthsWithWage`) and how many are spent before any wage (`graceMonthsWithoutWage`).
 *
 * A month with no wage yet (due before `firstWageOn`) is never counted as affordable: every payment
 * due in such a month (grace interest PAID, or an instalment) is cash the borrower must find
 * without a wage (`paymentsBeforeFirstWage`, warning `LOAN.PAYMENT_BEFORE_FIRST_WAGE`); the
 * affordability check applies to the months with a wage only (`largestPaymentWithWage`).
 *
 * Errors: DATE.INVALID, `LOAN.INVALID_DATES` (departure before disbursement, or first wage before
 * departure).
 */
import { errorData, invalid, type DomainErrorData, type Messages } from '../shared/domain-error';
import { addMonths, compareDates, monthsBetween, parseIsoDate, type IsoDate } from '../shared/local-date';
import { moneyFromBigInt, type Money } from '../money/money';
import type { RepaymentRow, RepaymentSchedule } from './repayment-schedule';

export interface LoanTimelineInput {
  readonly schedule: RepaymentSchedule;
  readonly disbursedOn: IsoDate;
  readonly departureOn: IsoDate;
  readonly firstWageOn: IsoDate;
}

export interface LoanTimelineRow extends RepaymentRow {
  readonly dueOn: IsoDate;
  /** true when the first wage is paid on or before `dueOn`. */
  readonly hasWage: boolean;
}

export interface LoanTimeline {
  readonly convention: Messages;
  readonly disbursedOn: IsoDate;
  readonly departureOn: IsoDate;
  readonly firstWageOn: IsoDate;
  readonly rows: readonly LoanTimelineRow[];
  /** The first instalment (REPAYMENT row). */
  readonly firstInstalmentOn: IsoDate;
  /** Whole months of wages before the first instalment falls due. */
  readonly monthsOfWorkBeforeFirstInstalment: number;
  readonly graceMonthsWithWage: number;
  readonly graceMonthsWithoutWage: number;
  /** Σ payments due before the first wage: cash without income. */
  readonly paymentsBeforeFirstWage: Money;
  /** The largest payment due in a month with a wage (the one to test affordability with); null when none. */
  readonly largestPaymentWithWage: Money | null;
  /** `LOAN.PAYMENT_BEFORE_FIRST_WAGE`, `LOAN.GRACE_BEFORE_WORK`. */
  readonly warnings: readonly DomainErrorData[];
}

export const LOAN_TIMELINE_CONVENTION: Messages = {
  id: 'Bulan ke-k jadwal jatuh tempo k bulan setelah pencairan; masa tenggang dihitung sejak pencairan (sebelum berangkat), bukan sejak mulai bekerja.',
  en: 'Month k of the schedule falls due k months after disbursement; the grace period counts from disbursement (before departure), not from the start of work.',
};

function checkDates(input: LoanTimelineInput): { d: IsoDate; dep: IsoDate; wage: IsoDate } {
  const d = parseIsoDate(input.disbursedOn, ['disbursedOn']);
  const dep = parseIsoDate(input.departureOn, ['departureOn']);
  const wage = parseIsoDate(input.firstWageOn, ['firstWageOn']);
  if (compareDates(dep, d) < 0) {
    invalid('LOAN.INVALID_DATES', 'Tanggal berangkat tidak boleh sebelum pencairan.', 'Departure cannot be before disbursement.', { path: ['departureOn'] });
  }
  if (compareDates(wage, dep) < 0) {
    invalid('LOAN.INVALID_DATES', 'Upah pertama tidak boleh sebelum berangkat.', 'The first wage cannot be before departure.', { path: ['firstWageOn'] });
  }
  return { d, dep, wage };
}

/** The schedule's rows on the calendar, with the months that have no wage yet. */
export function loanTimeline(input: LoanTimelineInput): LoanTimeline {
  const { d, dep, wage } = checkDates(input);
  const schedule = input.schedule;
  const rows: LoanTimelineRow[] = schedule.rows.map((r) => {
    const dueOn = addMonths(d, r.month);
    return Object.freeze({ ...r, dueOn, hasWage: compareDates(wage, dueOn) <= 0 });
  });
  const currency = schedule.principal.currency;
  const before = rows.filter((r) => !r.hasWage).reduce((a, r) => a + BigInt(r.payment.amount), 0n);
  const withWage = rows.filter((r) => r.hasWage);
  const largest = withWage.reduce<Money | null>((m, r) => (m === null || r.payment.amount > m.amount ? r.payment : m), null);
  const first = rows.find((r) => r.phase === 'REPAYMENT')!;
  const grace = rows.filter((r) => r.phase === 'GRACE');
  const graceWithWage = grace.filter((r) => r.hasWage).length;
  const workMonths = compareDates(first.dueOn, wage) < 0 ? 0 : monthsBetween(wage, first.dueOn);
  const warnings: DomainErrorData[] = [];
  if (before > 0n) {
    warnings.push(
      errorData('LOAN.PAYMENT_BEFORE_FIRST_WAGE', 'Ada pembayaran yang jatuh tempo sebelum upah pertama: siapkan uang tunai.', 'Payments fall due before the first wage: cash is needed for them.', {
        details: { amount: Number(before), currency },
      }),
    );
  }
  if (grace.length > graceWithWage) {
    warnings.push(
      errorData(
        'LOAN.GRACE_BEFORE_WORK',
        `${grace.length - graceWithWage} dari ${grace.length} bulan masa tenggang berlalu sebelum upah pertama (dihitung sejak pencairan).`,
        `${grace.length - graceWithWage} of the ${grace.length} grace months pass before the first wage (grace counts from disbursement).`,
        { details: { graceMonths: grace.length, graceMonthsWithoutWage: grace.length - graceWithWage } },
      ),
    );
  }
  return Object.freeze({
    convention: LOAN_TIMELINE_CONVENTION,
    disbursedOn: d,
    departureOn: dep,
    firstWageOn: wage,
    rows: Object.freeze(rows),
    firstInstalmentOn: first.dueOn,
    monthsOfWorkBeforeFirstInstalment: workMonths,
    graceMonthsWithWage: graceWithWage,
    graceMonthsWithoutWage: grace.length - graceWithWage,
    paymentsBeforeFirstWage: moneyFromBigInt(before, currency),
    largestPaymentWithWage: largest,
    warnings: Object.freeze(warnings),
  });
}
