import type { Messages } from '@jembatan/domain';
import type { RequestOptions } from '../client/create-client.js';
import type { Upload, UploadBody } from '../client/upload.js';
import { isJembatanError, JembatanError } from '../errors/jembatan-error.js';
import { ImportProgressDocument, type ImportMode, type ImportOutcome, type ImportProgressQuery } from '../generated/graphql.js';
import type { Send } from './send.js';

/** One problem of an import: the sheet's row (header = 1; null: the file), its column as written, a stable code, both languages. */
export interface CandidateImportProblem {
  readonly row: number | null;
  readonly column: string | null;
  /** `IMPORT.*` (a spreadsheet mistake) or the domain's own (`NIK.*`, `PROFILE.*`). */
  readonly code: string;
  readonly message: Messages;
  readonly details?: Readonly<Record<string, string | number | boolean | null>>;
}

/** A column that was ignored (unknown, or known and not stored). */
export interface CandidateImportNotice {
  readonly column: string;
  readonly code: 'IMPORT.UNKNOWN_COLUMN' | 'IMPORT.COLUMN_NOT_STORED';
  readonly message: Messages;
}

/** The import report: the same as `npm run import -- candidates <file> --json` prints. */
export interface CandidateImportReport {
  readonly file: string;
  readonly format: 'csv' | 'xlsx';
  readonly mode: ImportMode;
  readonly outcome: ImportOutcome;
  readonly dataRows: number;
  readonly written: number;
  readonly notWritten: number;
  /** Rows whose candidate is already registered with the same data (not written again). */
  readonly alreadyImported: readonly number[];
  readonly problemRows: readonly number[];
  readonly problems: readonly CandidateImportProblem[];
  readonly notices: readonly CandidateImportNotice[];
  /** A batch failed: these rows were not written (send the file again with the same importId to continue). */
  readonly failedRows?: readonly number[];
  readonly failureReason?: string;
}

export interface CandidateImportResult {
  readonly importId: string;
  /** DONE, or FAILED when a batch failed (see `report.failedRows`). */
  readonly phase: 'DONE' | 'FAILED';
  /** True when the gateway answered with the stored result of an earlier request with the same importId. */
  readonly replayed: boolean;
  readonly report: CandidateImportReport;
}

export interface ImportCandidatesOptions extends Pick<RequestOptions, 'signal' | 'timeoutMs' | 'headers'> {
  /** `kandidat.csv` / `kandidat.xlsx`: tells the kind when `format` is not given, and names the file in the report. */
  readonly filename?: string;
  /** Default: from `filename`, else `csv` for a string body. */
  readonly format?: 'csv' | 'xlsx';
  /** Write nothing; report what would happen. */
  readonly dryRun?: boolean;
  /** Write the valid rows and report the others (default: one invalid row writes nothing). */
  readonly skipInvalid?: boolean;
  /**
   * The import's id (a UUID), sent as `Idempotency-Key`: ask `imports.progress(importId)` while it runs,
   * and send the same file again under it to resume after a failure or get the first answer back.
   * Default: a new `crypto.randomUUID()`.
   */
  readonly importId?: string;
}

export type ImportProgressResult = NonNullable<ImportProgressQuery['importProgress']>;

/** Options of every file import (the same body, parameters and answer as `imports.candidates`). */
export type ImportFileOptions = ImportCandidatesOptions;

/**
 * The report of an attendance or test-result import: the candidate report's counts, problems and
 * notices (`IMPORT.SESSION_INCOMPLETE`, `IMPORT.NOT_ENROLLED`, `TRAINING.SCORE_OUT_OF_SCALE`, …), with its kind.
 */
export interface TrainingImportReport extends CandidateImportReport {
  readonly kind: 'attendance' | 'test-results';
  /** The cohort of an attendance import. */
  readonly cohortId?: string;
}

export interface TrainingImportResult {
  readonly importId: string;
  /** DONE, or FAILED when the file's transaction failed (nothing written; `report.failedRows`). */
  readonly phase: 'DONE' | 'FAILED';
  readonly replayed: boolean;
  readonly report: TrainingImportReport;
}

/** Spreadsheet imports (OFFICER or ADMIN keys): `POST /imports/candidates|attendance|test-results` beside the GraphQL endpoint. */
export interface ImportsApi {
  /**
   * Imports candidates from a CSV or XLSX file. Resolves with the report also when rows have
   * problems (check `report.outcome` / `report.problems`); rejects with a `JembatanError` when the
   * file is refused as a whole (`BAD_USER_INPUT`, `importErrorCode(e)` e.g. `IMPORT.FILE_TOO_LARGE`,
   * `IMPORT.FILE_ZIP_BOMB`), for 401/403, or on `CONFLICT` (`IMPORT.IMPORT_IN_PROGRESS`, `IMPORT.IMPORT_ID_REUSED`).
   * @example await client.imports.candidates(await file.arrayBuffer().then((b) => new Uint8Array(b)), { filename: file.name })
   */
  candidates(file: UploadBody, options?: ImportCandidatesOptions): Promise<CandidateImportResult>;
  /**
   * Imports a cohort's class register (`POST /imports/attendance?cohort=<id>`; OFFICER, ADMIN, or a
   * TRAINER of the cohort's provider). One row per ENROLLED member and session; the cohort must be
   * RUNNING (`CONFLICT`, `IMPORT.COHORT_NOT_RUNNING`); an unknown cohort or another provider's is
   * `NOT_FOUND`-like 404 `IMPORT.COHORT_NOT_FOUND`, a malformed id 400 `IMPORT.BAD_PARAMETER`.
   * Rows with problems resolve with the report, as for candidates.
   * @example await client.imports.attendance(cohortId, csvText, { filename: 'kehadiran.csv', dryRun: true })
   */
  attendance(cohortId: string, file: UploadBody, options?: ImportFileOptions): Promise<TrainingImportResult>;
  /**
   * Imports official Korean test results (`POST /imports/test-results`; OFFICER, ADMIN). Each result is
   * checked on the official scale and recorded through `recordTestResult`; the whole file in one transaction.
   */
  testResults(file: UploadBody, options?: ImportFileOptions): Promise<TrainingImportResult>;
  /** Where an import stands (phase, rows done of total, final counts); null for an unknown id or another credential's import. */
  progress(importId: string, options?: RequestOptions): Promise<ImportProgressResult | null>;
}

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The `IMPORT.*` code of a refused import (`extensions.domainCode` of its first error), or undefined. */
export function importErrorCode(error: unknown): `IMPORT.${string}` | undefined {
  if (!isJembatanError(error)) return undefined;
  const raw = error.graphQLErrors[0]?.extensions['domainCode'];
  return typeof raw === 'string' && /^IMPORT\.[A-Z0-9_]+$/.test(raw) ? (raw as `IMPORT.${string}`) : undefined;
}

