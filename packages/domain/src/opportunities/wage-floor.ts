/**
 * The legal floor of a month's wage at a place, and the Korean minimum wage, month by month.
 *
 * Sen: the governors' decrees give the UMK in rupiah **with sen** (UMK Kota Serang 2025 =
 * Rp 4.418.261,13), and the parameters keep that exact figure as a decimal string. The domain's
 * IDR amounts are whole rupiah, so a month's floor is rounded **up** to the rupiah: the smallest
 * whole-rupiah wage that is not below the decree (Rp 4.418.262). A wage offer is compared with the
 * exact decree, so Rp 4.418.261 is below the 2025 floor and Rp 4.418.262 is not. Rounding happens
 * once per month; nothing is carried between months.
 *
 * Dates: each month's floor is the one in force on the month's first day (the parameters step on
 * 1 January). After the last recorded decree the last one stays in force: no raise is assumed
 * (the comparison says so in its assumptions). A snapshot that overlays the parameter uses the
 * overlay for every month (what-if: "suppose the UMK were …").
 */
import { invalid } from '../shared/domain-error';
import type { IsoDate } from '../shared/local-date';
import { money, type Money } from '../money/money';
import { ratio, ratioToInteger } from '../money/ratio';
import { datedValueAsOf } from '../parameters/parameter-file';
import { PARAMETER_FILES } from '../parameters/parameter-registry';
import type { ParameterSnapshot } from '../parameters/parameter-snapshot';
import type { ParameterId, ParameterValues } from '../parameters/parameter-values';
import { WAGE_PLACE_INFO, type WageFloorParameterId, type WagePlace } from './opportunity-kinds';

/** A dated figure used by the comparison: which parameter, from when, and whether an overlay or a default supplied it. */
export interface OpportunityParameterRef {
  readonly id: ParameterId;
  readonly effectiveFrom: IsoDate;
  readonly isDefault: boolean;
  readonly overlaidBy?: string;
}

export interface WageFloor {
  readonly place: WagePlace;
  readonly kind: 'UMK' | 'UMP';
  /** The decree's figure, rupiah with sen (e.g. "4418261.13"). */
  readonly decreed: string;
  /** The smallest whole-rupiah monthly wage not below the decree. */
  readonly monthly: Money;
  readonly parameter: OpportunityParameterRef;
}

/** The value of `id` in force on `date` (≥ the snapshot's date), honouring the snapshot's overlays. */
export function datedParameter<K extends ParameterId>(
  params: ParameterSnapshot,
  id: K,
  date: IsoDate,
): { readonly value: ParameterValues[K]; readonly ref: OpportunityParameterRef } {
  const base = params.describe(id);
  if (base.overlaidBy !== undefined || date === params.asOf) {
    return {
      value: base.value,
      ref: Object.freeze({ id, effectiveFrom: base.effectiveFrom, isDefault: base.isDefault, ...(base.overlaidBy !== undefined ? { overlaidBy: base.overlaidBy } : {}) }),
    };
  }
  const file = PARAMETER_FILES[id];
  const found = datedValueAsOf(file, date);
  return { value: found.value as ParameterValues[K], ref: Object.freeze({ id, effectiveFrom: found.effectiveFrom, isDefault: file.isDefault === true }) };
}

/** Decreed rupiah-with-sen → whole rupiah, rounded up (the smallest whole-rupiah amount not below it). */
export function wholeRupiahNotBelow(decreed: string): Money {
  return money(ratioToInteger(ratio(decreed), 'CEILING'), 'IDR');
}

/** true when `wage` (whole rupiah) is below the decreed figure (rupiah with sen), compared exactly. */
export function isBelowDecreed(wage: Money, decreed: string): boolean {
  const r = ratio(decreed);
  return BigInt(wage.amount) * r.den < r.num;
}

/** The floor at `place` in force on `date`. Throws `PARAMETER.BEFORE_COVERAGE` when no decree is recorded for that date. */
export function wageFloorAsOf(place: WagePlace, date: IsoDate, params: ParameterSnapshot): WageFloor {
  const info = WAGE_PLACE_INFO[place];
  if (!info) invalid('OPPORTUNITIES.UNKNOWN_PLACE', 'Tempat kerja tidak dikenal.', 'Unknown place of work.', { path: ['place'] });
  const id: WageFloorParameterId = info.floorParameter;
  const { value, ref } = datedParameter(params, id, date);
  return Object.freeze({ place, kind: info.floorKind, decreed: value, monthly: wholeRupiahNotBelow(value), parameter: ref });
}

/** The Korean monthly minimum wage (209 h) in force on `date`, in won. */
export function koreaMinimumWageAsOf(date: IsoDate, params: ParameterSnapshot): { readonly monthly: Money; readonly parameter: OpportunityParameterRef } {
  const { value, ref } = datedParameter(params, 'korea.minimumWageMonthlyKrw', date);
  return { monthly: money(value, 'KRW'), parameter: ref };
}
