/** Expected business failures of a candidate (returned as `err(...)`, never thrown). */
import { errorData, type DomainErrorData } from '../shared/domain-error';

export const CANDIDATE_ERROR_CODES = [
  'CANDIDATE.INVALID_TRANSITION',
  'CANDIDATE.TIME_BEFORE_LAST_TRANSITION',
  'CANDIDATE.NOT_ELIGIBLE',
  'CANDIDATE.NOT_READY_TO_DEPART',
  'CANDIDATE.GATE_NOT_MET',
  'CANDIDATE.NO_SEAT',
  'CANDIDATE.OPENING_NOT_OPEN',
  'CANDIDATE.OPENING_MISMATCH',
  'CANDIDATE.QUOTA_MISMATCH',
  'CANDIDATE.CONTEXT_REQUIRED',
  'CANDIDATE.PARAMS_DATE_MISMATCH',
  'CANDIDATE.NOTE_REQUIRED',
  'CANDIDATE.NOT_EDITABLE',
  'CANDIDATE.DUPLICATE_REFERENCE',
  'CANDIDATE.EXIT_REASON_UNKNOWN',
  'CANDIDATE.EXIT_REASON_MISMATCH',
  'CANDIDATE.EXIT_REASON_NOT_APPLICABLE',
] as const;
export type CandidateErrorCode = (typeof CANDIDATE_ERROR_CODES)[number];

const e = (code: CandidateErrorCode, id: string, en: string, extra: { path?: readonly string[]; details?: DomainErrorData['details'] } = {}) =>
  errorData(code, id, en, extra);

export const CandidateErrors = {
  invalidTransition: (from: string, to: string) =>
    e('CANDIDATE.INVALID_TRANSITION', 'Perpindahan tahap ini tidak diizinkan.', 'This stage change is not allowed.', {
      path: ['to'],
      details: { from, to },
    }),
  timeBeforeLast: () =>
    e(
      'CANDIDATE.TIME_BEFORE_LAST_TRANSITION',
      'Waktu perubahan tidak boleh sebelum perubahan terakhir dalam riwayat.',
      'A change cannot be recorded before the last change in the history.',
      { path: ['at'] },
    ),
  notEligible: (selection: string, actions: number) =>
    e(
      'CANDIDATE.NOT_ELIGIBLE',
      'Kandidat belum memenuhi syarat untuk diseleksi; lihat daftar langkah pada hasil kelayakan.',
      'The candidate is not eligible to be selected yet; see the checklist of the eligibility result.',
      { details: { selection, actions } },
    ),
  notReadyToDepart: (departure: string, actions: number) =>
    e(
      'CANDIDATE.NOT_READY_TO_DEPART',
      'Kandidat belum siap berangkat; lihat daftar langkah pada hasil kelayakan.',
      'The candidate is not ready to depart; see the checklist of the eligibility result.',
      { details: { departure, actions } },
    ),
  gateNotMet: (stage: string, ruleIds: readonly string[]) =>
    e(
      'CANDIDATE.GATE_NOT_MET',
      'Syarat untuk masuk ke tahap ini belum terpenuhi.',
      'The requirements to enter this stage are not met.',
      { details: { stage, ruleIds: ruleIds.join(',') } },
    ),
  noSeat: () =>
    e('CANDIDATE.NO_SEAT', 'Kandidat tidak memegang kursi kuota untuk lowongan ini.', 'The candidate holds no quota seat for this opening.', {
      path: ['quota'],
    }),
  openingNotOpen: (status: string) =>
    e('CANDIDATE.OPENING_NOT_OPEN', 'Lowongan tidak sedang dibuka.', 'The opening is not open.', { path: ['opening'], details: { status } }),
  openingMismatch: () =>
    e('CANDIDATE.OPENING_MISMATCH', 'Lowongan berbeda dengan lowongan tempat kandidat diseleksi.', 'This is not the opening the candidate was selected for.', {
      path: ['opening'],
    }),
  quotaMismatch: () =>
    e('CANDIDATE.QUOTA_MISMATCH', 'Kuota tidak sesuai dengan lowongan.', 'The quota does not match the opening.', { path: ['quota'] }),
  contextRequired: (what: string) =>
    e('CANDIDATE.CONTEXT_REQUIRED', 'Data pendukung untuk perubahan ini tidak diberikan.', 'Data needed for this change was not given.', {
      path: [what],
    }),
  paramsDateMismatch: () =>
    e(
      'CANDIDATE.PARAMS_DATE_MISMATCH',
      'Tanggal snapshot parameter harus sama dengan tanggal perubahan (WIB).',
      'The parameter snapshot must be taken on the date of the change (WIB).',
      { path: ['params', 'asOf'] },
    ),
  noteRequired: () =>
    e('CANDIDATE.NOTE_REQUIRED', 'Perubahan ini memerlukan catatan alasan.', 'This change needs a note giving the reason.', { path: ['note'] }),
  notEditable: (stage: string) =>
    e('CANDIDATE.NOT_EDITABLE', 'Data ini tidak dapat diubah pada tahap ini.', 'This cannot be changed at this stage.', { details: { stage } }),
  duplicateReference: () =>
    e('CANDIDATE.DUPLICATE_REFERENCE', 'Satu sistem hanya boleh memiliki satu referensi.', 'Each system may carry only one reference.', {
      path: ['externalRefs'],
    }),
  exitReasonUnknown: (allowed: readonly string[], path: readonly string[] = ['reason']) =>
    e('CANDIDATE.EXIT_REASON_UNKNOWN', 'Kode alasan keluar tidak dikenal.', 'The exit reason code is not known.', {
      path,
      details: { allowed: allowed.join(',') },
    }),
  exitReasonMismatch: (stage: string, reason: string, allowed: readonly string[], path: readonly string[] = ['reason']) =>
    e(
      'CANDIDATE.EXIT_REASON_MISMATCH',
      'Kode alasan ini tidak berlaku untuk tahap keluar tersebut (alasan pengunduran diri dan alasan tidak lolos berbeda).',
      'This reason code does not apply to that exit (withdrawal and rejection reasons differ).',
      { path, details: { stage, reason, allowed: allowed.join(',') } },
    ),
  exitReasonNotApplicable: (stage: string, path: readonly string[] = ['reason']) =>
    e(
      'CANDIDATE.EXIT_REASON_NOT_APPLICABLE',
      'Kode alasan hanya dicatat saat mengundurkan diri atau tidak lolos.',
      'A reason code is recorded only on a withdrawal or a rejection.',
      { path, details: { stage } },
    ),
};
