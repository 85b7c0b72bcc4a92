/**
 * Expected business failures of an MoU (returned as `err(...)`, never thrown). Field-format problems
 * use the generic `MOU.INVALID_*` / `MOU.REQUIRED` codes of entity-validation.ts.
 */
import { errorData, type DomainErrorData } from '../shared/domain-error';
import type { MouStatus } from './mou-status';

export const MOU_ERROR_CODES = [
  'MOU.INVALID_TRANSITION',
  'MOU.TIME_BEFORE_LAST_TRANSITION',
  'MOU.NOT_EDITABLE',
  'MOU.NOT_ENOUGH_PARTIES',
  'MOU.NOT_ENOUGH_SIGNATORIES',
  'MOU.SIGNATORY_MISSING',
  'MOU.NO_OBLIGATIONS',
  'MOU.REVIEW_REQUIRED',
  'MOU.REVIEW_NOT_APPLICABLE',
  'MOU.SIGNED_IN_FUTURE',
  'MOU.VALIDITY_REQUIRED',
  'MOU.INVALID_VALIDITY',
  'MOU.NOT_YET_VALID',
  'MOU.EXPIRED',
  'MOU.NOTE_REQUIRED',
  'MOU.PARTY_ALREADY_ADDED',
  'MOU.PARTY_NOT_FOUND',
  'MOU.PARTY_HAS_OBLIGATIONS',
  'MOU.OBLIGATION_NOT_FOUND',
  'MOU.TOO_MANY_ITEMS',
  'MOU.SELF_PARENT',
  'MOU.NOT_RENEWABLE',
  'MOU.ALREADY_RENEWED',
] as const;
export type MouErrorCode = (typeof MOU_ERROR_CODES)[number];

const e = (code: MouErrorCode, id: string, en: string, extra: { path?: readonly string[]; details?: DomainErrorData['details'] } = {}) =>
  errorData(code, id, en, extra);

