/**
 * Training coordinator (Disnakertrans / a training provider's coordinator): opens a Korean-language
 * cohort, enrols a class (more trainees than seats: the last ones are waitlisted, in arrival order),
 * starts the cohort, records its first week of attendance a whole session at a time, records a
 * practice test, then prints each trainee's readiness for the next official test and the plan to the
 * program's target. Needs an OFFICER (or ADMIN) API key: JEMBATAN_API_KEY or --api-key.
 *
 *   node examples/dist/training-coordinator/main.js examples/training-coordinator/coordinator.config.json
 *        [--provider <party id>] [--start YYYY-MM-DD] [--target 1000] [--target-date YYYY-MM-DD]
 *        [--plan-start YYYY-MM-DD] [--test-date YYYY-MM-DD ...] [--lang id|en]
 *
 * Every figure comes from the config file, each with its label there: the provider's attendance rule
 * (there is no default: the code has none), the course's hours and fee, the class, and the plan's
 * assumed rates, trainer capacity and official test dates (no source gives them). The EPS-TOPIK
 * floor the course aims at is the gateway's dated parameter `eps.topikMinScore` unless the config
 * states a score. The course is reused when the provider already has the same one.
 */
import { readFileSync } from 'node:fs';
import {
  formatMoney,
  isJembatanError,
  money,
  type AttendanceMark,
  type CandidateTrainingView,
  type CourseItem,
  type CourseKind,
  type CreateCourseMutation,
  type EducationLevel,
  type ExcusedAbsencePolicy,
  type JembatanClient,
  type KoreanTestKind,
  type Occupation,
  type Route,
  type Sex,
  type TrainingPlanInput,
  type TrainingPlanResult,
  type TrainingProviderType,
  type TrainingVenueKind,
} from '@jembatan/sdk';
import { checkDate, clientFrom, langOf, parseCommandLine, pick, runExample, shiftDate, todayWib, UsageError, type Lang } from '../shared/cli';

export const USAGE = `Usage: training-coordinator <config.json> [--provider <party id>] [--start YYYY-MM-DD]
       [--target <people>] [--target-date YYYY-MM-DD] [--plan-start YYYY-MM-DD] [--test-date YYYY-MM-DD ...] [--lang id|en]
Environment: JEMBATAN_URL, JEMBATAN_API_KEY (an OFFICER key), JEMBATAN_TOKEN.
`;

const MARKS: readonly AttendanceMark[] = ['PRESENT', 'EXCUSED', 'ABSENT'];
const EXCUSED_POLICIES: readonly ExcusedAbsencePolicy[] = ['COUNTS_AS_PRESENT', 'COUNTS_AS_ABSENT', 'EXCLUDED'];

export interface TraineeConfig {
  readonly label: string;
  readonly sex: Sex;
  readonly birthDate: string;
  readonly education: EducationLevel;
  readonly kecamatan: string;
  /** One mark per session of the first week, in session order. */
  readonly week: readonly AttendanceMark[];
  /** The practice test score, on the test's official scale. */
  readonly practiceScore: number;
}

export interface CoordinatorConfig {
  readonly provider: { readonly name: string; readonly providerType: TrainingProviderType; readonly createIfMissing: boolean; readonly note?: string };
  readonly course: {
    readonly title: { readonly id: string; readonly en: string };
    readonly kind: CourseKind;
    readonly target: { readonly kind: 'EPS_TOPIK'; readonly score?: number };
    readonly hours: number;
    readonly feeIdr: string;
    readonly hasFinalAssessment: boolean;
    readonly attendanceRule: { readonly requiredShare: string; readonly excused: ExcusedAbsencePolicy; readonly statedBy: string };
  };
  readonly cohort: {
    readonly venue: { readonly kind: TrainingVenueKind; readonly name: string; readonly kecamatan: string; readonly kelurahan?: string };
    readonly capacity: number;
    readonly weeks: number;
    /** ISO weekdays with a session: 1 = Monday … 7 = Sunday. */
    readonly sessionWeekdays: readonly number[];
    readonly promotionWindowDays: number;
    readonly startDaysAgo: number;
  };
  readonly class: { readonly route: Route; readonly occupation: Occupation; readonly practiceTest: KoreanTestKind; readonly trainees: readonly TraineeConfig[] };
  readonly plan: {
    readonly target: number;
    readonly targetDate: string;
    readonly cohortSize: number;
    readonly cohortWeeks: number;
    readonly assumptions: {
      readonly maxConcurrentCohorts: number;
      readonly officialTestDates: readonly string[];
      readonly passToDepartureDays: number;
      readonly dropoutRate: string;
      readonly passRate: string;
    };
  };
  readonly labels?: Readonly<Record<string, string>>;
}

