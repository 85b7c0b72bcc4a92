/**
 * Readiness for the official Korean test, per candidate (issue 10): the latest practice score
 * against the score the target route needs, the next official test date (an input), and a
 * bilingual checklist ("finish course X", "sit test Y by date"), shaped like the eligibility
 * checklist (key, kind, message, dueBy).
 *
 * What the route needs is read from the eligibility rule set in force on `asOf` and the parameters
 * its rules read, never restated here:
 * - a rule set with `eps.koreanTest` (E-9): EPS-TOPIK ≥ `eps.topikMinScore` of `eps.topikMaxScore`;
 * - a rule set with `pilot.koreanTest` (E-7-3 pilot): a TOPIK-scale level ≥ `e73pilot.minTopikLevel`;
 * - an opening's `minEpsTopikScore` / `minTopikLevel` (rules `opening.*`) raise these, or set them on
 *   routes whose rules ask for no Korean test (E-7-3, E-8);
 * - otherwise there is no Korean requirement (`NO_REQUIREMENT`).
 * TOPIK practice scores become levels with `topik.levels` (korean-tests.ts `topikLevelOf`); the
 * pilot's practice score is a level already. An official result in the profile that meets the
 * requirement (a valid EPS-TOPIK, or the best TOPIK-scale level) gives `ALREADY_MET`.
 */
import { invalid, type Messages } from '../shared/domain-error';
import { compareDates, parseIsoDate, type IsoDate } from '../shared/local-date';
import { isOneOf, type Route } from '../shared/vocabulary';
import type { ParameterId, ParameterSnapshot } from '../parameters';
import type { CandidateProfile } from '../eligibility/candidate-profile';
import type { OpeningRequirements } from '../eligibility/rule';
import { assertRoute, eligibilityRuleSetAsOf } from '../eligibility/rule-sets';
import { bestKoreanLevel, bestValidEpsTopik, topikLevelOf } from '../eligibility/korean-tests';
import { practiceScale, scaleProblem } from './korean-scales';
import { PRACTICE_TESTS, type EnrolmentStatus, type CourseKind, type PracticeTest } from './training-vocabulary';
import { TrainingErrors } from './training.errors';
import { DomainError } from '../shared/domain-error';

export type KoreanRequirement =
  | { readonly kind: 'EPS_TOPIK'; readonly minScore: number; readonly maxScore: number; readonly ruleIds: readonly string[]; readonly parameters: readonly ParameterId[] }
  | { readonly kind: 'TOPIK_LEVEL'; readonly minLevel: number; readonly ruleIds: readonly string[]; readonly parameters: readonly ParameterId[] };

export interface ReadinessPracticeScore {
  readonly test: PracticeTest;
  readonly takenOn: IsoDate;
  readonly score: number;
}

export interface ReadinessCourse {
  readonly courseId: string;
  readonly title: Messages;
  readonly courseKind: CourseKind;
  readonly status: EnrolmentStatus;
  /** The cohort's last day. */
  readonly endDate: IsoDate;
}

export interface ReadinessInput {
  readonly asOf: IsoDate;
  readonly route: Route;
  /** A snapshot taken on `asOf`. */
  readonly params: ParameterSnapshot;
  readonly practiceScores: readonly ReadinessPracticeScore[];
  /** The candidate's enrolments with their course and cohort end date. */
  readonly courses: readonly ReadinessCourse[];
  /** The next official test date (input; null/absent = not announced). Not before `asOf`. */
  readonly nextOfficialTestDate?: IsoDate | null;
  readonly opening?: Pick<OpeningRequirements, 'minEpsTopikScore' | 'minTopikLevel'>;
  /** Official results, when known (validated by the caller, e.g. with `validateCandidateProfile`). */
  readonly profile?: Pick<CandidateProfile, 'epsTopikResults' | 'topikResults' | 'pilotKoreanTests'>;
}

