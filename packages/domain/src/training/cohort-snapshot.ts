/**
 * The stored shape of a cohort and its structural checks (for `Cohort.fromSnapshot` and every
 * change): the gateway persists this object as is (child lists as tables or JSON).
 */
import { err, errorData, ok, type Result } from '../shared/domain-error';
import { compareDates, type IsoDate } from '../shared/local-date';
import {
  checkArray,
  checkBoolean,
  checkDate,
  checkEnum,
  checkId,
  checkInteger,
  checkNullableText,
  checkObject,
  checkText,
  ENTITY_MAX_TEXT_LENGTH,
  FieldChecks,
  type Path,
} from '../entities/entity-validation';
import { validateStatusHistory, type StatusHistoryEntry, type StatusMachine } from '../entities/status-history';
import { checkTimestamp, compareTimestamps, type Timestamp } from '../entities/timestamp';
import type { AttendanceRule } from './attendance-share';
import type { LpkLicence } from './course.entity';
import { takeAttendanceRule } from './course.entity';
import { COHORT_STATUSES, COHORT_TRANSITIONS, type CohortStatus } from './cohort-status';
import {
  ATTENDANCE_MARKS,
  COURSE_KINDS,
  ENROLMENT_REASON_CODES,
  ENROLMENT_STATUSES,
  PRACTICE_TESTS,
  TRAINING_PROVIDER_TYPES,
  TRAINING_VENUE_KINDS,
  type AttendanceMark,
  type CourseKind,
  type EnrolmentReasonCode,
  type EnrolmentStatus,
  type PracticeTest,
  type TrainingProviderType,
  type TrainingVenueKind,
} from './training-vocabulary';
import { TrainingErrors } from './training.errors';

const AREA = 'TRAINING';
/** Sanity caps (not policy figures). */
export const COHORT_MAX_CAPACITY = 1000;
export const COHORT_MAX_SESSIONS = 500;
export const COHORT_MAX_ENROLMENTS = 5000;
export const COHORT_MAX_SCORES = 20_000;
export const COHORT_MAX_PROMOTION_WINDOW_DAYS = 366;

export interface CohortVenue {
  readonly kind: TrainingVenueKind;
  readonly name: string;
  readonly kecamatan: string;
  readonly kelurahan: string | null;
}

/** The course's rules as they were when the cohort was created. */
export interface CohortRules {
  readonly attendanceRule: AttendanceRule;
  readonly hasFinalAssessment: boolean;
  readonly providerType: TrainingProviderType;
  readonly providerLicence: LpkLicence | null;
}

export interface CohortSession {
  /** 1, 2, 3, … unique and increasing; the next one is the highest + 1. */
  readonly number: number;
  readonly date: IsoDate;
  readonly topic: string | null;
}

export interface CohortEnrolment {
  /** Arrival order in the cohort: 1, 2, 3, … */
  readonly sequence: number;
  readonly candidateId: string;
  readonly status: EnrolmentStatus;
  /** When the candidate asked to enrol. */
  readonly requestedAt: Timestamp;
  /** When the candidate got a seat (at once, or on promotion from the waitlist); null while waitlisted or if never. */
  readonly seatedAt: Timestamp | null;
  /** When the enrolment reached a final status. */
  readonly endedAt: Timestamp | null;
  readonly reason: EnrolmentReasonCode | null;
  readonly note: string | null;
}

export interface AttendanceEntry {
  readonly candidateId: string;
  readonly mark: AttendanceMark;
}

export interface SessionAttendance {
  readonly sessionNumber: number;
  readonly recordedAt: Timestamp;
  readonly actor: string;
  readonly marks: readonly AttendanceEntry[];
}

export interface PracticeScore {
  readonly candidateId: string;
  readonly test: PracticeTest;
  readonly takenOn: IsoDate;
  /** Points (EPS-TOPIK, TOPIK I/II) or a TOPIK-scale level (the pilot's test), on the official scale. */
  readonly score: number;
}