// ------------------------------------------------------------------ reading the config

function at(o: unknown, path: string): unknown {
  let v: unknown = o;
  for (const k of path.split('.')) v = typeof v === 'object' && v !== null ? (v as Record<string, unknown>)[k] : undefined;
  return v;
}

/** Reads and checks the config; a missing or malformed input is a usage error naming it (nothing has a default). */
export function readConfig(file: string): CoordinatorConfig {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new UsageError(`cannot read ${file}: ${(e as Error).message}`);
  }
  const problem = (path: string, what: string) => new UsageError(`${file}: ${path} ${what}`);
  const str = (path: string) => {
    const v = at(parsed, path);
    if (typeof v !== 'string' || v.trim() === '') throw problem(path, 'must be a non-empty string');
    return v;
  };
  const int = (path: string, min: number) => {
    const v = at(parsed, path);
    if (typeof v !== 'number' || !Number.isInteger(v) || v < min) throw problem(path, `must be a whole number ≥ ${min}`);
    return v;
  };
  const date = (path: string) => {
    const v = str(path);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) throw problem(path, 'must be a date YYYY-MM-DD');
    return v;
  };
  // the provider's attendance rule: stated in the config, never defaulted
  if (typeof at(parsed, 'course.attendanceRule') !== 'object' || at(parsed, 'course.attendanceRule') === null) {
    throw problem('course.attendanceRule', "is required: give the provider's published rule { requiredShare, excused, statedBy } (there is no default)");
  }
  str('course.attendanceRule.requiredShare');
  str('course.attendanceRule.statedBy');
  if (!EXCUSED_POLICIES.includes(at(parsed, 'course.attendanceRule.excused') as ExcusedAbsencePolicy)) {
    throw problem('course.attendanceRule.excused', `must be one of ${EXCUSED_POLICIES.join(', ')}`);
  }
  str('provider.name');
  str('provider.providerType');
  str('course.title.id');
  str('course.title.en');
  str('course.kind');
  if (at(parsed, 'course.target.kind') !== 'EPS_TOPIK') throw problem('course.target.kind', 'must be EPS_TOPIK in this example');
  int('course.hours', 1);
  if (!/^\d+$/.test(str('course.feeIdr'))) throw problem('course.feeIdr', 'must be whole rupiah as a string');
  str('cohort.venue.kind');
  str('cohort.venue.name');
  str('cohort.venue.kecamatan');
  int('cohort.capacity', 1);
  int('cohort.weeks', 1);
  int('cohort.promotionWindowDays', 0);
  int('cohort.startDaysAgo', 0);
  const weekdays = at(parsed, 'cohort.sessionWeekdays');
  if (!Array.isArray(weekdays) || weekdays.length === 0 || !weekdays.every((d) => Number.isInteger(d) && d >= 1 && d <= 7)) {
    throw problem('cohort.sessionWeekdays', 'must list ISO weekdays 1 (Monday) to 7 (Sunday)');
  }
  str('class.route');
  str('class.occupation');
  str('class.practiceTest');
  const trainees = at(parsed, 'class.trainees');
  if (!Array.isArray(trainees) || trainees.length === 0) throw problem('class.trainees', 'must list the class');
  trainees.forEach((_, i) => {
    const p = `class.trainees.${i}`;
    str(`${p}.label`);
    if (!['M', 'F'].includes(str(`${p}.sex`))) throw problem(`${p}.sex`, 'must be M or F');
    date(`${p}.birthDate`);
    str(`${p}.education`);
    str(`${p}.kecamatan`);
    int(`${p}.practiceScore`, 0);
    const week = at(parsed, `${p}.week`);
    if (!Array.isArray(week) || !week.every((m) => MARKS.includes(m as AttendanceMark))) throw problem(`${p}.week`, `must list marks (${MARKS.join(', ')})`);
  });
  int('plan.target', 0);
  date('plan.targetDate');
  int('plan.cohortSize', 1);
  int('plan.cohortWeeks', 1);
  int('plan.assumptions.maxConcurrentCohorts', 1);
  int('plan.assumptions.passToDepartureDays', 0);
  str('plan.assumptions.dropoutRate');
  str('plan.assumptions.passRate');
  const tests = at(parsed, 'plan.assumptions.officialTestDates');
  if (!Array.isArray(tests)) throw problem('plan.assumptions.officialTestDates', 'must list dates (possibly none)');
  tests.forEach((_, i) => date(`plan.assumptions.officialTestDates.${i}`));
  return parsed as CoordinatorConfig;
}

