/**
 * BPJS Ketenagakerjaan contributions of a migrant worker (Permenaker 4/2023 Pasal 18, tariffs
 * unchanged from Permenaker 18/2018): a before-work contribution (`bpjs.pmi.beforeWorkIdr`) and a
 * during-work contribution that depends on the contract length.
 *
 * During work, the regulation gives tariffs for 6, 12 and 24 months (`bpjs.pmi.contract6MonthsIdr`,
 * `…12MonthsIdr`, `…24MonthsIdr`) and a monthly tariff for each month beyond 24
 * (`bpjs.pmi.perMonthBeyond24Idr`). Contracts between the table points use the NEXT table point
 * up, because the contribution must cover the whole contract (and it is the conservative reading):
 *
 * | contract months | during-work contribution                    |
 * |-----------------|---------------------------------------------|
 * | 1–6             | 6-month tariff (Rp108.000)                  |
 * | 7–12            | 12-month tariff (Rp189.000)                 |
 * | 13–24           | 24-month tariff (Rp332.500)                 |
 * | 25 and more     | 24-month tariff + (months − 24) × Rp13.500  |
 *
 * e.g. 36 months → 332,500 + 12 × 13,500 = Rp494.500; with the before-work Rp37.500, a 24-month
 * contract costs Rp370.000 in all.
 */
import { invalid, type Messages } from '../shared/domain-error';
import { textRef, type Text } from '../shared/text';
import { renderTexts } from '../messages/render';
import { money, type Money } from '../money/money';
import type { ParameterSnapshot } from '../parameters/parameter-snapshot';
import type { ParameterId } from '../parameters/parameter-values';

type BpjsTariffId = 'bpjs.pmi.contract6MonthsIdr' | 'bpjs.pmi.contract12MonthsIdr' | 'bpjs.pmi.contract24MonthsIdr' | 'bpjs.pmi.perMonthBeyond24Idr';

/** Longest contract accepted (10 years). */
export const COST_MAX_CONTRACT_MONTHS = 120;

/** `M`: `Text` (by reference) for the lean estimate (issue 14). */
export interface BpjsDuringWorkContribution<M extends Text = Messages> {
  readonly amount: Money;
  /** The table point used: 6, 12 or 24 (plus months beyond 24). */
  readonly bracketMonths: 6 | 12 | 24;
  readonly monthsBeyond24: number;
  readonly parameterIds: readonly ParameterId[];
  readonly note: M;
}

/** Validate a contract length: a whole number of months, 1…120. Throws `COSTS.NON_INTEGER_MONTHS`, `COSTS.INVALID_CONTRACT_MONTHS`. */
export function assertCostContractMonths(value: unknown, path: readonly string[] = ['contractMonths']): number {
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    invalid('COSTS.NON_INTEGER_MONTHS', 'Lama kontrak harus bilangan bulat (bulan).', 'The contract length must be a whole number of months.', { path });
  }
  if (value < 1 || value > COST_MAX_CONTRACT_MONTHS) {
    invalid(
      'COSTS.INVALID_CONTRACT_MONTHS',
      `Lama kontrak harus 1–${COST_MAX_CONTRACT_MONTHS} bulan.`,
      `The contract length must be 1–${COST_MAX_CONTRACT_MONTHS} months.`,
      { path, details: { min: 1, max: COST_MAX_CONTRACT_MONTHS } },
    );
  }
  return value;
}

/** The during-work contribution for a contract of `contractMonths` months (see the table above). */
export function bpjsDuringWorkContribution(contractMonths: number, params: ParameterSnapshot): BpjsDuringWorkContribution {
  return renderTexts(leanBpjsDuringWorkContribution(contractMonths, params));
}

/** `bpjsDuringWorkContribution` with the note by reference (issue 14). */
export function leanBpjsDuringWorkContribution(contractMonths: number, params: ParameterSnapshot): BpjsDuringWorkContribution<Text> {
  const months = assertCostContractMonths(contractMonths);
  const idr = (id: BpjsTariffId): bigint => BigInt(params.get(id));
  if (months <= 6) return result(idr('bpjs.pmi.contract6MonthsIdr'), 6, 0, ['bpjs.pmi.contract6MonthsIdr']);
  if (months <= 12) return result(idr('bpjs.pmi.contract12MonthsIdr'), 12, 0, ['bpjs.pmi.contract12MonthsIdr']);
  const base = idr('bpjs.pmi.contract24MonthsIdr');
  if (months <= 24) return result(base, 24, 0, ['bpjs.pmi.contract24MonthsIdr']);
  const beyond = months - 24;
  return result(base + BigInt(beyond) * idr('bpjs.pmi.perMonthBeyond24Idr'), 24, beyond, ['bpjs.pmi.contract24MonthsIdr', 'bpjs.pmi.perMonthBeyond24Idr']);

  function result(amount: bigint, bracket: 6 | 12 | 24, extra: number, ids: ParameterId[]): BpjsDuringWorkContribution<Text> {
    const note =
      extra > 0
        ? textRef('costs.bpjs.beyond24', extra)
        : months === bracket
          ? textRef('costs.bpjs.bracket', bracket)
          : textRef('costs.bpjs.nextBracket', months, bracket);
    return Object.freeze({ amount: money(amount, 'IDR'), bracketMonths: bracket, monthsBeyond24: extra, parameterIds: Object.freeze(ids), note });
  }
}
