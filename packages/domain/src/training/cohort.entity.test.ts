import fc from 'fast-check';
import { unwrap, type Result } from '../shared/domain-error';
import { Cohort } from './cohort.entity';
import { ACTOR, at, cohort, cohortInput, koreanCourse, params, uid } from './__tests__/fixtures';

const codeOf = (r: Result<unknown>) => (r.ok ? 'OK' : r.error.code);
const A = uid(101);
const B = uid(102);
const C = uid(103);
const D = uid(104);

/** A cohort of capacity 2 with A, B enrolled and C, D waitlisted. */
function enrolling(): Cohort {
  const c = cohort();
  unwrap(c.openEnrolment(at('2026-12-02')));
  for (const [i, id] of [A, B, C, D].entries()) unwrap(c.enrol(id, at('2026-12-03', `0${i}:00`)));
  return c;
}

function running(capacity = 2): Cohort {
  const c = cohort({ capacity });
  unwrap(c.openEnrolment(at('2026-12-02')));
  unwrap(c.enrol(A, at('2026-12-03')));
  unwrap(c.enrol(B, at('2026-12-03', '10:00')));
  unwrap(c.start(at('2027-01-04')));
  return c;
}

const all = (c: Cohort, present: readonly string[], absent: readonly string[] = []) => [
  ...present.map((candidateId) => ({ candidateId, mark: 'PRESENT' as const })),
  ...absent.map((candidateId) => ({ candidateId, mark: 'ABSENT' as const })),
];

describe('Cohort: creation and lifecycle', () => {
  it('validates capacity, dates and sessions', () => {
    expect(codeOf(Cohort.create(cohortInput({ capacity: 0 })))).toBe('TRAINING.CAPACITY_INVALID');
    expect(codeOf(Cohort.create(cohortInput({ capacity: 2.5 })))).toBe('TRAINING.CAPACITY_INVALID');
    expect(codeOf(Cohort.create(cohortInput({ endDate: '2027-01-03' })))).toBe('TRAINING.DATES_OUT_OF_ORDER');
    expect(codeOf(Cohort.create(cohortInput({ sessions: [{ date: '2027-02-01' }] })))).toBe('TRAINING.SESSION_OUTSIDE_COHORT');
  });

  it('moves only along the transition table, with history', () => {
    const c = cohort();
    expect(codeOf(c.start(at('2027-01-04')))).toBe('TRAINING.ILLEGAL_TRANSITION');
    unwrap(c.openEnrolment(at('2026-12-02')));
    expect(codeOf(c.openEnrolment(at('2026-12-02')))).toBe('TRAINING.ILLEGAL_TRANSITION');
    expect(codeOf(c.start(at('2027-01-04')))).toBe('TRAINING.NO_MEMBERS');
    unwrap(c.enrol(A, at('2026-12-03')));
    expect(codeOf(c.start(at('2027-01-03')))).toBe('TRAINING.NOT_YET_STARTED');
    expect(codeOf(c.start(at('2026-12-02')))).toBe('TRAINING.TIME_BEFORE_LAST_TRANSITION');
    unwrap(c.start(at('2027-01-04')));
    expect(c.toSnapshot().history.map((h) => [h.from, h.to])).toEqual([
      [null, 'PLANNED'],
      ['PLANNED', 'ENROLLING'],
      ['ENROLLING', 'RUNNING'],
    ]);
  });

  it('refuses to open enrolment when the LPK licence does not cover the cohort', () => {
    const course = koreanCourse({ licence: { number: 'LPK/1', validFrom: '2025-01-01', validUntil: '2027-01-15' } });
    const c = cohort({ course });
    expect(codeOf(c.openEnrolment(at('2026-12-02')))).toBe('TRAINING.LICENCE_NOT_VALID');
    unwrap(c.reschedule('2027-01-04', '2027-01-15'));
    expect(codeOf(c.openEnrolment(at('2026-12-02')))).toBe('OK');
  });

  it('cancelling needs a note and ends every active enrolment', () => {
    const c = enrolling();
    expect(codeOf(c.cancel(at('2026-12-04')))).toBe('TRAINING.NOTE_REQUIRED');
    unwrap(c.cancel({ ...at('2026-12-04'), note: 'Trainer unavailable' }));
    expect(c.enrolments.map((e) => [e.status, e.reason])).toEqual(Array(4).fill(['CANCELLED', 'COHORT_CANCELLED']));
  });
});

