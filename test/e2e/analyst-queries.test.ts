/**
 * examples/analyst-queries: every .graphql file (found in the folder, not listed here) runs with its
 * .variables.json as an analyst would run it (ANALYST key) against the demo data (JEMBATAN_SEED=demo,
 * support/demo-gateway.ts) and returns rows without errors; the first three also agree with the
 * lists they summarise on the main e2e gateway.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { isJembatanError, type CandidateDetails } from '@jembatan/sdk';
import { demoGateway, type DemoGatewayInfo } from './support/demo-gateway';
import { clientAs, REPO_ROOT, runExample } from './support/live';

const dir = path.join(REPO_ROOT, 'examples', 'analyst-queries');
const files = readdirSync(dir).filter((f) => f.endsWith('.graphql')).sort();
const query = (file: string) => readFileSync(path.join(dir, file), 'utf8');
const variables = (file: string) => JSON.parse(readFileSync(path.join(dir, file.replace(/\.graphql$/, '.variables.json')), 'utf8')) as Record<string, unknown>;
const analyst = () => clientAs('ANALYST');
const officer = () => clientAs('OFFICER');

beforeAll(async () => {
  // at least one allocated placement, so that every aggregate has something to add up
  const run = await runExample('officer-workflow', ['--until', 'TRAINING'], { caller: 'OFFICER' });
  if (run.status !== 0) throw new Error(`officer-workflow failed:\n${run.stdout}\n${run.stderr}`);
});

it('has the analyst queries, each with its variables file and a line in the folder README', () => {
  expect(files).toEqual(expect.arrayContaining(['candidates-by-stage-and-kecamatan.graphql', 'costs-by-payer.graphql', 'quota-fill-by-mou-and-occupation.graphql']));
  const readme = readFileSync(path.join(dir, 'README.md'), 'utf8');
  for (const f of files) {
    expect(existsSync(path.join(dir, f.replace(/\.graphql$/, '.variables.json')))).toBe(true);
    expect(readme).toContain(f);
  }
  // and nothing else: a variables file without its query is a query someone forgot to add
  const orphans = readdirSync(dir)
    .filter((f) => f.endsWith('.variables.json'))
    .filter((f) => !files.includes(f.replace(/\.variables\.json$/, '.graphql')));
  expect(orphans).toEqual([]);
});

/**
 * "Rows", for any aggregate: the path of the first non-empty array in the answer (depth first), or
 * undefined when every array is empty. An all-suppressed table still has rows (its cells are null).
 */
function firstRows(value: unknown, at: string[] = []): string | undefined {
  if (Array.isArray(value)) return value.length > 0 ? at.join('.') || '(root)' : undefined;
  if (value === null || typeof value !== 'object') return undefined;
  for (const [k, v] of Object.entries(value)) {
    const found = firstRows(v, [...at, k]);
    if (found) return found;
  }
  return undefined;
}

it('firstRows finds a non-empty array at any depth, and nothing in empty or scalar answers', () => {
  expect(firstRows({ a: { rows: [] }, b: { c: { series: [{ n: 1 }] } } })).toBe('b.c.series');
  expect(firstRows({ a: { rows: [] }, total: 3, disclosure: { protectedView: true } })).toBeUndefined();
  expect(firstRows(null)).toBeUndefined();
  expect(firstRows({ trends: { points: [null] } })).toBe('trends.points');
});

interface GraphqlAnswer {
  readonly status: number;
  readonly body: { data?: unknown; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> };
}

/** One POST as Apollo Sandbox or the explorer sends it, with the key in `x-api-key`. */
async function post(url: string, apiKey: string, text: string, vars: Record<string, unknown>): Promise<GraphqlAnswer> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': apiKey },
    body: JSON.stringify({ query: text, variables: vars }),
  });
  return { status: res.status, body: (await res.json()) as GraphqlAnswer['body'] };
}

describe('every analyst query, against the demo data with an ANALYST key', () => {
  let demo: DemoGatewayInfo;
  beforeAll(async () => {
    demo = await demoGateway();
  }, 300_000);

  it('finds the query files in the folder', () => {
    expect(files.length).toBeGreaterThanOrEqual(3);
  });

  it.each(files)('%s answers rows, without errors', async (file) => {
    const { status, body } = await post(demo.url, demo.keys.ANALYST, query(file), variables(file));
    expect({ status, errors: body.errors ?? [] }).toEqual({ status: 200, errors: [] });
    expect(body.data).toBeDefined();
    const rows = firstRows(body.data);
    if (!rows) throw new Error(`${file} answered no rows with ${file.replace(/\.graphql$/, '.variables.json')} over the demo data (as of ${demo.asOf}):\n${JSON.stringify(body.data).slice(0, 2000)}`);
    expect(rows).toEqual(expect.any(String));
  });
});

