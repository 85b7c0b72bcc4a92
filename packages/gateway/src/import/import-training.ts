/**
 * The training imports (issue 11 with issue 10), on the candidate import's own machinery (file checks
 * and limits: import-file.ts, zip-inspect.ts, limits.ts; readers: read-rows.ts; headers: columns.ts;
 * problems and report: problems.ts, report.ts):
 *
 * - **attendance** of one cohort (`--cohort <id>`): one row per member and session. The whole file is
 *   validated against the cohort first: an unknown member, a session not in the cohort, a member
 *   marked twice for a session, a mark for a member who is not ENROLLED, and a session whose class
 *   record would miss an ENROLLED member (recordAttendance records a session for the whole class:
 *   every row of that session gets `IMPORT.SESSION_INCOMPLETE`, `details.missing` the members'
 *   candidate ids). Each session is then written through the recordAttendance use case.
 * - **test-results**: official Korean test results, one row per result, each written through the
 *   recordTestResult use case (the profile and the stored eligibility, as the GraphQL mutation). The
 *   score or level is checked on the official scale and the profile with the result is checked by the
 *   domain before anything is written.
 *
 * Writing: every write of one file runs in ONE database transaction (the use cases open theirs on the
 * EntityManager they are given, which nests as a savepoint), so a file is written whole or not at all,
 * even when a write fails after the validation (a concurrent change of the cohort): the report then
 * names every row as failed and nothing is stored. ALL_OR_NOTHING (default) writes only a file without
 * problems; SKIP_INVALID writes the valid sessions (attendance: a session with a problem row is not
 * written at all, its other rows count as not written) or rows (test results); DRY_RUN writes nothing.
 *
 * Idempotent: an attendance session whose stored record has the same marks, and a test result the
 * candidate's profile already holds (same test, date and values), are reported as already imported
 * and not written again (no second audit row). The same candidate, test and date with different
 * values is `IMPORT.RESULT_ALREADY_RECORDED` (a correction is the application's, not an import's).
 */
import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { timestampOf, type Clock } from '../clock';
import type { Logger } from '../config/logger';
import {
  checkNikStructure,
  compactNik,
  listCandidateProfileIssues,
  parameterSnapshot,
  practiceScale,
  scaleProblem,
  wibDateOf,
  type AttendanceMark,
  type CandidateProfile,
  type CohortSnapshot,
  type DomainErrorData,
  type IsoDate,
  type PracticeTest,
} from '../domain';
import { CandidateRecord } from '../persistence/candidate.schema';
import { cohortSnapshotOf, loadCohortRows } from '../persistence/training.mapper';
import type { AuditActor } from '../security/audit-log';
import { recordAttendance } from '../use-cases/record-attendance.use-case';
import { recordTestResult, withTestResult, type OfficialTestResult } from '../use-cases/record-test-result.use-case';
import type { UseCaseDeps } from '../use-cases/use-case';
import { UseCaseError } from '../use-cases/use-case-error';
import { cellText, compactKey, EMPTY_CELL, parseDateCell, type ImportCell } from './cells';
import { mapHeadersFor, type ColumnSpec, type HeaderMap } from './columns';
import { openImportFile, type ImportFile } from './import-file';
import { MAX_CELL_LENGTH } from './limits';
import { ImportFileError, rowProblem, type ImportProblem, type ProblemDetails, type RowProblemCode } from './problems';
import type { ImportProgress } from './progress';
import { readRows } from './read-rows';
import { buildReport, type ImportMode, type ImportReport, type PlanSummary } from './report';
import { walkSheet } from './sheet';
import {
  ATTENDANCE_COLUMNS,
  ATTENDANCE_KEYS,
  ATTENDANCE_ONE_OF,
  MARK_WORDS,
  TEST_RESULT_COLUMNS,
  TEST_RESULT_KEYS,
  TEST_RESULT_ONE_OF,
  TEST_WORDS,
  YES_NO_WORDS,
  type AttendanceField,
  type TestResultField,
} from './training-columns';
import { sheetRowProblems, type RowInput } from './validate-row';
import type { WriteOutcome } from './write';

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// ------------------------------------------------------------------------------------ cells of a row

