/**
 * The demo's Korean-language training (issue 11 "Training cohorts, once that issue lands"): a course
 * of the demo LPK and the cohorts its trainees sat in, built through the domain's own entities
 * (`Course`, `Cohort`: every enrolment, attendance record, final assessment, completion and outcome
 * passes the same rules as the use cases), from the candidates' stage histories:
 *
 * - a candidate enrols (and enters TRAINING) at the instant of their TRAINING stage change, into the
 *   next cohort that starts after that day: cohorts start every 14 days on a Monday, hold at
 *   most COHORT_SEATS members (a further one opens beside it), last 8 weeks with a weekly session;
 * - those who went on to TESTING completed their cohort (attendance over the rule, final assessment
 *   passed) before the test: the TRAINING → TESTING gate holds. TESTING usually comes 75–95 days
 *   after TRAINING and a cohort ends at most 14 + 55 days after it; where the generator compressed a
 *   late timeline, the trainee sits an intensive class from the next day to the morning of the test;
 * - those WITHDRAWN while in TRAINING withdraw (before the start) or drop out (while it runs);
 * - at the demo's date (DEMO_AS_OF) a cohort is ENROLLING, RUNNING or COMPLETED by its dates;
 *   members of a completed cohort still in TRAINING have their outcome settled (most pass).
 *
 * Everything is deterministic (the demo's random stream) and marked as an example.
 */
import {
  Cohort,
  Course,
  money,
  unwrap,
  wibDateOf,
  type AttendanceMark,
  type CandidateSnapshot,
  type CohortSnapshot,
  type IsoDate,
  type Party,
} from '../../domain';
import { dateOfDay, dayNumber, plusDays, wib } from './calendar';
import { DEMO_ACTOR, DEMO_AS_OF, DEMO_NOTE, DEMO_PREFIX, paramsOn } from './program';
import type { DemoRandom } from './random';

/** Seats per cohort (a class of the demo LPK). */
export const COHORT_SEATS = 30;
const COHORT_DAYS = 56;
const CYCLE_DAYS = 14;
const SESSIONS = 8;

/** What the training needs to know of one candidate: when they entered TRAINING and what came next. */
export interface DemoTrainee {
  readonly candidateId: string;
  readonly enteredAt: string;
  readonly next: { readonly stage: string; readonly at: string } | undefined;
}

/** The trainee of a candidate's history, or undefined when they never entered TRAINING. */
export function traineeOf(s: CandidateSnapshot): DemoTrainee | undefined {
  const i = s.history.findIndex((h) => h.to === 'TRAINING');
  if (i < 0) return undefined;
  const next = s.history[i + 1];
  return { candidateId: s.id, enteredAt: s.history[i]!.at, next: next ? { stage: next.to, at: next.at } : undefined };
}

export interface DemoTraining {
  readonly course: Course;
  /** The day the course is recorded: 30 days before the first trainee enrols. */
  readonly courseOn: IsoDate;
  readonly cohorts: readonly CohortSnapshot[];
  readonly providerPartyId: string;
}

const VENUES = [
  { kind: 'KAMPUNG_BAHASA', name: `${DEMO_PREFIX} Kampung Bahasa Korea Serang`, kecamatan: 'Cipocok Jaya', kelurahan: null },
  { kind: 'LPK', name: `${DEMO_PREFIX} LPK Bahasa Korea Demo Serang, kelas Kasemen`, kecamatan: 'Kasemen', kelurahan: null },
] as const;

const at = (d: IsoDate, hour: number, minute = 0): string => new Date(wib(d, hour, minute)).toISOString();
const before = (a: string, b: string): boolean => Date.parse(a) < Date.parse(b);

/** The Monday on or after `d`. */
function mondayOnOrAfter(d: IsoDate): IsoDate {
  const n = dayNumber(d);
  const weekday = (n + 3) % 7; // day 0 (1970-01-01) was a Thursday: 0 = Monday
  return dateOfDay(n + ((7 - weekday) % 7));
}

