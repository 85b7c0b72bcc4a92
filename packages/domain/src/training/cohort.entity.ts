/**
 * Cohort (angkatan): one run of a course at a venue, with a capacity, start and end dates, sessions,
 * its members and their attendance, practice scores and final assessments (issue 10). Its status
 * machine and guards are in cohort-status.ts; its stored shape in cohort-snapshot.ts.
 *
 * Enrolment, in arrival order (the order of `enrol` calls, each with an `at` not before the last
 * change):
 * - while the cohort is ENROLLING, a candidate is ENROLLED while seats remain and WAITLISTED after
 *   that (a full cohort is not an error);
 * - a withdrawal (ENROLLED or WAITLISTED, while ENROLLING or RUNNING) or a dropout (ENROLLED, while
 *   RUNNING) that frees a seat promotes the first on the waitlist, while the cohort is ENROLLING or
 *   within `promotionWindowDays` of its start date (WIB date of `at`); later, the seat stays empty;
 * - a raised capacity (PLANNED or ENROLLING) promotes the same way; it cannot go below the members;
 * - outcomes, once the cohort is COMPLETED: COMPLETED (attendance share at or above the course's
 *   rule, and the final assessment passed when the course has one) or FAILED
 *   (`ATTENDANCE_BELOW_RULE`, else `ASSESSMENT_FAILED`); DROPPED and WITHDRAWN carry a leave reason.
 *   `settleOutcomes` records the outcome of every ENROLLED member whose result is determined (the
 *   gateway calls it in the transaction that completes the cohort) and leaves the members whose final
 *   assessment is not recorded yet ENROLLED; `recordOutcome` settles one member (the gateway calls it
 *   when the final assessment of such a member is recorded in the COMPLETED cohort).
 * At most one active enrolment per candidate and course kind is checked across cohorts by
 * `checkOneActiveEnrolmentPerKind` (enrolment-rules.ts), which the gateway calls in its transaction.
 *
 * Attendance is recorded per session for the whole class at once: the session must be in the cohort,
 * every mark must be for an ENROLLED member, no member twice, and every ENROLLED member marked.
 * Recording a session again replaces its record (a correction). Failures change nothing.
 */
import { err, ok, type Result } from '../shared/domain-error';
import { compareDates, daysBetween, type IsoDate } from '../shared/local-date';
import type { ParameterSnapshot } from '../parameters';
import {
  checkBoolean,
  checkDate,
  checkEnum,
  checkId,
  checkNullableText,
  checkObject,
  cloneData,
  FieldChecks,
  restoreOrThrow,
  takeChangeStamp,
  type ChangeStamp,
} from '../entities/entity-validation';
import { compareTimestamps, wibDateOf, type Timestamp } from '../entities/timestamp';
import { STATUS_HISTORY_MAX_ENTRIES } from '../entities/status-history';
import { attendanceShare, countAttendance, type AttendanceShare } from './attendance-share';
import type { Course } from './course.entity';
import {
  COHORT_MAX_CAPACITY,
  COHORT_MAX_ENROLMENTS,
  COHORT_MAX_SCORES,
  COHORT_MAX_SESSIONS,
  lastChangeAt,
  validateCohort,
  type CohortEnrolment,
  type CohortSnapshot,
  type CohortVenue,
  type PracticeScore,
} from './cohort-snapshot';
import { COHORT_SCHEDULE_EDITABLE, COHORT_SESSIONS_EDITABLE, COHORT_STATUSES, cohortTransitionGuards, type CohortStatus } from './cohort-status';
import { practiceScale, scaleProblem } from './korean-scales';
import { ATTENDANCE_MARKS, LEAVE_REASONS, PRACTICE_TESTS, type AttendanceMark, type EnrolmentStatus, type LeaveReason, type PracticeTest } from './training-vocabulary';
import { TrainingErrors } from './training.errors';

const AREA = 'TRAINING';

type Draft = { -readonly [K in keyof CohortSnapshot]: CohortSnapshot[K] extends readonly (infer U)[] ? U[] : CohortSnapshot[K] };

export interface CreateCohortInput {
  readonly id: string;
  readonly course: Course;
  readonly venue: CohortVenue;
  readonly capacity: number;
  readonly startDate: IsoDate;
  readonly endDate: IsoDate;
  /** Required: see `CohortSnapshot.promotionWindowDays`. */
  readonly promotionWindowDays: number;
  readonly sessions?: ReadonlyArray<{ readonly date: IsoDate; readonly topic?: string | null }>;
  readonly note?: string | null;
  readonly at: string;
  readonly actor: string;
}

