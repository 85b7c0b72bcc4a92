/** Expected business failures of a job opening (returned as `err(...)`, never thrown). */
import { errorData, type DomainErrorData } from '../shared/domain-error';
import type { Money } from '../money';

export const OPENING_ERROR_CODES = [
  'OPENING.INVALID_TRANSITION',
  'OPENING.TIME_BEFORE_LAST_TRANSITION',
  'OPENING.NOT_VERIFIED',
  'OPENING.NOT_EDITABLE',
  'OPENING.EMPLOYER_KIND',
  'OPENING.ROUTE_INCOMPATIBLE',
  'OPENING.ROUTE_NOT_OPEN',
  'OPENING.MOU_MISMATCH',
  'OPENING.MOU_NOT_IN_FORCE',
  'OPENING.MOU_ENDED',
  'OPENING.QUOTA_MISMATCH',
  'OPENING.WAGE_NOT_STATED',
  'OPENING.CONTRACT_NOT_STATED',
  'OPENING.WAGE_CURRENCY',
  'OPENING.WAGE_BELOW_MINIMUM',
  'OPENING.WAGE_BELOW_E73_FLOOR',
  'OPENING.NO_SEATS_LEFT',
  'OPENING.NOT_FILLED',
  'OPENING.CONTEXT_REQUIRED',
  'OPENING.INVALID_REQUIREMENTS',
] as const;
export type OpeningErrorCode = (typeof OPENING_ERROR_CODES)[number];

const e = (code: OpeningErrorCode, id: string, en: string, extra: { path?: readonly string[]; details?: DomainErrorData['details'] } = {}) =>
  errorData(code, id, en, extra);

export const OpeningErrors = {
  invalidTransition: (from: string, to: string) =>
    e('OPENING.INVALID_TRANSITION', 'Perubahan status lowongan ini tidak diizinkan.', 'This opening status change is not allowed.', {
      path: ['to'],
      details: { from, to },
    }),
  timeBeforeLast: () =>
    e(
      'OPENING.TIME_BEFORE_LAST_TRANSITION',
      'Waktu perubahan tidak boleh sebelum perubahan terakhir dalam riwayat.',
      'A change cannot be recorded before the last change in the history.',
      { path: ['at'] },
    ),
  notVerified: () =>
    e(
      'OPENING.NOT_VERIFIED',
      'Lowongan (job order) belum diverifikasi atase ketenagakerjaan, sehingga belum boleh dipublikasikan (UU 18/2017 Pasal 9–10).',
      'The opening (job order) has not been verified by the labour attaché, so it cannot be published (UU 18/2017 Articles 9–10).',
      { path: ['attacheVerification'] },
    ),
  notEditable: (status: string) =>
    e('OPENING.NOT_EDITABLE', 'Lowongan hanya dapat diubah selama masih rancangan.', 'An opening can be changed only while it is a draft.', {
      details: { status },
    }),
  employerKind: () =>
    e('OPENING.EMPLOYER_KIND', 'Pemberi kerja harus pihak berjenis EMPLOYER.', 'The employer must be a party of kind EMPLOYER.', {
      path: ['employer'],
    }),
  routeIncompatible: () =>
    e('OPENING.ROUTE_INCOMPATIBLE', 'Jabatan ini tidak termasuk sektor rute tersebut.', "This occupation is not in the route's sectors.", {
      path: ['route'],
    }),
  routeNotOpen: (status: string) =>
    e('OPENING.ROUTE_NOT_OPEN', 'Rute ini tidak terbuka pada tanggal tersebut.', 'This route is not open on that date.', {
      path: ['route'],
      details: { status },
    }),
  mouMismatch: () => e('OPENING.MOU_MISMATCH', 'MoU tidak sesuai dengan lowongan.', 'The MoU does not match the opening.', { path: ['mou'] }),
  mouNotInForce: (status: string) =>
    e(
      'OPENING.MOU_NOT_IN_FORCE',
      'Lowongan hanya dapat dibuka di bawah MoU yang sudah ditandatangani atau berlaku.',
      'An opening can be opened only under a signed or active MoU.',
      { path: ['mou'], details: { status } },
    ),
  mouEnded: () => e('OPENING.MOU_ENDED', 'MoU sudah berakhir.', 'The MoU has ended.', { path: ['mou'] }),
  quotaMismatch: () =>
    e(
      'OPENING.QUOTA_MISMATCH',
      'Kuota tidak sesuai dengan lowongan (MoU, jabatan atau rute berbeda).',
      'The quota does not match the opening (different MoU, occupation or route).',
      { path: ['quota'] },
    ),
  wageNotStated: () =>
    e(
      'OPENING.WAGE_NOT_STATED',
      'Upah belum dinyatakan dalam job order; lowongan belum dapat dipublikasikan.',
      'The job order states no wage yet; the opening cannot be published.',
      { path: ['wage'] },
    ),
  contractNotStated: () =>
    e(
      'OPENING.CONTRACT_NOT_STATED',
      'Lama kontrak kerja belum dinyatakan dalam job order; lowongan belum dapat dipublikasikan.',
      'The job order states no contract length yet; the opening cannot be published.',
      { path: ['contractMonths'] },
    ),
  wageCurrency: () =>
    e('OPENING.WAGE_CURRENCY', 'Upah bulanan harus dalam KRW dan lebih dari nol.', 'The monthly wage must be in KRW and above zero.', {
      path: ['wage', 'monthly'],
    }),
  wageBelowMinimum: () =>
    e(
      'OPENING.WAGE_BELOW_MINIMUM',
      'Upah bulanan di bawah upah minimum Korea yang berlaku.',
      'The monthly wage is below the Korean minimum wage in force.',
      { path: ['wage', 'monthly'] },
    ),
  wageBelowE73Floor: (floor?: { readonly monthly: Money; readonly annual: Money; readonly gniPerCapita: Money; readonly gniSource: string; readonly share: string }) =>
    e(
      'OPENING.WAGE_BELOW_E73_FLOOR',
      'Upah di bawah batas E-7-3 (bagian dari GNI per kapita Korea).',
      "The wage is below the E-7-3 floor (a share of Korea's GNI per capita).",
      {
        path: ['wage'],
        ...(floor
          ? {
              details: {
                minimumMonthly: floor.monthly.amount,
                minimumAnnual: floor.annual.amount,
                currency: floor.monthly.currency,
                gniPerCapita: floor.gniPerCapita.amount,
                gniSource: floor.gniSource,
                share: floor.share,
              },
            }
          : {}),
      },
    ),
  noSeatsLeft: () =>
    e('OPENING.NO_SEATS_LEFT', 'Semua kursi lowongan ini sudah terisi.', 'Every seat of this opening is taken.', { path: ['seats'] }),
  notFilled: () =>
    e('OPENING.NOT_FILLED', 'Masih ada kursi kosong pada lowongan ini.', 'This opening still has free seats.', { path: ['seats'] }),
  contextRequired: (what: string) =>
    e('OPENING.CONTEXT_REQUIRED', 'Data pendukung untuk perubahan ini tidak diberikan.', 'Data needed for this change was not given.', {
      path: [what],
    }),
};