it('quota fill by MoU and occupation adds up to the quotas it summarises', async () => {
  const file = 'quota-fill-by-mou-and-occupation.graphql';
  const vars = variables(file) as { filter: { routes: Array<'E7_3'> } };
  const { quotaFill } = await analyst().request<{ quotaFill: { seats: number; allocated: number; left: number; rows: Array<{ route: string; seats: number; allocated: number; left: number }> } }, Record<string, unknown>>(query(file), vars);
  const quotas = [];
  for await (const q of officer().quotas.list(vars.filter)) quotas.push(q);
  expect(quotaFill.rows.length).toBe(quotas.length);
  expect(quotaFill.seats).toBe(quotas.reduce((n, q) => n + q.seats, 0));
  expect(quotaFill.allocated).toBe(quotas.reduce((n, q) => n + q.allocated, 0));
  expect(quotaFill.allocated).toBeGreaterThan(0);
  expect(quotaFill.left).toBe(quotaFill.seats - quotaFill.allocated);
  expect(quotaFill.rows.every((r) => r.route === 'E7_3' && r.left === r.seats - r.allocated)).toBe(true);
});

/** A refusal by disclosure control: BAD_USER_INPUT with DISCLOSURE.FILTER_NOT_ALLOWED and the filter's path. */
function expectFilterRefused(e: unknown, field: string) {
  expect(isJembatanError(e, 'BAD_USER_INPUT')).toBe(true);
  if (!isJembatanError(e, 'BAD_USER_INPUT')) return;
  expect(e.graphQLErrors?.[0]?.extensions).toMatchObject({ domainCode: 'DISCLOSURE.FILTER_NOT_ALLOWED', field: field.split('.') });
}

type CountRow = { stage: string; kecamatan: string | null; occupation: string | null; sex: string | null; ageBand: string; count: number | null; suppressed: boolean };
type Disclosure = { protectedView: boolean; minCellCount: number | null; suppressedCells: number; referenceDate?: string };
type CountsResult = { candidateCounts: { asOf: string; total: number | null; rows: CountRow[]; disclosure: Disclosure } };

it('candidates by stage and kecamatan count every candidate of the filter once (OFFICER, exact)', async () => {
  const file = 'candidates-by-stage-and-kecamatan.graphql';
  // today (no asOf): the counts are point-in-time, so only today's compare with the current list
  const vars = { ...(variables(file) as { asOf: string; filter: { occupations: Array<'WELDER'> } }), asOf: undefined };
  const { candidateCounts } = await officer().request<CountsResult, Record<string, unknown>>(query(file), vars);
  expect(candidateCounts.disclosure).toMatchObject({ protectedView: false, suppressedCells: 0 });
  const page = await officer().candidates.page({ first: 1, filter: vars.filter });
  expect(candidateCounts.total).toBe(page.totalCount);
  expect(candidateCounts.rows.reduce((n, r) => n + (r.count ?? 0), 0)).toBe(candidateCounts.total);
  const byStage = new Map<string, number>();
  for await (const c of officer().candidates.list(vars.filter)) byStage.set(c.stage, (byStage.get(c.stage) ?? 0) + 1);
  const counted = new Map<string, number>();
  for (const r of candidateCounts.rows) counted.set(r.stage, (counted.get(r.stage) ?? 0) + (r.count ?? 0));
  expect(Object.fromEntries(counted)).toEqual(Object.fromEntries(byStage));
  expect(candidateCounts.rows.some((r) => r.kecamatan === 'CIPOCOK_JAYA')).toBe(true);
});

