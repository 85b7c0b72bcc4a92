/**
 * `POST /imports/candidates` (issue 11): the command-line candidate import (import/*, cli/import.ts)
 * over HTTP, for OFFICER and ADMIN credentials. The training kinds work alike (import/import-training.ts):
 * `POST /imports/attendance?cohort=<cohort id>` (OFFICER, ADMIN, or a TRAINER of the cohort's provider:
 * access.ts trainingProviderScope; another provider's cohort is 404 `IMPORT.COHORT_NOT_FOUND` like a
 * missing one) and `POST /imports/test-results` (OFFICER, ADMIN: official results are the officer's).
 * Their whole file is written in one transaction (a failed write: phase FAILED, nothing written).
 * The file is the raw request body:
 *
 *   POST /imports/candidates?dryRun=false&skipInvalid=false&filename=kandidat.xlsx
 *   Content-Type: text/csv | application/vnd.openxmlformats-officedocument.spreadsheetml.sheet
 *                 (or application/octet-stream with a .csv / .xlsx file name)
 *   Idempotency-Key: <uuid>        (optional; or ?importId=<uuid>)
 *
 * The file name comes from `filename` or `Content-Disposition: attachment; filename="…"`; when both a
 * media type and a name are given they must agree. Order of the checks, each refusal in the gateway's
 * error shape (`extensions.code` the public code, `extensions.domainCode` the import's stable
 * `IMPORT.*` code, bilingual `messages`, `details`, `requestId`):
 * 1. credential (401 UNAUTHENTICATED), role OFFICER of this city or ADMIN (403 FORBIDDEN), parameters
 *    (400), media type (415), a declared Content-Length over MAX_FILE_BYTES (413) — before any byte of
 *    the body is read;
 * 2. the body is streamed to a private temporary file, counting bytes: past MAX_FILE_BYTES it stops
 *    reading and answers 413 `IMPORT.FILE_TOO_LARGE` (nothing is buffered beyond the cap);
 * 3. the file goes through the CLI's own modules (readCandidateFile, commitCandidateImport): first
 *    bytes, zip bomb and encrypted-workbook checks, every row validated before anything is written,
 *    all or nothing (default), `skipInvalid=true`, `dryRun=true`, whole-batch transactions through
 *    registerCandidates (one audit row per candidate, request id `import:<importId>`). A refused file
 *    is 422 (413 for size) and writes nothing.
 *
 * A file that was read answers 200 with `{ importId, phase, replayed, report }`, `report` being the
 * CLI's `--json` report (counts, problems with row, column, code and `message {id, en}`); `phase` is
 * DONE, or FAILED when a batch failed (re-send to continue: rows already written are skipped). The
 * import id (`X-Jembatan-Import-Id` too) is the client's Idempotency-Key when sent, else a new UUID;
 * `importProgress(importId)` in GraphQL tells the phase and rows done while it runs, from any replica.
 * The same key with the same file and mode once DONE answers the stored report (`replayed: true`)
 * without running again; with another file or mode, or from another credential, 409
 * `IMPORT.IMPORT_ID_REUSED`; while it runs, 409 `IMPORT.IMPORT_IN_PROGRESS`. Without a key, sending
 * the same file again is still harmless: every row is reported as already imported.
 *
 * Mounted behind the middleware of `/graphql` (http/app.ts): CORS, the rate limit, authentication,
 * the in-flight limit; no JSON body parser and no request deadline (a large import runs longer than a
 * query; every statement keeps PostgreSQL's statement timeout).
 */
