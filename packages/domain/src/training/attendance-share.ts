/**
 * The attendance share of one member, computed exactly (integers and rationals, never floating point).
 *
 * The share is counted in sessions: every session of the cohort counts, and a session held before
 * the member joined (a late joiner promoted from the waitlist) has no mark for them and counts as
 * ABSENT, because the course's rule is about the course, not about the part the member saw (the
 * promotion window keeps that part small). How an EXCUSED session counts is the course setting
 * `excused` (training-vocabulary.ts): no source gives a general rule.
 *
 *   COUNTS_AS_PRESENT  share = (present + excused) / sessions
 *   EXCLUDED           share = present / (sessions − excused)
 *   COUNTS_AS_ABSENT   share = present / sessions
 *
 * The rule is met when share ≥ requiredShare, compared by cross-multiplication:
 * attended × den ≥ num × counted. With requiredShare "4/5" and 20 sessions, 16 attended meets the
 * rule and 15 does not. With no countable session (all excused under EXCLUDED, or no session yet)
 * the share is undefined and the rule is not met.
 */
import { invalid } from '../shared/domain-error';
import { isRatioString, ratio, ratioCompare, ratioOf, ratioToDecimalString, RATIO_ZERO, RATIO_ONE, type Ratio } from '../money/ratio';
import { isOneOf } from '../shared/vocabulary';
import { ATTENDANCE_MARKS, EXCUSED_ABSENCE_POLICIES, type AttendanceMark, type ExcusedAbsencePolicy } from './training-vocabulary';
import { TrainingErrors } from './training.errors';

/** The provider's published attendance rule, entered per course (there is no default). */
export interface AttendanceRule {
  /** Exact share of sessions required to complete, as a decimal ("0.8") or a fraction ("4/5"); > 0 and ≤ 1. */
  readonly requiredShare: string;
  /** How EXCUSED sessions count (see the table above). */
  readonly excused: ExcusedAbsencePolicy;
  /** Where the rule is published (the provider's regulation, a brochure, a contract clause). */
  readonly statedBy: string;
}

export interface AttendanceCounts {
  readonly sessions: number;
  readonly present: number;
  readonly excused: number;
  /** ABSENT marks plus sessions with no mark for the member. */
  readonly absent: number;
}

export interface AttendanceShare extends AttendanceCounts {
  /** Numerator of the share (sessions that count as attended). */
  readonly attended: number;
  /** Denominator of the share (sessions that count); 0 = no countable session. */
  readonly counted: number;
  /** The share as a decimal string with 4 digits (rounded half-even, for display only); null when `counted` is 0. */
  readonly shareDecimal: string | null;
  readonly requiredShare: string;
  readonly meetsRule: boolean;
}

/** Parse and check a required share: a ratio string in (0, 1]. Throws `TRAINING.ATTENDANCE_RULE_INVALID`. */
export function parseRequiredShare(value: unknown, path: readonly string[] = ['attendanceRule', 'requiredShare']): Ratio {
  if (!isRatioString(value)) return invalidShare(path);
  const r = ratio(value, path);
  if (ratioCompare(r, RATIO_ZERO) <= 0 || ratioCompare(r, RATIO_ONE) > 0) return invalidShare(path);
  return r;
}

function invalidShare(path: readonly string[]): never {
  const d = TrainingErrors.attendanceRuleInvalid(path);
  return invalid(d.code, d.message.id, d.message.en, { path });
}

/** Count a member's marks over `sessionCount` sessions (missing marks count as ABSENT). */
export function countAttendance(sessionCount: number, marks: readonly AttendanceMark[]): AttendanceCounts {
  if (!Number.isSafeInteger(sessionCount) || sessionCount < 0 || marks.length > sessionCount) {
    invalid('TRAINING.INVALID_VALUE', 'Jumlah sesi tidak valid.', 'Invalid session count.', { path: ['sessionCount'] });
  }
  let present = 0;
  let excused = 0;
  for (const m of marks) {
    if (!isOneOf(ATTENDANCE_MARKS, m)) invalid('TRAINING.INVALID_VALUE', 'Tanda kehadiran tidak dikenal.', 'Unknown attendance mark.', { path: ['marks'] });
    if (m === 'PRESENT') present += 1;
    else if (m === 'EXCUSED') excused += 1;
  }
  return { sessions: sessionCount, present, excused, absent: sessionCount - present - excused };
}

/** The exact share and whether it meets the rule. */
export function attendanceShare(counts: AttendanceCounts, rule: Pick<AttendanceRule, 'requiredShare' | 'excused'>): AttendanceShare {
  const required = parseRequiredShare(rule.requiredShare);
  if (!isOneOf(EXCUSED_ABSENCE_POLICIES, rule.excused)) {
    invalid('TRAINING.ATTENDANCE_RULE_INVALID', 'Aturan izin tidak dikenal.', 'Unknown excused-absence policy.', { path: ['attendanceRule', 'excused'] });
  }
  const { sessions, present, excused } = counts;
  const attended = rule.excused === 'COUNTS_AS_PRESENT' ? present + excused : present;
  const counted = rule.excused === 'EXCLUDED' ? sessions - excused : sessions;
  const meetsRule = counted > 0 && BigInt(attended) * required.den >= required.num * BigInt(counted);
  return {
    ...counts,
    attended,
    counted,
    shareDecimal: counted > 0 ? ratioToDecimalString(ratioOf(BigInt(attended), BigInt(counted)), 4) : null,
    requiredShare: rule.requiredShare,
    meetsRule,
  };
}

/** The fewest attended sessions out of `counted` that meet the rule: ⌈required × counted⌉. */
export function minimumAttendedSessions(counted: number, requiredShare: string): number {
  const r = parseRequiredShare(requiredShare);
  const n = r.num * BigInt(counted);
  return Number((n + r.den - 1n) / r.den);
}
