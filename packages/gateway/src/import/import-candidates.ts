/**
 * A candidate import, in two steps so that a bad file is refused before the database is touched:
 * `readCandidateFile` checks and reads the whole file (no database), `commitCandidateImport` looks
 * up the NIKs already registered, decides, and writes (or not):
 * - ALL_OR_NOTHING (default): any problem row → nothing is written;
 * - SKIP_INVALID: the valid new rows are written, the problem rows reported;
 * - DRY_RUN: nothing is written; the report says what would happen.
 */
import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { timestampOf, type Clock } from '../clock';
import type { Logger } from '../config/logger';
import { wibDateOf } from '../domain';
import type { AuditActor } from '../security/audit-log';
import { openImportFile, type ImportFile } from './import-file';
import { classifyRows, collectRows } from './plan';
import type { ImportProgress } from './progress';
import { readRows } from './read-rows';
import { buildReport, type ImportMode, type ImportReport } from './report';
import { findExistingCandidates, writeRows } from './write';

export interface ReadFile {
  readonly file: ImportFile;
  readonly collected: Awaited<ReturnType<typeof collectRows>>;
}

/** Check and read a file on the program's date (WIB) of `clock`; throws ImportFileError for a bad file. */
export async function readCandidateFile(filePath: string, clock: Clock, progress?: ImportProgress): Promise<ReadFile> {
  const file = await openImportFile(filePath);
  const collected = await collectRows(readRows(file), wibDateOf(timestampOf(clock)), progress);
  return { file, collected };
}

export interface CommitDeps {
  readonly em: EntityManager;
  readonly clock: Clock;
  readonly actor: AuditActor;
  readonly log: Logger;
  readonly progress?: ImportProgress;
  readonly batchSize?: number;
  /** Recorded on every audit row of the run; default `import:<random uuid>`. */
  readonly requestId?: string;
}

export async function commitCandidateImport(read: ReadFile, mode: ImportMode, deps: CommitDeps): Promise<ImportReport> {
  const existing = await findExistingCandidates(deps.em, read.collected.valid.map((r) => r.nik));
  const plan = classifyRows(read.collected, existing);
  const writes = mode === 'SKIP_INVALID' || (mode === 'ALL_OR_NOTHING' && plan.problems.length === 0);
  if (writes && plan.toWrite.length > 0) deps.progress?.writing?.(plan.toWrite.length);
  const outcome = writes
    ? await writeRows(plan.toWrite, {
        em: deps.em,
        clock: deps.clock,
        actor: deps.actor,
        requestId: deps.requestId ?? `import:${randomUUID()}`,
        log: deps.log,
        ...(deps.batchSize !== undefined ? { batchSize: deps.batchSize } : {}),
        ...(deps.progress ? { onWritten: (n: number, total: number) => deps.progress?.written(n, total) } : {}),
      })
    : undefined;
  deps.progress?.done();
  return buildReport(read.file, mode, plan, outcome);
}

/** Both steps. */
export async function importCandidates(filePath: string, mode: ImportMode, deps: CommitDeps): Promise<ImportReport> {
  return commitCandidateImport(await readCandidateFile(filePath, deps.clock, deps.progress), mode, deps);
}