export interface CohortChangeInput {
  readonly at: string;
  readonly actor: string;
  readonly note?: string | null;
}

export interface LeaveInput extends CohortChangeInput {
  readonly reason: LeaveReason;
}

export interface EnrolResult {
  readonly status: Extract<EnrolmentStatus, 'ENROLLED' | 'WAITLISTED'>;
  /** 1-based place on the waitlist; null when enrolled. */
  readonly waitlistPosition: number | null;
}

export interface OutcomeSettlement {
  /** Members whose outcome was recorded now (COMPLETED or FAILED, with the reason), in arrival order. */
  readonly settled: readonly MemberEvaluation[];
  /** Members left ENROLLED: the course has a final assessment and theirs is not recorded yet. */
  readonly pending: readonly string[];
}

export interface LeaveResult {
  /** Candidates promoted from the waitlist by the freed seat (empty when none). */
  readonly promoted: readonly string[];
}

export interface MemberEvaluation {
  readonly candidateId: string;
  readonly attendance: AttendanceShare;
  /** `required`: the course has a final assessment; `passed`: its result, null when not recorded. */
  readonly assessment: { readonly required: boolean; readonly passed: boolean | null };
  /** The outcome these records give, were the cohort completed now. */
  readonly outcome: 'COMPLETED' | 'FAILED' | 'ASSESSMENT_PENDING';
  readonly reason: 'REQUIREMENTS_MET' | 'ATTENDANCE_BELOW_RULE' | 'ASSESSMENT_FAILED' | null;
}

const seated = (d: CohortSnapshot) => d.enrolments.filter((e) => e.status === 'ENROLLED').length;

export class Cohort {
  private props: CohortSnapshot;

  private constructor(props: CohortSnapshot) {
    this.props = props;
  }

  /** Create a cohort of `course` in PLANNED, copying the course's rules. Failures: `TRAINING.*`. */
  static create(input: CreateCohortInput): Result<Cohort> {
    const v = new FieldChecks();
    const o = v.take(checkObject(AREA, input, [], ['id', 'course', 'venue', 'capacity', 'startDate', 'endDate', 'promotionWindowDays', 'sessions', 'note', 'at', 'actor']));
    if (v.failed) return err(v.error);
    const { at, actor } = takeChangeStamp(v, AREA, { at: o['at'], actor: o['actor'] });
    if (v.failed) return err(v.error);
    const course = o['course'] as Course;
    if (typeof course !== 'object' || course === null || typeof course.toSnapshot !== 'function') {
      return err({ code: 'TRAINING.REQUIRED', message: { id: 'Kursus wajib diisi.', en: 'A course is required.' }, path: ['course'] });
    }
    const c = course.toSnapshot();
    const sessionsIn = Array.isArray(o['sessions']) ? (o['sessions'] as CreateCohortInput['sessions'])! : [];
    if (sessionsIn.length > COHORT_MAX_SESSIONS) return err(TrainingErrors.tooManyItems('sessions', COHORT_MAX_SESSIONS));
    const sessions = [...sessionsIn]
      .map((s, i) => ({ date: s?.date, topic: s?.topic ?? null, i }))
      .sort((a, b) => (typeof a.date === 'string' && typeof b.date === 'string' ? compareDates(a.date, b.date) : 0) || a.i - b.i)
      .map((s, i) => ({ number: i + 1, date: s.date, topic: s.topic }));
    const r = validateCohort({
      id: o['id'],
      courseId: c.id,
      courseKind: c.kind,
      venue: o['venue'],
      capacity: o['capacity'],
      startDate: o['startDate'],
      endDate: o['endDate'],
      promotionWindowDays: o['promotionWindowDays'],
      rules: { attendanceRule: c.attendanceRule, hasFinalAssessment: c.hasFinalAssessment, providerType: c.provider.type, providerLicence: c.provider.licence },
      sessions,
      enrolments: [],
      attendance: [],
      practiceScores: [],
      finalAssessments: [],
      status: 'PLANNED',
      note: o['note'] ?? null,
      history: [{ sequence: 1, from: null, to: 'PLANNED', at, actor, note: null }],
    });
    return r.ok ? ok(new Cohort(r.value)) : r;
  }