// ------------------------------------------------------------------ small helpers

const addDays = (date: string, days: number) => shiftDate(date, 0, days);
const isoWeekday = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay() || 7;

/** A valid Kota Serang NIK (3673 01 …) for the trainee: birth date DDMMYY, day + 40 for women, a 4-digit serial. */
export function traineeNik(t: Pick<TraineeConfig, 'sex' | 'birthDate'>, serial: number): string {
  const [y, m, d] = t.birthDate.split('-') as [string, string, string];
  const day = Number(d) + (t.sex === 'F' ? 40 : 0);
  return `367301${String(day).padStart(2, '0')}${m}${y.slice(2)}${String(serial % 10_000).padStart(4, '0')}`;
}

/** An exact share as published ("4/5" or "0.8") as numerator and denominator. */
export function parseShare(share: string): { num: number; den: number } {
  const f = /^(\d+)\/(\d+)$/.exec(share);
  if (f) return { num: Number(f[1]), den: Number(f[2]) };
  const d = /^(\d+)(?:\.(\d+))?$/.exec(share);
  if (d) {
    const digits = d[2] ?? '';
    return { num: Number(`${d[1]}${digits}`), den: 10 ** digits.length };
  }
  throw new Error(`not a share: ${share}`);
}

/** `num/den` as a percentage with one decimal ("93.8%", "93,8%" in Bahasa Indonesia); "—" when den is 0. */
export function percent(num: number, den: number, lang: Lang = 'en'): string {
  if (den === 0) return '—';
  const text = (Math.round((num * 1000) / den) / 10).toFixed(1);
  return `${lang === 'id' ? text.replace('.', ',') : text}%`;
}

/** Attended and counted marks of a week under the rule's EXCUSED policy. */
export function weekShare(present: number, excused: number, marks: number, policy: ExcusedAbsencePolicy): { attended: number; counted: number } {
  if (policy === 'COUNTS_AS_PRESENT') return { attended: present + excused, counted: marks };
  if (policy === 'EXCLUDED') return { attended: present, counted: marks - excused };
  return { attended: present, counted: marks };
}

// ------------------------------------------------------------------ the workflow

export interface CoordinatorOptions {
  readonly today: string;
  readonly startDate: string;
  readonly lang: Lang;
  readonly providerId?: string;
  readonly plan: TrainingPlanInput;
}

export interface CoordinatorResult {
  readonly courseId: string;
  readonly cohortId: string;
  readonly candidateIds: readonly string[];
  readonly plan: TrainingPlanResult;
}

/** The plan's input from the config, with the command line's overrides. */
export function planInput(config: CoordinatorConfig, overrides: { target?: number; targetDate?: string; planStart: string; testDates?: readonly string[] }): TrainingPlanInput {
  const a = config.plan.assumptions;
  return {
    target: overrides.target ?? config.plan.target,
    targetDate: overrides.targetDate ?? config.plan.targetDate,
    planStart: overrides.planStart,
    cohortSize: config.plan.cohortSize,
    cohortWeeks: config.plan.cohortWeeks,
    maxConcurrentCohorts: a.maxConcurrentCohorts,
    officialTestDates: [...(overrides.testDates ?? a.officialTestDates)],
    passToDepartureDays: a.passToDepartureDays,
    dropoutRate: a.dropoutRate,
    passRate: a.passRate,
  };
}

/** What every step shares: the client, the config, the language and the numbered printer. */
interface Run {
  readonly client: JembatanClient;
  readonly config: CoordinatorConfig;
  readonly options: CoordinatorOptions;
  readonly print: (line: string) => void;
  /** The text in the run's language. */
  readonly t: (id: string, en: string) => string;
  /** Prints a numbered step. */
  readonly say: (id: string, en: string) => void;
}

