/**
 * The "done when" questions (issue 12) on the demo data (JEMBATAN_SEED=demo): the two files of
 * examples/analyst-queries, as an ANALYST runs them, answer rows with published figures, and agree
 * with the exact view an OFFICER gets. The demo is loaded at its default size (2,000 candidates, as `npm run demo` and
 * the e2e demo gateway load it).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fixedClock } from '../src/clock';
import { loadConfig } from '../src/config/config';
import { startGateway, type Gateway } from '../src/server';
import { createDatabase, dropDatabase, databaseUrlFor, testSecurityConfig } from './harness';
import { captureLogger } from './support/silent-logger';

const dir = path.resolve(__dirname, '..', '..', '..', 'examples', 'analyst-queries');
const file = (name: string) => ({
  query: readFileSync(path.join(dir, `${name}.graphql`), 'utf8'),
  variables: JSON.parse(readFileSync(path.join(dir, `${name}.variables.json`), 'utf8')) as Record<string, unknown>,
});
const TRENDS = file('registrations-training-departures-by-month-and-kecamatan');
const FUNNEL = file('funnel-registered-q1-2026');

let name: string;
let gateway: Gateway;
let analyst: string;
let officer: string;

async function post(token: string, q: { query: string; variables: Record<string, unknown> }): Promise<any> {
  const res = await fetch(gateway.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(q),
  });
  const body = (await res.json()) as { data?: any; errors?: unknown };
  expect(body.errors).toBeUndefined();
  return body.data;
}

beforeAll(async () => {
  name = await createDatabase('jembatan_demo', { migrated: true }); // the run's migrated template: the gateway's start-up finds nothing to migrate
  const config = { ...loadConfig({ JEMBATAN_SEED: 'demo', JEMBATAN_DEMO_CANDIDATES: '2000', PORT: '0', HOST: '127.0.0.1' }), databaseUrl: databaseUrlFor(name) };
  gateway = await startGateway(config, { log: captureLogger('warn').log, security: testSecurityConfig(), clock: fixedClock('2026-12-01') });
  analyst = (await gateway.createApiKey({ roles: ['ANALYST'], name: 'trends demo analyst' })).token;
  officer = (await gateway.createApiKey({ roles: ['OFFICER'], name: 'trends demo officer', city: 'Kota Serang' })).token;
}, 300_000);
afterAll(async () => {
  await gateway?.stop();
  if (name) await dropDatabase(name);
});

type Row = { series: string; stage: string | null; bucket: string; kecamatan: string | null; count: number | null; suppressed: boolean };

describe('registrations, training entries and departures per month for the last 12 months, by kecamatan', () => {
  it('answers every month × kecamatan × series, with published figures, as an ANALYST', async () => {
    const { trends } = await post(analyst, TRENDS);
    expect(trends.disclosure.protectedView).toBe(true);
    expect(trends.buckets.map((b: { label: string }) => b.label)).toEqual([
      '2025-12', '2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11',
    ]);
    const rows = trends.rows as Row[];
    expect(rows.length).toBeGreaterThan(0);
    expect(new Set(rows.map((r) => `${r.series}|${r.stage}`))).toEqual(new Set(['REGISTRATIONS|null', 'STAGE_ENTRIES|TRAINING', 'DEPARTURES|null']));
    // the six kecamatan (and null: an address outside the recognised kecamatan)
    expect([...new Set(rows.filter((r) => r.series === 'REGISTRATIONS').map((r) => r.kecamatan))]).toEqual(
      expect.arrayContaining(['CIPOCOK_JAYA', 'CURUG', 'KASEMEN', 'SERANG', 'TAKTAKAN', 'WALANTAKA']),
    );
    // some figures are published (not everything suppressed), and every published one is 0 or ≥ k
    const k = trends.disclosure.minCellCount as number;
    expect(rows.some((r) => r.series === 'REGISTRATIONS' && !r.suppressed && r.count! >= k)).toBe(true);
    for (const r of rows) if (!r.suppressed) expect(r.count === 0 || r.count! >= k).toBe(true);
    expect(trends.totals.some((t: { series: string; count: number | null }) => t.series === 'REGISTRATIONS' && (t.count ?? 0) > 0)).toBe(true);
  });

  it('the exact view (OFFICER) has registrations, training entries and departures, adding up to the month totals', async () => {
    const { trends } = await post(officer, TRENDS);
    const rows = trends.rows as Row[];
    const sum = (series: string) => rows.filter((r) => r.series === series).reduce((n, r) => n + r.count!, 0);
    expect(sum('REGISTRATIONS')).toBeGreaterThan(100);
    expect(sum('STAGE_ENTRIES')).toBeGreaterThan(0);
    expect(sum('DEPARTURES')).toBeGreaterThan(0);
    for (const t of trends.totals as Row[]) {
      expect(t.count).toBe(rows.filter((r) => r.series === t.series && r.stage === t.stage && r.bucket === t.bucket).reduce((n, r) => n + r.count!, 0));
    }
    // December 2025 is before the first demo registration (5 January 2026): a real zero
    expect(trends.totals.find((t: Row) => t.series === 'REGISTRATIONS' && t.bucket === '2025-12').count).toBe(0);
  });
});

describe('funnel conversion for people registered in Q1 2026', () => {
  it('answers every stage with a published cohort and conversion, as an ANALYST', async () => {
    const { funnel } = await post(analyst, FUNNEL);
    expect(funnel.disclosure.protectedView).toBe(true);
    expect(funnel.rows).toHaveLength(12);
    expect(funnel.cohort).toBeGreaterThan(0);
    expect(funnel.rows[0].reached).toBe(funnel.cohort);
    expect(funnel.rows.some((r: { rateFromRegistration: string | null; stage: string }) => r.stage !== 'REGISTERED' && r.rateFromRegistration !== null)).toBe(true);
  });

  it('the exact view (OFFICER): a decreasing funnel whose rates are its own counts divided', async () => {
    const { funnel } = await post(officer, FUNNEL);
    const reached = funnel.rows.map((r: { reached: number }) => r.reached) as number[];
    expect(reached[0]).toBeGreaterThan(20);
    for (let i = 1; i < reached.length; i++) expect(reached[i]).toBeLessThanOrEqual(reached[i - 1]!);
    expect(reached[1]).toBeGreaterThan(0);
    const r1 = funnel.rows[1];
    expect(Number(r1.rateFromPrevious)).toBeCloseTo(reached[1]! / reached[0]!, 4);
    expect(r1.medianDaysFromPrevious).not.toBeNull();
    expect(funnel.exitTotals.map((e: { exit: string }) => e.exit)).toEqual(['WITHDRAWN', 'REJECTED']);
  });
});