  /** Rebuild from a stored snapshot; throws `DomainError` when the record is corrupt. */
  static fromSnapshot(snapshot: CohortSnapshot): Cohort {
    return new Cohort(restoreOrThrow(validateCohort(snapshot)));
  }

  get id(): string {
    return this.props.id;
  }
  get courseId(): string {
    return this.props.courseId;
  }
  get status(): CohortStatus {
    return this.props.status;
  }
  get capacity(): number {
    return this.props.capacity;
  }
  get seatsTaken(): number {
    return seated(this.props);
  }
  get seatsLeft(): number {
    return this.props.capacity - seated(this.props);
  }
  get enrolments(): readonly CohortEnrolment[] {
    return cloneData(this.props.enrolments);
  }
  /** Waitlisted candidate ids, first in line first. */
  get waitlist(): readonly string[] {
    return this.props.enrolments.filter((e) => e.status === 'WAITLISTED').map((e) => e.candidateId);
  }
  enrolmentOf(candidateId: string): CohortEnrolment | undefined {
    const e = this.props.enrolments.find((x) => x.candidateId === candidateId);
    return e ? { ...e } : undefined;
  }
  practiceScoresOf(candidateId: string): readonly PracticeScore[] {
    return this.props.practiceScores.filter((s) => s.candidateId === candidateId).map((s) => ({ ...s }));
  }

  /** True when a freed seat on `today` (WIB) still goes to the waitlist. */
  promotesOn(today: IsoDate): boolean {
    return inPromotionWindow(this.props, today);
  }

  // ------------------------------------------------------------------ status changes

  /** Guarded status change (the gateway's `transitionCohort`). */
  transitionTo(to: CohortStatus, input: CohortChangeInput): Result<void> {
    return this.change((d) => {
      const v = new FieldChecks();
      const target = v.take(checkEnum(AREA, COHORT_STATUSES, to, ['to']));
      const stamp = takeStamp(v, input);
      if (v.failed) return err(v.error);
      const from = d.status;
      const guards = cohortTransitionGuards(from, target);
      if (guards === undefined) return err(TrainingErrors.illegalTransition(from, target));
      if (compareTimestamps(stamp.at, lastChangeAt(d)) < 0) return err(TrainingErrors.timeBeforeLast());
      if (d.history.length >= STATUS_HISTORY_MAX_ENTRIES) return err(TrainingErrors.tooManyItems('history', STATUS_HISTORY_MAX_ENTRIES));
      const context = { cohort: d as CohortSnapshot, note: stamp.note, today: wibDateOf(stamp.at) };
      for (const guard of guards) {
        const problem = guard(context);
        if (problem) return err(problem);
      }
      if (target === 'COMPLETED') endActive(d, ['WAITLISTED'], 'WAITLIST_CLOSED', stamp.at);
      if (target === 'CANCELLED') endActive(d, ['ENROLLED', 'WAITLISTED'], 'COHORT_CANCELLED', stamp.at);
      d.status = target;
      d.history.push({ sequence: d.history.length + 1, from, to: target, at: stamp.at, actor: stamp.actor, note: stamp.note });
      return ok(undefined);
    });
  }

  openEnrolment(input: CohortChangeInput): Result<void> {
    return this.transitionTo('ENROLLING', input);
  }
  start(input: CohortChangeInput): Result<void> {
    return this.transitionTo('RUNNING', input);
  }
  complete(input: CohortChangeInput): Result<void> {
    return this.transitionTo('COMPLETED', input);
  }
  cancel(input: CohortChangeInput): Result<void> {
    return this.transitionTo('CANCELLED', input);
  }

  // ------------------------------------------------------------------ schedule

  /** Change the dates (PLANNED or ENROLLING); sessions must stay inside. */
  reschedule(startDate: IsoDate, endDate: IsoDate): Result<void> {
    return this.change((d) => {
      if (!COHORT_SCHEDULE_EDITABLE.includes(d.status)) return err(TrainingErrors.notEditable(d.status));
      const v = new FieldChecks();
      const start = v.take(checkDate(AREA, startDate, ['startDate']));
      const end = v.take(checkDate(AREA, endDate, ['endDate']));
      if (v.failed) return err(v.error);
      if (compareDates(end, start) < 0) return err(TrainingErrors.datesOutOfOrder());
      if (d.sessions.some((s) => compareDates(s.date, start) < 0 || compareDates(s.date, end) > 0)) return err(TrainingErrors.sessionOutsideCohort());
      d.startDate = start;
      d.endDate = end;
      return ok(undefined);
    });
  }

