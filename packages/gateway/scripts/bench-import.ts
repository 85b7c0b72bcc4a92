/**
 * Speed of the candidate import writer (issue 11): generate a CSV of N valid synthetic candidates,
 * then import it with `importCandidates` (the code the CLI and `POST /imports/candidates` run) into a
 * throw-away embedded PostgreSQL, and print the time of each phase (read + validate, NIK look-up and
 * plan, write) and rows per second of the write.
 *
 *   node -r ./test/support/swc-register.js scripts/bench-import.ts [--rows 1000] [--batch 100]
 *   node --cpu-prof --cpu-prof-dir=/tmp/prof -r ./test/support/swc-register.js scripts/bench-import.ts
 *   node -r ./test/support/swc-register.js scripts/bench-import.ts --one-by-one   # the writer before issue 11's
 *       batching: each row through registerCandidate (a savepoint, a NIK look-up, an audit INSERT and
 *       a unit-of-work flush per row) in transactions of 100, for a before/after figure
 *
 * Database: DATABASE_URL (a throw-away database: candidates are added), or a throw-away embedded
 * PostgreSQL in a temporary directory (default, fsync off). The rows are synthetic: NIKs of regency
 * code 36.98, which does not exist (Banten's are 36.01–36.04 and 36.71–36.74; the demo uses 36.99),
 * so never a real person's, with the birth date and sex they encode; note "[CONTOH] bench-import".
 */
import 'reflect-metadata';
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fixedClock } from '../src/clock';
import { createLogger } from '../src/config/logger';
import { startEmbeddedPostgres } from '../src/db/embedded-postgres';
import { createOrm, migrate } from '../src/db/orm';
import { commitCandidateImport, readCandidateFile } from '../src/import';
import { registerCandidate } from '../src/use-cases/register-candidate.use-case';

const log = createLogger('warn');
const KECAMATAN = ['Serang', 'Kasemen', 'Walantaka', 'Curug', 'Cipocok Jaya', 'Taktakan'];
const TARGETS = ['E7_3,WELDER', 'E7_3,SHIP_PAINTER', 'E9,MANUFACTURING_WORKER', ','];
const HEADER = 'NIK,Nama,Tanggal Lahir,Jenis Kelamin,Kecamatan,Kabupaten/Kota,Pendidikan,Rute,Jabatan,Catatan';
const pad = (n: number, w: number): string => String(n).padStart(w, '0');

/** Row `i` (0-based): a unique NIK 3698 KK DDMMYY SSSS (women +40 on the day) and its declared birth date and sex. */
export function benchImportLine(i: number): string {
  const seq = 1 + (i % 9999);
  const birth = new Date(Date.UTC(1985, 0, 1) + ((seq * 7919) % 6000) * 86_400_000 + Math.floor(i / 9999) * 97 * 86_400_000);
  const female = i % 3 === 1;
  const d = birth.getUTCDate();
  const nik = `3698${pad(1 + (i % 6), 2)}${pad(d + (female ? 40 : 0), 2)}${pad(birth.getUTCMonth() + 1, 2)}${pad(birth.getUTCFullYear() % 100, 2)}${pad(seq, 4)}`;
  const date = `${pad(d, 2)}/${pad(birth.getUTCMonth() + 1, 2)}/${birth.getUTCFullYear()}`;
  return `${nik},Contoh ${i},${date},${female ? 'P' : 'L'},${KECAMATAN[i % 6]},Kota Serang,SLTA,${TARGETS[i % TARGETS.length]},[CONTOH] bench-import`;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { rows: { type: 'string' }, batch: { type: 'string' }, 'one-by-one': { type: 'boolean' } } });
  const rows = Number(values.rows ?? 1000);
  const dir = await mkdtemp(path.join(tmpdir(), 'jembatan-bench-import-'));
  await chmod(dir, 0o755); // the embedded PostgreSQL runs as "postgres" when the bench runs as root
  const embedded = process.env.DATABASE_URL ? undefined : await startEmbeddedPostgres({ dataDir: path.join(dir, 'pg'), log, ephemeral: true });
  const url = process.env.DATABASE_URL ?? embedded!.url;
  const orm = await createOrm({ clientUrl: url, log, poolMax: 2 });
  try {
    await migrate(orm);
    const file = path.join(dir, 'candidates.csv');
    await writeFile(file, `${[HEADER, ...Array.from({ length: rows }, (_, i) => benchImportLine(i))].join('\n')}\n`);
    const clock = fixedClock('2026-12-01');
    const deps = { em: orm.em, clock, actor: { kind: 'system' as const, subject: 'cli:bench', roles: ['OFFICER'] }, log, ...(values.batch ? { batchSize: Number(values.batch) } : {}) };
    const t0 = performance.now();
    const read = await readCandidateFile(file, clock);
    const t1 = performance.now();
    if (values['one-by-one']) {
      const size = Number(values.batch ?? 100);
      const valid = read.collected.valid;
      for (let i = 0; i < valid.length; i += size) {
        await orm.em.fork().transactional(async (em) => {
          for (const row of valid.slice(i, i + size)) {
            await registerCandidate({ ...row.candidate, externalRefs: [] }, { em, clock, actor: deps.actor.subject, principal: deps.actor, requestId: 'bench', log });
          }
        });
      }
      const writeMs = performance.now() - t1;
      process.stdout.write(`${JSON.stringify({ rows, path: 'one-by-one', written: valid.length, readMs: Math.round(t1 - t0), writeMs: Math.round(writeMs), msPerRow: +(writeMs / valid.length).toFixed(2), rowsPerSecond: Math.round((valid.length * 1000) / writeMs) })}\n`);
      return;
    }
    let writingAt = 0;
    const report = await commitCandidateImport(read, 'ALL_OR_NOTHING', { ...deps, progress: { validated: () => undefined, writing: () => void (writingAt = performance.now()), written: () => undefined, done: () => undefined } });
    const t2 = performance.now();
    const ms = (a: number, b: number): number => Math.round(b - a);
    const writeMs = writingAt ? t2 - writingAt : 0;
    process.stdout.write(
      `${JSON.stringify({
        rows,
        outcome: report.outcome,
        written: report.written,
        readMs: ms(t0, t1),
        planMs: writingAt ? ms(t1, writingAt) : ms(t1, t2),
        writeMs: Math.round(writeMs),
        msPerRow: +(writeMs / Math.max(1, report.written)).toFixed(2),
        rowsPerSecond: writeMs ? Math.round((report.written * 1000) / writeMs) : null,
        peakRssMb: Math.round((process.resourceUsage().maxRSS * 1024) / 2 ** 20),
      })}\n`,
    );
    if (report.outcome !== 'WRITTEN') process.stderr.write(`${JSON.stringify(report.problems.slice(0, 5))}\n`);
  } finally {
    await orm.close(true);
    await embedded?.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  main().catch((e: unknown) => {
    process.stderr.write(`bench-import failed: ${e instanceof Error ? e.stack : String(e)}\n`);
    process.exit(1);
  });
}