type ImportOperation = 'ImportCandidates' | 'ImportAttendance' | 'ImportTestResults';

function invalid(messages: Messages, operationName: ImportOperation = 'ImportCandidates'): JembatanError {
  return new JembatanError({ code: 'INVALID_REQUEST', messages, operationName, operationType: 'mutation' });
}

function formatOf(file: UploadBody, options: ImportCandidatesOptions, op: ImportOperation): 'csv' | 'xlsx' {
  if (options.format === 'csv' || options.format === 'xlsx') return options.format;
  if (options.format !== undefined) throw invalid({ id: 'format harus csv atau xlsx.', en: 'format must be csv or xlsx.' }, op);
  const ext = /\.([A-Za-z]+)$/.exec(options.filename ?? '')?.[1]?.toLowerCase();
  if (ext === 'csv' || ext === 'xlsx') return ext;
  if (ext === undefined && typeof file === 'string') return 'csv';
  throw invalid(
    {
      id: 'Sebutkan filename (.csv atau .xlsx) atau format untuk berkas ini.',
      en: 'Give a filename (.csv or .xlsx) or a format for this file.',
    },
    op,
  );
}

function newImportId(): string | undefined {
  const c = (globalThis as { crypto?: { randomUUID?: () => string } }).crypto;
  return typeof c?.randomUUID === 'function' ? c.randomUUID() : undefined;
}

function isResult(value: Record<string, unknown>): value is Record<string, unknown> & CandidateImportResult {
  const report = value.report as Record<string, unknown> | undefined;
  return typeof value.importId === 'string' && typeof value.phase === 'string' && typeof report === 'object' && report !== null && Array.isArray(report.problems);
}

export function importsApi(send: Send, upload: Upload): ImportsApi {
  async function post(kind: 'candidates' | 'attendance' | 'test-results', op: ImportOperation, file: UploadBody, options: ImportCandidatesOptions, extra: Record<string, string> = {}): Promise<CandidateImportResult> {
    if (typeof file !== 'string' && !(file instanceof Uint8Array) && !(typeof Blob !== 'undefined' && file instanceof Blob)) {
      throw invalid({ id: 'Berkas harus Uint8Array, Blob atau teks.', en: 'The file must be a Uint8Array, a Blob or a string.' }, op);
    }
    const format = formatOf(file, options, op);
    const importId = options.importId ?? newImportId();
    const query: Record<string, string> = { ...extra };
    if (options.dryRun) query.dryRun = 'true';
    if (options.skipInvalid) query.skipInvalid = 'true';
    if (options.filename !== undefined) query.filename = options.filename;
    const result = await upload({
      path: `imports/${kind}`,
      query,
      body: file,
      contentType: format === 'csv' ? 'text/csv; charset=utf-8' : XLSX_TYPE,
      headers: { ...options.headers, ...(importId ? { 'idempotency-key': importId } : {}) },
      signal: options.signal,
      timeoutMs: options.timeoutMs,
      operationName: op,
    });
    if (!isResult(result)) {
      throw new JembatanError({
        code: 'INVALID_RESPONSE',
        messages: { id: 'Jawaban impor tidak berisi importId dan report.', en: 'The import answer holds no importId and report.' },
        operationName: op,
        operationType: 'mutation',
      });
    }
    return { importId: result.importId, phase: result.phase, replayed: result.replayed === true, report: result.report };
  }
  return {
    candidates: (file, options = {}) => post('candidates', 'ImportCandidates', file, options),
    async attendance(cohortId, file, options = {}) {
      if (typeof cohortId !== 'string' || cohortId.trim() === '') {
        throw invalid({ id: 'Sebutkan id kelompok pelatihan (cohortId).', en: 'Give the training cohort id (cohortId).' }, 'ImportAttendance');
      }
      return (await post('attendance', 'ImportAttendance', file, options, { cohort: cohortId })) as unknown as TrainingImportResult;
    },
    testResults: async (file, options = {}) => (await post('test-results', 'ImportTestResults', file, options)) as unknown as TrainingImportResult,
    progress: (importId, options) => send(ImportProgressDocument, { importId }, options).then((d) => d.importProgress ?? null),
  };
}