  /** Change the capacity (PLANNED or ENROLLING); not below the members; a raise promotes from the waitlist. */
  setCapacity(capacity: number, input: CohortChangeInput): Result<LeaveResult> {
    return this.change((d) => {
      if (!COHORT_SCHEDULE_EDITABLE.includes(d.status)) return err(TrainingErrors.notEditable(d.status));
      const v = new FieldChecks();
      const stamp = takeStamp(v, input);
      if (v.failed) return err(v.error);
      if (!Number.isInteger(capacity) || capacity < Math.max(1, seated(d)) || capacity > COHORT_MAX_CAPACITY) {
        return err(TrainingErrors.capacityInvalid(Math.max(1, seated(d)), COHORT_MAX_CAPACITY));
      }
      d.capacity = capacity;
      return ok({ promoted: promote(d, stamp.at) });
    });
  }

  /** Add a session (PLANNED, ENROLLING or RUNNING) within the cohort dates; returns its number. */
  addSession(date: IsoDate, topic: string | null = null): Result<number> {
    return this.change((d) => {
      if (!COHORT_SESSIONS_EDITABLE.includes(d.status)) return err(TrainingErrors.notEditable(d.status));
      if (d.sessions.length >= COHORT_MAX_SESSIONS) return err(TrainingErrors.tooManyItems('sessions', COHORT_MAX_SESSIONS));
      const v = new FieldChecks();
      const day = v.take(checkDate(AREA, date, ['date']));
      const t = v.take(checkNullableText(AREA, topic, ['topic']));
      if (v.failed) return err(v.error);
      if (compareDates(day, d.startDate) < 0 || compareDates(day, d.endDate) > 0) return err(TrainingErrors.sessionOutsideCohort());
      const number = d.sessions.reduce((m, s) => Math.max(m, s.number), 0) + 1;
      d.sessions.push({ number, date: day, topic: t });
      return ok(number);
    });
  }

  /** Remove a session that has no attendance record (PLANNED, ENROLLING or RUNNING). */
  removeSession(number: number): Result<void> {
    return this.change((d) => {
      if (!COHORT_SESSIONS_EDITABLE.includes(d.status)) return err(TrainingErrors.notEditable(d.status));
      const i = d.sessions.findIndex((s) => s.number === number);
      if (i < 0) return err(TrainingErrors.sessionNotFound(number));
      if (d.attendance.some((a) => a.sessionNumber === number)) return err(TrainingErrors.notEditable(d.status));
      d.sessions.splice(i, 1);
      return ok(undefined);
    });
  }

  // ------------------------------------------------------------------ enrolment

  /** Enrol a candidate (ENROLLING only): ENROLLED while seats remain, WAITLISTED after that. */
  enrol(candidateId: string, input: CohortChangeInput): Result<EnrolResult> {
    return this.change((d) => {
      const v = new FieldChecks();
      const id = v.take(checkId(AREA, candidateId, ['candidateId']));
      const stamp = takeStamp(v, input);
      if (v.failed) return err(v.error);
      if (d.status !== 'ENROLLING') return err(TrainingErrors.notEnrolling(d.status));
      if (d.enrolments.some((e) => e.candidateId === id)) return err(TrainingErrors.alreadyEnrolled());
      if (d.enrolments.length >= COHORT_MAX_ENROLMENTS) return err(TrainingErrors.tooManyItems('enrolments', COHORT_MAX_ENROLMENTS));
      if (compareTimestamps(stamp.at, lastChangeAt(d)) < 0) return err(TrainingErrors.timeBeforeLast());
      const hasSeat = seated(d) < d.capacity;
      d.enrolments.push({
        sequence: d.enrolments.length + 1,
        candidateId: id,
        status: hasSeat ? 'ENROLLED' : 'WAITLISTED',
        requestedAt: stamp.at,
        seatedAt: hasSeat ? stamp.at : null,
        endedAt: null,
        reason: null,
        note: stamp.note,
      });
      const position = hasSeat ? null : d.enrolments.filter((e) => e.status === 'WAITLISTED').length;
      return ok({ status: hasSeat ? 'ENROLLED' : 'WAITLISTED', waitlistPosition: position });
    });
  }

