/**
 * Expected business failures of training (returned as `err(...)` by the entities, thrown as
 * `DomainError` by the pure calculators on invalid input). Field-format problems use the generic
 * `TRAINING.INVALID_*` / `TRAINING.REQUIRED` codes of entities/entity-validation.ts.
 *
 * A full cohort is not an error: the candidate is WAITLISTED.
 */
import { errorData, type DomainErrorData } from '../shared/domain-error';

export const TRAINING_ERROR_CODES = [
  'TRAINING.DATES_OUT_OF_ORDER',
  'TRAINING.CAPACITY_INVALID',
  'TRAINING.SESSION_NOT_FOUND',
  'TRAINING.SESSION_OUTSIDE_COHORT',
  'TRAINING.NOT_ENROLLED',
  'TRAINING.ALREADY_ENROLLED',
  'TRAINING.ALREADY_ENROLLED_IN_KIND',
  'TRAINING.NOT_ENROLLING',
  'TRAINING.NOT_EDITABLE',
  'TRAINING.ILLEGAL_TRANSITION',
  'TRAINING.TIME_BEFORE_LAST_TRANSITION',
  'TRAINING.NOTE_REQUIRED',
  'TRAINING.NOT_YET_STARTED',
  'TRAINING.NOT_YET_ENDED',
  'TRAINING.NO_SESSIONS',
  'TRAINING.NO_MEMBERS',
  'TRAINING.ATTENDANCE_RULE_REQUIRED',
  'TRAINING.ATTENDANCE_RULE_INVALID',
  'TRAINING.ATTENDANCE_NOT_RECORDED',
  'TRAINING.DUPLICATE_MARK',
  'TRAINING.MARK_MISSING',
  'TRAINING.PROVIDER_NOT_TRAINING_PROVIDER',
  'TRAINING.LICENCE_REQUIRED',
  'TRAINING.LICENCE_NOT_APPLICABLE',
  'TRAINING.LICENCE_NOT_VALID',
  'TRAINING.TARGET_MISMATCH',
  'TRAINING.SCORE_OUT_OF_SCALE',
  'TRAINING.FEE_INVALID',
  'TRAINING.OUTCOME_NOT_ALLOWED',
  'TRAINING.ASSESSMENT_REQUIRED',
  'TRAINING.ASSESSMENT_NOT_APPLICABLE',
  'TRAINING.COMPLETION_REQUIRED',
  'TRAINING.NOT_COMPLETED',
  'TRAINING.RATE_INVALID',
  'TRAINING.PLAN_INPUT_INVALID',
  'TRAINING.TEST_DATE_PASSED',
  'TRAINING.TOO_MANY_ITEMS',
] as const;
export type TrainingErrorCode = (typeof TRAINING_ERROR_CODES)[number];

type Extra = { path?: readonly string[]; details?: DomainErrorData['details'] };
const e = (code: TrainingErrorCode, id: string, en: string, extra: Extra = {}) => errorData(code, id, en, extra);

