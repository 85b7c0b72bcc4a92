/**
 * Peak memory of the streaming export (issue 11): seed N synthetic candidates with one SQL statement,
 * then run the candidate export (XLSX and CSV, every column incl. health and criminal) in a FRESH child
 * process per run, so that each child's peak RSS (`process.resourceUsage().maxRSS`) is that export's
 * alone; then add rows up to M and measure again. Flat memory: the peak at M is about the peak at N.
 *
 *   node -r ./test/support/swc-register.js scripts/bench-export.ts [--small 10000] [--large 100000]
 *   CHILD_HEAP_MB=0 node -r ./test/support/swc-register.js scripts/bench-export.ts   # children uncapped (default 128 MB)
 *
 * Each line reports the child's peak RSS, its peak heap / external / ArrayBuffer use (sampled every
 * 50 ms) and its heap after a forced GC at the end. Uncapped, V8 lets garbage (row objects, XML
 * strings, deflated Buffers) pile up before a major GC, so the peak grows with the run's length while
 * the heap after GC does not; with the heap capped (CHILD_HEAP_MB) the 100,000-row export completes
 * at the 10,000-row peak, which a retained row would make impossible. (The ~185 MB baseline is the
 * swc compiler loaded to run the sources.)
 *
 * Database: DATABASE_URL (its candidate table gets the synthetic rows: use a throw-away database), or a
 * throw-away embedded PostgreSQL in a temporary directory (default). Rows are marked as synthetic
 * (`profile.example = true`, NIKs 3673009…), never a real person.
 */
import 'reflect-metadata';
import { execFileSync } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { chmod, mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { systemClock } from '../src/clock';
import { createLogger } from '../src/config/logger';
import { startEmbeddedPostgres } from '../src/db/embedded-postgres';
import { createOrm, migrate } from '../src/db/orm';
import { candidateExportPlan, runExport } from '../src/export';
import type { GatewayContext } from '../src/graphql/context';
import { normaliseRoles } from '../src/security/role';

const log = createLogger('warn');
/** The children's V8 heap cap (MB); 0: none. */
const CHILD_HEAP_MB = Number(process.env.CHILD_HEAP_MB ?? 128);

/** Candidates `from`..`to`-1, created one millisecond apart (the keyset's createdAt is ms-precise). */
const SEED_SQL = `
insert into candidate (id, profile, nik, sex, birth_date, kecamatan, education, stage, stage_since, target_route, target_occupation, external_refs, created_at, updated_at)
select gen_random_uuid(),
  jsonb_build_object('example', true, 'nik', '3673009' || lpad(i::text, 9, '0'), 'declaredBirthDate', '1999-01-15', 'declaredSex', 'M',
    'address', jsonb_build_object('kecamatan', 'Cipocok Jaya', 'kelurahan', 'Banjaragung', 'city', 'Kota Serang', 'source', 'KTP'),
    'education', 'SLTA', 'medical', jsonb_build_object('examinedOn', '2026-10-01', 'physicallyFit', true, 'psychologicallyFit', true),
    'criminalRecord', jsonb_build_object('everImprisoned', false), 'documents', jsonb_build_array(jsonb_build_object('kind', 'KTP', 'verified', true))),
  '3673009' || lpad(i::text, 9, '0'), 'M', date '1999-01-15', (array['SERANG','CIPOCOK_JAYA','CURUG','KASEMEN','TAKTAKAN','WALANTAKA'])[1 + i % 6],
  'SLTA', 'REGISTERED', timestamptz '2026-01-01' + i * interval '1 millisecond', 'E7_3', 'WELDER', '[]'::jsonb,
  timestamptz '2026-01-01' + i * interval '1 millisecond', timestamptz '2026-01-01' + i * interval '1 millisecond'
from generate_series(?::int, ?::int - 1) as i`;

async function child(url: string, format: 'csv' | 'xlsx', out: string): Promise<void> {
  const orm = await createOrm({ clientUrl: url, log, poolMax: 2 });
  const baseline = process.memoryUsage().rss;
  const principal = { kind: 'apiKey' as const, subject: 'bench', roles: normaliseRoles(['OFFICER']), city: 'Kota Serang' };
  const ctx: GatewayContext = { em: orm.em.fork(), requestId: 'bench', principal, city: 'Kota Serang', actor: 'bench', log, clock: systemClock, loaders: new Map() };
  const peaks = { heapUsed: 0, external: 0, arrayBuffers: 0 };
  const sample = setInterval(() => {
    const m = process.memoryUsage();
    for (const k of ['heapUsed', 'external', 'arrayBuffers'] as const) peaks[k] = Math.max(peaks[k], m[k]);
  }, 50);
  const started = process.hrtime.bigint();
  const meta = await runExport(candidateExportPlan(ctx, { include: 'health,criminal' }), { ctx, format, out: createWriteStream(out) });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  clearInterval(sample);
  (globalThis as { gc?: () => void }).gc?.();
  const heapAfterGcMb = +(process.memoryUsage().heapUsed / 2 ** 20).toFixed(1);
  await orm.close(true);
  const mb = (n: number): number => +(n / 2 ** 20).toFixed(1);
  const peak = process.resourceUsage().maxRSS * 1024;
  process.stdout.write(JSON.stringify({ rows: meta.rowCount, format, ms: Math.round(ms), baselineRssMb: mb(baseline), peakRssMb: mb(peak), peakHeapUsedMb: mb(peaks.heapUsed), peakExternalMb: mb(peaks.external), peakArrayBuffersMb: mb(peaks.arrayBuffers), heapAfterGcMb, bytes: (await stat(out)).size }));
}

function measure(url: string, format: 'csv' | 'xlsx', dir: string): Record<string, number | string> {
  const args = ['--expose-gc', ...(CHILD_HEAP_MB > 0 ? [`--max-old-space-size=${CHILD_HEAP_MB}`] : []), '-r', path.join(__dirname, '../test/support/swc-register.js'), __filename, '--child', '--url', url, '--format', format, '--out', path.join(dir, `export.${format}`)];
  return JSON.parse(execFileSync(process.execPath, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] })) as Record<string, number | string>;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { child: { type: 'boolean' }, url: { type: 'string' }, format: { type: 'string' }, out: { type: 'string' }, small: { type: 'string' }, large: { type: 'string' } } });
  if (values.child) return child(values.url!, values.format as 'csv' | 'xlsx', values.out!);
  const dir = await mkdtemp(path.join(tmpdir(), 'jembatan-bench-export-'));
  await chmod(dir, 0o755); // the embedded PostgreSQL runs as "postgres" when the bench runs as root
  const embedded = process.env.DATABASE_URL ? undefined : await startEmbeddedPostgres({ dataDir: dir, log, ephemeral: true });
  const url = process.env.DATABASE_URL ?? embedded!.url;
  const orm = await createOrm({ clientUrl: url, log });
  try {
    await migrate(orm);
    const sizes = [Number(values.small ?? 10000), Number(values.large ?? 100000)];
    let seeded = 0;
    for (const size of sizes) {
      await orm.em.getConnection().execute(SEED_SQL, [seeded, size]);
      seeded = size;
      for (const format of ['xlsx', 'csv'] as const) process.stdout.write(`${JSON.stringify(measure(url, format, dir))}\n`);
    }
  } finally {
    await orm.close(true);
    await embedded?.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`bench-export failed: ${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
