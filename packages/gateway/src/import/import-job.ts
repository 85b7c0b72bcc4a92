/**
 * The `import_job` table (migration 20261203130000): an import over HTTP, its phase and progress,
 * shared by every replica on the database, so `importProgress` answers wherever it is asked and a
 * repeated request with the same import id finds the first one.
 *
 * Claiming an id is one statement: a new id is inserted; a FAILED import, or one whose replica
 * stopped updating it for STALE_IMPORT_MS (it died), is taken over by a conditional update. Any other
 * state of that id is left alone and the caller is told what it is (a replay, or a conflict).
 */
import type { Clock } from '../clock';
import type { SqlExecutor } from '../security/sql-executor';
import { toDate } from '../security/sql-executor';
import type { ImportFormat } from './import-file';
import type { ImportProgress } from './progress';
import type { ImportKind, ImportMode, ImportReport } from './report';

/** Who may import and ask for an import's progress: OFFICER (of this deployment's city) and ADMIN. */
export const IMPORT_ROLES = ['OFFICER', 'ADMIN'] as const;

export const IMPORT_PHASES = ['VALIDATING', 'WRITING', 'DONE', 'FAILED'] as const;
export type ImportPhase = (typeof IMPORT_PHASES)[number];

/**
 * An import still VALIDATING or WRITING whose row was not updated for this long is taken for dead
 * (its replica stopped) and may be taken over by a request with the same id (10 minutes: a running
 * import updates its row at least every batch, a few times a second).
 */
export const STALE_IMPORT_MS = 10 * 60 * 1000;

export interface ImportJob {
  readonly id: string;
  readonly kind: string;
  readonly actor: string;
  readonly mode: ImportMode;
  readonly format: ImportFormat;
  readonly fileName: string | null;
  readonly fileSha256: string;
  readonly sizeBytes: number;
  readonly phase: ImportPhase;
  readonly rowsDone: number;
  readonly rowsTotal: number | null;
  readonly report: ImportReport | null;
  readonly errorCode: string | null;
  readonly requestId: string | null;
  readonly startedAt: Date;
  readonly updatedAt: Date;
  readonly finishedAt: Date | null;
}

interface JobRow {
  id: string;
  kind: string;
  actor: string;
  mode: ImportMode;
  format: ImportFormat;
  file_name: string | null;
  file_sha256: string;
  size_bytes: number;
  phase: ImportPhase;
  rows_done: number;
  rows_total: number | null;
  report: ImportReport | string | null;
  error_code: string | null;
  request_id: string | null;
  started_at: Date | string;
  updated_at: Date | string;
  finished_at: Date | string | null;
}

const COLUMNS = `"id", "kind", "actor", "mode", "format", "file_name", "file_sha256", "size_bytes", "phase", "rows_done", "rows_total", "report", "error_code", "request_id", "started_at", "updated_at", "finished_at"`;

function toJob(r: JobRow): ImportJob {
  return {
    id: r.id,
    kind: r.kind,
    actor: r.actor,
    mode: r.mode,
    format: r.format,
    fileName: r.file_name,
    fileSha256: r.file_sha256.trim(),
    sizeBytes: Number(r.size_bytes),
    phase: r.phase,
    rowsDone: Number(r.rows_done),
    rowsTotal: r.rows_total === null ? null : Number(r.rows_total),
    report: typeof r.report === 'string' ? (JSON.parse(r.report) as ImportReport) : r.report,
    errorCode: r.error_code,
    requestId: r.request_id,
    startedAt: toDate(r.started_at) as Date,
    updatedAt: toDate(r.updated_at) as Date,
    finishedAt: toDate(r.finished_at),
  };
}

export async function findImportJob(db: SqlExecutor, id: string): Promise<ImportJob | undefined> {
  const rows = await db.all<JobRow>(`select ${COLUMNS} from "import_job" where "id" = ?::uuid`, [id]);
  return rows[0] ? toJob(rows[0]) : undefined;
}

export interface NewImportJob {
  readonly id: string;
  readonly kind: ImportKind;
  readonly actor: string;
  readonly mode: ImportMode;
  readonly format: ImportFormat;
  readonly fileName: string | null;
  readonly fileSha256: string;
  readonly sizeBytes: number;
  readonly requestId: string;
}

/** Whether an existing import of this id may be taken over (see the module comment). */
export function canTakeOver(job: ImportJob, now: Date): boolean {
  return job.phase === 'FAILED' || ((job.phase === 'VALIDATING' || job.phase === 'WRITING') && now.getTime() - job.updatedAt.getTime() >= STALE_IMPORT_MS);
}

/**
 * Start an import under `job.id`: true when this request now owns it (a new id, or a FAILED / dead
 * import of the same actor taken over), false when the id is another import's.
 */