import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import express, { type Request, type Response } from 'express';
import type { Clock } from '../clock';
import type { Logger } from '../config/logger';
import type { Orm } from '../db/orm';
import { GatewayError } from '../graphql/errors';
import {
  commitAttendanceImport,
  commitCandidateImport,
  commitTestResultImport,
  ImportFileError,
  MAX_FILE_BYTES,
  readAttendanceFile,
  readCandidateFile,
  readTestResultFile,
  type ImportKind,
  type ImportMode,
  type ImportReport,
} from '../import';
import { trainingProviderScope } from '../graphql/access';
import type { ImportFormat } from '../import/import-file';
import { canTakeOver, claimImportJob, IMPORT_ROLES, finishImportJob, findImportJob, jobProgress, type ImportJob, type ImportPhase } from '../import/import-job';
import { deploymentPrincipal } from '../security/auth-checker';
import { notFoundHandler } from '../security/http-headers';
import { ANONYMOUS, hasAnyRole, isAuthenticated, type Principal } from '../security/role';
import { AuthenticationRequiredError, ForbiddenError } from '../security/security-error';
import { emExecutor, type SqlExecutor } from '../security/sql-executor';

export interface ImportsRouteOptions {
  readonly orm: Orm;
  readonly log: Logger;
  readonly city: string;
  readonly clock: Clock;
  /** Largest body accepted; default MAX_FILE_BYTES (the CLI's file limit). */
  readonly maxBytes?: number;
}

const MEDIA_TYPES: Record<string, ImportFormat | 'by-name'> = {
  'text/csv': 'csv',
  'application/csv': 'csv',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
  'application/octet-stream': 'by-name',
};

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** HTTP status of each refusal; the public code is BAD_USER_INPUT except for the id conflicts (CONFLICT). */
const STATUS_OF: Partial<Record<ImportFileError['code'], number>> = {
  'IMPORT.FILE_TOO_LARGE': 413,
  'IMPORT.UNSUPPORTED_MEDIA_TYPE': 415,
  'IMPORT.MEDIA_TYPE_MISMATCH': 415,
  'IMPORT.FILE_EXTENSION': 415,
  'IMPORT.BAD_PARAMETER': 400,
  'IMPORT.IMPORT_ID_INVALID': 400,
  'IMPORT.BODY_INCOMPLETE': 400,
  'IMPORT.IMPORT_IN_PROGRESS': 409,
  'IMPORT.IMPORT_ID_REUSED': 409,
  'IMPORT.COHORT_NOT_FOUND': 404,
  'IMPORT.COHORT_NOT_RUNNING': 409,
};

export interface ImportResponseBody {
  readonly importId: string;
  readonly phase: ImportPhase;
  /** True when this is the stored answer of an earlier request with the same Idempotency-Key. */
  readonly replayed: boolean;
  readonly report: ImportReport;
}

interface ImportRequest {
  readonly mode: ImportMode;
  readonly format: ImportFormat;
  readonly fileName: string | null;
  readonly importId: string;
  /** The client chose the id (Idempotency-Key / importId). */
  readonly clientId: boolean;
  /** `cohort` (attendance only): the cohort's id. */
  readonly cohortId?: string;
}

function single(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (Array.isArray(value) && value.length === 1 && typeof value[0] === 'string') return value[0];
  return value === undefined ? undefined : '\u0000'; // repeated or nested: refused below
}

function flag(query: Record<string, unknown>, name: string): boolean {
  const v = single(query[name]);
  if (v === undefined || v === 'false' || v === '0') return false;
  if (v === 'true' || v === '1' || v === '') return true;
  throw new ImportFileError('IMPORT.BAD_PARAMETER', { parameter: name });
}

/** `filename="…"` / `filename*=UTF-8''…` of a Content-Disposition header. */
export function dispositionFileName(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const star = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(header);
  if (star?.[1]) {
    try {
      return decodeURIComponent(star[1].trim());
    } catch {
      return undefined;
    }
  }
  const plain = /filename\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^;\s]+))/.exec(header);
  return plain ? (plain[1] ?? plain[2])?.replace(/\\(.)/g, '$1') : undefined;
}

function formatOfName(name: string): ImportFormat {
  const ext = path.extname(name).toLowerCase();
  if (ext === '.csv') return 'csv';
  if (ext === '.xlsx') return 'xlsx';
  throw new ImportFileError('IMPORT.FILE_EXTENSION', { extension: ext.slice(0, 20) });
}