/** Build the course and every cohort of the trainees (in any order; sorted here). */
export function buildDemoTraining(rng: DemoRandom, provider: Party, trainees: readonly DemoTrainee[]): DemoTraining | undefined {
  if (!trainees.length) return undefined;
  // plain code-unit comparisons (never the locale's collation): the same order on every machine
  const sorted = [...trainees].sort((a, b) => Date.parse(a.enteredAt) - Date.parse(b.enteredAt) || (a.candidateId < b.candidateId ? -1 : a.candidateId > b.candidateId ? 1 : 0));
  const firstDay = wibDateOf(sorted[0]!.enteredAt);
  const courseOn = plusDays(firstDay, -30);
  const course = unwrap(
    Course.create(
      {
        id: rng.uuid(),
        title: { id: `${DEMO_PREFIX} Bahasa Korea untuk EPS-TOPIK dan E-7-3`, en: `${DEMO_PREFIX} Korean for EPS-TOPIK and E-7-3` },
        kind: 'KOREAN_LANGUAGE',
        provider,
        providerType: 'LPK',
        licence: { number: 'CONTOH-LPK/36.73/0001', validFrom: '2025-01-01', validUntil: '2028-12-31' },
        target: { kind: 'EPS_TOPIK', score: 120 },
        hours: 112,
        // the market fee of the day (parameter fee.koreanCourseIdr): the demo's course charges it
        fee: money(paramsOn(courseOn).get('fee.koreanCourseIdr'), 'IDR'),
        attendanceRule: { requiredShare: '4/5', excused: 'COUNTS_AS_PRESENT', statedBy: `${DEMO_PREFIX} Tata tertib kelas LPK contoh / the example LPK's class rules` },
        hasFinalAssessment: true,
        note: `${DEMO_PREFIX} Kursus contoh. / Example course. ${DEMO_NOTE}`,
      },
      paramsOn(courseOn),
    ),
  );

  // trainees → cohort slots: the next start after their day, a new cohort per COHORT_SEATS; one
  // whose test came sooner than a regular class could end (the generator compresses late timelines)
  // sits an intensive class from the next day to the day of the test, ending that morning
  const anchor = mondayOnOrAfter(firstDay);
  const groups = new Map<string, { readonly start: IsoDate; readonly end: IsoDate; readonly intensive: boolean; readonly members: DemoTrainee[] }>();
  for (const t of sorted) {
    const day = wibDateOf(t.enteredAt);
    // the first start after their day (a class starts at 07:00; they enrol later in the day)
    const k = Math.max(0, Math.floor((dayNumber(day) - dayNumber(anchor)) / CYCLE_DAYS) + 1);
    let start = plusDays(anchor, k * CYCLE_DAYS);
    let end = plusDays(start, COHORT_DAYS - 1);
    const intensive = t.next?.stage === 'TESTING' && !before(at(end, 17, 1), t.next.at);
    if (intensive) {
      start = plusDays(day, 1);
      end = wibDateOf(t.next!.at);
    }
    let slot = 0;
    const keyOf = (n: number) => `${start}#${intensive ? `I${end}` : 'R'}#${String(n).padStart(4, '0')}`;
    while ((groups.get(keyOf(slot))?.members.length ?? 0) >= COHORT_SEATS) slot++;
    const key = keyOf(slot);
    const group = groups.get(key) ?? { start, end, intensive, members: [] };
    group.members.push(t);
    groups.set(key, group);
  }
  const cohorts = [...groups.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, g], i) => buildCohort(rng.fork(key), course, g, i));
  return { course, courseOn, cohorts, providerPartyId: provider.id };
}

/** Session days: weekly from the start (a regular class), or spread over an intensive class's days. */
function sessionDays(start: IsoDate, end: IsoDate, intensive: boolean): IsoDate[] {
  if (!intensive) return Array.from({ length: SESSIONS }, (_, k) => plusDays(start, k * 7));
  const span = dayNumber(end) - dayNumber(start) + 1;
  const n = Math.min(SESSIONS, span);
  return [...new Set(Array.from({ length: n }, (_, k) => plusDays(start, Math.floor((k * span) / n))))];
}