/** Reading one row's cells by field, collecting its problems (the candidate import's RowChecker, for any kind). */
class Cells<F extends string> {
  readonly problems: ImportProblem[];
  constructor(
    readonly row: RowInput,
    readonly header: HeaderMap<F>,
    private readonly specs: readonly ColumnSpec<F>[],
  ) {
    this.problems = sheetRowProblems(row, header);
  }

  column(field: F): string {
    return this.header.headerOf.get(field) ?? this.specs.find((s) => s.field === field)?.header ?? field;
  }

  has(field: F): boolean {
    return this.header.headerOf.has(field);
  }

  add(field: F | null, code: RowProblemCode, details?: ProblemDetails): undefined {
    this.problems.push(rowProblem(this.row.rowNumber, field === null ? null : this.column(field), code, details));
    return undefined;
  }

  domain(field: F | null, issue: DomainErrorData): undefined {
    this.problems.push({
      row: this.row.rowNumber,
      column: field === null ? null : this.column(field),
      code: issue.code,
      message: issue.message,
      ...(issue.details ? { details: issue.details as ProblemDetails } : {}),
    });
    return undefined;
  }

  /** The cell of a field (empty when the column is absent); undefined with a problem for a formula or an error cell; undefined for an over-long cell (reported once by sheetRowProblems). */
  cell(field: F): ImportCell | undefined {
    for (const [index, f] of this.header.fields) {
      if (f !== field) continue;
      const cell = this.row.cells[index] ?? EMPTY_CELL;
      if (cell.kind === 'formula') return this.add(field, 'IMPORT.FORMULA_NOT_ALLOWED');
      if (cell.kind === 'error') return this.add(field, 'IMPORT.CELL_ERROR');
      if (cell.kind === 'text' && cell.text.length > MAX_CELL_LENGTH) return undefined;
      return cell;
    }
    return EMPTY_CELL;
  }

  /** Whether the row has anything in the field's cell (no problem reported). */
  filled(field: F): boolean {
    for (const [index, f] of this.header.fields) if (f === field) return (this.row.cells[index] ?? EMPTY_CELL).kind !== 'empty';
    return false;
  }

  /** Trimmed text; undefined when empty (`required`: with IMPORT.REQUIRED_VALUE). */
  text(field: F, required = false): string | undefined {
    const cell = this.cell(field);
    if (cell === undefined) return undefined;
    const t = cellText(cell);
    if (t === undefined || t === '') return required ? this.add(field, 'IMPORT.REQUIRED_VALUE') : undefined;
    return t;
  }

  date(field: F, required = false): IsoDate | undefined {
    const cell = this.cell(field);
    if (cell === undefined) return undefined;
    if (cell.kind === 'empty') return required ? this.add(field, 'IMPORT.REQUIRED_VALUE') : undefined;
    const d = parseDateCell(cell);
    return d.ok ? d.date : this.add(field, d.code);
  }

  integer(field: F, required = false): number | undefined {
    const cell = this.cell(field);
    if (cell === undefined) return undefined;
    if (cell.kind === 'empty') return required ? this.add(field, 'IMPORT.REQUIRED_VALUE') : undefined;
    const n = cell.kind === 'number' ? cell.value : cell.kind === 'text' && /^\s*\d+\s*$/.test(cell.text) ? Number(cell.text) : NaN;
    return Number.isSafeInteger(n) ? n : this.add(field, 'IMPORT.INVALID_NUMBER');
  }

  choice<T>(field: F, words: ReadonlyMap<string, T>, code: RowProblemCode, required = false): T | undefined {
    const cell = this.cell(field);
    if (cell === undefined) return undefined;
    const t = this.text(field, required);
    if (t === undefined) return undefined;
    const v = words.get(compactKey(t));
    return v === undefined ? this.add(field, code) : v;
  }
}

/** Who a row names: a NIK (compact, structurally valid) and/or a candidate id. */
interface MemberRef {
  readonly nik?: string;
  readonly candidateId?: string;
}