export const TrainingErrors = {
  datesOutOfOrder: (path: readonly string[] = ['endDate']) =>
    e('TRAINING.DATES_OUT_OF_ORDER', 'Tanggal selesai tidak boleh sebelum tanggal mulai.', 'The end date cannot be before the start date.', { path }),
  capacityInvalid: (min: number, max: number) =>
    e('TRAINING.CAPACITY_INVALID', `Kapasitas harus bilangan bulat ${min}–${max}.`, `The capacity must be a whole number from ${min} to ${max}.`, {
      path: ['capacity'],
      details: { min, max },
    }),
  sessionNotFound: (number: number) =>
    e('TRAINING.SESSION_NOT_FOUND', 'Sesi tidak ditemukan dalam angkatan ini.', 'The session is not part of this cohort.', {
      path: ['sessionNumber'],
      details: { sessionNumber: number },
    }),
  sessionOutsideCohort: () =>
    e('TRAINING.SESSION_OUTSIDE_COHORT', 'Tanggal sesi harus di antara tanggal mulai dan selesai angkatan.', 'A session must fall between the cohort start and end dates.', {
      path: ['date'],
    }),
  notEnrolled: (path: readonly string[] = ['candidateId']) =>
    e('TRAINING.NOT_ENROLLED', 'Calon tidak terdaftar sebagai peserta aktif angkatan ini.', 'The candidate is not an enrolled member of this cohort.', { path }),
  alreadyEnrolled: () =>
    e('TRAINING.ALREADY_ENROLLED', 'Calon sudah tercatat di angkatan ini.', 'The candidate is already on record in this cohort.', { path: ['candidateId'] }),
  alreadyEnrolledInKind: (kind: string, cohortId: string) =>
    e(
      'TRAINING.ALREADY_ENROLLED_IN_KIND',
      'Calon sudah memiliki pendaftaran aktif untuk jenis kursus ini.',
      'The candidate already has an active enrolment in a course of this kind.',
      { path: ['courseKind'], details: { courseKind: kind, cohortId } },
    ),
  notEnrolling: (status: string) =>
    e('TRAINING.NOT_ENROLLING', 'Pendaftaran hanya dibuka saat angkatan berstatus ENROLLING.', 'Enrolment is open only while the cohort is ENROLLING.', {
      details: { status },
    }),
  notEditable: (status: string) =>
    e('TRAINING.NOT_EDITABLE', 'Angkatan tidak dapat diubah pada status ini.', 'The cohort cannot be changed in this status.', { details: { status } }),
  illegalTransition: (from: string, to: string) =>
    e('TRAINING.ILLEGAL_TRANSITION', 'Perubahan status angkatan ini tidak diizinkan.', 'This cohort status change is not allowed.', {
      path: ['to'],
      details: { from, to },
    }),
  timeBeforeLast: () =>
    e(
      'TRAINING.TIME_BEFORE_LAST_TRANSITION',
      'Waktu perubahan tidak boleh sebelum perubahan terakhir dalam riwayat.',
      'A change cannot be recorded before the last change in the history.',
      { path: ['at'] },
    ),
  noteRequired: () => e('TRAINING.NOTE_REQUIRED', 'Perubahan ini memerlukan catatan alasan.', 'This change needs a note giving the reason.', { path: ['note'] }),
  notYetStarted: (startDate: string) =>
    e('TRAINING.NOT_YET_STARTED', 'Angkatan belum dapat dimulai sebelum tanggal mulainya.', 'The cohort cannot start before its start date.', {
      path: ['at'],
      details: { startDate },
    }),
  notYetEnded: (endDate: string) =>
    e('TRAINING.NOT_YET_ENDED', 'Angkatan belum dapat diselesaikan sebelum tanggal selesainya.', 'The cohort cannot be completed before its end date.', {
      path: ['at'],
      details: { endDate },
    }),
  noSessions: () => e('TRAINING.NO_SESSIONS', 'Angkatan belum memiliki jadwal sesi.', 'The cohort has no sessions scheduled.', { path: ['sessions'] }),
  noMembers: () => e('TRAINING.NO_MEMBERS', 'Angkatan belum memiliki peserta terdaftar.', 'The cohort has no enrolled members.', { path: ['enrolments'] }),
  attendanceRuleRequired: () =>
    e(
      'TRAINING.ATTENDANCE_RULE_REQUIRED',
      'Aturan kehadiran minimal dari lembaga pelatihan wajib diisi untuk setiap kursus (tidak ada nilai bawaan).',
      "The provider's published minimum attendance rule is required for every course (there is no default).",
      { path: ['attendanceRule'] },
    ),
  attendanceRuleInvalid: (path: readonly string[]) =>
    e(
      'TRAINING.ATTENDANCE_RULE_INVALID',
      'Porsi kehadiran minimal harus pecahan atau desimal lebih dari 0 dan paling besar 1 (mis. "4/5" atau "0.8").',
      'The required attendance share must be a fraction or decimal above 0 and at most 1 (e.g. "4/5" or "0.8").',
      { path },
    ),
  attendanceNotRecorded: (sessionNumbers: readonly number[]) =>
    e('TRAINING.ATTENDANCE_NOT_RECORDED', 'Kehadiran belum dicatat untuk semua sesi.', 'Attendance has not been recorded for every session.', {
      path: ['attendance'],
      details: { missingSessions: sessionNumbers.join(',') },
    }),
  duplicateMark: (i: number) =>
    e('TRAINING.DUPLICATE_MARK', 'Seorang peserta tercatat lebih dari sekali dalam sesi yang sama.', 'A member is marked more than once in the same session.', {
      path: ['marks', String(i), 'candidateId'],
    }),
  markMissing: (count: number) =>
    e(
      'TRAINING.MARK_MISSING',
      'Kehadiran dicatat untuk seluruh kelas sekaligus: setiap peserta terdaftar harus diberi tanda.',
      'Attendance is recorded for the whole class at once: every enrolled member needs a mark.',
      { path: ['marks'], details: { missing: count } },
    ),
  providerNotTrainingProvider: () =>
    e('TRAINING.PROVIDER_NOT_TRAINING_PROVIDER', 'Penyelenggara kursus harus pihak berjenis lembaga pelatihan.', 'The course provider must be a party of kind TRAINING_PROVIDER.', {
      path: ['provider'],
    }),
  licenceRequired: () =>
    e('TRAINING.LICENCE_REQUIRED', 'LPK wajib mencantumkan nomor izin dan masa berlakunya.', 'An LPK must state its licence number and validity.', {
      path: ['provider', 'licence'],
    }),
  licenceNotApplicable: () =>
    e('TRAINING.LICENCE_NOT_APPLICABLE', 'Nomor izin LPK hanya untuk penyelenggara berjenis LPK.', 'An LPK licence applies only to a provider of type LPK.', {
      path: ['provider', 'licence'],
    }),
  licenceNotValid: (on: string) =>
    e('TRAINING.LICENCE_NOT_VALID', 'Izin LPK tidak berlaku pada tanggal angkatan.', "The LPK's licence is not valid on the cohort's dates.", {
      path: ['provider', 'licence'],
      details: { on },
    }),
  targetMismatch: (kind: string) =>
    e('TRAINING.TARGET_MISMATCH', 'Sasaran kursus tidak sesuai dengan jenis kursusnya.', 'The course target does not fit the course kind.', {
      path: ['target'],
      details: { courseKind: kind },
    }),
  scoreOutOfScale: (path: readonly string[], min: number, max: number) =>
    e('TRAINING.SCORE_OUT_OF_SCALE', `Nilai harus bilangan bulat ${min}–${max} pada skala resmi.`, `The value must be a whole number from ${min} to ${max} on the official scale.`, {
      path,
      details: { min, max },
    }),
  feeInvalid: () =>
    e('TRAINING.FEE_INVALID', 'Biaya kursus harus dalam rupiah dan tidak negatif.', 'The course fee must be in rupiah and not negative.', { path: ['fee'] }),
  outcomeNotAllowed: (status: string) =>
    e('TRAINING.OUTCOME_NOT_ALLOWED', 'Hasil akhir dicatat setelah angkatan selesai (COMPLETED).', 'Final outcomes are recorded once the cohort is COMPLETED.', {
      details: { status },
    }),
  assessmentRequired: () =>
    e('TRAINING.ASSESSMENT_REQUIRED', 'Kursus ini memiliki ujian akhir: catat hasilnya terlebih dahulu.', 'This course has a final assessment: record its result first.', {
      path: ['finalAssessments'],
    }),
  assessmentNotApplicable: () =>
    e('TRAINING.ASSESSMENT_NOT_APPLICABLE', 'Kursus ini tidak memiliki ujian akhir.', 'This course has no final assessment.', { path: ['finalAssessments'] }),
  completionRequired: (missingKinds: readonly string[]) =>
    e(
      'TRAINING.COMPLETION_REQUIRED',
      'Calon belum menyelesaikan semua kursus yang diwajibkan untuk tahap ini.',
      'The candidate has not completed every course this stage requires.',
      { path: ['enrolments'], details: { missingKinds: missingKinds.join(',') } },
    ),
  /**
   * Leaving TRAINING forward without a completed course: `IN_PROGRESS` (a seat in a course whose
   * outcome is not recorded yet: not ended, or awaiting its final assessment) or `NONE_COMPLETED`
   * (every course taken ended without completion). The messages name the courses.
   */
  notCompleted: (reason: 'IN_PROGRESS' | 'NONE_COMPLETED', titles: { readonly id: string; readonly en: string }, courseIds: readonly string[], cohortIds: readonly string[]) =>
    reason === 'IN_PROGRESS'
      ? e(
          'TRAINING.NOT_COMPLETED',
          `Calon masih mengikuti kursus yang hasilnya belum tercatat (belum berakhir atau menunggu ujian akhir): ${titles.id}. Tahap pelatihan dapat ditinggalkan setelah hasilnya tercatat.`,
          `The candidate is still in a course whose outcome is not recorded yet (not ended, or awaiting its final assessment): ${titles.en}. Training can be left once the outcome is recorded.`,
          { path: ['to'], details: { reason, courseIds: courseIds.join(','), cohortIds: cohortIds.join(',') } },
        )
      : e(
          'TRAINING.NOT_COMPLETED',
          `Calon belum menyelesaikan satu pun kursus yang diikutinya: ${titles.id}. Selesaikan sebuah kursus sebelum tahap uji.`,
          `The candidate has completed none of the courses they took: ${titles.en}. Complete a course before the testing stage.`,
          { path: ['to'], details: { reason, courseIds: courseIds.join(','), cohortIds: cohortIds.join(',') } },
        ),
  rateInvalid: (path: readonly string[]) =>
    e(
      'TRAINING.RATE_INVALID',
      'Tingkat harus pecahan atau desimal dari 0 sampai 1 (mis. "3/20", "0.15", atau basis poin "1500/10000").',
      'A rate must be a fraction or decimal from 0 to 1 (e.g. "3/20", "0.15", or basis points "1500/10000").',
      { path },
    ),
  planInputInvalid: (path: readonly string[], id: string, en: string) => e('TRAINING.PLAN_INPUT_INVALID', id, en, { path }),
  testDatePassed: () =>
    e('TRAINING.TEST_DATE_PASSED', 'Tanggal ujian resmi berikutnya tidak boleh sebelum tanggal acuan.', 'The next official test date cannot be before the as-of date.', {
      path: ['nextOfficialTestDate'],
    }),
  tooManyItems: (what: string, max: number) =>
    e('TRAINING.TOO_MANY_ITEMS', 'Jumlah butir melebihi batas.', 'Too many items.', { path: [what], details: { max } }),
};