type Course = CourseItem | CreateCourseMutation['createCourse'];
type Cohort = Awaited<ReturnType<JembatanClient['training']['createCohort']>>;

/** 1. The provider: the one given, else the party named in the config (created, as an example record, when missing). */
async function findProvider(run: Run): Promise<{ id: string; name: string }> {
  const { client, config, options, say } = run;
  let provider: { id: string; name: string } | undefined;
  if (options.providerId) {
    const p = await client.parties.get(options.providerId);
    if (!p || p.kind !== 'TRAINING_PROVIDER') throw new UsageError(`--provider ${options.providerId} is not a TRAINING_PROVIDER party`);
    provider = p;
  } else {
    for await (const p of client.parties.list({ kind: 'TRAINING_PROVIDER' })) {
      if (p.name === config.provider.name) {
        provider = p;
        break;
      }
    }
    if (!provider) {
      if (!config.provider.createIfMissing) throw new UsageError(`no TRAINING_PROVIDER party named "${config.provider.name}": give --provider <party id>`);
      provider = await client.parties.create({
        kind: 'TRAINING_PROVIDER',
        name: config.provider.name,
        country: 'ID',
        regionCode: '36.73',
        isExample: true,
        ...(config.provider.note ? { note: config.provider.note } : {}),
      });
      say(`Penyelenggara pelatihan dicatat (contoh): ${provider.name} — ${provider.id}`, `Training provider recorded (example): ${provider.name} — ${provider.id}`);
    }
  }
  say(`Penyelenggara: ${provider.name} (${provider.id})`, `Provider: ${provider.name} (${provider.id})`);
  return provider;
}

/** 2. The course: the provider's same course when it exists, else a new one with the provider's rule from the config. */
async function findOrCreateCourse(run: Run, providerId: string): Promise<Course> {
  const { client, config, options, print, t, say } = run;
  const rule = config.course.attendanceRule;
  let targetScore = config.course.target.score;
  if (targetScore === undefined) {
    const floor = await client.parameters.get('eps.topikMinScore', options.today);
    targetScore = Number(floor.value);
    say(
      `Target kursus: ambang EPS-TOPIK ${targetScore} (parameter eps.topikMinScore per ${options.today})`,
      `Course target: the EPS-TOPIK floor ${targetScore} (parameter eps.topikMinScore as of ${options.today})`,
    );
  }
  const same = (c: CourseItem) =>
    c.title.en === config.course.title.en &&
    c.title.idn === config.course.title.id &&
    c.hours === config.course.hours &&
    c.hasFinalAssessment === config.course.hasFinalAssessment &&
    c.target?.kind === 'EPS_TOPIK' &&
    c.target.score === targetScore &&
    c.attendanceRule.requiredShare === rule.requiredShare &&
    c.attendanceRule.excused === rule.excused &&
    c.attendanceRule.statedBy === rule.statedBy;
  let course: Course | undefined;
  for await (const c of client.training.courses({ providerPartyId: providerId, kind: config.course.kind })) {
    if (same(c)) {
      course = c;
      break;
    }
  }
  if (course) {
    say(`Kursus yang sudah ada dipakai: "${course.title.idn}" — ${course.id}`, `Existing course reused: "${course.title.en}" — ${course.id}`);
  } else {
    course = await client.training.createCourse({
      title: config.course.title,
      kind: config.course.kind,
      providerPartyId: providerId,
      providerType: config.provider.providerType,
      target: { kind: 'EPS_TOPIK', score: targetScore },
      hours: config.course.hours,
      feeIdr: config.course.feeIdr,
      hasFinalAssessment: config.course.hasFinalAssessment,
      attendanceRule: { requiredShare: rule.requiredShare, excused: rule.excused, statedBy: rule.statedBy },
    });
    say(`Kursus dibuat: "${course.title.idn}" — ${course.id}`, `Course created: "${course.title.en}" — ${course.id}`);
  }
  const fee = formatMoney(money(course.fee.amount, 'IDR'));
  const r = course.attendanceRule;
  print(
    t(
      `      ${course.hours} jam, biaya ${fee}; aturan kehadiran penyelenggara: ${r.requiredShare} (izin: ${r.excused}; sumber: ${r.statedBy})`,
      `      ${course.hours} h, fee ${fee}; provider's attendance rule: ${r.requiredShare} (excused: ${r.excused}; stated by: ${r.statedBy})`,
    ),
  );
  return course;
}

