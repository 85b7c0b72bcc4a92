#!/usr/bin/env node
/**
 * `npm run bench:scale`: the gateway at 100,000 candidates (issue 11, "proof at scale"). Not part of
 * `npm test`; takes several minutes. On one throw-away embedded PostgreSQL (bench/lib/postgres.mjs):
 *
 * 1. Load BENCH_SCALE_CANDIDATES candidates (100,000): the synthetic demo program (`node
 *    dist/cli/demo.js`, the `npm run demo` loader: openings, quotas, histories, placements, costs,
 *    cohorts; default), or BENCH_SCALE_DATA=bulk: the `npm run bench` bulk loader (openings through
 *    the API, candidates built by the domain and inserted with SQL; no placements), then ANALYZE.
 * 2. Start the gateway in production mode (dist/main.js) and make an OFFICER and an ANALYST key.
 * 3. Measure, each figure with the database size at that moment:
 *    - an officer's candidate list (100 a page, filters), p50/p99 over BENCH_SCALE_LIST_REQUESTS
 *      sequential requests after a warm-up;
 *    - each aggregate the analysts use (examples/analyst-queries + stageDurations), with an ANALYST
 *      key (protected view) and an OFFICER key (exact), p50/p99 over BENCH_SCALE_REQUESTS requests;
 *      a p50 over 200 ms is flagged;
 *    - rankedCandidates of the OPEN opening with the most candidates aiming for it;
 *    - the candidate export of every candidate (BENCH_SCALE_CANDIDATES rows) as CSV and XLSX, over
 *      HTTP (time, the gateway's peak RSS during it: VmHWM after a reset through /proc/<pid>/clear_refs)
 *      and through `npm run export`'s code (dist/cli/export.js: time, that process's peak RSS);
 *    - importing BENCH_SCALE_IMPORT_ROWS (10,000) rows of a generated CSV through the CLI
 *      (dist/cli/import.js: rows/s end to end, its peak RSS) and another as many over HTTP
 *      (`POST /imports/candidates`: rows/s, the gateway's peak RSS).
 * 4. Print a table and write bench/results/scale.json (with the machine, its load average at the
 *    start and the end, and the settings).
 *
 * Build first (`npm run bench:scale` does: turbo build of the gateway). Exits 1 when a step failed.
 */
import { spawn } from 'node:child_process';
import { createWriteStream, mkdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Readable, Transform } from 'node:stream';
import { mustRun, post } from './lib/graphql.mjs';
import { writeImportCsv } from './lib/import-file.mjs';
import { BENCH_DIR, GATEWAY_DIR, GATEWAY_DIST, REPO_ROOT, RESULTS_DIR } from './lib/paths.mjs';
import { connectClient, startPostgres } from './lib/postgres.mjs';
import { freePort, runWithCleanup, startChild } from './lib/processes.mjs';
import { OFFICER_CANDIDATES } from './lib/queries.mjs';
import { bulkLoadCandidates } from './lib/seed-candidates.mjs';
import { seedOpenings } from './lib/seed-openings.mjs';
import { describeMachine } from './lib/settings.mjs';

const started = Date.now();
const say = (text) => process.stdout.write(`[${((Date.now() - started) / 1000).toFixed(1).padStart(6)} s] ${text}\n`);
const PEAK_RSS = path.join(BENCH_DIR, 'lib', 'peak-rss.cjs');
const EXAMPLES = path.join(REPO_ROOT, 'examples', 'analyst-queries');
const AGGREGATE_LIMIT_MS = 200;

function int(env, name, fallback, max) {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < 1 || Number(raw) > max) throw new Error(`${name} must be a whole number between 1 and ${max} (got ${JSON.stringify(raw)})`);
  return Number(raw);
}

