#!/usr/bin/env node
/**
 * `npm run bench`: three reads of the GraphQL gateway against a raw node:http + pg floor, in one run,
 * on one embedded PostgreSQL with the same data. Prints req/s and p50/p99 latency of each and the
 * ratio Jembatan / floor; writes bench/results/latest.json (and the servers' logs beside it).
 * Settings: lib/settings.mjs. Exits 1 when a round was refused or the two answers differ.
 */
import { execFile } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { loadavg } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { checkedAnswer, round } from './lib/load.mjs';
import { BENCH_DIR, distModule, GATEWAY_DIR, GATEWAY_DIST, RESULTS_DIR } from './lib/paths.mjs';
import { connectClient, startPostgres } from './lib/postgres.mjs';
import { freePort, runWithCleanup, startChild } from './lib/processes.mjs';
import { READS } from './lib/queries.mjs';
import { firstDifference, printTable, ratios, writeJson } from './lib/report.mjs';
import { bulkLoadCandidates, seatCandidates } from './lib/seed-candidates.mjs';
import { seedOpenings } from './lib/seed-openings.mjs';
import { describeMachine, loadSettings } from './lib/settings.mjs';

const execFileAsync = promisify(execFile);
const started = Date.now();
const say = (text) => process.stdout.write(`[${((Date.now() - started) / 1000).toFixed(1).padStart(5)} s] ${text}\n`);

/** The gateway in production mode, with the abuse limits raised far above what the load needs. */
async function startGateway(databaseUrl, settings) {
  const port = await freePort();
  const limit = String(Math.max(64, settings.connections * 4));
  const env = {
    NODE_ENV: 'production',
    DATABASE_URL: databaseUrl,
    HOST: '127.0.0.1',
    PORT: String(port),
    LOG_LEVEL: settings.gatewayLogLevel,
    JEMBATAN_RATE_LIMIT_ANON_PER_MINUTE: '1000000',
    JEMBATAN_RATE_LIMIT_PER_MINUTE: '1000000',
    JEMBATAN_MAX_IN_FLIGHT_ANON: limit,
    JEMBATAN_MAX_IN_FLIGHT_PER_KEY: limit,
  };
  const child = await startChild({
    name: 'gateway',
    // BENCH_GATEWAY_NODE_ARGS, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof": profile the gateway under the load
    args: [...(process.env.BENCH_GATEWAY_NODE_ARGS?.split(/\s+/).filter(Boolean) ?? []), path.join(GATEWAY_DIST, 'main.js')],
    env,
    cwd: GATEWAY_DIR,
    logFile: path.join(RESULTS_DIR, 'gateway.log'),
    readyUrl: `http://127.0.0.1:${port}/ready`,
  });
  const shown = Object.fromEntries(Object.entries(env).filter(([k]) => k !== 'DATABASE_URL'));
  return { ...child, url: `http://127.0.0.1:${port}/graphql`, env: shown };
}

async function startFloor(databaseUrl, poolMax) {
  const port = await freePort();
  const child = await startChild({
    name: 'floor',
    args: [path.join(BENCH_DIR, 'floor', 'server.mjs')],
    env: { FLOOR_DATABASE_URL: databaseUrl, FLOOR_PORT: String(port), FLOOR_POOL_MAX: String(poolMax) },
    cwd: BENCH_DIR,
    logFile: path.join(RESULTS_DIR, 'floor.log'),
    readyUrl: `http://127.0.0.1:${port}/ready`,
  });
  return { ...child, url: `http://127.0.0.1:${port}/graphql` };
}

/** The gateway's pool size, from its own ORM configuration (db/orm.ts), so the floor matches it. */
function gatewayPoolMax() {
  const { ormConfig } = distModule('db/orm.js');
  const { createLogger } = distModule('config/logger.js');
  const max = ormConfig({ clientUrl: 'postgres://bench@127.0.0.1:1/bench', log: createLogger('silent') }).pool?.max;
  if (!Number.isInteger(max)) throw new Error('could not read the pool size from the gateway (db/orm.js ormConfig().pool.max)');
  return max;
}

async function createOfficerKey(databaseUrl) {
  const cli = path.join(GATEWAY_DIST, 'security', 'cli', 'create-api-key.js');
  const { stdout } = await execFileAsync(process.execPath, [cli, 'create', '--role', 'OFFICER', '--name', 'npm run bench', '--json'], {
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', DATABASE_URL: databaseUrl, LOG_LEVEL: 'warn' },
  });
  const token = JSON.parse(stdout.trim().split('\n').pop()).apiKey;
  if (!token) throw new Error('create-api-key printed no apiKey');
  return token;
}