/** 3. The cohort: sessions on the configured weekdays from the start to the end date; then opened for enrolment. */
async function openCohort(run: Run, courseId: string): Promise<Cohort> {
  const { client, config, options, t, say } = run;
  const c = config.cohort;
  const endDate = addDays(options.startDate, 7 * c.weeks - 1);
  const sessions: { date: string; topic: string }[] = [];
  for (let d = options.startDate; d <= endDate; d = addDays(d, 1)) {
    const week = Math.floor(sessions.length / c.sessionWeekdays.length) + 1;
    if (c.sessionWeekdays.includes(isoWeekday(d))) sessions.push({ date: d, topic: t(`Minggu ${week}`, `Week ${week}`) });
  }
  const cohort = await client.training.createCohort({
    courseId,
    venue: { kind: c.venue.kind, name: c.venue.name, kecamatan: c.venue.kecamatan, ...(c.venue.kelurahan ? { kelurahan: c.venue.kelurahan } : {}) },
    capacity: c.capacity,
    startDate: options.startDate,
    endDate,
    promotionWindowDays: c.promotionWindowDays,
    sessions,
  });
  say(
    `Angkatan dibuat: ${cohort.id}, ${cohort.startDate} s.d. ${cohort.endDate}, ${cohort.sessions.length} sesi, ${cohort.capacity} kursi, di ${cohort.venue.name} (Kec. ${cohort.venue.kecamatan}) — ${cohort.status}`,
    `Cohort created: ${cohort.id}, ${cohort.startDate} to ${cohort.endDate}, ${cohort.sessions.length} sessions, ${cohort.capacity} seats, at ${cohort.venue.name} (${cohort.venue.kecamatan}) — ${cohort.status}`,
  );
  const open = await client.training.transitionCohort({ id: cohort.id, to: 'ENROLLING', note: t('Pendaftaran dibuka', 'Enrolment opened') });
  say(`Pendaftaran dibuka: status ${open.status}`, `Enrolment opened: status ${open.status}`);
  return open;
}

/** A trainee registered as a resident of Kota Serang aiming at the route (a generated NIK is retried on CONFLICT). */
async function registerTrainee(run: Run, trainee: TraineeConfig, serial: number): Promise<string> {
  const { client, config, t } = run;
  for (let attempt = 0; ; attempt += 1) {
    const nik = traineeNik(trainee, 1 + ((serial + attempt * 7919) % 9999));
    try {
      const candidate = await client.candidates.register({
        profile: {
          nik,
          declaredBirthDate: trainee.birthDate,
          declaredSex: trainee.sex,
          education: trainee.education,
          address: { kecamatan: trainee.kecamatan, city: 'Kota Serang', source: 'KTP' },
        },
        targetRoute: config.class.route,
        targetOccupation: config.class.occupation,
        note: t(`Peserta ${trainee.label} kelas bahasa Korea (contoh)`, `Trainee ${trainee.label} of the Korean class (example)`),
      });
      return candidate.id;
    } catch (e) {
      if (isJembatanError(e, 'CONFLICT') && attempt < 5) continue;
      throw e;
    }
  }
}

/** 4. The class, registered and enrolled one by one in arrival order: ENROLLED while seats remain, then WAITLISTED. */
async function enrolClass(run: Run, cohortId: string): Promise<{ ids: string[]; seatOf: Map<string, string>; seated: string[] }> {
  const { client, config, options, print, say } = run;
  const trainees = config.class.trainees;
  const ids: string[] = [];
  const seatOf = new Map<string, string>();
  const serial = Math.floor(Date.now() / 1000) % 9000;
  for (const [i, trainee] of trainees.entries()) {
    const id = await registerTrainee(run, trainee, serial + i);
    ids.push(id);
    const r = await client.training.enroll({ cohortId, candidateId: id });
    const seat = r.status === 'WAITLISTED' ? `WAITLISTED #${r.waitlistPosition}` : r.status;
    seatOf.set(id, seat);
    print(`      ${trainee.label} ${id}: ${seat} — ${pick(options.lang, r.stageChange.message)}`);
  }
  const roster = await client.training.roster(cohortId);
  if (!roster) throw new Error(`cohort ${cohortId} disappeared`);
  const seated = roster.enrolments.filter((e) => e.status === 'ENROLLED').map((e) => e.candidateId);
  const waiting = roster.enrolments.filter((e) => e.status === 'WAITLISTED').length;
  say(
    `Terdaftar ${seated.length}, daftar tunggu ${waiting} (kapasitas ${roster.capacity}, kelas ${trainees.length} orang)`,
    `Enrolled ${seated.length}, waitlisted ${waiting} (capacity ${roster.capacity}, class of ${trainees.length})`,
  );
  return { ids, seatOf, seated };
}