/**
 * BENCH_SCALE_CANDIDATES (100,000; at most 200,000), BENCH_SCALE_DATA (demo | bulk),
 * BENCH_SCALE_IMPORT_ROWS (10,000; the import's limit is 50,000), BENCH_SCALE_REQUESTS (20 per
 * aggregate and role), BENCH_SCALE_LIST_REQUESTS (50), BENCH_SCALE_HTTP_IMPORT (1; 0 skips the
 * import over HTTP), BENCH_SCALE_EXPORT_CLI (1; 0 skips the exports through the CLI);
 * BENCH_SCALE_QUERY_TIMEOUT_MS: the gateway's JEMBATAN_QUERY_TIMEOUT_MS (default the production 10 s).
 * For repeated runs while tuning: BENCH_SCALE_DATABASE_URL measures an already loaded database (no
 * throw-away PostgreSQL, no load; it is left as it is, apart from the two API keys the run makes) and
 * BENCH_SCALE_ONLY=aggregates stops after the aggregates (no ranking, exports or imports, which
 * would add candidates to that database).
 */
function loadSettings(env = process.env) {
  const data = env.BENCH_SCALE_DATA?.trim() || 'demo';
  if (!['demo', 'bulk'].includes(data)) throw new Error('BENCH_SCALE_DATA must be demo or bulk');
  const only = env.BENCH_SCALE_ONLY?.trim() || 'all';
  if (!['all', 'aggregates'].includes(only)) throw new Error('BENCH_SCALE_ONLY must be all or aggregates');
  return {
    databaseUrl: env.BENCH_SCALE_DATABASE_URL?.trim() || null,
    only,
    candidates: int(env, 'BENCH_SCALE_CANDIDATES', 100_000, 200_000),
    data,
    importRows: int(env, 'BENCH_SCALE_IMPORT_ROWS', 10_000, 50_000),
    requests: int(env, 'BENCH_SCALE_REQUESTS', 20, 10_000),
    listRequests: int(env, 'BENCH_SCALE_LIST_REQUESTS', 50, 10_000),
    httpImport: env.BENCH_SCALE_HTTP_IMPORT?.trim() !== '0',
    exportCli: env.BENCH_SCALE_EXPORT_CLI?.trim() !== '0',
  };
}

const mb = (bytes) => (bytes === null || bytes === undefined ? null : Math.round((bytes / 2 ** 20) * 10) / 10);

/** `node -r peak-rss.cjs <args>` with exactly `env` (plus PATH/HOME): exit code, output, wall time and its own peak RSS. */
function runNode(args, env, { stdoutFile } = {}) {
  const rssFile = path.join(tmpdir(), `jembatan-scale-rss-${process.pid}-${Date.now()}.json`);
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, ['-r', PEAK_RSS, ...args], {
      cwd: GATEWAY_DIR,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...env, BENCH_PEAK_RSS_FILE: rssFile },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const out = [];
    const err = [];
    child.stdout.on('data', (b) => (stdoutFile ? undefined : out.push(b)));
    child.stderr.on('data', (b) => err.push(b));
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = performance.now() - t0;
      let peak = null;
      try {
        peak = JSON.parse(readFileSync(rssFile, 'utf8'));
        rmSync(rssFile, { force: true });
      } catch {
        // the process died before its exit handler ran
      }
      resolve({ code, ms, peakRssBytes: peak?.maxRssBytes ?? null, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') });
    });
  });
}

/** The gateway's peak resident set since the last reset (Linux /proc; null elsewhere). */
function gatewayPeakBytes(pid) {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : null;
  } catch {
    return null;
  }
}

/** Reset the peak (VmHWM) to the current RSS: `echo 5 > /proc/<pid>/clear_refs`. */
function resetGatewayPeak(pid) {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
    return true;
  } catch {
    return false;
  }
}

