import fc from 'fast-check';
import { isDomainError } from '../shared/domain-error';
import { attendanceShare, countAttendance, minimumAttendedSessions, parseRequiredShare } from './attendance-share';
import type { AttendanceMark, ExcusedAbsencePolicy } from './training-vocabulary';

const marks = (present: number, excused: number, absent: number): AttendanceMark[] => [
  ...Array<AttendanceMark>(present).fill('PRESENT'),
  ...Array<AttendanceMark>(excused).fill('EXCUSED'),
  ...Array<AttendanceMark>(absent).fill('ABSENT'),
];

describe('attendance share', () => {
  it.each(['4/5', '0.8', '0.80'])('exactly at the rule (%s) completes, one session under does not', (requiredShare) => {
    const rule = { requiredShare, excused: 'COUNTS_AS_ABSENT' as const };
    expect(attendanceShare(countAttendance(20, marks(16, 0, 4)), rule).meetsRule).toBe(true);
    expect(attendanceShare(countAttendance(20, marks(15, 0, 5)), rule).meetsRule).toBe(false);
  });

  it('has no float boundary bug with a repeating share (2/3 of 30 sessions)', () => {
    const rule = { requiredShare: '2/3', excused: 'COUNTS_AS_ABSENT' as const };
    const at = attendanceShare(countAttendance(30, marks(20, 0, 10)), rule);
    expect(at).toMatchObject({ attended: 20, counted: 30, shareDecimal: '0.6667', meetsRule: true });
    expect(attendanceShare(countAttendance(30, marks(19, 0, 11)), rule).meetsRule).toBe(false);
    // 0.7 of 10 sessions: 7 meets (0.1 + 0.2 style float errors would break this boundary)
    expect(attendanceShare(countAttendance(10, marks(7, 0, 3)), { requiredShare: '0.7', excused: 'COUNTS_AS_ABSENT' }).meetsRule).toBe(true);
  });

  it('counts sessions without a mark (before the member joined) as absent', () => {
    expect(countAttendance(10, marks(7, 1, 0))).toEqual({ sessions: 10, present: 7, excused: 1, absent: 2 });
  });

  it.each<[ExcusedAbsencePolicy, number, number, boolean]>([
    ['COUNTS_AS_PRESENT', 16, 20, true],
    ['EXCLUDED', 14, 18, false],
    ['COUNTS_AS_ABSENT', 14, 20, false],
  ])('EXCUSED under %s: %i/%i', (excused, attended, counted, meets) => {
    const s = attendanceShare(countAttendance(20, marks(14, 2, 4)), { requiredShare: '4/5', excused });
    expect([s.attended, s.counted, s.meetsRule]).toEqual([attended, counted, meets]);
  });

  it('with no countable session the share is undefined and the rule is not met', () => {
    const s = attendanceShare(countAttendance(3, marks(0, 3, 0)), { requiredShare: '1/2', excused: 'EXCLUDED' });
    expect(s).toMatchObject({ counted: 0, shareDecimal: null, meetsRule: false });
  });

  it.each(['0', '1.1', 'abc', '-1/2', '3/2'])('refuses the required share %s', (v) => {
    let code = '';
    try {
      parseRequiredShare(v);
    } catch (e) {
      if (isDomainError(e)) code = e.code;
    }
    expect(code).toBe('TRAINING.ATTENDANCE_RULE_INVALID');
  });

  it('accepts a share of 1 (every session)', () => {
    expect(parseRequiredShare('1')).toEqual({ num: 1n, den: 1n });
  });

  it('property: the rule is met exactly from ⌈share × counted⌉ attended sessions', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 200 }), fc.integer({ min: 1, max: 100 }), fc.integer({ min: 1, max: 100 }), (sessions, a, b) => {
        const [num, den] = a <= b ? [a, b] : [b, a];
        const requiredShare = `${num}/${den}`;
        const min = minimumAttendedSessions(sessions, requiredShare);
        const at = (p: number) => attendanceShare(countAttendance(sessions, marks(p, 0, sessions - p)), { requiredShare, excused: 'COUNTS_AS_ABSENT' }).meetsRule;
        expect(at(min)).toBe(true);
        if (min > 0) expect(at(min - 1)).toBe(false);
      }),
    );
  });
});