/** The mode, format, file name and import id of a request (refusals: 400, 415). */
export function importRequestOf(req: Request, kind: ImportKind = 'candidates'): ImportRequest {
  const query = req.query as Record<string, unknown>;
  const dryRun = flag(query, 'dryRun');
  const skipInvalid = flag(query, 'skipInvalid');
  const mode: ImportMode = dryRun ? 'DRY_RUN' : skipInvalid ? 'SKIP_INVALID' : 'ALL_OR_NOTHING';

  const named = single(query['filename']) ?? dispositionFileName(req.headers['content-disposition']);
  if (named !== undefined && (named.length === 0 || named.length > 255 || /[\u0000-\u001f\u007f]/.test(named))) throw new ImportFileError('IMPORT.BAD_PARAMETER', { parameter: 'filename' });
  const fileName = named === undefined ? null : path.basename(named.replace(/\\/g, '/'));

  const mediaType = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  const byType = mediaType === '' ? 'by-name' : MEDIA_TYPES[mediaType];
  if (byType === undefined) throw new ImportFileError('IMPORT.UNSUPPORTED_MEDIA_TYPE', { mediaType: mediaType.slice(0, 100) });
  const byName = fileName === null ? undefined : formatOfName(fileName);
  if (byType === 'by-name' && byName === undefined) throw new ImportFileError('IMPORT.UNSUPPORTED_MEDIA_TYPE', { mediaType: mediaType || null });
  if (byType !== 'by-name' && byName !== undefined && byType !== byName) throw new ImportFileError('IMPORT.MEDIA_TYPE_MISMATCH', { mediaType, extension: path.extname(fileName ?? '') });
  const format = (byType === 'by-name' ? byName : byType) as ImportFormat;

  const key = single(req.headers['idempotency-key']) ?? single(query['importId']);
  if (key !== undefined && !UUID_RE.test(key)) throw new ImportFileError('IMPORT.IMPORT_ID_INVALID');
  const cohort = single(query['cohort']);
  if (kind === 'attendance' ? cohort === undefined || !UUID_RE.test(cohort) : cohort !== undefined) throw new ImportFileError('IMPORT.BAD_PARAMETER', { parameter: 'cohort' });
  return { mode, format, fileName, importId: (key ?? randomUUID()).toLowerCase(), clientId: key !== undefined, ...(cohort !== undefined ? { cohortId: cohort.toLowerCase() } : {}) };
}

interface Received {
  readonly sizeBytes: number;
  readonly sha256: string;
}

/**
 * The body into `file`, counting bytes: more than `maxBytes` (declared or sent) refuses with
 * IMPORT.FILE_TOO_LARGE and stops reading; a body cut short is IMPORT.BODY_INCOMPLETE.
 */
export function receiveBody(req: Request, file: string, maxBytes: number): Promise<Received> {
  const declared = req.headers['content-length'] === undefined ? undefined : Number(req.headers['content-length']);
  if (declared !== undefined && declared > maxBytes) return Promise.reject(new ImportFileError('IMPORT.FILE_TOO_LARGE', { sizeBytes: declared, maxBytes }));
  return new Promise<Received>((resolve, reject) => {
    const hash = createHash('sha256');
    const out = createWriteStream(file, { mode: 0o600 });
    let size = 0;
    let settled = false;
    const fail = (e: Error): void => {
      if (settled) return;
      settled = true;
      req.pause();
      req.removeListener('data', onData);
      out.destroy();
      reject(e);
    };
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size > maxBytes) return fail(new ImportFileError('IMPORT.FILE_TOO_LARGE', { maxBytes }));
      hash.update(chunk);
      if (!out.write(chunk)) {
        req.pause();
        out.once('drain', () => req.resume());
      }
    };
    req.on('data', onData);
    req.once('end', () => {
      if (settled) return;
      out.end(() => {
        if (settled) return;
        settled = true;
        resolve({ sizeBytes: size, sha256: hash.digest('hex') });
      });
    });
    req.once('aborted', () => fail(new ImportFileError('IMPORT.BODY_INCOMPLETE')));
    req.once('error', () => fail(new ImportFileError('IMPORT.BODY_INCOMPLETE')));
    req.once('close', () => {
      if (!req.complete) fail(new ImportFileError('IMPORT.BODY_INCOMPLETE'));
    });
    out.once('error', (e) => fail(e));
  });
}

