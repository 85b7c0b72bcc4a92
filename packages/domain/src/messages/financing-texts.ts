/**
 * The texts of the loan check (issue 14): why a request breaks a product's terms, and the warning of
 * an accepted one, by code. `leanCheckLoanRequest` refers to them; `checkLoanRequest` and
 * `scheduleLoan` return them rendered. An amount comes formatted for each language (`Rp 100.000.000`,
 * `IDR 100,000,000`), as the check formats it.
 */
import type { Messages } from '../shared/domain-error';
import type { TextValue } from './text-value';

export const FINANCING_TEXTS = {
  'LOAN.ABOVE_CEILING': (amountId: TextValue, amountEn: TextValue): Messages => ({
    id: `Jumlah pinjaman melebihi plafon ${amountId}.`,
    en: `The amount is above the ceiling of ${amountEn}.`,
  }),
  'LOAN.ABOVE_PLACEMENT_COSTS': {
    id: 'Jumlah pinjaman melebihi biaya penempatan yang dibiayai.',
    en: 'The amount is above the placement costs it is meant to finance.',
  },
  'LOAN.NPWP_REQUIRED': (amountId: TextValue, amountEn: TextValue): Messages => ({
    id: `Pinjaman di atas ${amountId} mensyaratkan NPWP.`,
    en: `Loans above ${amountEn} require an NPWP (tax number).`,
  }),
  'LOAN.TENOR_EXCEEDS_MAX': (maxTenorMonths: TextValue): Messages => ({
    id: `Tenor melebihi batas produk ${maxTenorMonths} bulan.`,
    en: `The tenor is longer than the product's limit of ${maxTenorMonths} months.`,
  }),
  'LOAN.TENOR_EXCEEDS_CONTRACT': { id: 'Tenor tidak boleh melebihi lama perjanjian kerja.', en: 'The tenor may not be longer than the employment contract.' },
  'LOAN.TERM_NOT_RECORDED': (parameterId: TextValue, recordedFrom: TextValue): Messages => ({
    id: `Ketentuan masa tenggang tidak tercatat untuk tanggal ini (parameter ${parameterId} mulai ${recordedFrom}).`,
    en: `No grace-period term is recorded for this date (parameter ${parameterId} starts on ${recordedFrom}).`,
  }),
  'LOAN.GRACE_EXCEEDS_PRODUCT': (graceMonths: TextValue): Messages => ({
    id: `Masa tenggang melebihi ketentuan produk ${graceMonths} bulan.`,
    en: `The grace period is longer than the product's ${graceMonths} months.`,
  }),
  'LOAN.GRACE_NOT_BELOW_TENOR': {
    id: 'Masa tenggang harus lebih pendek dari tenor agar ada bulan untuk mengangsur.',
    en: 'The grace period must be shorter than the tenor, leaving months to repay.',
  },
  'LOAN.GRACE_INTEREST_NOT_OFFERED': (options: TextValue): Messages => ({
    id: `Produk ini hanya menawarkan bunga masa tenggang: ${options}.`,
    en: `This product only offers grace-period interest: ${options}.`,
  }),
  'LOAN.NPWP_RULE_NOT_RECORDED': (parameterId: TextValue, recordedFrom: TextValue): Messages => ({
    id: `Syarat NPWP untuk tanggal ini tidak tercatat (parameter ${parameterId} mulai ${recordedFrom}); tanyakan kepada bank.`,
    en: `No NPWP rule is recorded for this date (parameter ${parameterId} starts on ${recordedFrom}); ask the lender.`,
  }),
} as const;