export const READINESS_STATUSES = ['NO_REQUIREMENT', 'ALREADY_MET', 'ON_TRACK', 'BELOW_TARGET', 'NO_PRACTICE_SCORE'] as const;
export type ReadinessStatus = (typeof READINESS_STATUSES)[number];

export const READINESS_ITEM_KINDS = ['FINISH_COURSE', 'WAIT_FOR_SEAT', 'PRACTISE', 'SIT_TEST'] as const;
export type ReadinessItemKind = (typeof READINESS_ITEM_KINDS)[number];

export interface ReadinessChecklistItem {
  readonly key: string;
  readonly kind: ReadinessItemKind;
  readonly message: Messages;
  readonly dueBy?: IsoDate;
}

export interface Readiness {
  readonly asOf: IsoDate;
  readonly route: Route;
  readonly requirement: KoreanRequirement | null;
  /** The latest practice score that counts for the requirement, with its level for a level requirement. */
  readonly latestPractice: (ReadinessPracticeScore & { readonly level: number | null }) | null;
  /** Points (EPS-TOPIK) or levels still missing; 0 when met; null without a requirement or a score. */
  readonly gap: number | null;
  readonly status: ReadinessStatus;
  readonly nextOfficialTestDate: IsoDate | null;
  /** True when an ENROLLED Korean course ends after the next official test date. */
  readonly courseEndsAfterTest: boolean;
  readonly checklist: readonly ReadinessChecklistItem[];
}

/** The Korean requirement of `route` on `asOf` (with an opening's extra requirements), or null. */
export function koreanRequirement(route: Route, asOf: IsoDate, params: ParameterSnapshot, opening?: ReadinessInput['opening']): KoreanRequirement | null {
  assertRoute(route);
  const ids = eligibilityRuleSetAsOf(route, asOf).definition.entries.map((e) => e.ruleId);
  const openEps = ids.includes('opening.minEpsTopikScore') ? opening?.minEpsTopikScore : undefined;
  const openLevel = ids.includes('opening.minTopikLevel') ? opening?.minTopikLevel : undefined;
  if (ids.includes('eps.koreanTest') || typeof openEps === 'number') {
    const base = ids.includes('eps.koreanTest') ? params.get('eps.topikMinScore') : 0;
    const ruleIds = [...(ids.includes('eps.koreanTest') ? ['eps.koreanTest'] : []), ...(typeof openEps === 'number' ? ['opening.minEpsTopikScore'] : [])];
    const parameters: ParameterId[] = ids.includes('eps.koreanTest') ? ['eps.topikMinScore', 'eps.topikMaxScore'] : ['eps.topikMaxScore'];
    return { kind: 'EPS_TOPIK', minScore: Math.max(base, openEps ?? 0), maxScore: params.get('eps.topikMaxScore'), ruleIds, parameters };
  }
  if (ids.includes('pilot.koreanTest') || typeof openLevel === 'number') {
    const base = ids.includes('pilot.koreanTest') ? params.get('e73pilot.minTopikLevel') : 0;
    const ruleIds = [...(ids.includes('pilot.koreanTest') ? ['pilot.koreanTest'] : []), ...(typeof openLevel === 'number' ? ['opening.minTopikLevel'] : [])];
    const parameters: ParameterId[] = ids.includes('pilot.koreanTest') ? ['e73pilot.minTopikLevel', 'topik.levels'] : ['topik.levels'];
    return { kind: 'TOPIK_LEVEL', minLevel: Math.max(base, openLevel ?? 0), ruleIds, parameters };
  }
  return null;
}