/** The gateway in production mode, abuse limits far above what the bench sends (as bench/run.mjs). */
async function startGateway(databaseUrl) {
  const port = await freePort();
  const env = {
    NODE_ENV: 'production',
    DATABASE_URL: databaseUrl,
    HOST: '127.0.0.1',
    PORT: String(port),
    LOG_LEVEL: 'warn',
    JEMBATAN_RATE_LIMIT_ANON_PER_MINUTE: '1000000',
    JEMBATAN_RATE_LIMIT_PER_MINUTE: '1000000',
    JEMBATAN_MAX_IN_FLIGHT_ANON: '64',
    JEMBATAN_MAX_IN_FLIGHT_PER_KEY: '64',
    // the production per-request limit (10 s) unless BENCH_SCALE_QUERY_TIMEOUT_MS raises it to get a figure for a slower aggregate
    ...(process.env.BENCH_SCALE_QUERY_TIMEOUT_MS ? { JEMBATAN_QUERY_TIMEOUT_MS: process.env.BENCH_SCALE_QUERY_TIMEOUT_MS } : {}),
  };
  const child = await startChild({
    name: 'gateway',
    args: [...(process.env.BENCH_GATEWAY_NODE_ARGS?.split(/\s+/).filter(Boolean) ?? []), path.join(GATEWAY_DIST, 'main.js')],
    env,
    cwd: GATEWAY_DIR,
    logFile: path.join(RESULTS_DIR, 'scale-gateway.log'),
    readyUrl: `http://127.0.0.1:${port}/ready`,
    timeoutMs: 300_000,
  });
  return { ...child, baseUrl: `http://127.0.0.1:${port}`, url: `http://127.0.0.1:${port}/graphql` };
}

async function createKey(databaseUrl, role) {
  const args = [path.join(GATEWAY_DIST, 'security', 'cli', 'create-api-key.js'), 'create', '--role', role, '--name', `npm run bench:scale (${role})`, '--json'];
  if (role === 'OFFICER') args.push('--city', 'Kota Serang');
  const r = await runNode(args, { DATABASE_URL: databaseUrl, LOG_LEVEL: 'warn' });
  if (r.code !== 0) throw new Error(`create-api-key ${role} exited ${r.code}: ${r.stderr.slice(0, 500)}`);
  const token = JSON.parse(r.stdout.trim().split('\n').pop()).apiKey;
  if (!token) throw new Error('create-api-key printed no apiKey');
  return token;
}

async function withClient(url, fn) {
  const client = await connectClient(url);
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

async function databaseState(url) {
  return withClient(url, async (c) => {
    const [r] = (
      await c.query(`select pg_database_size(current_database())::bigint as bytes,
        (select count(*)::int from candidate) as candidates,
        (select count(*)::int from candidate_stage_change) as "stageChanges",
        (select count(*)::int from placement) as placements,
        (select count(*)::int from job_opening where status = 'OPEN') as "openOpenings",
        (select count(*)::int from audit_log) as "auditRows"`)
    ).rows;
    return { databaseMb: mb(Number(r.bytes)), candidates: r.candidates, stageChanges: r.stageChanges, placements: r.placements, openOpenings: r.openOpenings, auditRows: r.auditRows };
  });
}

function percentile(sorted, p) {
  return sorted.length === 0 ? null : sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))];
}

/** The longest list anywhere in `data` (an answer's rows). */
function longestList(v) {
  if (Array.isArray(v)) return Math.max(v.length, ...v.map(longestList));
  if (v && typeof v === 'object') return Math.max(0, ...Object.values(v).map(longestList));
  return 0;
}

/** One warm-up request (checked: 200, no errors), then `n` sequential ones, each checked; latencies in ms. */
async function latency(url, operation, token, n) {
  const first = await post(url, operation, token);
  if (first.status !== 200 || !first.json?.data || first.json.errors?.length) {
    return { error: `HTTP ${first.status}: ${first.json?.errors?.[0]?.extensions?.code ?? ''} ${first.text.slice(0, 400).trim()}` };
  }
  const times = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    const r = await post(url, operation, token);
    times.push(performance.now() - t0);
    if (r.status !== 200 || r.json?.errors?.length) return { error: `request ${i + 1}: HTTP ${r.status}: ${r.text.slice(0, 400)}` };
  }
  const sorted = times.sort((a, b) => a - b);
  const r2 = (x) => Math.round(x * 100) / 100;
  return { requests: n, p50Ms: r2(percentile(sorted, 0.5)), p99Ms: r2(percentile(sorted, 0.99)), maxMs: r2(sorted[sorted.length - 1]), rows: longestList(first.json.data), bytes: Buffer.byteLength(first.text) };
}

