/**
 * Financing products as data: the terms a lender or funder offers, validated and frozen. The KUR
 * placement loan is built from the parameter snapshot (`kur-penempatan.product.ts`); other
 * products (a zero-interest facility, a city grant) are built from their terms as inputs, since
 * DOMAIN.md gives no figures for them.
 */
import type { Messages } from '../shared/domain-error';
import { invalid } from '../shared/domain-error';
import type { IsoDate } from '../shared/local-date';
import { assertCurrency, type Currency } from '../money/currency';
import type { Money } from '../money/money';
import { ratioToDecimalString } from '../money/ratio';
import { GRACE_INTEREST_KINDS, type GraceInterest, type ParameterId } from '../parameters/parameter-values';
import {
  assertAnnualRate,
  assertCurrencyIs,
  assertObject,
  assertOption,
  assertPositiveAmount,
  assertTenor,
  assertWholeMonths,
} from './financing-input';
import { REPAYMENT_METHODS, type RepaymentMethod } from './repayment-schedule';

export const FINANCING_KINDS = ['LOAN', 'GRANT'] as const;
/** LOAN is repaid (possibly at 0%); GRANT is not repaid. */
export type FinancingKind = (typeof FINANCING_KINDS)[number];

/** Where a term of the product comes from: a dated parameter or an input. */
export interface FinancingTermSource {
  /** The term this source is for (e.g. "ceiling", "annualRate"). */
  readonly term: string;
  readonly parameterId?: ParameterId;
  readonly effectiveFrom?: IsoDate;
  /** true when the parameter is a working default (e.g. lender-specific grace terms). */
  readonly isDefault?: boolean;
  /** Name of the what-if overlay that supplied the value, if any. */
  readonly overlaidBy?: string;
  /** For terms given as inputs: who stated them (e.g. "MoU APJATI–Pemkot Serang"). */
  readonly statedBy?: string;
}

/** A term the product has no recorded value for on its date (the parameter starts later): never invented. */
export interface UnrecordedFinancingTerm {
  /** e.g. "graceMonths", "npwpThreshold". */
  readonly term: string;
  readonly parameterId: ParameterId;
  /** The first date the parameter has a value. */
  readonly recordedFrom: IsoDate;
}

export interface FinancingProduct {
  /** Stable identifier, upper snake case (e.g. "KUR_PENEMPATAN_PMI"). */
  readonly id: string;
  readonly kind: FinancingKind;
  readonly name: Messages;
  readonly provider: Messages;
  readonly currency: Currency;
  /** Largest amount; null when the product states none. */
  readonly ceiling: Money | null;
  /** Annual rate, decimal string; "0" for a zero-interest facility or a grant. */
  readonly annualRate: string;
  /** How the rate applies: ANNUITY = on the declining balance ("efektif"), FLAT = on the original amount. */
  readonly method: RepaymentMethod;
  /** Longest tenor in months (grace included); null for a grant or when none is stated. */
  readonly maxTenorMonths: number | null;
  /** true when the tenor may not exceed the employment contract. */
  readonly tenorWithinContract: boolean;
  /** Default (and longest) grace period in months. */
  readonly graceMonths: number;
  /** Default treatment of grace-period interest. */
  readonly graceInterest: GraceInterest;
  /** Treatments a request may choose. */
  readonly graceInterestOptions: readonly GraceInterest[];
  /** Loans above this amount need an NPWP (tax number); null when not required. */
  readonly npwpThreshold: Money | null;
  /** Conditions to show the resident (bilingual), e.g. "repayment by own transfer or auto-debit, never a wage deduction". */
  readonly conditions: readonly Messages[];
  readonly sources: readonly FinancingTermSource[];
  /** Terms with no recorded value on the product's date (empty when every term is recorded). */
  readonly unrecordedTerms: readonly UnrecordedFinancingTerm[];
}

export interface FinancingProductInput {
  readonly id: string;
  readonly kind: FinancingKind;
  readonly name: Messages;
  readonly provider: Messages;
  readonly currency: Currency;
  readonly ceiling: Money | null;
  readonly annualRate: string;
  readonly method?: RepaymentMethod;
  readonly maxTenorMonths: number | null;
  readonly tenorWithinContract: boolean;
  readonly graceMonths?: number;
  readonly graceInterest?: GraceInterest;
  readonly graceInterestOptions?: readonly GraceInterest[];
  readonly npwpThreshold?: Money | null;
  readonly conditions?: readonly Messages[];
  readonly sources?: readonly FinancingTermSource[];
  readonly unrecordedTerms?: readonly UnrecordedFinancingTerm[];
}

const ID_RE = /^[A-Z][A-Z0-9_]{1,63}$/;

function badProduct(id: string, en: string, path: readonly string[]): never {
  return invalid('FINANCE.INVALID_PRODUCT', id, en, { path });
}

function assertMessages(value: unknown, path: readonly string[]): Messages {
  const m = value as Messages | null;
  if (typeof m !== 'object' || m === null || typeof m.id !== 'string' || typeof m.en !== 'string' || !m.id.trim() || !m.en.trim()) {
    badProduct('Teks harus tersedia dalam bahasa Indonesia (id) dan Inggris (en).', 'Texts need Indonesian (id) and English (en).', path);
  }
  return Object.freeze({ id: m.id, en: m.en });
}

/**
 * Validate product data and return a frozen product. Throws `FINANCE.INVALID_PRODUCT` (bad id,
 * texts, grant with interest or tenor, default grace treatment not among the options, …) and the
 * amount/rate/month codes of `financing-input.ts`.
 */