  /** Withdraw (ENROLLED or WAITLISTED; cohort ENROLLING or RUNNING). A freed seat promotes within the window. */
  withdraw(candidateId: string, input: LeaveInput): Result<LeaveResult> {
    return this.leave(candidateId, input, 'WITHDRAWN');
  }

  /** Drop out (ENROLLED; cohort RUNNING). The freed seat promotes within the window. */
  dropOut(candidateId: string, input: LeaveInput): Result<LeaveResult> {
    return this.leave(candidateId, input, 'DROPPED');
  }

  private leave(candidateId: string, input: LeaveInput, to: 'WITHDRAWN' | 'DROPPED'): Result<LeaveResult> {
    return this.change((d) => {
      const v = new FieldChecks();
      const stamp = takeStamp(v, input, ['reason']);
      const reason = v.take(checkEnum(AREA, LEAVE_REASONS, (input as Partial<LeaveInput> | null)?.reason, ['reason']));
      if (v.failed) return err(v.error);
      const allowed: readonly CohortStatus[] = to === 'DROPPED' ? ['RUNNING'] : ['ENROLLING', 'RUNNING'];
      if (!allowed.includes(d.status)) return err(TrainingErrors.notEditable(d.status));
      const i = d.enrolments.findIndex((e) => e.candidateId === candidateId);
      const e = d.enrolments[i];
      const statuses: readonly EnrolmentStatus[] = to === 'DROPPED' ? ['ENROLLED'] : ['ENROLLED', 'WAITLISTED'];
      if (e === undefined || !statuses.includes(e.status)) return err(TrainingErrors.notEnrolled());
      if (compareTimestamps(stamp.at, lastChangeAt(d)) < 0) return err(TrainingErrors.timeBeforeLast());
      if (reason === 'OTHER' && stamp.note === null) return err(TrainingErrors.noteRequired());
      d.enrolments[i] = { ...e, status: to, endedAt: stamp.at, reason, note: stamp.note ?? e.note };
      return ok({ promoted: promote(d, stamp.at) });
    });
  }

  // ------------------------------------------------------------------ attendance and assessments

  /** Record a whole class's attendance for one session (RUNNING); replaces an earlier record of that session. */
  recordAttendance(sessionNumber: number, marks: ReadonlyArray<{ readonly candidateId: string; readonly mark: AttendanceMark }>, input: CohortChangeInput): Result<void> {
    return this.change((d) => {
      const v = new FieldChecks();
      const stamp = takeStamp(v, input);
      if (v.failed) return err(v.error);
      if (d.status !== 'RUNNING') return err(TrainingErrors.notEditable(d.status));
      if (!d.sessions.some((s) => s.number === sessionNumber)) return err(TrainingErrors.sessionNotFound(sessionNumber));
      if (!Array.isArray(marks)) return err({ ...TrainingErrors.markMissing(seated(d)) });
      if (marks.length > COHORT_MAX_CAPACITY) return err(TrainingErrors.tooManyItems('marks', COHORT_MAX_CAPACITY));
      const clean: { candidateId: string; mark: AttendanceMark }[] = [];
      for (const [i, m] of marks.entries()) {
        const mo = v.take(checkObject(AREA, m, ['marks', String(i)], ['candidateId', 'mark']));
        if (v.failed) return err(v.error);
        const mark = v.take(checkEnum(AREA, ATTENDANCE_MARKS, mo['mark'], ['marks', String(i), 'mark']));
        if (v.failed) return err(v.error);
        const member = d.enrolments.find((e) => e.candidateId === mo['candidateId']);
        if (member === undefined || member.status !== 'ENROLLED') return err(TrainingErrors.notEnrolled(['marks', String(i), 'candidateId']));
        if (clean.some((c) => c.candidateId === member.candidateId)) return err(TrainingErrors.duplicateMark(i));
        clean.push({ candidateId: member.candidateId, mark });
      }
      const unmarked = seated(d) - clean.length;
      if (unmarked > 0) return err(TrainingErrors.markMissing(unmarked));
      const record = { sessionNumber, recordedAt: stamp.at, actor: stamp.actor, marks: clean };
      const j = d.attendance.findIndex((a) => a.sessionNumber === sessionNumber);
      if (j >= 0) d.attendance[j] = record;
      else d.attendance.push(record);
      return ok(undefined);
    });
  }