export interface FinalAssessment {
  readonly candidateId: string;
  readonly passed: boolean;
  readonly assessedOn: IsoDate;
}

export type CohortHistoryEntry = StatusHistoryEntry<CohortStatus>;

export interface CohortSnapshot {
  readonly id: string;
  readonly courseId: string;
  readonly courseKind: CourseKind;
  readonly venue: CohortVenue;
  readonly capacity: number;
  readonly startDate: IsoDate;
  /** Last day of the cohort. */
  readonly endDate: IsoDate;
  /**
   * Days from the start date during which a freed seat still goes to the first on the waitlist (the
   * issue says "the first week"; no source gives a figure, so it is set per cohort). While ENROLLING
   * a freed seat is always passed on.
   */
  readonly promotionWindowDays: number;
  readonly rules: CohortRules;
  readonly sessions: readonly CohortSession[];
  readonly enrolments: readonly CohortEnrolment[];
  readonly attendance: readonly SessionAttendance[];
  readonly practiceScores: readonly PracticeScore[];
  readonly finalAssessments: readonly FinalAssessment[];
  readonly status: CohortStatus;
  readonly note: string | null;
  readonly history: readonly CohortHistoryEntry[];
}

export const COHORT_MACHINE: StatusMachine<CohortStatus> = { area: AREA, statuses: COHORT_STATUSES, initial: ['PLANNED'], transitions: COHORT_TRANSITIONS };

const corrupt = (path: Path, en: string, id: string) => errorData(`${AREA}.INVALID_SNAPSHOT`, id, en, { path });

function list(v: FieldChecks, input: unknown, path: Path, max: number): readonly unknown[] {
  const l = v.take(checkArray(AREA, input, path, max));
  return v.failed ? [] : l;
}

function takeVenue(v: FieldChecks, input: unknown, path: Path): CohortVenue {
  const o = v.take(checkObject(AREA, input, path, ['kind', 'name', 'kecamatan', 'kelurahan']));
  if (v.failed) return undefined as unknown as CohortVenue;
  return {
    kind: v.take(checkEnum(AREA, TRAINING_VENUE_KINDS, o['kind'], [...path, 'kind'])),
    name: v.take(checkText(AREA, o['name'], [...path, 'name'])),
    kecamatan: v.take(checkText(AREA, o['kecamatan'], [...path, 'kecamatan'], 100)),
    kelurahan: v.take(checkNullableText(AREA, o['kelurahan'], [...path, 'kelurahan'], 100)),
  };
}

function takeRules(v: FieldChecks, input: unknown, path: Path): CohortRules {
  const o = v.take(checkObject(AREA, input, path, ['attendanceRule', 'hasFinalAssessment', 'providerType', 'providerLicence']));
  if (v.failed) return undefined as unknown as CohortRules;
  const attendanceRule = takeAttendanceRule(v, o['attendanceRule'], [...path, 'attendanceRule']);
  const hasFinalAssessment = v.take(checkBoolean(AREA, o['hasFinalAssessment'], [...path, 'hasFinalAssessment']));
  const providerType = v.take(checkEnum(AREA, TRAINING_PROVIDER_TYPES, o['providerType'], [...path, 'providerType']));
  let providerLicence: LpkLicence | null = null;
  const l = o['providerLicence'];
  if (l !== null && l !== undefined) {
    const lo = v.take(checkObject(AREA, l, [...path, 'providerLicence'], ['number', 'validFrom', 'validUntil']));
    if (!v.failed) {
      providerLicence = {
        number: v.take(checkText(AREA, lo['number'], [...path, 'providerLicence', 'number'], 100)),
        validFrom: v.take(checkDate(AREA, lo['validFrom'], [...path, 'providerLicence', 'validFrom'])),
        validUntil: lo['validUntil'] === null ? null : v.take(checkDate(AREA, lo['validUntil'], [...path, 'providerLicence', 'validUntil'])),
      };
    }
  }
  return { attendanceRule, hasFinalAssessment, providerType, providerLicence };
}

