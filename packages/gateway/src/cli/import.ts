/**
 * `npm run import -- <command>`: spreadsheet imports from a shell (issue 11).
 *
 *   candidates <file.csv|file.xlsx> [--dry-run] [--skip-invalid] [--json]
 *   attendance <file.csv|file.xlsx> --cohort <cohort id> [--dry-run] [--skip-invalid] [--json]
 *   test-results <file.csv|file.xlsx> [--dry-run] [--skip-invalid] [--json]
 *   template candidates|attendance|test-results [out-file.csv|out-file.xlsx]   (no out-file: the CSV on stdout)
 *
 * attendance and test-results (import/import-training.ts): the file is validated in full against
 * the cohort / the registered candidates, then written in ONE transaction through the
 * recordAttendance / recordTestResult use cases (whole file or nothing; re-importing the same file
 * writes nothing new). A missing or unknown cohort, or one not RUNNING, exits 2.
 *
 * The file is checked and read in full first (no database yet): a bad file (too large, wrong
 * extension or content, encrypted, a zip bomb, empty, too many rows, missing columns) is refused with
 * its code on stderr and exit code 2, and nothing is written. Then the NIKs are looked up and, unless
 * a row has a problem (all or nothing; `--skip-invalid` writes the valid rows), the rows are written
 * in transactions of whole batches through the registerCandidates use case (audit rows with actor
 * `cli:<os user>`, request id `import:<uuid>`). `--dry-run` writes nothing.
 *
 * The report goes to stdout (`--json`: one JSON object), progress to stderr. Exit codes: 0 every row
 * registered (or already registered); 1 problem rows or a failed batch (see the report; re-running
 * continues, already imported rows are skipped); 2 a bad file, bad arguments or configuration.
 *
 * Database: as `npm run api-key`: DATABASE_URL, or the embedded PostgreSQL in JEMBATAN_DATA_DIR (the
 * running gateway's server, or started for the command). The database must be migrated.
 */
import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { systemClock, type Clock } from '../clock';
import { createLogger, type Logger } from '../config/logger';
import { createOrm, type Orm } from '../db/orm';
import {
  commitAttendanceImport,
  commitCandidateImport,
  commitTestResultImport,
  exitCodeOf,
  formatReport,
  ImportFileError,
  readAttendanceFile,
  readCandidateFile,
  readTestResultFile,
  writeTemplate,
  type ImportKind,
  type ImportMode,
  type ImportReport,
} from '../import';
import { progressReporter, type ProgressSink } from '../import/progress';
import type { AuditActor } from '../security/audit-log';
import { cliUser, reportOtherFailure } from './cli-common';
import { commandDatabase } from './command-database';

export interface ImportCliIo {
  readonly env: NodeJS.ProcessEnv;
  readonly stdout: (text: string) => void;
  readonly stderr: ProgressSink;
  /** Default the system clock. */
  readonly clock?: Clock;
}

export const USAGE = `Usage:
  import candidates <file.csv|file.xlsx> [--dry-run] [--skip-invalid] [--json]
  import attendance <file.csv|file.xlsx> --cohort <cohort id> [--dry-run] [--skip-invalid] [--json]
  import test-results <file.csv|file.xlsx> [--dry-run] [--skip-invalid] [--json]
  import template candidates|attendance|test-results [out-file.csv|out-file.xlsx]
Attendance marks: HADIR/PRESENT, ALPA/ABSENT, IZIN/EXCUSED (SAKIT = IZIN; H/A/I/S).
Exit codes: 0 all rows registered, 1 problem rows or a failed batch, 2 bad file or arguments.
Database: DATABASE_URL, or the embedded PostgreSQL in JEMBATAN_DATA_DIR.
`;