function checkScores(scores: readonly ReadinessPracticeScore[], params: ParameterSnapshot): void {
  if (!Array.isArray(scores)) invalid('TRAINING.INVALID_TYPE', 'Nilai latihan harus berupa daftar.', 'Practice scores must be a list.', { path: ['practiceScores'] });
  scores.forEach((s, i) => {
    const p = ['practiceScores', String(i)];
    if (typeof s !== 'object' || s === null || !isOneOf(PRACTICE_TESTS, s.test)) invalid('TRAINING.INVALID_VALUE', 'Jenis ujian tidak dikenal.', 'Unknown test.', { path: [...p, 'test'] });
    parseIsoDate(s.takenOn, [...p, 'takenOn']);
    const problem = scaleProblem(s.score, practiceScale(s.test, params), [...p, 'score']);
    if (problem) throw new DomainError(problem);
  });
}

/** The latest practice score that counts for `req` (ties on the date: the later one in the list). */
function latestFor(req: KoreanRequirement, scores: readonly ReadinessPracticeScore[], params: ParameterSnapshot): Readiness['latestPractice'] {
  const bands = params.get('topik.levels');
  let best: Readiness['latestPractice'] = null;
  for (const s of scores) {
    const level =
      req.kind === 'EPS_TOPIK' ? null : s.test === 'PILOT_KOREAN' ? s.score : s.test === 'EPS_TOPIK' ? undefined : topikLevelOf({ test: s.test, takenOn: s.takenOn, score: s.score }, bands);
    if (req.kind === 'EPS_TOPIK' ? s.test !== 'EPS_TOPIK' : level === undefined) continue;
    if (best === null || compareDates(s.takenOn, best.takenOn) >= 0) best = { test: s.test, takenOn: s.takenOn, score: s.score, level: level ?? null };
  }
  return best;
}

function officialMet(req: KoreanRequirement, input: ReadinessInput): boolean {
  const profile = input.profile ?? {};
  if (req.kind === 'EPS_TOPIK') {
    const best = bestValidEpsTopik(profile, input.asOf, input.params.get('eps.topikValidityMonths'));
    return best !== undefined && best.result.score >= req.minScore;
  }
  return (profile.topikResults?.length ?? 0) + (profile.pilotKoreanTests?.length ?? 0) > 0 && bestKoreanLevel(profile, input.params.get('topik.levels')) >= req.minLevel;
}

const requirementText = (r: KoreanRequirement): Messages =>
  r.kind === 'EPS_TOPIK'
    ? { id: `EPS-TOPIK minimal ${r.minScore} dari ${r.maxScore}`, en: `EPS-TOPIK of at least ${r.minScore} out of ${r.maxScore}` }
    : { id: `bahasa Korea minimal TOPIK level ${r.minLevel}`, en: `Korean at TOPIK level ${r.minLevel} or above` };

function courseItems(courses: readonly ReadinessCourse[]): ReadinessChecklistItem[] {
  const out: ReadinessChecklistItem[] = [];
  for (const c of courses) {
    if (c.status === 'ENROLLED') {
      out.push({
        key: `training.finish.${c.courseId}`,
        kind: 'FINISH_COURSE',
        message: { id: `Selesaikan kursus ${c.title.id} (berakhir ${c.endDate}).`, en: `Finish the course ${c.title.en} (ends on ${c.endDate}).` },
        dueBy: c.endDate,
      });
    } else if (c.status === 'WAITLISTED') {
      out.push({
        key: `training.seat.${c.courseId}`,
        kind: 'WAIT_FOR_SEAT',
        message: { id: `Menunggu kursi di kursus ${c.title.id}.`, en: `Waiting for a seat in the course ${c.title.en}.` },
      });
    }
  }
  return out;
}