function memberOf<F extends string>(c: Cells<F>, nikField: F, idField: F): MemberRef | undefined {
  if (!c.filled(nikField) && !c.filled(idField)) {
    c.add(c.has(nikField) ? nikField : idField, 'IMPORT.REQUIRED_VALUE');
    return undefined;
  }
  const nikCell = c.cell(nikField);
  let nik: string | undefined;
  if (nikCell?.kind === 'number') c.add(nikField, 'IMPORT.NIK_NOT_TEXT');
  else if (nikCell && nikCell.kind !== 'empty') {
    const raw = cellText(nikCell) ?? '';
    if (/^\d+(?:[.,]\d+)?E\+?\d+$/i.test(raw)) c.add(nikField, 'IMPORT.NIK_NOT_TEXT');
    else {
      const s = checkNikStructure(compactNik(raw));
      if (s.ok) nik = compactNik(raw);
      else c.domain(nikField, s.error);
    }
  }
  const idText = c.text(idField);
  let candidateId: string | undefined;
  if (idText !== undefined) {
    if (UUID_RE.test(idText)) candidateId = idText.toLowerCase();
    else c.add(idField, 'IMPORT.INVALID_CANDIDATE_ID');
  }
  if (nik === undefined && candidateId === undefined) return undefined;
  return { ...(nik !== undefined ? { nik } : {}), ...(candidateId !== undefined ? { candidateId } : {}) };
}

interface KnownCandidate {
  readonly id: string;
  readonly nik: string | null;
  readonly profile: CandidateProfile;
}

/** The registered candidates the rows name (by NIK and by id), looked up in chunks. */
async function findCandidates(em: EntityManager, refs: readonly MemberRef[]): Promise<{ byNik: Map<string, KnownCandidate>; byId: Map<string, KnownCandidate> }> {
  const niks = [...new Set(refs.flatMap((r) => (r.nik ? [r.nik] : [])))];
  const ids = [...new Set(refs.flatMap((r) => (r.candidateId ? [r.candidateId] : [])))];
  const byNik = new Map<string, KnownCandidate>();
  const byId = new Map<string, KnownCandidate>();
  const fork = em.fork();
  const keep = (r: Pick<CandidateRecord, 'id' | 'nik' | 'profile'>): void => {
    const k = { id: r.id, nik: r.nik, profile: r.profile };
    byId.set(r.id, k);
    if (r.nik) byNik.set(r.nik, k);
  };
  for (let i = 0; i < niks.length; i += 1000) {
    for (const r of await fork.find(CandidateRecord, { nik: { $in: niks.slice(i, i + 1000) } }, { fields: ['id', 'nik', 'profile'] })) keep(r);
    fork.clear();
  }
  for (let i = 0; i < ids.length; i += 1000) {
    for (const r of await fork.find(CandidateRecord, { id: { $in: ids.slice(i, i + 1000) } }, { fields: ['id', 'nik', 'profile'] })) keep(r);
    fork.clear();
  }
  return { byNik, byId };
}

/** The candidate a row names, or a problem (unknown; NIK and id of different candidates). */
function resolveMember<F extends string>(c: Cells<F>, ref: MemberRef, found: Awaited<ReturnType<typeof findCandidates>>, nikField: F, idField: F): KnownCandidate | undefined {
  const byNik = ref.nik !== undefined ? found.byNik.get(ref.nik) : undefined;
  const byId = ref.candidateId !== undefined ? found.byId.get(ref.candidateId) : undefined;
  if (ref.nik !== undefined && !byNik) return c.add(nikField, 'IMPORT.UNKNOWN_CANDIDATE');
  if (ref.candidateId !== undefined && !byId) return c.add(idField, 'IMPORT.UNKNOWN_CANDIDATE');
  if (byNik && byId && byNik.id !== byId.id) return c.add(idField, 'IMPORT.CANDIDATE_MISMATCH');
  return byNik ?? byId;
}

// ------------------------------------------------------------------------------------ reading a file