function example(name) {
  const query = readFileSync(path.join(EXAMPLES, `${name}.graphql`), 'utf8');
  const varsFile = path.join(EXAMPLES, `${name}.variables.json`);
  return { query, variables: existsSync(varsFile) ? JSON.parse(readFileSync(varsFile, 'utf8')) : undefined };
}

/** The aggregates the analysts use: the example queries, and stageDurations (no example file). */
function aggregates() {
  return [
    { id: 'candidateCounts', ...example('candidates-by-stage-and-kecamatan') },
    { id: 'trends', ...example('registrations-training-departures-by-month-and-kecamatan') },
    { id: 'funnel', ...example('funnel-registered-q1-2026') },
    { id: 'costPerPlacement', ...example('cost-per-placement-by-occupation-and-kecamatan') },
    { id: 'placementCosts', ...example('costs-by-payer') },
    { id: 'quotaFill', ...example('quota-fill-by-mou-and-occupation') },
    {
      id: 'stageDurations',
      query: 'query StageDurations($asOf: Date) { stageDurations(asOf: $asOf) { asOf rows { stage periods averageDays suppressed } disclosure { protectedView suppressedCells } } }',
      variables: { asOf: '2026-10-31' },
    },
    { id: 'upfrontCashOverLine', ...example('upfront-cash-over-line-by-month') },
    { id: 'trainingAggregates', ...example('training-by-kecamatan') },
  ];
}

const LISTS = [
  { id: 'candidates: stages × 2 kecamatan', query: OFFICER_CANDIDATES.query, variables: OFFICER_CANDIDATES.variables },
  {
    id: 'candidates: registered Mar–Jun, E-7-3, eligible',
    query: OFFICER_CANDIDATES.query,
    variables: { filter: { registered: { from: '2026-03-01', to: '2026-06-30' }, routes: ['E7_3'], eligibility: ['ELIGIBLE'] } },
  },
  {
    id: 'candidates: entered TRAINING in 2026',
    query: OFFICER_CANDIDATES.query,
    variables: { filter: { enteredStage: { stage: 'TRAINING', from: '2026-01-01', to: '2026-12-31' } } },
  },
];

/** GET an export over HTTP into `file`: time, bytes, rows (header), the gateway's peak RSS during it. */
async function httpExport(gateway, token, kind, format, file) {
  const reset = resetGatewayPeak(gateway.pid);
  const before = gatewayPeakBytes(gateway.pid);
  const t0 = performance.now();
  const res = await fetch(`${gateway.baseUrl}/exports/${kind}.${format}`, { headers: { authorization: `Bearer ${token}` }, signal: AbortSignal.timeout(900_000) });
  if (res.status !== 200) return { error: `HTTP ${res.status}: ${(await res.text()).slice(0, 400)}` };
  let bytes = 0;
  const count = new Transform({
    transform(chunk, _enc, done) {
      bytes += chunk.length;
      done(null, chunk);
    },
  });
  await pipeline(Readable.fromWeb(res.body), count, createWriteStream(file));
  const ms = performance.now() - t0;
  return {
    ms: Math.round(ms),
    rows: Number(res.headers.get('x-jembatan-export-rows') ?? NaN),
    fileMb: mb(bytes),
    gatewayRssBeforeMb: mb(before),
    gatewayPeakRssMb: reset ? mb(gatewayPeakBytes(gateway.pid)) : null,
  };
}