describe('Cohort: enrolment and waitlist', () => {
  it('enrols while seats remain and waitlists after that, in arrival order (full is not an error)', () => {
    const c = cohort();
    expect(codeOf(c.enrol(A, at('2026-12-02')))).toBe('TRAINING.NOT_ENROLLING');
    unwrap(c.openEnrolment(at('2026-12-02')));
    expect(unwrap(c.enrol(A, at('2026-12-03')))).toEqual({ status: 'ENROLLED', waitlistPosition: null });
    expect(unwrap(c.enrol(B, at('2026-12-03')))).toEqual({ status: 'ENROLLED', waitlistPosition: null });
    expect(unwrap(c.enrol(C, at('2026-12-03')))).toEqual({ status: 'WAITLISTED', waitlistPosition: 1 });
    expect(unwrap(c.enrol(D, at('2026-12-03')))).toEqual({ status: 'WAITLISTED', waitlistPosition: 2 });
    expect(codeOf(c.enrol(A, at('2026-12-03')))).toBe('TRAINING.ALREADY_ENROLLED');
    expect(c.waitlist).toEqual([C, D]);
    expect(c.seatsLeft).toBe(0);
  });

  it('a withdrawal while ENROLLING promotes the first on the waitlist', () => {
    const c = enrolling();
    expect(unwrap(c.withdraw(A, { ...at('2026-12-10'), reason: 'WORK_ELSEWHERE' }))).toEqual({ promoted: [C] });
    expect(c.enrolmentOf(A)).toMatchObject({ status: 'WITHDRAWN', reason: 'WORK_ELSEWHERE' });
    expect(c.enrolmentOf(C)).toMatchObject({ status: 'ENROLLED', seatedAt: '2026-12-10T02:00:00.000Z' });
    expect(c.waitlist).toEqual([D]);
    // leaving the waitlist frees no seat
    expect(unwrap(c.withdraw(D, { ...at('2026-12-11'), reason: 'PERSONAL' }))).toEqual({ promoted: [] });
  });

  it('a dropout in the first week promotes; after the window the seat stays empty', () => {
    const c = enrolling();
    unwrap(c.start(at('2027-01-04')));
    expect(codeOf(c.dropOut(C, { ...at('2027-01-05'), reason: 'HEALTH' }))).toBe('TRAINING.NOT_ENROLLED');
    expect(c.promotesOn('2027-01-10')).toBe(true);
    expect(unwrap(c.dropOut(A, { ...at('2027-01-10'), reason: 'HEALTH' }))).toEqual({ promoted: [C] });
    expect(c.promotesOn('2027-01-11')).toBe(false);
    expect(unwrap(c.dropOut(B, { ...at('2027-01-11'), reason: 'FAMILY' }))).toEqual({ promoted: [] });
    expect(c.waitlist).toEqual([D]);
    expect(codeOf(c.dropOut(C, { ...at('2027-01-12'), reason: 'OTHER' }))).toBe('TRAINING.NOTE_REQUIRED');
  });

  it('a raised capacity promotes; it cannot go below the members', () => {
    const c = enrolling();
    expect(codeOf(c.setCapacity(1, at('2026-12-05')))).toBe('TRAINING.CAPACITY_INVALID');
    expect(unwrap(c.setCapacity(3, at('2026-12-05')))).toEqual({ promoted: [C] });
  });

  it('a failure changes nothing', () => {
    const c = enrolling();
    const before = c.toSnapshot();
    expect(codeOf(c.withdraw(uid(999), { ...at('2026-12-10'), reason: 'PERSONAL' }))).toBe('TRAINING.NOT_ENROLLED');
    expect(codeOf(c.enrol(uid(105), at('2026-12-01')))).toBe('TRAINING.TIME_BEFORE_LAST_TRANSITION');
    expect(c.toSnapshot()).toEqual(before);
  });

  it('property: seats never exceed capacity and every member arrived before everyone waitlisted', () => {
    const op = fc.oneof(fc.record({ kind: fc.constant('enrol' as const), who: fc.integer({ min: 1, max: 12 }) }), fc.record({ kind: fc.constant('withdraw' as const), who: fc.integer({ min: 1, max: 12 }) }));
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5 }), fc.array(op, { maxLength: 40 }), (capacity, ops) => {
        const c = cohort({ capacity });
        unwrap(c.openEnrolment(at('2026-12-02')));
        ops.forEach((o, i) => {
          const stamp = { at: `2026-12-03T${String(Math.floor(i / 60)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}:00+07:00`, actor: ACTOR };
          if (o.kind === 'enrol') c.enrol(uid(o.who), stamp);
          else c.withdraw(uid(o.who), { ...stamp, reason: 'PERSONAL' });
        });
        const es = c.enrolments;
        const seated = es.filter((e) => e.status === 'ENROLLED');
        const waiting = es.filter((e) => e.status === 'WAITLISTED');
        expect(seated.length).toBeLessThanOrEqual(capacity);
        if (waiting.length > 0) expect(seated.length).toBe(capacity);
        if (waiting.length > 0 && seated.length > 0) expect(Math.max(...seated.map((e) => e.sequence))).toBeLessThan(Math.min(...waiting.map((e) => e.sequence)));
        expect(Cohort.fromSnapshot(c.toSnapshot()).toSnapshot()).toEqual(c.toSnapshot());
      }),
    );
  });
});