interface ParsedRow<F extends string, V> {
  readonly cells: Cells<F>;
  readonly member?: MemberRef;
  readonly value?: V;
}

export interface TrainingFile<F extends string, V> {
  readonly file: ImportFile;
  readonly asOf: IsoDate;
  readonly header: HeaderMap<F>;
  readonly dataRows: number;
  readonly rows: readonly ParsedRow<F, V>[];
}

interface AttendanceValue {
  readonly sessionNumber?: number;
  readonly sessionDate?: IsoDate;
  readonly mark: AttendanceMark;
}

export type AttendanceFile = TrainingFile<AttendanceField, AttendanceValue> & { readonly kind: 'attendance' };
export type TestResultFile = TrainingFile<TestResultField, OfficialTestResult> & { readonly kind: 'test-results' };

async function readTrainingFile<F extends string, V>(
  filePath: string,
  clock: Clock,
  specs: readonly ColumnSpec<F>[],
  keys: ReadonlyMap<string, ColumnSpec<F>>,
  oneOf: readonly (readonly F[])[],
  parse: (c: Cells<F>, asOf: IsoDate) => { member?: MemberRef; value?: V },
  progress?: ImportProgress,
): Promise<TrainingFile<F, V>> {
  const file = await openImportFile(filePath);
  const asOf = wibDateOf(timestampOf(clock));
  const rows: ParsedRow<F, V>[] = [];
  const { header, dataRows } = await walkSheet(
    readRows(file),
    (h) => mapHeadersFor(h, specs, keys, oneOf),
    (row, header) => {
      const cells = new Cells(row, header, specs);
      const { member, value } = parse(cells, asOf);
      rows.push({ cells, ...(member ? { member } : {}), ...(value !== undefined ? { value } : {}) });
    },
    progress,
  );
  return { file, asOf, header, dataRows, rows };
}

/** Check and read an attendance file (no database); throws ImportFileError for a bad file. */
export async function readAttendanceFile(filePath: string, clock: Clock, progress?: ImportProgress): Promise<AttendanceFile> {
  const read = await readTrainingFile<AttendanceField, AttendanceValue>(
    filePath,
    clock,
    ATTENDANCE_COLUMNS,
    ATTENDANCE_KEYS,
    ATTENDANCE_ONE_OF,
    (c) => {
      const member = memberOf(c, 'nik', 'candidateId');
      if (!c.filled('sessionNumber') && !c.filled('sessionDate')) c.add(c.has('sessionNumber') ? 'sessionNumber' : 'sessionDate', 'IMPORT.REQUIRED_VALUE');
      const sessionNumber = c.integer('sessionNumber');
      const sessionDate = c.date('sessionDate');
      const mark = c.choice('mark', MARK_WORDS, 'IMPORT.INVALID_MARK', true);
      if (mark === undefined || (sessionNumber === undefined && sessionDate === undefined)) return member ? { member } : {};
      return { ...(member ? { member } : {}), value: { ...(sessionNumber !== undefined ? { sessionNumber } : {}), ...(sessionDate !== undefined ? { sessionDate } : {}), mark } };
    },
    progress,
  );
  return { ...read, kind: 'attendance' };
}