  /** Record a practice (mock) score of a seated member (RUNNING or COMPLETED), checked on the official scale of `params`. */
  recordPracticeScore(candidateId: string, score: { readonly test: PracticeTest; readonly takenOn: IsoDate; readonly score: number }, params: ParameterSnapshot): Result<void> {
    return this.change((d) => {
      if (d.status !== 'RUNNING' && d.status !== 'COMPLETED') return err(TrainingErrors.notEditable(d.status));
      const e = d.enrolments.find((x) => x.candidateId === candidateId);
      if (e === undefined || e.seatedAt === null) return err(TrainingErrors.notEnrolled());
      if (d.practiceScores.length >= COHORT_MAX_SCORES) return err(TrainingErrors.tooManyItems('practiceScores', COHORT_MAX_SCORES));
      const v = new FieldChecks();
      const o = v.take(checkObject(AREA, score, [], ['test', 'takenOn', 'score']));
      if (v.failed) return err(v.error);
      const test = v.take(checkEnum(AREA, PRACTICE_TESTS, o['test'], ['test']));
      const takenOn = v.take(checkDate(AREA, o['takenOn'], ['takenOn']));
      if (v.failed) return err(v.error);
      const problem = scaleProblem(o['score'], practiceScale(test, params), ['score']);
      if (problem) return err(problem);
      d.practiceScores.push({ candidateId, test, takenOn, score: o['score'] as number });
      return ok(undefined);
    });
  }

  /** Record (or correct) the final assessment of an ENROLLED member (RUNNING or COMPLETED); only for a course that has one. */
  recordFinalAssessment(candidateId: string, result: { readonly passed: boolean; readonly assessedOn: IsoDate }): Result<void> {
    return this.change((d) => {
      if (!d.rules.hasFinalAssessment) return err(TrainingErrors.assessmentNotApplicable());
      if (d.status !== 'RUNNING' && d.status !== 'COMPLETED') return err(TrainingErrors.notEditable(d.status));
      if (!d.enrolments.some((x) => x.candidateId === candidateId && x.status === 'ENROLLED')) return err(TrainingErrors.notEnrolled());
      const v = new FieldChecks();
      const o = v.take(checkObject(AREA, result, [], ['passed', 'assessedOn']));
      if (v.failed) return err(v.error);
      const entry = { candidateId, passed: v.take(checkBoolean(AREA, o['passed'], ['passed'])), assessedOn: v.take(checkDate(AREA, o['assessedOn'], ['assessedOn'])) };
      if (v.failed) return err(v.error);
      const i = d.finalAssessments.findIndex((a) => a.candidateId === candidateId);
      if (i >= 0) d.finalAssessments[i] = entry;
      else d.finalAssessments.push(entry);
      return ok(undefined);
    });
  }

  /** The attendance share of a member over every session of the cohort (a session without their mark counts as absent). */
  attendanceOf(candidateId: string): AttendanceShare {
    const marks = this.props.attendance.flatMap((a) => a.marks.filter((m) => m.candidateId === candidateId).map((m) => m.mark));
    return attendanceShare(countAttendance(this.props.sessions.length, marks), this.props.rules.attendanceRule);
  }

  /** What a member's records give now (for screens and for `recordOutcome`). */
  evaluateMember(candidateId: string): MemberEvaluation {
    const attendance = this.attendanceOf(candidateId);
    const required = this.props.rules.hasFinalAssessment;
    const a = this.props.finalAssessments.find((x) => x.candidateId === candidateId);
    const passed = a ? a.passed : null;
    const base = { candidateId, attendance, assessment: { required, passed } };
    if (!attendance.meetsRule) return { ...base, outcome: 'FAILED', reason: 'ATTENDANCE_BELOW_RULE' };
    if (required && passed === null) return { ...base, outcome: 'ASSESSMENT_PENDING', reason: null };
    if (required && passed === false) return { ...base, outcome: 'FAILED', reason: 'ASSESSMENT_FAILED' };
    return { ...base, outcome: 'COMPLETED', reason: 'REQUIREMENTS_MET' };
  }