it('the same query with an ANALYST key is the protected view: no small cell, no total over one, month-end reference date', async () => {
  const file = 'candidates-by-stage-and-kecamatan.graphql';
  const vars = variables(file) as { asOf: string };
  const { candidateCounts: mine } = await analyst().request<CountsResult, Record<string, unknown>>(query(file), vars);
  const { candidateCounts: exact } = await officer().request<CountsResult, Record<string, unknown>>(query(file), vars);
  const k = mine.disclosure.minCellCount!;
  expect(mine.disclosure).toMatchObject({ protectedView: true, minCellCount: 5, referenceDate: vars.asOf });
  expect(mine.asOf).toBe('2026-10-31'); // a month end that has passed: the reference date is the date itself
  for (const r of mine.rows) {
    if (r.suppressed) expect(r.count).toBeNull();
    else expect(r.count).toBeGreaterThanOrEqual(k);
  }
  expect(mine.disclosure.suppressedCells).toBe(mine.rows.filter((r) => r.suppressed).length);
  if (mine.disclosure.suppressedCells > 0) expect(mine.total).toBeNull();
  else expect(mine.total).toBe(exact.total);
  // ages differ (birth-year ages on the reference date), the people do not: where every cell of a
  // stage × kecamatan × occupation × sex group is published, it adds up to the exact count
  const group = (r: CountRow) => [r.stage, r.kecamatan, r.occupation, r.sex].join('|');
  const exactGroups = new Map<string, number>();
  for (const r of exact.rows) exactGroups.set(group(r), (exactGroups.get(group(r)) ?? 0) + (r.count ?? 0));
  const mineGroups = new Map<string, { n: number; complete: boolean }>();
  for (const r of mine.rows) {
    const g = mineGroups.get(group(r)) ?? { n: 0, complete: true };
    mineGroups.set(group(r), { n: g.n + (r.count ?? 0), complete: g.complete && !r.suppressed });
  }
  expect([...mineGroups.keys()].sort()).toEqual([...exactGroups.keys()].sort());
  for (const [g, v] of mineGroups) if (v.complete) expect(v.n).toBe(exactGroups.get(g));
  // a filter on a dimension the table does not report is refused
  const refused = await analyst()
    .request(query(file), { ...vars, filter: { routes: ['E7_3'] } })
    .then(() => undefined, (e: unknown) => e);
  expectFilterRefused(refused, 'filter.routes');
});

type Amount = { amount: string; currency: string };
type CostsResult = { placementCosts: { placements: number | null; total: Amount | null; rows: Array<{ payer: string; placements: number | null; beforeDeparture: Amount | null; inKorea: Amount | null; total: Amount | null; suppressed: boolean }>; disclosure: Disclosure } };

it('costs by payer add up, and count the placements that hold a seat (OFFICER, exact)', async () => {
  const file = 'costs-by-payer.graphql';
  const vars = variables(file);
  const { placementCosts } = await officer().request<CostsResult, Record<string, unknown>>(query(file), vars);
  const sum = (xs: Array<Amount | null>) => xs.reduce((n, x) => n + BigInt(x!.amount), 0n);
  expect(sum(placementCosts.rows.map((r) => r.total))).toBe(BigInt(placementCosts.total!.amount));
  for (const r of placementCosts.rows) expect(BigInt(r.total!.amount)).toBe(BigInt(r.beforeDeparture!.amount) + BigInt(r.inKorea!.amount));
  expect(placementCosts.rows.find((r) => r.payer === 'WORKER')?.placements).toBeGreaterThan(0);

  // placements holding a seat, read one candidate at a time
  let holding = 0;
  for await (const c of officer().candidates.list({})) {
    const detail = (await officer().candidates.get(c.id)) as CandidateDetails;
    holding += detail.placements.filter((p) => p.status !== 'CANCELLED').length;
  }
  expect(placementCosts.placements).toBe(holding);
});

it('costs by payer with an ANALYST key: the table of the last passed month end, without the placements allocated today; a suppressed row has no figures', async () => {
  const file = 'costs-by-payer.graphql';
  const { placementCosts: mine } = await analyst().request<CostsResult, Record<string, unknown>>(query(file), variables(file));
  const { placementCosts: exact } = await officer().request<CostsResult, Record<string, unknown>>(query(file), variables(file));
  // the reference date is the last day of the month before this one (WIB)
  const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
  const lastMonthEnd = new Date(Date.UTC(Number(today.slice(0, 4)), Number(today.slice(5, 7)) - 1, 0)).toISOString().slice(0, 10);
  expect(mine.disclosure).toMatchObject({ protectedView: true, minCellCount: 5, referenceDate: lastMonthEnd });
  // the officer's live table holds the placement the workflow allocated today; the month-end table cannot
  expect(exact.placements).toBeGreaterThan(0);
  if (mine.placements !== null) expect(mine.placements).toBeLessThan(exact.placements!);
  for (const r of mine.rows) {
    expect(exact.rows.map((x) => x.payer)).toContain(r.payer);
    if (r.suppressed) expect([r.placements, r.total, r.beforeDeparture, r.inKorea]).toEqual([null, null, null, null]);
  }
  if (mine.rows.some((r) => r.suppressed)) expect([mine.total, mine.placements]).toEqual([null, null]);
  const refused = await analyst()
    .request(query(file), { filter: { routes: ['E7_3'] } })
    .then(() => undefined, (e: unknown) => e);
  expectFilterRefused(refused, 'filter.routes');
});