/** What is in the database once loaded (and what each read should return). */
async function dataSizes(databaseUrl) {
  const client = await connectClient(databaseUrl);
  try {
    const q = async (sql, values = []) => (await client.query(sql, values)).rows;
    const filter = READS.find((r) => r.id === 'officerCandidates').variables.filter;
    const [counts] = await q(`select
        (select count(*)::int from job_opening where status = 'OPEN') as "openOpenings",
        (select count(*)::int from job_opening) as "openings",
        (select count(*)::int from party where kind = 'EMPLOYER') as "employers",
        (select count(*)::int from mou) as "mous",
        (select count(*)::int from quota) as "quotas",
        (select count(*)::int from (select distinct mou_id, occupation, route from quota) g) as "quotaFillRows",
        (select count(*)::int from candidate) as "candidates",
        (select count(*)::int from candidate_stage_change) as "stageChanges",
        (select count(*)::int from placement) as "placements",
        (select count(*)::int from candidate where stage = any($1::text[]) and kecamatan = any($2::text[])) as "candidatesMatchingFilter"`,
    [filter.stages, filter.kecamatans]);
    const byStage = Object.fromEntries((await q('select stage, count(*)::int as n from candidate group by stage order by stage')).map((r) => [r.stage, r.n]));
    const byKecamatan = Object.fromEntries(
      (await q(`select coalesce(kecamatan, '(none)') as k, count(*)::int as n from candidate group by kecamatan order by 1`)).map((r) => [r.k, r.n]),
    );
    return { ...counts, candidatesByStage: byStage, candidatesByKecamatan: byKecamatan };
  } finally {
    await client.end();
  }
}

async function analyze(databaseUrl) {
  const client = await connectClient(databaseUrl);
  try {
    await client.query('analyze');
  } finally {
    await client.end();
  }
}

async function loadData(gatewayUrl, token, databaseUrl, settings) {
  const program = await seedOpenings(gatewayUrl, token, settings.openings);
  say(`${program.openings.length} openings OPEN (API), ${program.employers.length} employers`);
  const seated = await seatCandidates(gatewayUrl, token, program, Math.round(settings.candidates * 0.015));
  const seatedCount = Object.values(seated).reduce((a, b) => a + b, 0);
  say(`${seatedCount} candidates registered and seated through the API: ${JSON.stringify(seated)}`);
  const bulk = settings.candidates - seatedCount;
  await bulkLoadCandidates(databaseUrl, bulk);
  say(`${bulk} candidates built by the domain and inserted with SQL`);
  await analyze(databaseUrl);
  return dataSizes(databaseUrl);
}

/** The rows each read must return, from the database itself (both targets are held to it). */
function expectedRows(read, sizes) {
  if (read.id === 'jobBoard') return Math.min(50, sizes.openOpenings);
  if (read.id === 'officerCandidates') return Math.min(100, sizes.candidatesMatchingFilter);
  return sizes.quotaFillRows;
}

const settle = () => new Promise((r) => setTimeout(r, 1000));

/**
 * Warm-up round, then the measured one. A round ends with requests still in flight (autocannon drops
 * them): the pauses let the server finish those before the next round starts measuring.
 */
async function measureTarget(name, url, read, token, expected, settings) {
  const opts = { url, read, token, expectedBody: expected.text, connections: settings.connections };
  await settle();
  const warmup = await round({ ...opts, seconds: settings.warmupS });
  await settle();
  const measured = await round({ ...opts, seconds: settings.durationS });
  say(`  ${name.padEnd(8)} ${measured.refused ? 'REFUSED' : `${Math.round(measured.throughputRps)} req/s, p50 ${measured.p50Ms.toFixed(2)} ms, p99 ${measured.p99Ms.toFixed(2)} ms`}`);
  return { ...measured, bytesPerResponse: expected.bytes, warmup };
}