export async function claimImportJob(db: SqlExecutor, job: NewImportJob, clock: Clock): Promise<boolean> {
  const now = clock.now().toISOString();
  const stale = new Date(clock.now().getTime() - STALE_IMPORT_MS).toISOString();
  const rows = await db.all<{ id: string }>(
    `insert into "import_job" ("id", "kind", "actor", "mode", "format", "file_name", "file_sha256", "size_bytes", "phase", "rows_done", "rows_total", "report", "error_code", "request_id", "started_at", "updated_at", "finished_at") ` +
      `values (?::uuid, ?, ?, ?, ?, ?, ?, ?, 'VALIDATING', 0, null, null, null, ?, ?::timestamptz, ?::timestamptz, null) ` +
      `on conflict ("id") do update set "mode" = excluded."mode", "format" = excluded."format", "file_name" = excluded."file_name", ` +
      `"file_sha256" = excluded."file_sha256", "size_bytes" = excluded."size_bytes", "phase" = 'VALIDATING', "rows_done" = 0, "rows_total" = null, ` +
      `"report" = null, "error_code" = null, "request_id" = excluded."request_id", "started_at" = excluded."started_at", "updated_at" = excluded."updated_at", "finished_at" = null ` +
      `where "import_job"."actor" = excluded."actor" and "import_job"."kind" = excluded."kind" ` +
      `and ("import_job"."phase" = 'FAILED' or ("import_job"."phase" in ('VALIDATING', 'WRITING') and "import_job"."updated_at" <= ?::timestamptz)) ` +
      `returning "id"`,
    [job.id, job.kind, job.actor, job.mode, job.format, job.fileName, job.fileSha256, job.sizeBytes, job.requestId, now, now, stale],
  );
  return rows.length === 1;
}

/** Progress of a running import (only while it is VALIDATING or WRITING: a finished import is never changed back). */
export async function updateImportProgress(db: SqlExecutor, id: string, phase: 'VALIDATING' | 'WRITING', rowsDone: number, rowsTotal: number | null, clock: Clock): Promise<void> {
  await db.all(
    `update "import_job" set "phase" = ?, "rows_done" = ?, "rows_total" = ?, "updated_at" = ?::timestamptz where "id" = ?::uuid and "phase" in ('VALIDATING', 'WRITING') returning "id"`,
    [phase, rowsDone, rowsTotal, clock.now().toISOString(), id],
  );
}

/** The end of an import: DONE with its report, or FAILED with a code (and the report when there is one). */
export async function finishImportJob(
  db: SqlExecutor,
  id: string,
  end: { readonly phase: 'DONE' | 'FAILED'; readonly report?: ImportReport; readonly errorCode?: string },
  clock: Clock,
): Promise<void> {
  const r = end.report;
  const rowsDone = r ? (r.mode === 'DRY_RUN' ? r.dataRows : r.written) : 0;
  const rowsTotal = r ? (r.mode === 'DRY_RUN' ? r.dataRows : r.written + r.notWritten) : null;
  const now = clock.now().toISOString();
  await db.all(
    `update "import_job" set "phase" = ?, "report" = ?::jsonb, "error_code" = ?, "rows_done" = ?, "rows_total" = ?, "updated_at" = ?::timestamptz, "finished_at" = ?::timestamptz where "id" = ?::uuid returning "id"`,
    [end.phase, r ? JSON.stringify(r) : null, end.errorCode ?? null, rowsDone, rowsTotal, now, now, id],
  );
}

/**
 * An ImportProgress (import/progress.ts) that records the import's progress in its row. The
 * callbacks are synchronous; the updates run one at a time in the background, the latest state
 * replacing any not yet written (at most one statement in flight). `flush()` waits for the last one.
 * A failed update is logged by the caller's `onError` and does not stop the import.
 */
export function jobProgress(db: SqlExecutor, id: string, clock: Clock, onError: (e: unknown) => void): ImportProgress & { flush(): Promise<void> } {
  let pending: { phase: 'VALIDATING' | 'WRITING'; done: number; total: number | null } | undefined;
  let running: Promise<void> | undefined;
  const pump = (): void => {
    if (running || !pending) return;
    const next = pending;
    pending = undefined;
    running = updateImportProgress(db, id, next.phase, next.done, next.total, clock)
      .catch(onError)
      .finally(() => {
        running = undefined;
        pump();
      });
  };
  const set = (phase: 'VALIDATING' | 'WRITING', done: number, total: number | null): void => {
    pending = { phase, done, total };
    pump();
  };
  return {
    validated: (rows) => set('VALIDATING', rows, null),
    writing: (total) => set('WRITING', 0, total),
    written: (rows, total) => set('WRITING', rows, total),
    done: () => undefined,
    async flush() {
      while (running || pending) {
        pump();
        await running;
      }
    },
  };
}