/** Check and read a test result file (no database); throws ImportFileError for a bad file. */
export async function readTestResultFile(filePath: string, clock: Clock, progress?: ImportProgress): Promise<TestResultFile> {
  const read = await readTrainingFile<TestResultField, OfficialTestResult>(
    filePath,
    clock,
    TEST_RESULT_COLUMNS,
    TEST_RESULT_KEYS,
    TEST_RESULT_ONE_OF,
    (c, asOf) => {
      const member = memberOf(c, 'nik', 'candidateId');
      const test = c.choice<PracticeTest>('test', TEST_WORDS, 'IMPORT.INVALID_TEST', true);
      const takenOn = c.date('takenOn', true);
      const withMember = member ? { member } : {};
      if (test === undefined) return withMember;
      const pilot = test === 'PILOT_KOREAN';
      for (const f of pilot ? (['score', 'round'] as const) : (['level', 'speakingPassed'] as const)) if (c.filled(f)) c.add(f, 'IMPORT.VALUE_NOT_APPLICABLE');
      if (test !== 'EPS_TOPIK' && !pilot && c.filled('round')) c.add('round', 'IMPORT.VALUE_NOT_APPLICABLE');
      const valueField = pilot ? 'level' : 'score';
      const value = c.integer(valueField, true);
      const speakingPassed = pilot ? c.choice('speakingPassed', YES_NO_WORDS, 'IMPORT.INVALID_BOOLEAN', true) : undefined;
      const round = test === 'EPS_TOPIK' ? (c.text('round') ?? null) : null;
      if (value !== undefined) {
        const problem = scaleProblem(value, practiceScale(test, parameterSnapshot(asOf)), [valueField]);
        if (problem) c.domain(valueField, problem);
      }
      if (takenOn === undefined || value === undefined || (pilot && speakingPassed === undefined) || c.problems.length > 0) return withMember;
      const result: OfficialTestResult =
        test === 'EPS_TOPIK'
          ? { test, takenOn, score: value, round }
          : test === 'PILOT_KOREAN'
            ? { test, takenOn, level: value, speakingPassed: speakingPassed === true }
            : { test, takenOn, score: value };
      return { ...withMember, value: result };
    },
    progress,
  );
  return { ...read, kind: 'test-results' };
}

// ------------------------------------------------------------------------------------ committing

export interface TrainingCommitDeps {
  /** A root EntityManager: the writes run in one transaction on a fork of it. */
  readonly em: EntityManager;
  readonly clock: Clock;
  readonly actor: AuditActor;
  readonly log: Logger;
  readonly progress?: ImportProgress;
  /** Recorded on every audit row of the run; default `import:<random uuid>`. */
  readonly requestId?: string;
  /** A TRAINER's providers (access.ts trainingProviderScope); undefined: any provider (an officer). */
  readonly providerScope?: readonly string[];
}

/** Why the file's transaction failed, without personal data. */
function failureReason(e: unknown): string {
  if (e instanceof UseCaseError) {
    const f = e.failure;
    return f.kind === 'DOMAIN' ? f.error.code : f.kind === 'REJECTED' ? (f.domainCode ?? f.code) : f.kind;
  }
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? `database error ${code}` : e instanceof Error ? e.name : 'error';
}

/** Run `writes` (each one use case call) in ONE transaction; all rows written, or none and the reason. */
async function writeInOneTransaction<W extends { readonly rows: readonly number[] }>(
  units: readonly W[],
  deps: TrainingCommitDeps,
  write: (unit: W, useCaseDeps: UseCaseDeps) => Promise<unknown>,
): Promise<WriteOutcome> {
  const total = units.reduce((n, u) => n + u.rows.length, 0);
  if (units.length === 0) return { written: 0 };
  const requestId = deps.requestId ?? `import:${randomUUID()}`;
  deps.progress?.writing?.(total);
  try {
    let done = 0;
    await deps.em.fork().transactional(async (em) => {
      const useCaseDeps: UseCaseDeps = { em, clock: deps.clock, actor: deps.actor.subject, principal: deps.actor, requestId, log: deps.log };
      for (const unit of units) {
        await write(unit, useCaseDeps);
        em.clear(); // the next use case reads what this one wrote from the database, in this transaction
        done += unit.rows.length;
        deps.progress?.written(done, total);
      }
    });
    return { written: total };
  } catch (e) {
    deps.log.warn({ requestId, reason: failureReason(e) }, 'training import failed; rolled back');
    return { written: 0, failed: { rows: units.flatMap((u) => [...u.rows]).sort((a, b) => a - b), reason: failureReason(e) } };
  }
}