async function cliExport(databaseUrl, format, file) {
  const r = await runNode([path.join(GATEWAY_DIST, 'cli', 'export.js'), 'candidates', file], { DATABASE_URL: databaseUrl, LOG_LEVEL: 'warn' });
  if (r.code !== 0) return { error: `export exited ${r.code}: ${r.stderr.slice(0, 400)}` };
  const meta = format === 'csv' && existsSync(`${file}.meta.json`) ? JSON.parse(readFileSync(`${file}.meta.json`, 'utf8')) : undefined;
  return { ms: Math.round(r.ms), peakRssMb: mb(r.peakRssBytes), ...(meta?.rowCount !== undefined ? { rows: meta.rowCount } : {}) };
}

async function cliImport(databaseUrl, file, rows) {
  const r = await runNode([path.join(GATEWAY_DIST, 'cli', 'import.js'), 'candidates', file, '--json'], { DATABASE_URL: databaseUrl, LOG_LEVEL: 'warn' });
  let report;
  try {
    report = JSON.parse(r.stdout.trim().split('\n').pop());
  } catch {
    return { error: `import exited ${r.code} without a report: ${r.stderr.slice(0, 400)}` };
  }
  if (r.code !== 0 || report.written !== rows) return { error: `import exited ${r.code}: outcome ${report.outcome}, written ${report.written} of ${rows}: ${JSON.stringify(report.problems?.slice(0, 3))}` };
  return { rows: report.written, ms: Math.round(r.ms), rowsPerSecond: Math.round((report.written * 1000) / r.ms), peakRssMb: mb(r.peakRssBytes) };
}

