/**
 * What the legal path saves: the same amount and tenor borrowed from an informal lender
 * ("rentenir"; DOMAIN.md §6 reports 20–50% a year) against the formal loan (e.g. KUR at 6%
 * "efektif" with its grace terms). The informal rate is an input.
 *
 * The informal loan is computed as an annuity on the declining balance by default, with no grace
 * period: the kindest reading of the informal offer, so the savings shown are never overstated.
 * Pass `informalMethod: 'FLAT'` when the lender quotes a flat rate (most do), which shows more.
 */
import type { Money } from '../money/money';
import { moneyFromBigInt } from '../money/money';
import type { Ratio } from '../money/ratio';
import type { RoundingMode } from '../money/rounding';
import type { GraceInterest } from '../parameters/parameter-values';
import { assertObject } from './financing-input';
import { repaymentSchedule, type RepaymentMethod, type RepaymentSchedule } from './repayment-schedule';

export interface InformalLenderComparisonInput {
  readonly principal: Money;
  readonly tenorMonths: number;
  /** The formal loan's annual rate, e.g. the KUR rate from the parameter snapshot. */
  readonly formalAnnualRate: string | Ratio;
  /** Default ANNUITY ("efektif"). */
  readonly formalMethod?: RepaymentMethod;
  /** Default 0. */
  readonly formalGraceMonths?: number;
  /** Default PAID. */
  readonly formalGraceInterest?: GraceInterest;
  /** The informal lender's annual rate, 0–1 (input: e.g. "0.2" to "0.5"). */
  readonly informalAnnualRate: string | Ratio;
  /** Default ANNUITY (conservative: understates the informal cost). */
  readonly informalMethod?: RepaymentMethod;
  /** Default HALF_UP. */
  readonly rounding?: RoundingMode;
}

export interface InformalLenderComparison {
  readonly formal: RepaymentSchedule;
  readonly informal: RepaymentSchedule;
  /** informal.totals.interest − formal.totals.interest (negative if the formal loan costs more). */
  readonly interestSaved: Money;
  /** informal.totals.paid − formal.totals.paid. */
  readonly totalSaved: Money;
  /** informal regular instalment − formal regular instalment. */
  readonly regularInstalmentDifference: Money;
  readonly formalIsCheaper: boolean;
}

/**
 * Compare a formal loan with an informal one of the same amount and tenor. Throws the codes of
 * `repaymentSchedule` (negative amount, rate above 100%, tenor 0, non-integer months, …).
 */
export function compareWithInformalLender(input: InformalLenderComparisonInput): InformalLenderComparison {
  const inp = assertObject(input, ['input']) as Partial<InformalLenderComparisonInput>;
  const rounding = inp.rounding !== undefined ? { rounding: inp.rounding } : {};
  const formal = repaymentSchedule({
    principal: inp.principal as Money,
    annualRate: inp.formalAnnualRate as string,
    tenorMonths: inp.tenorMonths as number,
    graceMonths: inp.formalGraceMonths ?? 0,
    graceInterest: inp.formalGraceInterest ?? 'PAID',
    method: inp.formalMethod ?? 'ANNUITY',
    ...rounding,
  });
  const informal = repaymentSchedule({
    principal: inp.principal as Money,
    annualRate: inp.informalAnnualRate as string,
    tenorMonths: inp.tenorMonths as number,
    method: inp.informalMethod ?? 'ANNUITY',
    ...rounding,
  });
  const diff = (a: Money, b: Money): Money => moneyFromBigInt(BigInt(a.amount) - BigInt(b.amount), a.currency);
  const totalSaved = diff(informal.totals.paid, formal.totals.paid);
  return Object.freeze({
    formal,
    informal,
    interestSaved: diff(informal.totals.interest, formal.totals.interest),
    totalSaved,
    regularInstalmentDifference: diff(informal.regularInstalment, formal.regularInstalment),
    formalIsCheaper: totalSaved.amount > 0,
  });
}