export const MouErrors = {
  invalidTransition: (from: MouStatus, to: MouStatus) =>
    e('MOU.INVALID_TRANSITION', 'Perubahan status MoU ini tidak diizinkan.', 'This MoU status change is not allowed.', {
      path: ['to'],
      details: { from, to },
    }),
  timeBeforeLast: () =>
    e(
      'MOU.TIME_BEFORE_LAST_TRANSITION',
      'Waktu perubahan tidak boleh sebelum perubahan terakhir dalam riwayat.',
      'A change cannot be recorded before the last change in the history.',
      { path: ['at'] },
    ),
  notEditable: (status: MouStatus) =>
    e('MOU.NOT_EDITABLE', 'MoU tidak dapat diubah pada status ini.', 'The MoU cannot be changed in this status.', {
      details: { status },
    }),
  notEnoughParties: (min: number) =>
    e('MOU.NOT_ENOUGH_PARTIES', 'MoU memerlukan sedikitnya dua pihak.', 'An MoU needs at least two parties.', { details: { min } }),
  notEnoughSignatories: (min: number) =>
    e('MOU.NOT_ENOUGH_SIGNATORIES', 'MoU memerlukan sedikitnya dua pihak penanda tangan.', 'An MoU needs at least two signing parties.', {
      details: { min },
    }),
  signatoryMissing: (partyId: string) =>
    e(
      'MOU.SIGNATORY_MISSING',
      'Setiap pihak penanda tangan harus memiliki nama penanda tangan sebelum MoU ditandatangani.',
      'Every signing party needs a named signatory before the MoU is signed.',
      { path: ['parties'], details: { partyId } },
    ),
  noObligations: () =>
    e('MOU.NO_OBLIGATIONS', 'MoU belum memuat kewajiban para pihak.', 'The MoU states no obligations yet.', { path: ['obligations'] }),
  reviewRequired: () =>
    e(
      'MOU.REVIEW_REQUIRED',
      'Kerja sama dengan pemerintah daerah luar negeri memerlukan persetujuan Kemendagri (PP 28/2018, Permendagri 25/2020) sebelum ditandatangani.',
      'Cooperation with a foreign local government needs Kemendagri approval (PP 28/2018, Permendagri 25/2020) before signing.',
    ),
  reviewNotApplicable: () =>
    e(
      'MOU.REVIEW_NOT_APPLICABLE',
      'Telaah Kemendagri hanya untuk MoU dengan pemerintah daerah luar negeri.',
      'Kemendagri review applies only to MoUs with a foreign local government.',
    ),
  signedInFuture: () =>
    e('MOU.SIGNED_IN_FUTURE', 'Tanggal penandatanganan tidak boleh setelah waktu pencatatan.', 'The signing date cannot be after the time it is recorded.', {
      path: ['signedOn'],
    }),
  validityRequired: () =>
    e('MOU.VALIDITY_REQUIRED', 'Tanggal mulai berlaku MoU belum ditetapkan.', 'The MoU has no validity start date yet.', { path: ['validFrom'] }),
  invalidValidity: (reason: 'END_BEFORE_START' | 'START_BEFORE_SIGNING') =>
    e(
      'MOU.INVALID_VALIDITY',
      reason === 'END_BEFORE_START'
        ? 'Tanggal akhir berlaku tidak boleh sebelum tanggal mulai.'
        : 'MoU tidak dapat berlaku sebelum ditandatangani.',
      reason === 'END_BEFORE_START' ? 'The validity end cannot be before its start.' : 'An MoU cannot take effect before it is signed.',
      { path: [reason === 'END_BEFORE_START' ? 'validUntil' : 'validFrom'], details: { reason } },
    ),
  notYetValid: () =>
    e('MOU.NOT_YET_VALID', 'MoU belum mulai berlaku pada tanggal ini.', 'The MoU is not yet in force on this date.', { path: ['at'] }),
  expired: () => e('MOU.EXPIRED', 'Masa berlaku MoU telah berakhir.', 'The MoU validity has ended.', { path: ['at'] }),
  noteRequired: () =>
    e('MOU.NOTE_REQUIRED', 'Perubahan ini memerlukan catatan alasan.', 'This change needs a note giving the reason.', { path: ['note'] }),
  partyAlreadyAdded: () =>
    e('MOU.PARTY_ALREADY_ADDED', 'Pihak ini sudah tercantum dalam MoU.', 'This party is already in the MoU.', { path: ['partyId'] }),
  partyNotFound: () => e('MOU.PARTY_NOT_FOUND', 'Pihak ini tidak tercantum dalam MoU.', 'This party is not in the MoU.', { path: ['partyId'] }),
  partyHasObligations: () =>
    e(
      'MOU.PARTY_HAS_OBLIGATIONS',
      'Hapus dahulu kewajiban pihak ini sebelum menghapus pihaknya.',
      "Remove this party's obligations before removing the party.",
      { path: ['partyId'] },
    ),
  obligationNotFound: () =>
    e('MOU.OBLIGATION_NOT_FOUND', 'Kewajiban tidak ditemukan.', 'Obligation not found.', { path: ['number'] }),
  tooManyItems: (what: 'parties' | 'obligations' | 'history', max: number) =>
    e('MOU.TOO_MANY_ITEMS', 'Jumlah butir melebihi batas.', 'Too many items.', { path: [what], details: { max } }),
  selfParent: () => e('MOU.SELF_PARENT', 'MoU tidak dapat menjadi induk dirinya sendiri.', 'An MoU cannot be its own parent.', { path: ['parentMouId'] }),
  notRenewable: (status: MouStatus) =>
    e('MOU.NOT_RENEWABLE', 'Hanya MoU yang telah ditandatangani yang dapat diperpanjang.', 'Only an MoU that has been signed can be renewed.', {
      details: { status },
    }),
  alreadyRenewed: () =>
    e('MOU.ALREADY_RENEWED', 'MoU ini sudah diperpanjang.', 'This MoU has already been renewed.', { path: ['newMouId'] }),
};