/** 5. The cohort starts and its first week is recorded: every session, the whole class at once. */
async function recordFirstWeek(run: Run, cohortId: string, seated: readonly string[], traineeOf: ReadonlyMap<string, TraineeConfig>): Promise<Cohort> {
  const { client, config, options, print, t, say } = run;
  const rule = config.course.attendanceRule;
  let cohort = await client.training.transitionCohort({ id: cohortId, to: 'RUNNING', note: t('Kelas dimulai', 'Classes started') });
  say(`Angkatan berjalan: status ${cohort.status}`, `Cohort running: status ${cohort.status}`);
  const weekEnd = addDays(options.startDate, 6);
  const week = cohort.sessions.filter((s) => s.date <= weekEnd && s.date <= options.today);
  if (week.length === 0) throw new UsageError(`no session between ${options.startDate} and ${weekEnd < options.today ? weekEnd : options.today}: start the cohort earlier (--start)`);
  const totals = { PRESENT: 0, EXCUSED: 0, ABSENT: 0 };
  for (const [i, s] of week.entries()) {
    const marks = seated.map((candidateId) => {
      const trainee = traineeOf.get(candidateId);
      const mark = trainee?.week[i];
      if (!mark) throw new UsageError(`trainee ${trainee?.label}: no mark for session ${i + 1} of the week (class.trainees[].week)`);
      return { candidateId, mark };
    });
    cohort = await client.training.recordAttendance({ cohortId, sessionNumber: s.number, marks });
    const n = (m: AttendanceMark) => marks.filter((x) => x.mark === m).length;
    for (const m of MARKS) totals[m] += n(m);
    print(
      t(
        `      Sesi ${s.number} (${s.date}): hadir ${n('PRESENT')}, izin ${n('EXCUSED')}, absen ${n('ABSENT')}`,
        `      Session ${s.number} (${s.date}): ${n('PRESENT')} present, ${n('EXCUSED')} excused, ${n('ABSENT')} absent`,
      ),
    );
  }
  const marks = totals.PRESENT + totals.EXCUSED + totals.ABSENT;
  const share = weekShare(totals.PRESENT, totals.EXCUSED, marks, rule.excused);
  const rate = percent(share.attended, share.counted, options.lang);
  say(
    `Kehadiran minggu ini: ${week.length} sesi, hadir ${totals.PRESENT}, izin ${totals.EXCUSED}, absen ${totals.ABSENT} dari ${marks} tanda — tingkat ${rate} menurut aturan (izin: ${rule.excused})`,
    `Attendance this week: ${week.length} sessions, ${totals.PRESENT} present, ${totals.EXCUSED} excused, ${totals.ABSENT} absent of ${marks} marks — rate ${rate} under the rule (excused: ${rule.excused})`,
  );

  // 6. A practice test at the end of the week, on the official scale
  const takenOn = week[week.length - 1]!.date;
  const test = config.class.practiceTest;
  for (const candidateId of seated) {
    await client.training.recordAssessment({ cohortId, candidateId, kind: 'PRACTICE', test, takenOn, score: traineeOf.get(candidateId)!.practiceScore });
  }
  say(`Tes latihan ${test} dicatat untuk ${seated.length} peserta (${takenOn})`, `Practice test ${test} recorded for ${seated.length} members (${takenOn})`);
  return cohort;
}