function finish(
  read: TrainingFile<string, unknown> & { readonly kind: 'attendance' | 'test-results' },
  mode: ImportMode,
  problems: ImportProblem[],
  toWrite: readonly number[],
  alreadyImported: readonly number[],
  outcome: WriteOutcome | undefined,
): ImportReport {
  const order = new Map([...read.header.fields].map(([index, field]) => [read.header.headerOf.get(field), index] as const));
  problems.sort((a, b) => (a.row ?? 0) - (b.row ?? 0) || (order.get(a.column ?? undefined) ?? -1) - (order.get(b.column ?? undefined) ?? -1));
  const plan: PlanSummary = {
    dataRows: read.dataRows,
    toWrite,
    alreadyImported: [...alreadyImported].sort((a, b) => a - b),
    problems,
    problemRows: [...new Set(problems.map((p) => p.row).filter((r): r is number => r !== null))],
    notices: read.header.notices,
  };
  return buildReport(read.file, mode, plan, outcome, read.kind);
}

const writes = (mode: ImportMode, problems: readonly ImportProblem[]): boolean => mode === 'SKIP_INVALID' || (mode === 'ALL_OR_NOTHING' && problems.length === 0);

interface SessionWrite {
  readonly sessionNumber: number;
  readonly marks: ReadonlyArray<{ readonly candidateId: string; readonly mark: AttendanceMark }>;
  readonly rows: readonly number[];
}

interface ResolvedMark {
  readonly c: Cells<AttendanceField>;
  readonly session?: number;
  readonly candidateId?: string;
  readonly mark?: AttendanceMark;
}

/** One attendance row against the cohort: its member (ENROLLED?) and its session. */
function resolveMark(r: ParsedRow<AttendanceField, AttendanceValue>, cohort: CohortSnapshot, found: Awaited<ReturnType<typeof findCandidates>>): ResolvedMark {
  const c = r.cells;
  const who = r.member ? resolveMember(c, r.member, found, 'nik', 'candidateId') : undefined;
  if (who) {
    const e = cohort.enrolments.find((x) => x.candidateId === who.id);
    if (!e || e.status !== 'ENROLLED') c.add(r.member?.nik !== undefined ? 'nik' : 'candidateId', 'IMPORT.NOT_ENROLLED', { status: e?.status ?? 'NOT_IN_COHORT' });
  }
  let session: number | undefined;
  const v = r.value;
  if (v) {
    const byNumber = v.sessionNumber !== undefined ? cohort.sessions.find((s) => s.number === v.sessionNumber) : undefined;
    const onDate = v.sessionDate !== undefined ? cohort.sessions.filter((s) => s.date === v.sessionDate) : [];
    if (v.sessionNumber !== undefined && !byNumber) c.add('sessionNumber', 'IMPORT.SESSION_NOT_IN_COHORT');
    else if (v.sessionDate !== undefined && onDate.length === 0) c.add('sessionDate', 'IMPORT.SESSION_NOT_IN_COHORT');
    else if (byNumber && v.sessionDate !== undefined && byNumber.date !== v.sessionDate) c.add('sessionDate', 'IMPORT.SESSION_MISMATCH');
    else if (!byNumber && onDate.length > 1) c.add('sessionDate', 'IMPORT.SESSION_DATE_AMBIGUOUS');
    else session = byNumber?.number ?? onDate[0]?.number;
  }
  return { c, ...(session !== undefined ? { session } : {}), ...(who ? { candidateId: who.id } : {}), ...(v ? { mark: v.mark } : {}) };
}

/**
 * Validate an attendance file against cohort `cohortId` and write it (see the module comment).
 * Throws ImportFileError: `IMPORT.COHORT_NOT_FOUND` (also for another provider's cohort when
 * `providerScope` is given), `IMPORT.COHORT_NOT_RUNNING`.
 */