const OPTIONS = {
  'dry-run': { type: 'boolean' },
  'skip-invalid': { type: 'boolean' },
  json: { type: 'boolean' },
  cohort: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

interface Database {
  readonly orm: Orm;
  close(): Promise<void>;
}

/** The database URL (DATABASE_URL, the running embedded cluster, or one started now). */
async function openDatabase(io: ImportCliIo, log: Logger): Promise<Database> {
  const { url, embedded } = await commandDatabase(io.env, log);
  try {
    const orm = await createOrm({ clientUrl: url, log, poolMax: 2 });
    return {
      orm,
      close: async () => {
        await orm.close(true).catch(() => undefined);
        await embedded?.stop();
      },
    };
  } catch (e) {
    await embedded?.stop();
    throw e;
  }
}

async function assertMigrated(orm: Orm): Promise<void> {
  const rows = await orm.em.fork().execute<Array<{ c: string | null; a: string | null }>>(`select to_regclass('public.candidate') as c, to_regclass('public.audit_log') as a`);
  if (!rows[0]?.c || !rows[0].a) throw new ImportFileError('IMPORT.DATABASE_NOT_READY');
}

function cliActor(): AuditActor {
  return { kind: 'system', subject: `cli:${cliUser()}`, roles: ['OFFICER'] };
}

function modeOf(values: { 'dry-run'?: boolean; 'skip-invalid'?: boolean }): ImportMode {
  return values['dry-run'] ? 'DRY_RUN' : values['skip-invalid'] ? 'SKIP_INVALID' : 'ALL_OR_NOTHING';
}

async function runCandidates(file: string, mode: ImportMode, json: boolean, io: ImportCliIo): Promise<number> {
  const clock = io.clock ?? systemClock;
  const log = createLogger('warn', { write: (line: string) => io.stderr.write(line) });
  const progress = progressReporter(io.stderr);
  const read = await readCandidateFile(file, clock, progress);
  const db = await openDatabase(io, log);
  try {
    await assertMigrated(db.orm);
    const report = await commitCandidateImport(read, mode, { em: db.orm.em, clock, actor: cliActor(), log, progress });
    io.stdout(json ? `${JSON.stringify(report)}\n` : formatReport(report));
    return exitCodeOf(report);
  } finally {
    await db.close();
  }
}

/** The training kinds: read the file (no database), then validate against the database and write. */
async function runTraining(kind: 'attendance' | 'test-results', file: string, cohort: string | undefined, mode: ImportMode, json: boolean, io: ImportCliIo): Promise<number> {
  const clock = io.clock ?? systemClock;
  const log = createLogger('warn', { write: (line: string) => io.stderr.write(line) });
  const progress = progressReporter(io.stderr);
  const read = kind === 'attendance' ? await readAttendanceFile(file, clock, progress) : await readTestResultFile(file, clock, progress);
  const db = await openDatabase(io, log);
  try {
    await assertMigrated(db.orm);
    const deps = { em: db.orm.em, clock, actor: cliActor(), log, progress };
    let report: ImportReport;
    if (read.kind === 'attendance') report = await commitAttendanceImport(read, cohort ?? '', mode, deps);
    else report = await commitTestResultImport(read, mode, deps);
    io.stdout(json ? `${JSON.stringify(report)}\n` : formatReport(report));
    return exitCodeOf(report);
  } finally {
    await db.close();
  }
}

const TEMPLATE_KINDS: readonly string[] = ['candidates', 'attendance', 'test-results'] satisfies ImportKind[];

function reportFailure(e: unknown, json: boolean, io: ImportCliIo): number {
  if (e instanceof ImportFileError) {
    if (json) io.stdout(`${JSON.stringify({ error: { code: e.code, messages: e.messages, details: e.details } })}\n`);
    const details = Object.entries(e.details).map(([k, v]) => `${k}=${String(v)}`).join(' ');
    io.stderr.write(`${e.code}${details ? ` (${details})` : ''}\n  ${e.messages.id}\n  ${e.messages.en}\n`);
    return 2;
  }
  return reportOtherFailure(e, 'import', (t) => io.stderr.write(t));
}

/** Run one command; resolves with the process exit code. */
export async function runImportCli(argv: readonly string[], io: ImportCliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], allowPositionals: true, options: OPTIONS });
  } catch (e) {
    io.stderr.write(`${(e as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  const [command, target, file] = positionals;
  const json = values.json === true;
  try {
    if (!values.help && command === 'candidates' && target !== undefined && positionals.length === 2) {
      return await runCandidates(target, modeOf(values), json, io);
    }
    if (!values.help && command === 'attendance' && target !== undefined && positionals.length === 2 && values.cohort !== undefined) {
      return await runTraining('attendance', target, values.cohort, modeOf(values), json, io);
    }
    if (!values.help && command === 'test-results' && target !== undefined && positionals.length === 2 && values.cohort === undefined) {
      return await runTraining('test-results', target, undefined, modeOf(values), json, io);
    }
    if (!values.help && command === 'template' && target !== undefined && TEMPLATE_KINDS.includes(target) && positionals.length <= 3) {
      const where = await writeTemplate(file, io.stdout, target as ImportKind);
      if (where !== 'stdout') io.stderr.write(`Template written to ${where}\n`);
      return 0;
    }
  } catch (e) {
    return reportFailure(e, json, io);
  }
  if (values.help) io.stdout(USAGE);
  else io.stderr.write(USAGE);
  return values.help ? 0 : 2;
}

if (require.main === module) {
  runImportCli(process.argv.slice(2), { env: process.env, stdout: (t) => process.stdout.write(t), stderr: process.stderr }).then(
    (code) => process.exit(code),
    (e: unknown) => {
      process.stderr.write(`import failed: ${e instanceof Error ? e.message : String(e)}\n`);
      process.exit(1);
    },
  );
}