/** Sessions: numbers increasing, dates within the cohort. */
export function takeSessions(v: FieldChecks, input: unknown, path: Path, start: IsoDate, end: IsoDate): CohortSession[] {
  const out: CohortSession[] = [];
  for (const [i, x] of list(v, input, path, COHORT_MAX_SESSIONS).entries()) {
    const p = [...path, String(i)];
    const o = v.take(checkObject(AREA, x, p, ['number', 'date', 'topic']));
    if (v.failed) return out;
    const s: CohortSession = {
      number: v.take(checkInteger(AREA, o['number'], [...p, 'number'], 1, 1_000_000)),
      date: v.take(checkDate(AREA, o['date'], [...p, 'date'])),
      topic: v.take(checkNullableText(AREA, o['topic'], [...p, 'topic'])),
    };
    if (v.failed) return out;
    if (compareDates(s.date, start) < 0 || compareDates(s.date, end) > 0) v.problem({ ...TrainingErrors.sessionOutsideCohort(), path: [...p, 'date'] });
    if (out.length > 0 && s.number <= out[out.length - 1]!.number) v.problem(corrupt([...p, 'number'], 'Session numbers must increase.', 'Nomor sesi harus naik.'));
    out.push(s);
  }
  return out;
}

function takeEnrolment(v: FieldChecks, x: unknown, p: Path): CohortEnrolment {
  const o = v.take(checkObject(AREA, x, p, ['sequence', 'candidateId', 'status', 'requestedAt', 'seatedAt', 'endedAt', 'reason', 'note']));
  if (v.failed) return undefined as unknown as CohortEnrolment;
  const ts = (k: string) => (o[k] === null ? null : v.take(checkTimestamp(AREA, o[k], [...p, k])));
  return {
    sequence: v.take(checkInteger(AREA, o['sequence'], [...p, 'sequence'], 1, COHORT_MAX_ENROLMENTS)),
    candidateId: v.take(checkId(AREA, o['candidateId'], [...p, 'candidateId'])),
    status: v.take(checkEnum(AREA, ENROLMENT_STATUSES, o['status'], [...p, 'status'])),
    requestedAt: v.take(checkTimestamp(AREA, o['requestedAt'], [...p, 'requestedAt'])),
    seatedAt: ts('seatedAt'),
    endedAt: ts('endedAt'),
    reason: o['reason'] === null ? null : v.take(checkEnum(AREA, ENROLMENT_REASON_CODES, o['reason'], [...p, 'reason'])),
    note: v.take(checkNullableText(AREA, o['note'], [...p, 'note'], ENTITY_MAX_TEXT_LENGTH)),
  };
}

/** Enrolments: arrival order 1…n, one per candidate, final statuses with an end and a reason, active ones without. */
function takeEnrolments(v: FieldChecks, input: unknown, path: Path): CohortEnrolment[] {
  const out: CohortEnrolment[] = [];
  for (const [i, x] of list(v, input, path, COHORT_MAX_ENROLMENTS).entries()) {
    const p = [...path, String(i)];
    const e = takeEnrolment(v, x, p);
    if (v.failed) return out;
    const active = e.status === 'ENROLLED' || e.status === 'WAITLISTED';
    const bad =
      e.sequence !== i + 1 ||
      out.some((q) => q.candidateId === e.candidateId) ||
      active !== (e.endedAt === null && e.reason === null) ||
      (e.status === 'ENROLLED' && e.seatedAt === null) ||
      (e.status === 'WAITLISTED' && e.seatedAt !== null);
    if (bad) v.problem(corrupt(p, 'The enrolment is inconsistent.', 'Data pendaftaran tidak konsisten.'));
    out.push(e);
  }
  return out;
}