describe('Cohort: attendance, assessments and outcomes', () => {
  it('validates a whole-class record', () => {
    const c = running();
    expect(codeOf(c.recordAttendance(9, all(c, [A, B]), at('2027-01-04')))).toBe('TRAINING.SESSION_NOT_FOUND');
    expect(codeOf(c.recordAttendance(1, all(c, [A, B, C]), at('2027-01-04')))).toBe('TRAINING.NOT_ENROLLED');
    expect(codeOf(c.recordAttendance(1, all(c, [A, A]), at('2027-01-04')))).toBe('TRAINING.DUPLICATE_MARK');
    expect(codeOf(c.recordAttendance(1, all(c, [A]), at('2027-01-04')))).toBe('TRAINING.MARK_MISSING');
    expect(codeOf(c.recordAttendance(1, all(c, [A, B]), at('2027-01-04')))).toBe('OK');
  });

  it('exactly at the rule completes, one session under fails (4/5 of 5 sessions)', () => {
    const c = running();
    for (const n of [1, 2, 3, 4]) unwrap(c.recordAttendance(n, all(c, [A], [B].filter(() => n <= 2)).concat(n > 2 ? [{ candidateId: B, mark: 'PRESENT' }] : []), at('2027-01-08')));
    expect(codeOf(c.complete(at('2027-01-31')))).toBe('TRAINING.ATTENDANCE_NOT_RECORDED');
    unwrap(c.recordAttendance(5, all(c, [B], [A]), at('2027-01-08')));
    expect(codeOf(c.complete(at('2027-01-30')))).toBe('TRAINING.NOT_YET_ENDED');
    expect(codeOf(c.recordOutcome(A, at('2027-01-30')))).toBe('TRAINING.OUTCOME_NOT_ALLOWED');
    unwrap(c.complete(at('2027-01-31')));
    expect(c.attendanceOf(A)).toMatchObject({ attended: 4, counted: 5, meetsRule: true });
    expect(c.attendanceOf(B)).toMatchObject({ attended: 3, counted: 5, meetsRule: false });
    expect(unwrap(c.recordOutcome(A, at('2027-01-31')))).toMatchObject({ outcome: 'COMPLETED', reason: 'REQUIREMENTS_MET' });
    expect(unwrap(c.recordOutcome(B, at('2027-01-31')))).toMatchObject({ outcome: 'FAILED', reason: 'ATTENDANCE_BELOW_RULE' });
    expect(c.enrolmentOf(A)).toMatchObject({ status: 'COMPLETED', reason: 'REQUIREMENTS_MET' });
    expect(codeOf(c.recordOutcome(A, at('2027-01-31')))).toBe('TRAINING.NOT_ENROLLED');
  });

  it('needs the final assessment when the course has one', () => {
    const course = koreanCourse({ hasFinalAssessment: true, attendanceRule: { requiredShare: '1/5', excused: 'COUNTS_AS_PRESENT', statedBy: 'LPK rule' } });
    const c = cohort({ course, sessions: [{ date: '2027-01-04' }] });
    unwrap(c.openEnrolment(at('2026-12-02')));
    unwrap(c.enrol(A, at('2026-12-03')));
    unwrap(c.enrol(B, at('2026-12-03')));
    unwrap(c.start(at('2027-01-04')));
    unwrap(c.recordAttendance(1, [{ candidateId: A, mark: 'PRESENT' }, { candidateId: B, mark: 'EXCUSED' }], at('2027-01-04')));
    unwrap(c.recordFinalAssessment(B, { passed: false, assessedOn: '2027-01-30' }));
    unwrap(c.complete(at('2027-01-31')));
    expect(codeOf(c.recordOutcome(A, at('2027-01-31')))).toBe('TRAINING.ASSESSMENT_REQUIRED');
    unwrap(c.recordFinalAssessment(A, { passed: true, assessedOn: '2027-01-31' }));
    expect(unwrap(c.recordOutcome(A, at('2027-01-31')))).toMatchObject({ outcome: 'COMPLETED' });
    expect(unwrap(c.recordOutcome(B, at('2027-01-31')))).toMatchObject({ outcome: 'FAILED', reason: 'ASSESSMENT_FAILED' });
    expect(codeOf(running().recordFinalAssessment(A, { passed: true, assessedOn: '2027-01-10' }))).toBe('TRAINING.ASSESSMENT_NOT_APPLICABLE');
  });

  it('settles every determined outcome at once; a member awaiting the final assessment stays ENROLLED', () => {
    // 4/5 of 5 sessions: A 5 present, B exactly 4, C 3 (one session under); final assessment: A passed, B none yet, C passed
    const course = koreanCourse({ hasFinalAssessment: true });
    const c = cohort({ course, capacity: 4 });
    unwrap(c.openEnrolment(at('2026-12-02')));
    for (const id of [A, B, C, D]) unwrap(c.enrol(id, at('2026-12-03')));
    unwrap(c.start(at('2027-01-04')));
    for (const n of [1, 2, 3, 4, 5]) {
      const marks = [A, B, C, D].map((candidateId) => ({
        candidateId,
        mark: (candidateId === B && n === 5) || (candidateId === C && n >= 4) ? ('ABSENT' as const) : ('PRESENT' as const),
      }));
      unwrap(c.recordAttendance(n, marks, at('2027-01-08')));
    }
    unwrap(c.recordFinalAssessment(A, { passed: true, assessedOn: '2027-01-30' }));
    unwrap(c.recordFinalAssessment(C, { passed: true, assessedOn: '2027-01-30' }));
    unwrap(c.recordFinalAssessment(D, { passed: false, assessedOn: '2027-01-30' }));
    expect(codeOf(c.settleOutcomes(at('2027-01-30')))).toBe('TRAINING.OUTCOME_NOT_ALLOWED');
    unwrap(c.complete(at('2027-01-31')));
    expect(codeOf(c.settleOutcomes(at('2027-01-30')))).toBe('TRAINING.TIME_BEFORE_LAST_TRANSITION');
    const settlement = unwrap(c.settleOutcomes(at('2027-01-31')));
    expect(settlement.settled.map((e) => [e.candidateId, e.outcome, e.reason])).toEqual([
      [A, 'COMPLETED', 'REQUIREMENTS_MET'],
      [C, 'FAILED', 'ATTENDANCE_BELOW_RULE'],
      [D, 'FAILED', 'ASSESSMENT_FAILED'],
    ]);
    expect(settlement.pending).toEqual([B]);
    expect([A, B, C, D].map((id) => c.enrolmentOf(id)?.status)).toEqual(['COMPLETED', 'ENROLLED', 'FAILED', 'FAILED']);
    expect(c.enrolmentOf(A)).toMatchObject({ endedAt: '2027-01-31T02:00:00.000Z' });
    // settling again changes nothing; the pending member settles when their assessment is recorded
    const before = c.toSnapshot();
    expect(unwrap(c.settleOutcomes(at('2027-01-31'))).settled).toEqual([]);
    expect(c.toSnapshot()).toEqual(before);
    unwrap(c.recordFinalAssessment(B, { passed: true, assessedOn: '2027-02-02' }));
    expect(unwrap(c.recordOutcome(B, at('2027-02-02')))).toMatchObject({ outcome: 'COMPLETED', reason: 'REQUIREMENTS_MET' });
    expect(c.enrolmentOf(B)).toMatchObject({ status: 'COMPLETED', reason: 'REQUIREMENTS_MET' });
  });

  it('settled outcomes follow the rule exactly, whatever the marks (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('PRESENT' as const, 'ABSENT' as const), { minLength: 5, maxLength: 5 }), (marks) => {
        const c = running();
        marks.forEach((m, i) => unwrap(c.recordAttendance(i + 1, [{ candidateId: A, mark: m }, { candidateId: B, mark: 'PRESENT' }], at('2027-01-08'))));
        unwrap(c.complete(at('2027-01-31')));
        const { settled, pending } = unwrap(c.settleOutcomes(at('2027-01-31')));
        const present = marks.filter((m) => m === 'PRESENT').length;
        expect(pending).toEqual([]);
        // the rule 4/5 of 5 sessions: at least 4 present
        expect(settled.find((e) => e.candidateId === A)?.outcome).toBe(present >= 4 ? 'COMPLETED' : 'FAILED');
        expect(c.enrolmentOf(B)?.status).toBe('COMPLETED');
      }),
      { numRuns: 40 },
    );
  });

  it('completing closes the waitlist', () => {
    const c = enrolling();
    unwrap(c.start(at('2027-01-04')));
    for (const n of [1, 2, 3, 4, 5]) unwrap(c.recordAttendance(n, all(c, [A, B]), at('2027-01-08')));
    unwrap(c.complete(at('2027-01-31')));
    expect(c.enrolmentOf(C)).toMatchObject({ status: 'CANCELLED', reason: 'WAITLIST_CLOSED' });
  });

  it('checks practice scores on the official scale', () => {
    const c = running();
    expect(codeOf(c.recordPracticeScore(A, { test: 'EPS_TOPIK', takenOn: '2027-01-10', score: 201 }, params))).toBe('TRAINING.SCORE_OUT_OF_SCALE');
    expect(codeOf(c.recordPracticeScore(A, { test: 'TOPIK_II', takenOn: '2027-01-10', score: 300 }, params))).toBe('OK');
    expect(codeOf(c.recordPracticeScore(A, { test: 'TOPIK_I', takenOn: '2027-01-10', score: 201 }, params))).toBe('TRAINING.SCORE_OUT_OF_SCALE');
    expect(codeOf(c.recordPracticeScore(uid(999), { test: 'EPS_TOPIK', takenOn: '2027-01-10', score: 100 }, params))).toBe('TRAINING.NOT_ENROLLED');
    expect(c.practiceScoresOf(A)).toHaveLength(1);
  });

  it('round-trips its snapshot and refuses a corrupt one', () => {
    const c = running();
    unwrap(c.recordAttendance(1, all(c, [A, B]), at('2027-01-04')));
    const s = c.toSnapshot();
    expect(Cohort.fromSnapshot(s).toSnapshot()).toEqual(s);
    expect(() => Cohort.fromSnapshot({ ...s, capacity: 1 })).toThrow(/TRAINING.CAPACITY_INVALID/);
    expect(() => Cohort.fromSnapshot({ ...s, status: 'COMPLETED' })).toThrow(/TRAINING.INVALID_SNAPSHOT/);
    expect(() => Cohort.fromSnapshot({ ...s, attendance: [...s.attendance, s.attendance[0]!] })).toThrow(/TRAINING.INVALID_SNAPSHOT/);
  });
});
