/**
 * The vocabulary of training (issue 10; DOMAIN.md §1–§2): course kinds, provider and venue types,
 * attendance marks, enrolment statuses and the reason codes of every way an enrolment ends. Kept as
 * `const` arrays so that the gateway can build GraphQL enums from them and validators can check
 * membership.
 */
import type { Messages } from '../shared/domain-error';

/** What a course teaches (KIOTEC's cohorts combine welding, Korean and safety: DOMAIN.md §1). */
export const COURSE_KINDS = ['KOREAN_LANGUAGE', 'SKILL', 'SAFETY', 'ORIENTATION'] as const;
export type CourseKind = (typeof COURSE_KINDS)[number];

export const COURSE_KIND_LABELS: Readonly<Record<CourseKind, Messages>> = Object.freeze({
  KOREAN_LANGUAGE: { id: 'Bahasa Korea', en: 'Korean language' },
  SKILL: { id: 'Keterampilan (mis. las, cat kapal, listrik kapal)', en: 'Skill (e.g. welding, ship painting, ship electricity)' },
  SAFETY: { id: 'Keselamatan kerja', en: 'Work safety' },
  ORIENTATION: { id: 'Orientasi', en: 'Orientation' },
});

/**
 * The kind of training provider (a party of kind TRAINING_PROVIDER): LPK = Lembaga Pelatihan Kerja
 * (a licensed private or community training institute: it carries a licence number and validity);
 * BBPVP = Balai Besar Pelatihan Vokasi dan Produktivitas (the ministry's vocational centre);
 * TRAINING_CENTRE = another centre (e.g. KIOTEC, the Korean shipbuilding training centre in Serang).
 */
export const TRAINING_PROVIDER_TYPES = ['LPK', 'BBPVP', 'TRAINING_CENTRE'] as const;
export type TrainingProviderType = (typeof TRAINING_PROVIDER_TYPES)[number];

/** Where a cohort meets. */
export const TRAINING_VENUE_KINDS = ['KAMPUNG_BAHASA', 'LPK', 'BBPVP', 'TRAINING_CENTRE', 'OTHER'] as const;
export type TrainingVenueKind = (typeof TRAINING_VENUE_KINDS)[number];

export const ATTENDANCE_MARKS = ['PRESENT', 'ABSENT', 'EXCUSED'] as const;
export type AttendanceMark = (typeof ATTENDANCE_MARKS)[number];

/**
 * How an EXCUSED session counts toward the attendance share. No source gives a general rule (it is
 * the provider's published rule), so it is a course setting with no default:
 * - COUNTS_AS_PRESENT: excused sessions count as attended: (present + excused) / sessions;
 * - EXCLUDED: excused sessions leave the count: present / (sessions − excused);
 * - COUNTS_AS_ABSENT: only presence counts: present / sessions.
 */
export const EXCUSED_ABSENCE_POLICIES = ['COUNTS_AS_PRESENT', 'EXCLUDED', 'COUNTS_AS_ABSENT'] as const;
export type ExcusedAbsencePolicy = (typeof EXCUSED_ABSENCE_POLICIES)[number];

/**
 * ENROLLED and WAITLISTED are active; the others are final. CANCELLED: the cohort was cancelled, or
 * the waitlist closed when the cohort completed.
 */
export const ENROLMENT_STATUSES = ['ENROLLED', 'WAITLISTED', 'WITHDRAWN', 'DROPPED', 'COMPLETED', 'FAILED', 'CANCELLED'] as const;
export type EnrolmentStatus = (typeof ENROLMENT_STATUSES)[number];
export const ACTIVE_ENROLMENT_STATUSES: readonly EnrolmentStatus[] = ['ENROLLED', 'WAITLISTED'];

/** Why a candidate withdraws (before or while the cohort runs) or drops out (while it runs). */
export const LEAVE_REASONS = ['PERSONAL', 'HEALTH', 'FAMILY', 'WORK_ELSEWHERE', 'COST', 'NO_CONTACT', 'CONDUCT', 'OTHER'] as const;
export type LeaveReason = (typeof LEAVE_REASONS)[number];

export const LEAVE_REASON_LABELS: Readonly<Record<LeaveReason, Messages>> = Object.freeze({
  PERSONAL: { id: 'Alasan pribadi', en: 'Personal reasons' },
  HEALTH: { id: 'Kesehatan', en: 'Health' },
  FAMILY: { id: 'Keluarga', en: 'Family' },
  WORK_ELSEWHERE: { id: 'Mendapat pekerjaan lain', en: 'Found other work' },
  COST: { id: 'Biaya', en: 'Cost' },
  NO_CONTACT: { id: 'Tidak dapat dihubungi', en: 'Could not be contacted' },
  CONDUCT: { id: 'Pelanggaran tata tertib', en: 'Breach of the rules of conduct' },
  OTHER: { id: 'Lainnya (lihat catatan)', en: 'Other (see the note)' },
});

/** The reason code of a final enrolment status. */
export const ENROLMENT_REASON_CODES = [
  'REQUIREMENTS_MET', // COMPLETED
  'ATTENDANCE_BELOW_RULE', // FAILED
  'ASSESSMENT_FAILED', // FAILED
  'COHORT_CANCELLED', // CANCELLED
  'WAITLIST_CLOSED', // CANCELLED
  ...LEAVE_REASONS, // WITHDRAWN, DROPPED
] as const;
export type EnrolmentReasonCode = (typeof ENROLMENT_REASON_CODES)[number];

/** Tests a practice (mock) score may be recorded for, each on its official scale. */
export const PRACTICE_TESTS = ['EPS_TOPIK', 'TOPIK_I', 'TOPIK_II', 'PILOT_KOREAN'] as const;
export type PracticeTest = (typeof PRACTICE_TESTS)[number];