function takeAttendance(v: FieldChecks, input: unknown, path: Path, sessions: readonly CohortSession[], enrolments: readonly CohortEnrolment[]): SessionAttendance[] {
  const out: SessionAttendance[] = [];
  for (const [i, x] of list(v, input, path, COHORT_MAX_SESSIONS).entries()) {
    const p = [...path, String(i)];
    const o = v.take(checkObject(AREA, x, p, ['sessionNumber', 'recordedAt', 'actor', 'marks']));
    if (v.failed) return out;
    const sessionNumber = v.take(checkInteger(AREA, o['sessionNumber'], [...p, 'sessionNumber'], 1, 1_000_000));
    const recordedAt = v.take(checkTimestamp(AREA, o['recordedAt'], [...p, 'recordedAt']));
    const actor = v.take(checkText(AREA, o['actor'], [...p, 'actor']));
    const marks: AttendanceEntry[] = [];
    for (const [j, m] of list(v, o['marks'], [...p, 'marks'], COHORT_MAX_CAPACITY).entries()) {
      const mo = v.take(checkObject(AREA, m, [...p, 'marks', String(j)], ['candidateId', 'mark']));
      if (v.failed) return out;
      const entry = {
        candidateId: v.take(checkId(AREA, mo['candidateId'], [...p, 'marks', String(j), 'candidateId'])),
        mark: v.take(checkEnum(AREA, ATTENDANCE_MARKS, mo['mark'], [...p, 'marks', String(j), 'mark'])),
      };
      if (!v.failed && (marks.some((q) => q.candidateId === entry.candidateId) || !enrolments.some((e) => e.candidateId === entry.candidateId))) {
        v.problem(corrupt([...p, 'marks', String(j)], 'A mark is duplicated or for someone not on record.', 'Tanda kehadiran ganda atau bukan untuk peserta.'));
      }
      marks.push(entry);
    }
    if (v.failed) return out;
    if (!sessions.some((s) => s.number === sessionNumber) || out.some((a) => a.sessionNumber === sessionNumber)) {
      v.problem(corrupt([...p, 'sessionNumber'], 'Attendance is for an unknown or repeated session.', 'Kehadiran untuk sesi yang tidak ada atau berulang.'));
    }
    out.push({ sessionNumber, recordedAt, actor, marks });
  }
  return out;
}

function takeScores(v: FieldChecks, input: unknown, path: Path, enrolments: readonly CohortEnrolment[]): PracticeScore[] {
  const out: PracticeScore[] = [];
  for (const [i, x] of list(v, input, path, COHORT_MAX_SCORES).entries()) {
    const p = [...path, String(i)];
    const o = v.take(checkObject(AREA, x, p, ['candidateId', 'test', 'takenOn', 'score']));
    if (v.failed) return out;
    const s: PracticeScore = {
      candidateId: v.take(checkId(AREA, o['candidateId'], [...p, 'candidateId'])),
      test: v.take(checkEnum(AREA, PRACTICE_TESTS, o['test'], [...p, 'test'])),
      takenOn: v.take(checkDate(AREA, o['takenOn'], [...p, 'takenOn'])),
      score: v.take(checkInteger(AREA, o['score'], [...p, 'score'], 0, 1000)),
    };
    if (!v.failed && !enrolments.some((e) => e.candidateId === s.candidateId)) v.problem(TrainingErrors.notEnrolled([...p, 'candidateId']));
    out.push(s);
  }
  return out;
}

function takeAssessments(v: FieldChecks, input: unknown, path: Path, enrolments: readonly CohortEnrolment[]): FinalAssessment[] {
  const out: FinalAssessment[] = [];
  for (const [i, x] of list(v, input, path, COHORT_MAX_ENROLMENTS).entries()) {
    const p = [...path, String(i)];
    const o = v.take(checkObject(AREA, x, p, ['candidateId', 'passed', 'assessedOn']));
    if (v.failed) return out;
    const a: FinalAssessment = {
      candidateId: v.take(checkId(AREA, o['candidateId'], [...p, 'candidateId'])),
      passed: v.take(checkBoolean(AREA, o['passed'], [...p, 'passed'])),
      assessedOn: v.take(checkDate(AREA, o['assessedOn'], [...p, 'assessedOn'])),
    };
    if (!v.failed && (!enrolments.some((e) => e.candidateId === a.candidateId) || out.some((q) => q.candidateId === a.candidateId))) {
      v.problem(corrupt([...p, 'candidateId'], 'An assessment is duplicated or for someone not on record.', 'Hasil ujian ganda atau bukan untuk peserta.'));
    }
    out.push(a);
  }
  return out;
}