export function defineFinancingProduct(input: FinancingProductInput): FinancingProduct {
  const p = assertObject(input, ['product']);
  if (typeof p['id'] !== 'string' || !ID_RE.test(p['id'])) {
    badProduct('Kode produk harus huruf besar, angka dan garis bawah.', 'The product id must be upper case letters, digits and underscores.', ['id']);
  }
  const kind = assertOption(p['kind'], FINANCING_KINDS, ['kind']);
  const currency = assertCurrency(p['currency'], ['currency']);
  const money = (v: unknown, path: readonly string[]): Money | null => {
    if (v === null || v === undefined) return null;
    const m = assertPositiveAmount(v, path);
    assertCurrencyIs(m, currency, path);
    return m;
  };
  const rate = assertAnnualRate(p['annualRate'], ['annualRate']);
  const method = assertOption(p['method'] ?? 'ANNUITY', REPAYMENT_METHODS, ['method']);
  const maxTenor = p['maxTenorMonths'] === null || p['maxTenorMonths'] === undefined ? null : assertTenor(p['maxTenorMonths'], ['maxTenorMonths']);
  const grace = assertWholeMonths(p['graceMonths'] ?? 0, ['graceMonths']);
  if (grace < 0 || (maxTenor !== null && grace >= maxTenor)) {
    invalid('FINANCE.INVALID_GRACE', 'Masa tenggang harus 0 atau lebih dan lebih pendek dari tenor maksimum.', 'The grace period must be 0 or more and shorter than the maximum tenor.', {
      path: ['graceMonths'],
    });
  }
  const options = p['graceInterestOptions'] ?? GRACE_INTEREST_KINDS;
  if (!Array.isArray(options) || options.length === 0) {
    badProduct('Pilihan bunga masa tenggang tidak boleh kosong.', 'The grace-interest options must not be empty.', ['graceInterestOptions']);
  }
  const graceInterestOptions = Object.freeze([...new Set(options.map((o, i) => assertOption(o, GRACE_INTEREST_KINDS, ['graceInterestOptions', String(i)])))]);
  const graceInterest = assertOption(p['graceInterest'] ?? graceInterestOptions[0], GRACE_INTEREST_KINDS, ['graceInterest']);
  if (!graceInterestOptions.includes(graceInterest)) {
    badProduct('Perlakuan bunga masa tenggang bawaan harus termasuk pilihan.', 'The default grace-interest treatment must be one of the options.', ['graceInterest']);
  }
  if (typeof p['tenorWithinContract'] !== 'boolean') {
    badProduct('tenorWithinContract harus true atau false.', 'tenorWithinContract must be true or false.', ['tenorWithinContract']);
  }
  if (kind === 'GRANT' && (rate.num !== 0n || maxTenor !== null || grace !== 0)) {
    badProduct('Hibah tidak berbunga, tidak bertenor dan tanpa masa tenggang.', 'A grant has no interest, no tenor and no grace period.', ['kind']);
  }
  const conditions = p['conditions'] ?? [];
  if (!Array.isArray(conditions)) badProduct('Syarat harus berupa daftar.', 'Conditions must be a list.', ['conditions']);
  const sources = p['sources'] ?? [];
  if (!Array.isArray(sources)) badProduct('Sumber harus berupa daftar.', 'Sources must be a list.', ['sources']);
  const unrecordedTerms = p['unrecordedTerms'] ?? [];
  if (!Array.isArray(unrecordedTerms) || unrecordedTerms.some((u) => typeof u !== 'object' || u === null || typeof (u as UnrecordedFinancingTerm).term !== 'string')) {
    badProduct('unrecordedTerms harus berupa daftar ketentuan.', 'unrecordedTerms must be a list of terms.', ['unrecordedTerms']);
  }
  return Object.freeze({
    id: p['id'] as string,
    kind,
    name: assertMessages(p['name'], ['name']),
    provider: assertMessages(p['provider'], ['provider']),
    currency,
    ceiling: money(p['ceiling'], ['ceiling']),
    annualRate: ratioToDecimalString(rate),
    method,
    maxTenorMonths: maxTenor,
    tenorWithinContract: p['tenorWithinContract'] as boolean,
    graceMonths: grace,
    graceInterest,
    graceInterestOptions,
    npwpThreshold: money(p['npwpThreshold'], ['npwpThreshold']),
    conditions: Object.freeze(conditions.map((c, i) => assertMessages(c, ['conditions', String(i)]))),
    sources: Object.freeze((sources as FinancingTermSource[]).map((s) => Object.freeze({ ...s }))),
    unrecordedTerms: Object.freeze((unrecordedTerms as UnrecordedFinancingTerm[]).map((u) => Object.freeze({ ...u }))),
  });
}

/** The source of terms given as inputs; throws `FINANCE.INVALID_PRODUCT` when `statedBy` is empty. */
export function statedFinancingTerms(statedBy: unknown): FinancingTermSource[] {
  if (typeof statedBy !== 'string' || statedBy.trim() === '') {
    invalid(
      'FINANCE.INVALID_PRODUCT',
      'Sebutkan sumber ketentuan produk (mis. nomor surat atau klausul MoU).',
      'State the source of the product terms (e.g. a circular number or an MoU clause).',
      { path: ['statedBy'] },
    );
  }
  return [{ term: 'all', statedBy: statedBy.trim() }];
}