async function httpImport(gateway, token, file, rows) {
  const body = readFileSync(file);
  const reset = resetGatewayPeak(gateway.pid);
  const before = gatewayPeakBytes(gateway.pid);
  const t0 = performance.now();
  const res = await fetch(`${gateway.baseUrl}/imports/candidates?filename=${encodeURIComponent(path.basename(file))}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv' },
    body,
    signal: AbortSignal.timeout(1_800_000),
  });
  const text = await res.text();
  const ms = performance.now() - t0;
  let answer;
  try {
    answer = JSON.parse(text);
  } catch {
    answer = undefined;
  }
  const written = answer?.report?.written;
  if (res.status !== 200 || written !== rows) return { error: `HTTP ${res.status}, written ${written} of ${rows}: ${text.slice(0, 400)}` };
  return { rows: written, ms: Math.round(ms), rowsPerSecond: Math.round((written * 1000) / ms), gatewayRssBeforeMb: mb(before), gatewayPeakRssMb: reset ? mb(gatewayPeakBytes(gateway.pid)) : null };
}

/** The OPEN opening with the most REGISTERED candidates aiming for its route and occupation. */
async function busiestOpening(url) {
  return withClient(url, async (c) => {
    const { rows } = await c.query(`select o.id, o.route, o.occupation, count(c.id)::int as aiming
        from job_opening o left join candidate c on c.target_route = o.route and c.target_occupation = o.occupation and c.stage = 'REGISTERED'
       where o.status = 'OPEN' group by o.id order by aiming desc, o.id limit 1`);
    return rows[0];
  });
}

async function loadData(settings, pg, say) {
  const t0 = performance.now();
  if (settings.data === 'demo') {
    const r = await runNode([path.join(GATEWAY_DIST, 'cli', 'demo.js')], { DATABASE_URL: pg.url, LOG_LEVEL: 'warn', JEMBATAN_DEMO_CANDIDATES: String(settings.candidates) });
    if (r.code !== 0) throw new Error(`demo loader exited ${r.code}: ${r.stdout.slice(0, 400)} ${r.stderr.slice(-800)}`);
    say(`demo loaded: ${r.stdout.trim().split('\n')[0].slice(0, 300)}`);
    return { how: 'demo (dist/cli/demo.js)', ms: Math.round(performance.now() - t0), peakRssMb: mb(r.peakRssBytes) };
  }
  return { how: 'bulk (bench/lib/seed-candidates.mjs)', pending: true, t0 };
}

async function analyze(url) {
  await withClient(url, (c) => c.query('analyze'));
}

function printTable(result) {
  const lines = [];
  const row = (a, b, c) => lines.push(`${String(a).padEnd(62)} ${String(b).padEnd(46)} ${c ?? ''}`);
  const d = (s) => `db ${s.databaseMb} MB, ${s.candidates.toLocaleString('en-US')} candidates`;
  row('measure', 'figure', 'database');
  lines.push('-'.repeat(150));
  row(`load (${result.load.how})`, `${(result.load.ms / 1000).toFixed(1)} s${result.load.peakRssMb ? `, peak RSS ${result.load.peakRssMb} MB` : ''}`, d(result.database.afterLoad));
  for (const l of result.lists) row(`officer list ${l.id}`, l.error ? `ERROR ${l.error.slice(0, 60)}` : `p50 ${l.p50Ms} ms, p99 ${l.p99Ms} ms (${l.rows} rows)`, d(l.database));
  for (const a of result.aggregates) {
    for (const role of ['analyst', 'officer']) {
      const m = a[role];
      const flag = m.p50Ms > AGGREGATE_LIMIT_MS ? `  OVER ${AGGREGATE_LIMIT_MS} ms` : '';
      row(`${a.id} (${role.toUpperCase()})`, m.error ? `ERROR ${m.error.slice(0, 60)}` : `p50 ${m.p50Ms} ms, p99 ${m.p99Ms} ms${flag}`, d(a.database));
    }
  }
  const r = result.ranking;
  if (r.opening || r.error) row(`rankedCandidates (${r.opening?.occupation ?? '?'}, ${r.opening?.aiming ?? '?'} aiming)`, r.error ? `ERROR ${r.error.slice(0, 60)}` : `p50 ${r.p50Ms} ms, p99 ${r.p99Ms} ms`, d(r.database));
  for (const e of result.exports) {
    const fig = e.error ? `ERROR ${e.error.slice(0, 60)}` : `${(e.ms / 1000).toFixed(1)} s, ${e.via === 'http' ? `gateway peak RSS ${e.gatewayPeakRssMb} MB (from ${e.gatewayRssBeforeMb})` : `peak RSS ${e.peakRssMb} MB`}`;
    row(`export ${e.format.toUpperCase()} ${e.via}${Number.isFinite(e.rows) ? ` (${e.rows.toLocaleString('en-US')} rows${e.fileMb ? `, ${e.fileMb} MB` : ''})` : ''}`, fig, d(e.database));
  }
  for (const i of result.imports) {
    const fig = i.error ? `ERROR ${i.error.slice(0, 60)}` : `${i.rowsPerSecond} rows/s (${(i.ms / 1000).toFixed(1)} s), ${i.via === 'http' ? `gateway peak RSS ${i.gatewayPeakRssMb} MB` : `peak RSS ${i.peakRssMb} MB`}`;
    row(`import ${i.requested.toLocaleString('en-US')} rows via ${i.via}${i.via === 'cli' ? ' (process start to exit)' : ''}`, fig, d(i.database));
  }
  process.stdout.write(`\n${lines.join('\n')}\n`);
}

async function run(settings, machine, cleanup) {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const work = path.join(tmpdir(), `jembatan-bench-scale-${process.pid}`);
  mkdirSync(work, { recursive: true });
  cleanup.push(async () => rmSync(work, { recursive: true, force: true }));
  const failures = [];
  let pg;
  let load;
  if (settings.databaseUrl) {
    pg = { url: settings.databaseUrl };
    load = { how: 'an already loaded database (BENCH_SCALE_DATABASE_URL)', ms: 0 };
    say('measuring the database at BENCH_SCALE_DATABASE_URL (no load)');
  } else {
    pg = await startPostgres();
    cleanup.push(pg.stop);
    say(`embedded PostgreSQL on port ${pg.port} (data in ${pg.dataDir})`);
    say(`loading ${settings.candidates.toLocaleString('en-US')} candidates (${settings.data}) ...`);
    load = await loadData(settings, pg, say);
  }
  const gateway = await startGateway(pg.url);
  cleanup.push(gateway.stop);
  say(`gateway (pid ${gateway.pid}) ready at ${gateway.url}; log ${gateway.logFile}`);
  const officer = await createKey(pg.url, 'OFFICER');
  const analyst = await createKey(pg.url, 'ANALYST');
  if (load.pending) {
    const program = await seedOpenings(gateway.url, officer, 200);
    await bulkLoadCandidates(pg.url, settings.candidates);
    load = { how: load.how, ms: Math.round(performance.now() - load.t0), openings: program.openings.length };
  }
  await analyze(pg.url);
  const afterLoad = await databaseState(pg.url);
  say(`data: ${JSON.stringify(afterLoad)}`);
  const result = { load, database: { afterLoad }, lists: [], aggregates: [], ranking: {}, exports: [], imports: [] };

  for (const l of LISTS) {
    const m = await latency(gateway.url, { query: l.query, variables: l.variables }, officer, settings.listRequests);
    if (m.error) failures.push(`${l.id}: ${m.error}`);
    result.lists.push({ id: l.id, variables: l.variables, ...m, database: afterLoad });
    say(`officer list ${l.id}: ${m.error ?? `p50 ${m.p50Ms} ms, p99 ${m.p99Ms} ms`}`);
  }

  for (const a of aggregates()) {
    const analystM = await latency(gateway.url, { query: a.query, variables: a.variables }, analyst, settings.requests);
    const officerM = await latency(gateway.url, { query: a.query, variables: a.variables }, officer, settings.requests);
    for (const [who, m] of [['ANALYST', analystM], ['OFFICER', officerM]]) if (m.error) failures.push(`${a.id} (${who}): ${m.error}`);
    result.aggregates.push({ id: a.id, variables: a.variables ?? null, analyst: analystM, officer: officerM, database: afterLoad });
    say(`${a.id}: ANALYST ${analystM.error ?? `p50 ${analystM.p50Ms} ms, p99 ${analystM.p99Ms} ms`}; OFFICER ${officerM.error ?? `p50 ${officerM.p50Ms} ms, p99 ${officerM.p99Ms} ms`}`);
  }
  if (settings.only === 'aggregates') return finish(result, afterLoad, failures, machine, settings);

  const opening = await busiestOpening(pg.url);
  if (opening) {
    const q = 'query Ranked($id: ID!) { jobOpening(id: $id) { id rankedCandidates(first: 20) { rank eligibleToBeSelected selection score { korean readiness skill } candidate { id } } } }';
    const m = await latency(gateway.url, { query: q, variables: { id: opening.id } }, officer, settings.requests);
    if (m.error) failures.push(`rankedCandidates: ${m.error}`);
    result.ranking = { opening, ...m, database: afterLoad };
    say(`rankedCandidates (${opening.route} ${opening.occupation}, ${opening.aiming} aiming): ${m.error ?? `p50 ${m.p50Ms} ms, p99 ${m.p99Ms} ms`}`);
  } else {
    result.ranking = { error: 'no OPEN opening', database: afterLoad };
    failures.push('rankedCandidates: no OPEN opening');
  }

  for (const format of ['csv', 'xlsx']) {
    const h = await httpExport(gateway, officer, 'candidates', format, path.join(work, `http.${format}`));
    result.exports.push({ via: 'http', format, ...h, database: afterLoad });
    if (h.error) failures.push(`export ${format} http: ${h.error}`);
    say(`export ${format} over HTTP: ${h.error ?? `${h.rows} rows in ${h.ms} ms, gateway peak RSS ${h.gatewayPeakRssMb} MB`}`);
    rmSync(path.join(work, `http.${format}`), { force: true });
    if (settings.exportCli) {
      const c = await cliExport(pg.url, format, path.join(work, `cli.${format}`));
      result.exports.push({ via: 'cli', format, ...c, database: afterLoad });
      if (c.error) failures.push(`export ${format} cli: ${c.error}`);
      say(`export ${format} through the CLI: ${c.error ?? `${c.ms} ms, peak RSS ${c.peakRssMb} MB`}`);
      rmSync(path.join(work, `cli.${format}`), { force: true });
      rmSync(path.join(work, `cli.${format}.meta.json`), { force: true });
    }
  }

  const cliFile = path.join(work, 'import-cli.csv');
  const cliBytes = writeImportCsv(cliFile, 0, settings.importRows);
  const before = await databaseState(pg.url);
  const ci = await cliImport(pg.url, cliFile, settings.importRows);
  result.imports.push({ via: 'cli', requested: settings.importRows, fileMb: mb(cliBytes), ...ci, database: before });
  if (ci.error) failures.push(`import cli: ${ci.error}`);
  say(`import of ${settings.importRows} rows through the CLI: ${ci.error ?? `${ci.rowsPerSecond} rows/s (${ci.ms} ms), peak RSS ${ci.peakRssMb} MB`}`);
  if (settings.httpImport) {
    const httpFile = path.join(work, 'import-http.csv');
    const httpBytes = writeImportCsv(httpFile, settings.importRows, settings.importRows);
    const beforeHttp = await databaseState(pg.url);
    const hi = await httpImport(gateway, officer, httpFile, settings.importRows);
    result.imports.push({ via: 'http', requested: settings.importRows, fileMb: mb(httpBytes), ...hi, database: beforeHttp });
    if (hi.error) failures.push(`import http: ${hi.error}`);
    say(`import of ${settings.importRows} rows over HTTP: ${hi.error ?? `${hi.rowsPerSecond} rows/s (${hi.ms} ms), gateway peak RSS ${hi.gatewayPeakRssMb} MB`}`);
  }
  result.database.atEnd = await databaseState(pg.url);
  return finish(result, afterLoad, failures, machine, settings);
}

function finish(result, afterLoad, failures, machine, settings) {
  printTable(result);
  const over = result.aggregates.flatMap((a) => ['analyst', 'officer'].filter((r) => a[r].p50Ms > AGGREGATE_LIMIT_MS).map((r) => `${a.id} (${r})`));
  if (over.length) say(`aggregates over ${AGGREGATE_LIMIT_MS} ms (p50) at ${afterLoad.candidates.toLocaleString('en-US')} candidates: ${over.join(', ')}`);
  for (const f of failures) say(`FAILED ${f}`);
  const file = path.join(RESULTS_DIR, 'scale.json');
  writeFileSync(
    file,
    `${JSON.stringify({ finishedAt: new Date().toISOString(), loadAverageAtEnd: loadavg().map((x) => Math.round(x * 100) / 100), machine, settings, aggregateLimitMs: AGGREGATE_LIMIT_MS, overLimit: over, failures, ...result }, null, 2)}\n`,
  );
  say(`results written to ${path.relative(process.cwd(), file)}`);
  return failures.length === 0;
}

async function main() {
  const settings = loadSettings();
  const machine = { ...describeMachine(), loadAverageAtStart: loadavg().map((x) => Math.round(x * 100) / 100) };
  say(`machine: ${machine.cpus} CPUs (${machine.cpuModel}), ${machine.memoryGiB} GiB, node ${machine.node}, load ${machine.loadAverageAtStart.join(' ')}`);
  say(`settings: ${JSON.stringify(settings)}`);
  await runWithCleanup('bench:scale', say, (cleanup) => run(settings, machine, cleanup));
}

void main();