function refuse(res: Response, req: Request, error: GatewayError | ImportFileError, importId?: string): void {
  const body =
    error instanceof ImportFileError
      ? {
          message: error.messages.en,
          extensions: {
            code: STATUS_OF[error.code] === 409 ? 'CONFLICT' : STATUS_OF[error.code] === 404 ? 'NOT_FOUND' : 'BAD_USER_INPUT',
            domainCode: error.code,
            messages: error.messages,
            ...(Object.keys(error.details).length ? { details: error.details } : {}),
            ...(importId ? { importId } : {}),
            requestId: req.requestId,
          },
        }
      : { message: error.message, extensions: { ...error.extensions, requestId: req.requestId } };
  const status = error instanceof ImportFileError ? (STATUS_OF[error.code] ?? 422) : error.code === 'UNAUTHENTICATED' ? 401 : error.code === 'FORBIDDEN' ? 403 : 400;
  // a refusal before or while the body is read: the rest of it is not wanted on this connection
  if (!req.complete) res.setHeader('Connection', 'close');
  res.status(status).json({ errors: [body] });
}

function principalOf(req: Request, options: ImportsRouteOptions): Principal {
  return deploymentPrincipal(req.principal ?? ANONYMOUS, options.city).principal;
}

/** What an existing import under the requested id means for this request (before the body is read). */
function earlyConflict(job: ImportJob | undefined, principal: Principal, now: Date, kind: ImportKind): ImportFileError | undefined {
  if (!job) return undefined;
  if (job.actor !== principal.subject || job.kind !== kind) return new ImportFileError('IMPORT.IMPORT_ID_REUSED');
  if ((job.phase === 'VALIDATING' || job.phase === 'WRITING') && !canTakeOver(job, now)) return new ImportFileError('IMPORT.IMPORT_IN_PROGRESS');
  return undefined;
}

function send(res: Response, body: ImportResponseBody): void {
  res.setHeader('X-Jembatan-Import-Id', body.importId);
  res.setHeader('Cache-Control', 'no-store');
  res.status(200).json(body);
}

/** Read, check and write a received file under an import id this request owns; the job row ends DONE or FAILED. */
async function runClaimedImport(
  kind: ImportKind,
  file: string,
  request: ImportRequest,
  principal: Principal,
  { db, log, options }: { readonly db: SqlExecutor; readonly log: Logger; readonly options: ImportsRouteOptions },
): Promise<ImportResponseBody> {
  const { importId } = request;
  const progress = jobProgress(db, importId, options.clock, (e) => log.warn({ err: e, importId }, 'import progress not recorded'));
  let report: ImportReport;
  try {
    const deps = { em: options.orm.em, clock: options.clock, actor: principal, log, progress, requestId: `import:${importId}` };
    if (kind === 'attendance') {
      const scope = trainingProviderScope(principal);
      report = await commitAttendanceImport(await readAttendanceFile(file, options.clock, progress), request.cohortId ?? '', request.mode, { ...deps, ...(scope ? { providerScope: scope } : {}) });
    } else if (kind === 'test-results') {
      report = await commitTestResultImport(await readTestResultFile(file, options.clock, progress), request.mode, deps);
    } else {
      report = await commitCandidateImport(await readCandidateFile(file, options.clock, progress), request.mode, deps);
    }
  } finally {
    await progress.flush();
  }
  const shown: ImportReport = { ...report, file: request.fileName ?? `upload.${request.format}` };
  // a failed batch: whole batches before it are written; sending the file again under the id continues
  const phase: ImportPhase = shown.failedRows ? 'FAILED' : 'DONE';
  await finishImportJob(db, importId, { phase, report: shown, ...(shown.failedRows ? { errorCode: 'IMPORT.BATCH_FAILED' } : {}) }, options.clock);
  log.info({ importId, mode: shown.mode, outcome: shown.outcome, rows: shown.dataRows, written: shown.written, problems: shown.problems.length }, 'import finished');
  return { importId, phase, replayed: false, report: shown };
}