  /** Record the outcome of an ENROLLED member once the cohort is COMPLETED: COMPLETED or FAILED, with its reason. */
  recordOutcome(candidateId: string, input: CohortChangeInput): Result<MemberEvaluation> {
    return this.change((d) => {
      const v = new FieldChecks();
      const stamp = takeStamp(v, input);
      if (v.failed) return err(v.error);
      if (d.status !== 'COMPLETED') return err(TrainingErrors.outcomeNotAllowed(d.status));
      const i = d.enrolments.findIndex((e) => e.candidateId === candidateId && e.status === 'ENROLLED');
      if (i < 0) return err(TrainingErrors.notEnrolled());
      if (compareTimestamps(stamp.at, lastChangeAt(d)) < 0) return err(TrainingErrors.timeBeforeLast());
      const ev = new Cohort(d as CohortSnapshot).evaluateMember(candidateId);
      if (ev.outcome === 'ASSESSMENT_PENDING') return err(TrainingErrors.assessmentRequired());
      d.enrolments[i] = { ...d.enrolments[i]!, status: ev.outcome, endedAt: stamp.at, reason: ev.reason, note: stamp.note ?? d.enrolments[i]!.note };
      return ok(ev);
    });
  }

  /**
   * Record the outcome of every ENROLLED member whose result is determined, once the cohort is
   * COMPLETED: COMPLETED or FAILED with the reason (`evaluateMember`); a member whose final assessment
   * is still to be recorded stays ENROLLED (`pending`). Other enrolments are left as they are.
   * Failures: `TRAINING.OUTCOME_NOT_ALLOWED` (not COMPLETED), `TRAINING.TIME_BEFORE_LAST_TRANSITION`.
   */
  settleOutcomes(input: CohortChangeInput): Result<OutcomeSettlement> {
    return this.change((d) => {
      const v = new FieldChecks();
      const stamp = takeStamp(v, input);
      if (v.failed) return err(v.error);
      if (d.status !== 'COMPLETED') return err(TrainingErrors.outcomeNotAllowed(d.status));
      if (compareTimestamps(stamp.at, lastChangeAt(d)) < 0) return err(TrainingErrors.timeBeforeLast());
      // the evaluation reads sessions, attendance, rules and final assessments, which settling does not change
      const records = new Cohort(d as CohortSnapshot);
      const settled: MemberEvaluation[] = [];
      const pending: string[] = [];
      d.enrolments.forEach((e, i) => {
        if (e.status !== 'ENROLLED') return;
        const ev = records.evaluateMember(e.candidateId);
        if (ev.outcome === 'ASSESSMENT_PENDING') {
          pending.push(e.candidateId);
          return;
        }
        d.enrolments[i] = { ...e, status: ev.outcome, endedAt: stamp.at, reason: ev.reason, note: stamp.note ?? e.note };
        settled.push(ev);
      });
      return ok({ settled, pending });
    });
  }

  toSnapshot(): CohortSnapshot {
    return cloneData(this.props);
  }

  /** Run a change on a copy and keep it only when it succeeds: failures change nothing. */
  private change<T>(fn: (draft: Draft) => Result<T>): Result<T> {
    const draft = cloneData(this.props) as unknown as Draft;
    const r = fn(draft);
    if (r.ok) this.props = draft as CohortSnapshot;
    return r;
  }
}

function takeStamp(v: FieldChecks, input: unknown, extra: readonly string[] = []): ChangeStamp {
  const o = v.take(checkObject(AREA, input, [], ['at', 'actor', 'note', ...extra]));
  if (v.failed) return undefined as unknown as ChangeStamp;
  return takeChangeStamp(v, AREA, o);
}

function inPromotionWindow(d: CohortSnapshot, today: IsoDate): boolean {
  if (d.status === 'ENROLLING') return true;
  return d.status === 'RUNNING' && daysBetween(d.startDate, today) < d.promotionWindowDays;
}

/** Give free seats to the waitlist in arrival order, within the promotion window; returns who was promoted. */
function promote(d: Draft, at: Timestamp): string[] {
  const promoted: string[] = [];
  if (!inPromotionWindow(d, wibDateOf(at))) return promoted;
  for (const [i, e] of d.enrolments.entries()) {
    if (seated(d) >= d.capacity) break;
    if (e.status !== 'WAITLISTED') continue;
    d.enrolments[i] = { ...e, status: 'ENROLLED', seatedAt: at };
    promoted.push(e.candidateId);
  }
  return promoted;
}

function endActive(d: Draft, statuses: readonly EnrolmentStatus[], reason: 'WAITLIST_CLOSED' | 'COHORT_CANCELLED', at: Timestamp): void {
  d.enrolments.forEach((e, i) => {
    if (statuses.includes(e.status)) d.enrolments[i] = { ...e, status: 'CANCELLED', endedAt: at, reason };
  });
}