export async function commitAttendanceImport(read: AttendanceFile, cohortId: string, mode: ImportMode, deps: TrainingCommitDeps): Promise<ImportReport> {
  if (!UUID_RE.test(cohortId)) throw new ImportFileError('IMPORT.COHORT_NOT_FOUND');
  const cohortRows = await loadCohortRows(deps.em.fork(), cohortId.toLowerCase());
  if (!cohortRows || (deps.providerScope !== undefined && !deps.providerScope.includes(cohortRows.cohort.providerPartyId))) throw new ImportFileError('IMPORT.COHORT_NOT_FOUND');
  const cohort: CohortSnapshot = cohortSnapshotOf(cohortRows);
  if (cohort.status !== 'RUNNING') throw new ImportFileError('IMPORT.COHORT_NOT_RUNNING', { status: cohort.status });

  const found = await findCandidates(deps.em, read.rows.flatMap((r) => (r.member ? [r.member] : [])));
  const seated = cohort.enrolments.filter((e) => e.status === 'ENROLLED').map((e) => e.candidateId);

  const resolved = read.rows.map((r) => resolveMark(r, cohort, found));

  // member × session twice in the file
  const bySessionMember = new Map<string, ResolvedMark[]>();
  for (const r of resolved) {
    if (r.session === undefined || r.candidateId === undefined) continue;
    const key = `${r.session}:${r.candidateId}`;
    bySessionMember.set(key, [...(bySessionMember.get(key) ?? []), r]);
  }
  for (const rows of bySessionMember.values()) {
    if (rows.length < 2) continue;
    const list = rows.map((r) => r.c.row.rowNumber).join(', ');
    for (const r of rows) r.c.add(r.c.has('nik') && r.c.filled('nik') ? 'nik' : 'candidateId', 'IMPORT.DUPLICATE_MARK_IN_FILE', { rows: list });
  }

  // a session's record is for the whole class: every ENROLLED member needs a row of that session
  const bySession = new Map<number, ResolvedMark[]>();
  for (const r of resolved) if (r.session !== undefined) bySession.set(r.session, [...(bySession.get(r.session) ?? []), r]);
  for (const [session, rows] of bySession) {
    const named = new Set(rows.flatMap((r) => (r.candidateId ? [r.candidateId] : [])));
    const missing = seated.filter((id) => !named.has(id));
    if (missing.length === 0) continue;
    for (const r of rows) r.c.add(r.c.has('sessionNumber') ? 'sessionNumber' : 'sessionDate', 'IMPORT.SESSION_INCOMPLETE', { session, missingCount: missing.length, missing: missing.join(', ') });
  }

  const problems = resolved.flatMap((r) => r.c.problems);
  const toWrite: SessionWrite[] = [];
  const alreadyImported: number[] = [];
  /** Valid rows of a session that has a problem row: the session is written whole or not at all, so they count as not written. */
  const heldBack: number[] = [];
  for (const [sessionNumber, rows] of [...bySession].sort(([a], [b]) => a - b)) {
    if (rows.some((r) => r.c.problems.length > 0 || r.candidateId === undefined || r.mark === undefined)) {
      heldBack.push(...rows.filter((r) => r.c.problems.length === 0).map((r) => r.c.row.rowNumber));
      continue;
    }
    const marks = rows.map((r) => ({ candidateId: r.candidateId as string, mark: r.mark as AttendanceMark }));
    const numbers = rows.map((r) => r.c.row.rowNumber);
    const stored = cohort.attendance.find((a) => a.sessionNumber === sessionNumber);
    const same = stored !== undefined && stored.marks.length === marks.length && marks.every((m) => stored.marks.some((s) => s.candidateId === m.candidateId && s.mark === m.mark));
    if (same) alreadyImported.push(...numbers);
    else toWrite.push({ sessionNumber, marks, rows: numbers });
  }
  const outcome = writes(mode, problems)
    ? await writeInOneTransaction(toWrite, deps, (s, useCaseDeps) =>
        recordAttendance({ cohortId: cohort.id, sessionNumber: s.sessionNumber, marks: s.marks, ...(deps.providerScope ? { providerScope: deps.providerScope } : {}) }, useCaseDeps),
      )
    : undefined;
  deps.progress?.done();
  return { ...finish(read, mode, problems, [...toWrite.flatMap((s) => [...s.rows]), ...heldBack], alreadyImported, outcome), cohortId: cohort.id };
}

