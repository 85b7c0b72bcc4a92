/**
 * examples/analyst-queries: each .graphql file runs with its .variables.json as an analyst would
 * run it (ANALYST key), and its figures agree with the lists they summarise.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import type { CandidateDetails } from '@jembatan/sdk';
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

it('has the three analyst queries, each with its variables file and a line in the folder README', () => {
  expect(files).toEqual(['candidates-by-stage-and-kecamatan.graphql', 'costs-by-payer.graphql', 'quota-fill-by-mou-and-occupation.graphql']);
  const readme = readFileSync(path.join(dir, 'README.md'), 'utf8');
  for (const f of files) {
    expect(existsSync(path.join(dir, f.replace(/\.graphql$/, '.variables.json')))).toBe(true);
    expect(readme).toContain(f);
  }
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

it('candidates by stage and kecamatan count every candidate of the filter once', async () => {
  const file = 'candidates-by-stage-and-kecamatan.graphql';
  const vars = variables(file) as { asOf: string; filter: { routes: Array<'E7_3'> } };
  const { candidateCounts } = await analyst().request<{ candidateCounts: { total: number; rows: Array<{ stage: string; kecamatan: string | null; count: number }> } }, Record<string, unknown>>(query(file), vars);
  const page = await officer().candidates.page({ first: 1, filter: vars.filter });
  expect(candidateCounts.total).toBe(page.totalCount);
  expect(candidateCounts.rows.reduce((n, r) => n + r.count, 0)).toBe(candidateCounts.total);
  const byStage = new Map<string, number>();
  for await (const c of officer().candidates.list(vars.filter)) byStage.set(c.stage, (byStage.get(c.stage) ?? 0) + 1);
  const counted = new Map<string, number>();
  for (const r of candidateCounts.rows) counted.set(r.stage, (counted.get(r.stage) ?? 0) + r.count);
  expect(Object.fromEntries(counted)).toEqual(Object.fromEntries(byStage));
  expect(candidateCounts.rows.some((r) => r.kecamatan === 'CIPOCOK_JAYA')).toBe(true);
});

it('costs by payer add up, and count the placements that hold a seat', async () => {
  const file = 'costs-by-payer.graphql';
  const vars = variables(file) as { filter: { routes: Array<'E7_3'>; occupations: Array<'WELDER'> } };
  type Amount = { amount: string; currency: string };
  const { placementCosts } = await analyst().request<{ placementCosts: { placements: number; total: Amount; rows: Array<{ payer: string; placements: number; beforeDeparture: Amount; inKorea: Amount; total: Amount }> } }, Record<string, unknown>>(query(file), vars);
  const sum = (xs: Amount[]) => xs.reduce((n, x) => n + BigInt(x.amount), 0n);
  expect(sum(placementCosts.rows.map((r) => r.total))).toBe(BigInt(placementCosts.total.amount));
  for (const r of placementCosts.rows) expect(BigInt(r.total.amount)).toBe(BigInt(r.beforeDeparture.amount) + BigInt(r.inKorea.amount));
  expect(placementCosts.rows.find((r) => r.payer === 'WORKER')?.placements).toBeGreaterThan(0);

  // placements holding a seat on E-7-3 welder openings, read one candidate at a time
  let holding = 0;
  for await (const c of officer().candidates.list({ route: 'E7_3', occupation: 'WELDER' })) {
    const detail = (await officer().candidates.get(c.id)) as CandidateDetails;
    holding += detail.placements.filter((p) => p.status !== 'CANCELLED' && p.route === 'E7_3' && p.occupation === 'WELDER').length;
  }
  expect(placementCosts.placements).toBe(holding);
});
