/** Expected business failures of a quota (returned as `err(...)`, never thrown). */
import { errorData, type DomainErrorData } from '../shared/domain-error';

export const QUOTA_ERROR_CODES = [
  'QUOTA.EXHAUSTED',
  'QUOTA.DUPLICATE_ALLOCATION',
  'QUOTA.NOT_ALLOCATED',
  'QUOTA.MOU_MISMATCH',
  'QUOTA.MOU_NOT_IN_FORCE',
  'QUOTA.MOU_ENDED',
  'QUOTA.OPENING_MISMATCH',
  'QUOTA.OPENING_NOT_OPEN',
  'QUOTA.ROUTE_INCOMPATIBLE',
  'QUOTA.ROUTE_NOT_OPEN',
  'QUOTA.SEATS_BELOW_ALLOCATED',
  'QUOTA.INVALID_INPUT',
] as const;
export type QuotaErrorCode = (typeof QUOTA_ERROR_CODES)[number];

const e = (code: QuotaErrorCode, id: string, en: string, extra: { path?: readonly string[]; details?: DomainErrorData['details'] } = {}) =>
  errorData(code, id, en, extra);

export const QuotaErrors = {
  /** `scope`: QUOTA = the MoU × occupation × route quota is full; OPENING = the job opening's seats are taken. */
  exhausted: (scope: 'QUOTA' | 'OPENING', seats: number) =>
    e(
      'QUOTA.EXHAUSTED',
      scope === 'QUOTA' ? 'Kuota sudah penuh.' : 'Semua kursi lowongan ini sudah terisi.',
      scope === 'QUOTA' ? 'The quota is exhausted.' : 'Every seat of this opening is taken.',
      { details: { scope, seats } },
    ),
  duplicate: () =>
    e('QUOTA.DUPLICATE_ALLOCATION', 'Kandidat ini sudah mendapat kursi pada kuota ini.', 'This candidate already holds a seat in this quota.', {
      path: ['candidateId'],
    }),
  notAllocated: () =>
    e('QUOTA.NOT_ALLOCATED', 'Kandidat ini tidak memegang kursi pada kuota ini.', 'This candidate holds no seat in this quota.', {
      path: ['candidateId'],
    }),
  mouMismatch: () => e('QUOTA.MOU_MISMATCH', 'MoU tidak sesuai dengan kuota.', 'The MoU does not match the quota.', { path: ['mou'] }),
  mouNotInForce: (status: string) =>
    e(
      'QUOTA.MOU_NOT_IN_FORCE',
      'Kursi hanya dapat dialokasikan bila MoU sudah ditandatangani atau berlaku.',
      'Seats can be allocated only when the MoU is signed or active.',
      { path: ['mou'], details: { status } },
    ),
  mouEnded: () => e('QUOTA.MOU_ENDED', 'MoU sudah berakhir.', 'The MoU has ended.', { path: ['mou'] }),
  openingMismatch: () =>
    e(
      'QUOTA.OPENING_MISMATCH',
      'Lowongan tidak sesuai dengan kuota (MoU, jabatan atau rute berbeda).',
      'The opening does not match the quota (different MoU, occupation or route).',
      { path: ['opening'] },
    ),
  openingNotOpen: (status: string) =>
    e('QUOTA.OPENING_NOT_OPEN', 'Lowongan tidak sedang dibuka.', 'The opening is not open.', { path: ['opening'], details: { status } }),
  routeIncompatible: () =>
    e(
      'QUOTA.ROUTE_INCOMPATIBLE',
      'Jabatan ini tidak termasuk sektor rute tersebut.',
      "This occupation is not in the route's sectors.",
      { path: ['route'] },
    ),
  routeNotOpen: (status: string) =>
    e('QUOTA.ROUTE_NOT_OPEN', 'Rute ini tidak terbuka pada tanggal tersebut.', 'This route is not open on that date.', {
      path: ['route'],
      details: { status },
    }),
  seatsBelowAllocated: (allocated: number) =>
    e(
      'QUOTA.SEATS_BELOW_ALLOCATED',
      'Jumlah kursi tidak boleh kurang dari kursi yang sudah dialokasikan.',
      'Seats cannot be fewer than the seats already allocated.',
      { path: ['seats'], details: { allocated } },
    ),
};