/** The results of `test` a profile holds, as comparable keys (date → the values as text). */
function storedResults(profile: CandidateProfile, test: PracticeTest): Map<string, string> {
  const out = new Map<string, string>();
  if (test === 'EPS_TOPIK') for (const r of profile.epsTopikResults ?? []) out.set(r.takenOn, `${r.score}|${r.round ?? ''}`);
  else if (test === 'PILOT_KOREAN') for (const r of profile.pilotKoreanTests ?? []) out.set(r.takenOn, `${r.level}|${r.speakingPassed}`);
  else for (const r of profile.topikResults ?? []) if (r.test === test) out.set(r.takenOn, `${r.score}`);
  return out;
}

function valuesOf(r: OfficialTestResult): string {
  if (r.test === 'EPS_TOPIK') return `${r.score}|${r.round ?? ''}`;
  if (r.test === 'PILOT_KOREAN') return `${r.level}|${r.speakingPassed}`;
  return `${r.score}`;
}

const LIST_OF: Record<PracticeTest, string> = { EPS_TOPIK: 'epsTopikResults', PILOT_KOREAN: 'pilotKoreanTests', TOPIK_I: 'topikResults', TOPIK_II: 'topikResults' };

/** Validate a test result file against the registered candidates and write it (see the module comment). */
export async function commitTestResultImport(read: TestResultFile, mode: ImportMode, deps: Omit<TrainingCommitDeps, 'providerScope'>): Promise<ImportReport> {
  const found = await findCandidates(deps.em, read.rows.flatMap((r) => (r.member ? [r.member] : [])));
  interface Resolved {
    readonly c: Cells<TestResultField>;
    readonly candidate?: KnownCandidate;
    readonly result?: OfficialTestResult;
  }
  const resolved: Resolved[] = read.rows.map((r) => {
    const c = r.cells;
    const who = r.member ? resolveMember(c, r.member, found, 'nik', 'candidateId') : undefined;
    if (who && r.value) {
      // the domain's own check of the profile with the result appended (a future test date, …), on this result's list only
      const list = LIST_OF[r.value.test];
      for (const issue of listCandidateProfileIssues(withTestResult(who.profile, r.value), { asOf: read.asOf, nikCheck: 'FULL' })) {
        if (issue.path?.[0] === list) c.domain(issue.path[issue.path.length - 1] === 'takenOn' ? 'takenOn' : null, issue);
      }
    }
    return { c, ...(who ? { candidate: who } : {}), ...(r.value ? { result: r.value } : {}) };
  });

  const byKey = new Map<string, Resolved[]>();
  for (const r of resolved) {
    if (!r.candidate || !r.result) continue;
    const key = `${r.candidate.id}|${r.result.test}|${r.result.takenOn}`;
    byKey.set(key, [...(byKey.get(key) ?? []), r]);
  }
  for (const rows of byKey.values()) {
    if (rows.length < 2) continue;
    const list = rows.map((r) => r.c.row.rowNumber).join(', ');
    for (const r of rows) r.c.add('takenOn', 'IMPORT.DUPLICATE_RESULT_IN_FILE', { rows: list });
  }
  const toWrite: Array<{ candidateId: string; result: OfficialTestResult; rows: readonly number[] }> = [];
  const alreadyImported: number[] = [];
  for (const r of resolved) {
    if (!r.candidate || !r.result || r.c.problems.length > 0) continue;
    const stored = storedResults(r.candidate.profile, r.result.test).get(r.result.takenOn);
    if (stored === undefined) toWrite.push({ candidateId: r.candidate.id, result: r.result, rows: [r.c.row.rowNumber] });
    else if (stored === valuesOf(r.result)) alreadyImported.push(r.c.row.rowNumber);
    else r.c.add('takenOn', 'IMPORT.RESULT_ALREADY_RECORDED');
  }
  const problems = resolved.flatMap((r) => r.c.problems);
  const outcome = writes(mode, problems) ? await writeInOneTransaction(toWrite, deps, (w, useCaseDeps) => recordTestResult({ candidateId: w.candidateId, result: w.result }, useCaseDeps)) : undefined;
  deps.progress?.done();
  return finish(read, mode, problems, toWrite.flatMap((w) => [...w.rows]), alreadyImported, outcome);
}