async function benchRead(read, ctx) {
  say(`${read.title}`);
  const jem = await checkedAnswer(ctx.gatewayUrl, read, ctx.token);
  const flo = await checkedAnswer(ctx.floorUrl, read, ctx.token);
  const want = expectedRows(read, ctx.sizes);
  if (jem.rows !== want || flo.rows !== want) {
    throw new Error(`${read.id}: expected ${want} rows (from the database); Jembatan returned ${jem.rows}, the floor ${flo.rows}`);
  }
  const difference = firstDifference(jem.data, flo.data);
  if (difference) say(`  WARNING: the answers differ at ${difference.path}: Jembatan ${JSON.stringify(difference.jembatan)}, floor ${JSON.stringify(difference.floor)}`);
  const jembatan = await measureTarget('Jembatan', ctx.gatewayUrl, read, ctx.token, jem, ctx.settings);
  const floor = await measureTarget('floor', ctx.floorUrl, read, ctx.token, flo, ctx.settings);
  return { id: read.id, title: read.title, query: read.query, variables: read.variables ?? null, rows: want, sameData: !difference, difference: difference ?? null, jembatan, floor, ratio: ratios(jembatan, floor) };
}

function printSizes(s) {
  const list = (o) => Object.entries(o).map(([k, n]) => `${k} ${n.toLocaleString('en-US')}`).join(', ');
  say(`data: ${s.openOpenings} OPEN openings (${s.openings} in all, ${s.employers} employers), ${s.quotas} quotas, ${s.mous} MoUs`);
  say(`      ${s.candidates.toLocaleString('en-US')} candidates, ${s.stageChanges.toLocaleString('en-US')} stage changes, ${s.placements} placements`);
  say(`      by stage: ${list(s.candidatesByStage)}`);
  say(`      by kecamatan: ${list(s.candidatesByKecamatan)}`);
  say(`      the officer's filter matches ${s.candidatesMatchingFilter.toLocaleString('en-US')} candidates`);
}

function printProblems(results) {
  for (const r of results) {
    for (const [name, m] of [['Jembatan', r.jembatan], ['floor', r.floor]]) {
      for (const [phase, s] of [['warm-up', m.warmup], ['measured', m]]) {
        if (!s.refused) continue;
        process.stdout.write(`REFUSED ${r.id} / ${name} / ${phase}: non-2xx ${s.non2xx} ${JSON.stringify(s.statusCodes)}, socket errors ${s.socketErrors} (timeouts ${s.timeouts}), other bodies ${s.mismatchedBodies}\n`);
        for (const p of s.problems) process.stdout.write(`    ${p.kind}: ${p.detail}\n`);
      }
    }
  }
}

async function run(settings, machine, cleanup) {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const pg = await startPostgres();
  cleanup.push(pg.stop);
  say(`embedded PostgreSQL on port ${pg.port} (data in ${pg.dataDir})`);
  const gateway = await startGateway(pg.url, settings);
  cleanup.push(gateway.stop);
  say(`gateway (pid ${gateway.pid}) ready at ${gateway.url}: migrated and seeded; log ${gateway.logFile}`);
  const token = await createOfficerKey(pg.url);
  const sizes = await loadData(gateway.url, token, pg.url, settings);
  printSizes(sizes);
  const poolMax = gatewayPoolMax();
  const floor = await startFloor(pg.url, poolMax);
  cleanup.push(floor.stop);
  say(`floor (pid ${floor.pid}) ready at ${floor.url}, pool max ${poolMax} (the gateway's)`);
  const ctx = { gatewayUrl: gateway.url, floorUrl: floor.url, token, sizes, settings };
  const results = [];
  for (const read of READS) results.push(await benchRead(read, ctx));
  process.stdout.write('\n');
  printTable(results);
  printProblems(results);
  const finished = { finishedAt: new Date().toISOString(), loadAverage1mAtEnd: Math.round(loadavg()[0] * 100) / 100 };
  const file = writeJson({ ...finished, machine, settings, gatewayEnv: gateway.env, poolMax, data: sizes, results });
  say(`results written to ${path.relative(process.cwd(), file)}`);
  return results.every((r) => r.sameData && !r.jembatan.refused && !r.floor.refused && !r.jembatan.warmup.refused && !r.floor.warmup.refused);
}

async function main() {
  const settings = loadSettings();
  const machine = describeMachine();
  say(`machine: ${machine.cpus} CPUs (${machine.cpuModel}), ${machine.memoryGiB} GiB, node ${machine.node}, ${machine.platform}, load ${machine.loadAverage1m}`);
  say(`settings: ${settings.connections} connections, ${settings.warmupS} s warm-up + ${settings.durationS} s rounds, ${settings.candidates} candidates, ${settings.openings} openings, gateway LOG_LEVEL=${settings.gatewayLogLevel}`);
  await runWithCleanup('bench', say, (cleanup) => run(settings, machine, cleanup));
}

void main();