function buildCohort(
  rng: DemoRandom,
  course: Course,
  group: { readonly start: IsoDate; readonly end: IsoDate; readonly intensive: boolean; readonly members: readonly DemoTrainee[] },
  index: number,
): CohortSnapshot {
  const { start, end, intensive, members } = group;
  // a regular class records attendance at 16:00 and ends at 17:00; an intensive one ends on its test
  // day before the test (stage changes are made from 12:00), so it records at 10:00 and ends at 11:00
  const [recordHour, endHour] = intensive ? [10, 11] : [16, 17];
  const sessions = sessionDays(start, end, intensive).map((date, k) => ({ date, topic: `${DEMO_PREFIX} Pertemuan ${k + 1} / Session ${k + 1}` }));
  const created = plusDays(start, -CYCLE_DAYS - 7);
  const stamp = (when: string, note: string | null = null) => ({ at: when, actor: DEMO_ACTOR, note });
  const cohort = unwrap(
    Cohort.create({
      id: rng.uuid(),
      course,
      venue: intensive ? { ...VENUES[0], name: `${VENUES[0].name} (kelas intensif / intensive class)` } : VENUES[index % VENUES.length]!,
      capacity: COHORT_SEATS,
      startDate: start,
      endDate: end,
      promotionWindowDays: 7,
      sessions,
      note: `${DEMO_PREFIX} Kelompok contoh. / Example cohort. ${DEMO_NOTE}`,
      at: at(created, 8),
      actor: DEMO_ACTOR,
    }),
  );
  unwrap(cohort.openEnrolment(stamp(at(created, 8, 1))));
  const asOfEnd = at(DEMO_AS_OF, 23, 59);
  const startAt = at(start, 7);
  const endAt = at(end, endHour);
  // who completes for sure (went on to TESTING or beyond), who leaves while in TRAINING and when
  const leaves = new Map<string, string>();
  const mustComplete = new Set<string>();
  for (const m of members) {
    if (m.next?.stage === 'WITHDRAWN' && before(m.next.at, endAt)) leaves.set(m.candidateId, m.next.at);
    else if (m.next && m.next.stage !== 'WITHDRAWN' && m.next.stage !== 'REJECTED') mustComplete.add(m.candidateId);
  }
  const leave = (until: string, status: 'ENROLLING' | 'RUNNING') => {
    for (const [candidateId, when] of [...leaves].sort(([, a], [, b]) => Date.parse(a) - Date.parse(b))) {
      if (!before(when, until)) continue;
      const input = { ...stamp(when), reason: rng.weighted([['PERSONAL', 5], ['FAMILY', 3], ['HEALTH', 1]] as const) };
      unwrap(status === 'ENROLLING' ? cohort.withdraw(candidateId, input) : cohort.dropOut(candidateId, input));
      leaves.delete(candidateId);
    }
  };
  // before the start, enrolments and withdrawals in the order they happened
  for (const m of members) {
    leave(m.enteredAt, 'ENROLLING');
    unwrap(cohort.enrol(m.candidateId, stamp(m.enteredAt)));
  }
  leave(startAt, 'ENROLLING');
  if (before(asOfEnd, startAt)) return cohort.toSnapshot();
  unwrap(cohort.start(stamp(startAt)));
  for (const [k, s] of sessions.entries()) {
    const recordedAt = at(s.date, recordHour, 0);
    if (before(asOfEnd, recordedAt)) break;
    leave(recordedAt, 'RUNNING');
    const marks = cohort.enrolments
      .filter((e) => e.status === 'ENROLLED')
      .map((e) => {
        const sure = mustComplete.has(e.candidateId);
        // a sure completer misses at most the first of 5+ sessions unexcused (4/5 or more attended)
        const mark: AttendanceMark = sure
          ? k === 0 && sessions.length >= 5 && rng.chance(0.1) ? 'ABSENT' : rng.chance(0.05) ? 'EXCUSED' : 'PRESENT'
          : rng.weighted([['PRESENT', 85], ['EXCUSED', 5], ['ABSENT', 10]] as const);
        return { candidateId: e.candidateId, mark };
      });
    unwrap(cohort.recordAttendance(k + 1, marks, stamp(recordedAt)));
  }
  leave(before(asOfEnd, endAt) ? asOfEnd : endAt, 'RUNNING');
  if (before(asOfEnd, endAt)) return cohort.toSnapshot();
  for (const e of cohort.enrolments.filter((x) => x.status === 'ENROLLED')) {
    unwrap(cohort.recordFinalAssessment(e.candidateId, { passed: mustComplete.has(e.candidateId) || rng.chance(0.85), assessedOn: end }));
  }
  unwrap(cohort.complete(stamp(endAt)));
  unwrap(cohort.settleOutcomes(stamp(at(end, endHour, 1), `${DEMO_PREFIX} Hasil akhir contoh / example outcomes`)));
  return cohort.toSnapshot();
}