/** 7. Each trainee's readiness for the next official test (an assumed date: no source announces them). */
async function printReadiness(run: Run, cohort: Cohort, ids: readonly string[], seatOf: ReadonlyMap<string, string>): Promise<void> {
  const { client, config, options, print, t, say } = run;
  const nextTest = [...options.plan.officialTestDates].sort().find((d) => d >= options.today) ?? null;
  say(
    `Kesiapan untuk ujian resmi berikutnya (${nextTest ?? 'belum diumumkan'}${nextTest ? ', asumsi' : ''}) — rute ${config.class.route}:`,
    `Readiness for the next official test (${nextTest ?? 'not announced'}${nextTest ? ', assumed' : ''}) — route ${config.class.route}:`,
  );
  const { num, den } = parseShare(config.course.attendanceRule.requiredShare);
  const recorded = cohort.sessions.filter((s) => s.attendanceRecordedAt !== null).length;
  for (const [i, id] of ids.entries()) {
    const view: CandidateTrainingView | null = await client.training.candidate({ id, nextOfficialTestDate: nextTest });
    const r = view?.training.readiness;
    if (!view || !r) throw new Error(`no readiness for candidate ${id}`);
    const score =
      r.latestPracticeScore === null || r.latestPracticeScore === undefined
        ? t(`belum ada nilai latihan, syarat ${r.requiredValue ?? '—'}`, `no practice score yet, required ${r.requiredValue ?? '—'}`)
        : t(
            `latihan ${r.latestPracticeTest} ${r.latestPracticeScore}, syarat ${r.requiredValue ?? '—'}, kurang ${r.gap ?? '—'}`,
            `practice ${r.latestPracticeTest} ${r.latestPracticeScore}, required ${r.requiredValue ?? '—'}, gap ${r.gap ?? '—'}`,
          );
    let attendance = '';
    const a = view.training.enrolments.find((e) => e.cohortId === cohort.id)?.attendance;
    if (a) {
      const absent = recorded - a.present - a.excused;
      // the best case: every session not yet recorded attended
      const canMeet = (a.attended + (a.sessions - recorded)) * den >= num * a.counted;
      attendance = t(
        `; hadir ${a.present}, izin ${a.excused}, absen ${absent} dari ${recorded} sesi tercatat (aturan ${a.requiredShare}: ${canMeet ? 'masih bisa dipenuhi' : 'tidak bisa lagi dipenuhi'})`,
        `; ${a.present} present, ${a.excused} excused, ${absent} absent of ${recorded} sessions recorded (rule ${a.requiredShare}: ${canMeet ? 'can still be met' : 'can no longer be met'})`,
      );
    }
    print(`  ${config.class.trainees[i]!.label} ${id} ${seatOf.get(id)}: ${t('kesiapan', 'readiness')} ${r.status} — ${score}${attendance}`);
    for (const item of r.checklist) print(`      - [${item.kind}] ${pick(options.lang, item.message)}${item.dueBy ? t(` (paling lambat ${item.dueBy})`, ` (by ${item.dueBy})`) : ''}`);
  }
}

/** 8. The plan to the program's target, with its assumptions labelled. */
async function printPlan(run: Run): Promise<TrainingPlanResult> {
  const { client, options, print, t, say } = run;
  const plan = options.plan;
  const result = await client.training.plan(plan);
  say(
    `Rencana menuju target: ${plan.target} penempatan paling lambat ${plan.targetDate}, angkatan mulai sejak ${plan.planStart}`,
    `Plan to the target: ${plan.target} placements by ${plan.targetDate}, cohorts starting from ${plan.planStart}`,
  );
  const tests = plan.officialTestDates.join(', ') || '—';
  print(t(`      Masukan: angkatan ${plan.cohortSize} orang selama ${plan.cohortWeeks} minggu`, `      Inputs: cohorts of ${plan.cohortSize} for ${plan.cohortWeeks} weeks`));
  print(
    t(
      `      ASUMSI (masukan, bukan angka bersumber): ${plan.maxConcurrentCohorts} angkatan bersamaan; ujian resmi ${tests}; ${plan.passToDepartureDays} hari dari ujian ke keberangkatan; putus ${plan.dropoutRate}; lulus ${plan.passRate}`,
      `      ASSUMPTIONS (inputs, not sourced figures): ${plan.maxConcurrentCohorts} cohorts at once; official tests ${tests}; ${plan.passToDepartureDays} days from test to departure; dropout ${plan.dropoutRate}; pass rate ${plan.passRate}`,
    ),
  );
  print(t(`      Per angkatan: ${result.completersPerCohort} selesai, ${result.passersPerCohort} lulus`, `      Per cohort: ${result.completersPerCohort} complete, ${result.passersPerCohort} pass`));
  print(
    result.reachable
      ? t('      Hasil: TERCAPAI', '      Result: REACHABLE')
      : t(`      Hasil: TIDAK TERCAPAI — kendala pengikat ${result.bindingConstraint}`, `      Result: NOT REACHABLE — binding constraint ${result.bindingConstraint}`),
  );
  print(
    t(
      `      Angkatan dibutuhkan: ${result.cohortsNeeded ?? '—'}; paling banyak ${result.maxCohorts} muat, memberi ${result.maxPlacements} penempatan`,
      `      Cohorts needed: ${result.cohortsNeeded ?? '—'}; at most ${result.maxCohorts} fit, giving ${result.maxPlacements} placements`,
    ),
  );
  print(`      ${pick(options.lang, result.explanation)}`);
  for (const [i, w] of result.waves.entries()) {
    print(
      t(
        `      Gelombang ${i + 1}: ${w.cohorts} angkatan mulai paling lambat ${w.latestStart}, selesai ${w.endsOn}, ujian ${w.testDate}, berangkat paling lambat ${w.departBy}`,
        `      Wave ${i + 1}: ${w.cohorts} cohorts start by ${w.latestStart}, end ${w.endsOn}, sit the test on ${w.testDate}, depart by ${w.departBy}`,
      ),
    );
  }
  return result;
}