export function importsRouter(options: ImportsRouteOptions): express.Router {
  const router = express.Router();
  const maxBytes = options.maxBytes ?? MAX_FILE_BYTES;

  const handle = (kind: ImportKind) => async (req: Request, res: Response, next: express.NextFunction): Promise<void> => {
    const principal = principalOf(req, options);
    const log = req.log ?? options.log;
    const db = emExecutor(options.orm.em.fork());
    let request: ImportRequest;
    try {
      if (!isAuthenticated(principal)) throw new AuthenticationRequiredError();
      if (!hasAnyRole(principal, kind === 'attendance' ? [...IMPORT_ROLES, 'TRAINER'] : IMPORT_ROLES)) throw new ForbiddenError();
      request = importRequestOf(req, kind);
      const conflict = request.clientId ? earlyConflict(await findImportJob(db, request.importId), principal, options.clock.now(), kind) : undefined;
      if (conflict) throw conflict;
    } catch (e) {
      if (e instanceof GatewayError || e instanceof ImportFileError) return refuse(res, req, e);
      return next(e);
    }

    const { importId } = request;
    const dir = await mkdtemp(path.join(tmpdir(), 'jembatan-upload-'));
    let claimed = false;
    try {
      const file = path.join(dir, `upload.${request.format}`);
      const received = await receiveBody(req, file, maxBytes);

      claimed = await claimImportJob(
        db,
        { id: importId, kind, actor: principal.subject, mode: request.mode, format: request.format, fileName: request.fileName, fileSha256: received.sha256, sizeBytes: received.sizeBytes, requestId: req.requestId ?? `import:${importId}` },
        options.clock,
      );
      if (!claimed) {
        const job = await findImportJob(db, importId);
        if (job && job.phase === 'DONE' && job.report && job.actor === principal.subject && job.fileSha256 === received.sha256 && job.mode === request.mode && job.report.cohortId === request.cohortId) {
          log.info({ importId }, 'import replayed (same Idempotency-Key, same file)');
          return send(res, { importId, phase: 'DONE', replayed: true, report: job.report });
        }
        const running = job && job.actor === principal.subject && (job.phase === 'VALIDATING' || job.phase === 'WRITING');
        return refuse(res, req, new ImportFileError(running ? 'IMPORT.IMPORT_IN_PROGRESS' : 'IMPORT.IMPORT_ID_REUSED'), importId);
      }

      return send(res, await runClaimedImport(kind, file, request, principal, { db, log, options }));
    } catch (e) {
      if (claimed) {
        await finishImportJob(db, importId, { phase: 'FAILED', errorCode: e instanceof ImportFileError ? e.code : 'INTERNAL_SERVER_ERROR' }, options.clock).catch((err: unknown) =>
          log.warn({ err, importId }, 'import failure not recorded'),
        );
      }
      if (e instanceof ImportFileError) {
        log.info({ importId, code: e.code }, 'import refused');
        return refuse(res, req, e, claimed ? importId : undefined);
      }
      return next(e);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  };
  router.post('/candidates', handle('candidates'));
  router.post('/attendance', handle('attendance'));
  router.post('/test-results', handle('test-results'));
  router.use(notFoundHandler);
  return router;
}