function testItems(req: KoreanRequirement, status: ReadinessStatus, latest: Readiness['latestPractice'], next: IsoDate | null, lateCourse: boolean): ReadinessChecklistItem[] {
  const t = requirementText(req);
  const test = req.kind === 'EPS_TOPIK' ? 'EPS-TOPIK' : 'tes bahasa Korea';
  const testEn = req.kind === 'EPS_TOPIK' ? 'EPS-TOPIK' : 'Korean test';
  const theTestEn = req.kind === 'EPS_TOPIK' ? 'EPS-TOPIK' : 'the Korean test';
  const out: ReadinessChecklistItem[] = [];
  if (status === 'BELOW_TARGET' && latest) {
    const shown = req.kind === 'EPS_TOPIK' ? `${latest.score}` : `level ${latest.level}`;
    out.push({ key: 'training.practise', kind: 'PRACTISE', message: { id: `Nilai latihan terakhir ${shown}; target ${t.id}.`, en: `Latest practice result ${shown}; the target is ${t.en}.` } });
  } else if (status === 'NO_PRACTICE_SCORE') {
    out.push({ key: 'training.practise', kind: 'PRACTISE', message: { id: `Ikuti ujian latihan; target ${t.id}.`, en: `Take a practice test; the target is ${t.en}.` } });
  }
  const late = lateCourse ? { id: ' Kursus Anda berakhir setelah tanggal ini: pertimbangkan ujian berikutnya.', en: ' Your course ends after this date: consider the following test.' } : { id: '', en: '' };
  const message = next
    ? { id: `Ikuti ${test} paling lambat ${next} (${t.id}).${late.id}`, en: `Sit ${theTestEn} by ${next} (${t.en}).${late.en}` }
    : { id: `Ikuti ${test} berikutnya (${t.id}); tanggalnya belum diumumkan.`, en: `Sit the next ${testEn} (${t.en}); its date is not announced yet.` };
  out.push({ key: `training.sitTest.${req.kind}`, kind: 'SIT_TEST', message, ...(next ? { dueBy: next } : {}) });
  return out;
}

/** Readiness of one candidate. Throws `DomainError` on invalid input (`TRAINING.*`, `DATE.INVALID`, `ELIGIBILITY.*`). */
export function assessReadiness(input: ReadinessInput): Readiness {
  const asOf = parseIsoDate(input.asOf, ['asOf']);
  if (input.params?.asOf !== asOf) invalid('TRAINING.INVALID_VALUE', 'Snapshot parameter harus pada tanggal acuan.', 'The parameter snapshot must be taken on the as-of date.', { path: ['params'] });
  const next = input.nextOfficialTestDate === undefined || input.nextOfficialTestDate === null ? null : parseIsoDate(input.nextOfficialTestDate, ['nextOfficialTestDate']);
  if (next !== null && compareDates(next, asOf) < 0) throw new DomainError(TrainingErrors.testDatePassed());
  checkScores(input.practiceScores, input.params);
  if (!Array.isArray(input.courses)) invalid('TRAINING.INVALID_TYPE', 'Kursus harus berupa daftar.', 'Courses must be a list.', { path: ['courses'] });
  const req = koreanRequirement(input.route, asOf, input.params, input.opening);
  const items = courseItems(input.courses);
  const lateCourse = next !== null && input.courses.some((c) => c.status === 'ENROLLED' && c.courseKind === 'KOREAN_LANGUAGE' && compareDates(c.endDate, next) > 0);
  const base = { asOf, route: input.route, requirement: req, nextOfficialTestDate: next, courseEndsAfterTest: lateCourse };
  if (req === null) return { ...base, latestPractice: null, gap: null, status: 'NO_REQUIREMENT', checklist: items };
  const latest = latestFor(req, input.practiceScores, input.params);
  const value = latest === null ? null : req.kind === 'EPS_TOPIK' ? latest.score : latest.level!;
  const gap = value === null ? null : Math.max(0, (req.kind === 'EPS_TOPIK' ? req.minScore : req.minLevel) - value);
  if (officialMet(req, input)) return { ...base, latestPractice: latest, gap, status: 'ALREADY_MET', checklist: items };
  const status: ReadinessStatus = gap === null ? 'NO_PRACTICE_SCORE' : gap === 0 ? 'ON_TRACK' : 'BELOW_TARGET';
  return { ...base, latestPractice: latest, gap, status, checklist: [...items, ...testItems(req, status, latest, next, lateCourse)] };
}