export async function coordinate(client: JembatanClient, config: CoordinatorConfig, options: CoordinatorOptions, print: (line: string) => void): Promise<CoordinatorResult> {
  let step = 0;
  const t = (id: string, en: string) => (options.lang === 'id' ? id : en);
  const run: Run = { client, config, options, print, t, say: (id, en) => print(`[${++step}] ${t(id, en)}`) };

  const provider = await findProvider(run);
  const course = await findOrCreateCourse(run, provider.id);
  const opened = await openCohort(run, course.id);
  const { ids, seatOf, seated } = await enrolClass(run, opened.id);
  const traineeOf = new Map(ids.map((id, i) => [id, config.class.trainees[i]!] as const));
  const cohort = await recordFirstWeek(run, opened.id, seated, traineeOf);
  await printReadiness(run, cohort, ids, seatOf);
  const plan = await printPlan(run);

  print('');
  print(`course: ${course.id}`);
  print(`cohort: ${cohort.id}`);
  print(`plan: reachable=${plan.reachable} constraint=${plan.bindingConstraint ?? 'none'} cohortsNeeded=${plan.cohortsNeeded ?? 'none'} maxCohorts=${plan.maxCohorts} maxPlacements=${plan.maxPlacements}`);
  return { courseId: course.id, cohortId: cohort.id, candidateIds: ids, plan };
}

export async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandLine(argv, {
    provider: { type: 'string' },
    start: { type: 'string' },
    target: { type: 'string' },
    'target-date': { type: 'string' },
    'plan-start': { type: 'string' },
    'test-date': { type: 'string', multiple: true },
  });
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  const file = positionals[0];
  if (!file || positionals.length > 1) throw new UsageError('give one config file (e.g. examples/training-coordinator/coordinator.config.json)');
  const config = readConfig(file);
  const lang = langOf(values.lang);
  const today = todayWib();
  if (values.target !== undefined && !/^\d+$/.test(values.target)) throw new UsageError('--target must be a whole number');
  const startDate = values.start ? checkDate(values.start, '--start') : addDays(today, -config.cohort.startDaysAgo);
  if (startDate > today) throw new UsageError('--start must not be after today: the example starts the cohort and records its first week now');
  const plan = planInput(config, {
    ...(values.target !== undefined ? { target: Number(values.target) } : {}),
    ...(values['target-date'] ? { targetDate: checkDate(values['target-date'], '--target-date') } : {}),
    planStart: values['plan-start'] ? checkDate(values['plan-start'], '--plan-start') : today,
    ...(values['test-date'] ? { testDates: values['test-date'].map((d) => checkDate(d, '--test-date')) } : {}),
  });
  await coordinate(
    clientFrom(values),
    config,
    { today, startDate, lang, plan, ...(values.provider ? { providerId: values.provider } : {}) },
    (line) => process.stdout.write(`${line}\n`),
  );
  return 0;
}

if (require.main === module) runExample(main, USAGE);