const FIELDS = [
  'id', 'courseId', 'courseKind', 'venue', 'capacity', 'startDate', 'endDate', 'promotionWindowDays', 'rules',
  'sessions', 'enrolments', 'attendance', 'practiceScores', 'finalAssessments', 'status', 'note', 'history',
];

/** Check a whole cohort snapshot (shape and structural invariants). */
export function validateCohort(input: unknown): Result<CohortSnapshot> {
  const v = new FieldChecks();
  const o = v.take(checkObject(AREA, input, [], FIELDS));
  if (v.failed) return err(v.error);
  const id = v.take(checkId(AREA, o['id'], ['id']));
  const courseId = v.take(checkId(AREA, o['courseId'], ['courseId']));
  const courseKind = v.take(checkEnum(AREA, COURSE_KINDS, o['courseKind'], ['courseKind']));
  const venue = takeVenue(v, o['venue'], ['venue']);
  const capacity = v.take(checkInteger(AREA, o['capacity'], ['capacity'], 1, COHORT_MAX_CAPACITY));
  if (v.failed && v.error.path?.[0] === 'capacity') return err(TrainingErrors.capacityInvalid(1, COHORT_MAX_CAPACITY));
  const startDate = v.take(checkDate(AREA, o['startDate'], ['startDate']));
  const endDate = v.take(checkDate(AREA, o['endDate'], ['endDate']));
  if (!v.failed && compareDates(endDate, startDate) < 0) v.problem(TrainingErrors.datesOutOfOrder());
  const promotionWindowDays = v.take(checkInteger(AREA, o['promotionWindowDays'], ['promotionWindowDays'], 0, COHORT_MAX_PROMOTION_WINDOW_DAYS));
  const rules = takeRules(v, o['rules'], ['rules']);
  if (v.failed) return err(v.error);
  const sessions = takeSessions(v, o['sessions'], ['sessions'], startDate, endDate);
  const enrolments = takeEnrolments(v, o['enrolments'], ['enrolments']);
  const attendance = takeAttendance(v, o['attendance'], ['attendance'], sessions, enrolments);
  const practiceScores = takeScores(v, o['practiceScores'], ['practiceScores'], enrolments);
  const finalAssessments = takeAssessments(v, o['finalAssessments'], ['finalAssessments'], enrolments);
  const status = v.take(checkEnum(AREA, COHORT_STATUSES, o['status'], ['status']));
  const note = v.take(checkNullableText(AREA, o['note'], ['note'], ENTITY_MAX_TEXT_LENGTH));
  const history = v.failed ? [] : validateStatusHistory(v, COHORT_MACHINE, o['history'], ['history'], status);
  if (v.failed) return err(v.error);
  if (enrolments.filter((e) => e.status === 'ENROLLED').length > capacity) return err(TrainingErrors.capacityInvalid(1, COHORT_MAX_CAPACITY));
  if (!rules.hasFinalAssessment && finalAssessments.length > 0) return err(TrainingErrors.assessmentNotApplicable());
  return ok({
    id, courseId, courseKind, venue, capacity, startDate, endDate, promotionWindowDays, rules,
    sessions, enrolments, attendance, practiceScores, finalAssessments, status, note, history,
  });
}

/** Latest instant of a cohort's own records (history and enrolment changes): a change may not be recorded before it. */
export function lastChangeAt(c: CohortSnapshot): Timestamp {
  let last = c.history[c.history.length - 1]!.at;
  for (const e of c.enrolments) {
    for (const t of [e.requestedAt, e.seatedAt, e.endedAt]) if (t !== null && compareTimestamps(t, last) > 0) last = t;
  }
  return last;
}
