/**
 * examples/program-dashboard in a real browser: the page is built as a developer builds it
 * (build.mjs: esbuild bundles the SDK and Chart.js), served by its own serve.mjs in front of the
 * demo-data gateway (support/demo-gateway.ts, `/graphql` passed on: same origin), and opened in
 * Debian's headless Chromium (playwright-core, a fresh profile, every request off localhost blocked
 * and recorded). With the ANALYST key typed into its form, every chart must be drawn (a canvas with
 * the series' colours on it) and its table must hold exactly the figures the SDK reads from the same
 * gateway with the same key; the language switch must relabel everything without a new request; a
 * screenshot is saved under test/.artifacts/ (git-ignored) and its path printed.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { createClient, type JembatanClient } from '@jembatan/sdk';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { demoGateway, type DemoGatewayInfo } from './support/demo-gateway';
import { REPO_ROOT } from './support/live';
import { CHROMIUM, CHROMIUM_ARGS } from './support/chromium';

const execFileAsync = promisify(execFile);
const EXAMPLE = path.join(REPO_ROOT, 'examples', 'program-dashboard');
const ARTIFACTS = path.join(REPO_ROOT, 'test', '.artifacts');
/** render.ts's first two series colours (#1f6feb, #f0883e): bars of the first and second series. */
const SERIES_RGB: ReadonlyArray<readonly [number, number, number]> = [
  [0x1f, 0x6f, 0xeb],
  [0xf0, 0x88, 0x3e],
];

interface Served {
  readonly url: string;
  readonly process: ChildProcess;
}

/** `node serve.mjs --dir <dir> --port 0 --gateway <url>`, resolved once it prints where it listens. */
function serve(dir: string, gateway: string): Promise<Served> {
  const child = spawn(process.execPath, [path.join(EXAMPLE, 'serve.mjs'), '--dir', dir, '--port', '0', '--gateway', gateway], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve.mjs did not start:\n${out}`)), 20_000);
    const onData = (d: Buffer): void => {
      out += d.toString('utf8');
      const m = /dashboard at (http:\/\/\S+\/)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ url: m[1] as string, process: child });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`serve.mjs exited with ${code}:\n${out}`));
    });
  });
}

const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** A table cell as the page renders it (`data-*` attributes and text). */
interface RenderedCell {
  readonly category: string;
  readonly series: string;
  readonly value: string;
  readonly suppressed: boolean;
  readonly text: string;
}

async function cellsOf(page: Page, panel: string): Promise<RenderedCell[]> {
  return page.locator(`table[data-figures="${panel}"] td[data-series]`).evaluateAll((tds) =>
    tds.map((td) => ({
      category: td.getAttribute('data-category') ?? '',
      series: td.getAttribute('data-series') ?? '',
      value: td.getAttribute('data-value') ?? '',
      suppressed: td.getAttribute('data-suppressed') === 'true',
      text: (td.textContent ?? '').trim(),
    })),
  );
}

/** What the test expects in a cell: the raw figure ('' when none) and whether it is suppressed. */
type Expected = Record<string, { value: string; suppressed: boolean }>;

const expectedCount = (n: number | null, suppressed: boolean): { value: string; suppressed: boolean } => ({
  value: n === null ? '' : String(n),
  suppressed,
});
const expectedMoney = (m: { amount: string } | null, suppressed: boolean): { value: string; suppressed: boolean } => ({
  value: m === null ? '' : m.amount,
  suppressed,
});

/** The 12 whole calendar months before the month of `asOf` (what the page asks for with `?asOf=`). */
function last12Months(asOf: string): { from: string; to: string } {
  const y = Number(asOf.slice(0, 4));
  const m0 = Number(asOf.slice(5, 7)) - 1;
  const day = (yy: number, mm: number, dd: number) => new Date(Date.UTC(yy, mm, dd)).toISOString().slice(0, 10);
  return { from: day(y - 1, m0, 1), to: day(y, m0, 0) };
}

function indexCells(cells: readonly RenderedCell[]): Expected {
  return Object.fromEntries(cells.map((c) => [`${c.category}/${c.series}`, { value: c.value, suppressed: c.suppressed }]));
}

/**
 * Pixels of each series colour on each chart canvas (exact RGB, interior of bars and lines), and the
 * share of the canvas that is not transparent: a chart that drew nothing has neither.
 */
interface CanvasInk {
  readonly panel: string;
  readonly width: number;
  readonly height: number;
  readonly inked: number;
  readonly seriesPixels: number[];
}

async function canvasInk(page: Page): Promise<CanvasInk[]> {
  // a string, evaluated in the page: the test workspace is type-checked without the DOM library
  const script = `(() => {
    const colours = ${JSON.stringify(SERIES_RGB)};
    return Array.from(document.querySelectorAll('canvas[data-chart]')).map((canvas) => {
      const { width, height } = canvas;
      const data = canvas.getContext('2d').getImageData(0, 0, width, height).data;
      let inked = 0;
      const seriesPixels = colours.map(() => 0);
      for (let i = 0; i < data.length; i += 4) {
        if (data[i + 3] === 0) continue;
        inked++;
        colours.forEach(([r, g, b], k) => {
          if (data[i] === r && data[i + 1] === g && data[i + 2] === b && data[i + 3] === 255) seriesPixels[k]++;
        });
      }
      return { panel: canvas.getAttribute('data-chart'), width, height, inked, seriesPixels };
    });
  })()`;
  return page.evaluate<CanvasInk[]>(script);
}

describe('examples/program-dashboard in headless Chromium against the demo data', () => {
  let demo: DemoGatewayInfo;
  let built: string;
  let served: Served;
  let profile: string;
  let context: BrowserContext;
  let page: Page;
  let analyst: JembatanClient;
  const blocked: string[] = [];
  const graphqlRequests: string[] = [];
  let inFlight = 0;
  let mostInFlight = 0;
  const pageErrors: string[] = [];
  /** The page, its period ending with the demo data (`?asOf=`), so that the test does not age. */
  const pageUrl = (extra = ''): string => `${served.url}?asOf=${demo.asOf}${extra}`;
  const PANEL_IDS = ['quota-fill', 'funnel', 'trends', 'cost-per-placement', 'placement-costs'];

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: install Debian's chromium (.ci/run does)`);
    demo = await demoGateway();
    analyst = createClient({ url: demo.url, apiKey: demo.keys.ANALYST, retries: 0, timeoutMs: 60_000 });
    built = await mkdtemp(path.join(tmpdir(), 'jembatan-dashboard-'));
    await execFileAsync(process.execPath, [path.join(EXAMPLE, 'build.mjs'), '--outdir', built], { cwd: REPO_ROOT, timeout: 120_000 });
    served = await serve(built, demo.url);
    profile = await mkdtemp(path.join(tmpdir(), 'jembatan-chromium-'));
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
      viewport: { width: 1280, height: 900 },
      locale: 'en-GB', // the page must not follow the browser: Bahasa Indonesia is its default
    });
    await context.route('**/*', async (route) => {
      const url = new URL(route.request().url());
      if (LOCAL_HOSTS.has(url.hostname)) {
        if (url.pathname === '/graphql' && route.request().method() === 'POST') {
          graphqlRequests.push(route.request().method());
          inFlight++;
          mostInFlight = Math.max(mostInFlight, inFlight);
        }
        await route.continue();
      } else {
        blocked.push(url.href);
        await route.abort('blockedbyclient');
      }
    });
    const settled = (r: { url(): string; method(): string }): void => {
      if (new URL(r.url()).pathname === '/graphql' && r.method() === 'POST') inFlight--;
    };
    context.on('requestfinished', settled);
    context.on('requestfailed', settled);
    page = context.pages()[0] ?? (await context.newPage());
    page.on('pageerror', (e) => pageErrors.push(e.message));
    page.on('console', (m) => {
      // a refused request (401, CORS) is the browser's report of what a test provoked, not a script error
      if (m.type() === 'error' && !/^(Failed to load resource|Access to fetch at)/.test(m.text())) pageErrors.push(m.text());
    });
  }, 360_000);

  afterAll(async () => {
    await context?.close();
    served?.process.kill('SIGTERM');
    await Promise.all([profile, built].filter(Boolean).map((d) => rm(d, { recursive: true, force: true })));
  });

  it('opens in Bahasa Indonesia with an empty key field, and asks for the key before loading anything', async () => {
    await page.goto(pageUrl());
    expect(await page.getAttribute('html', 'lang')).toBe('id');
    await expect(page.locator('h1').textContent()).resolves.toBe('Dasbor Program Penempatan Kota Serang');
    expect(await page.inputValue('#gateway-url')).toBe(new URL('/graphql', served.url).href);
    expect(await page.inputValue('#api-key')).toBe('');
    await page.click('button[type="submit"]');
    await expect(page.locator('#status').textContent()).resolves.toBe('Masukkan kunci API ANALYST.');
    expect(graphqlRequests).toEqual([]);
  });

  it('with the ANALYST key draws every chart, whose tables hold exactly what the SDK reads', async () => {
    await page.fill('#api-key', demo.keys.ANALYST);
    await page.click('button[type="submit"]');
    await page.waitForSelector('body[data-state="ready"], body[data-state="error"]', { timeout: 60_000 });
    // (the status line names the error, if any: shown whole when this fails)
    expect({ kind: await page.locator('#status').getAttribute('data-kind'), text: await page.locator('#status').textContent() }).toEqual({
      kind: 'info',
      text: expect.stringMatching(/^Dimuat pukul \d/),
    });
    expect(await page.getAttribute('body', 'data-state')).toBe('ready');
    // the key is in this tab's sessionStorage only; the field is cleared
    expect(await page.inputValue('#api-key')).toBe('');
    const storage = await page.evaluate<{ session: string | null; local: number; cookie: string }>(
      `({ session: sessionStorage.getItem('jembatan.dashboard.apiKey'), local: localStorage.length, cookie: document.cookie })`,
    );
    expect(storage).toEqual({ session: demo.keys.ANALYST, local: 0, cookie: '' });

    const [quota, costs] = await Promise.all([analyst.aggregates.quotaFill(), analyst.aggregates.placementCosts()]);
    expect(quota.rows.length).toBeGreaterThan(0);

    const quotaExpected: Expected = {};
    for (const r of [...quota.rows.map((r) => ({ ...r, key: `${r.mou.id}|${r.occupation}|${r.route}` })), { ...quota, key: 'TOTAL' }]) {
      quotaExpected[`${r.key}/allocated`] = expectedCount(r.allocated, false);
      quotaExpected[`${r.key}/left`] = expectedCount(r.left, false);
      quotaExpected[`${r.key}/seats`] = expectedCount(r.seats, false);
    }
    expect(indexCells(await cellsOf(page, 'quota-fill'))).toEqual(quotaExpected);

    const costsExpected: Expected = {};
    for (const r of costs.rows) {
      costsExpected[`${r.payer}/beforeDeparture`] = expectedMoney(r.beforeDeparture, r.suppressed);
      costsExpected[`${r.payer}/inKorea`] = expectedMoney(r.inKorea, r.suppressed);
      costsExpected[`${r.payer}/total`] = expectedMoney(r.total, r.suppressed);
      costsExpected[`${r.payer}/placements`] = expectedCount(r.placements, r.suppressed);
    }
    const totalSuppressed = costs.disclosure.protectedView;
    costsExpected['TOTAL/beforeDeparture'] = { value: '', suppressed: false };
    costsExpected['TOTAL/inKorea'] = { value: '', suppressed: false };
    costsExpected['TOTAL/total'] = expectedMoney(costs.total, costs.total === null && totalSuppressed);
    costsExpected['TOTAL/placements'] = expectedCount(costs.placements, costs.placements === null && totalSuppressed);
    expect(indexCells(await cellsOf(page, 'placement-costs'))).toEqual(costsExpected);

    // the funnel of the cohort registered in the last 12 whole months, and the monthly trends
    const period = last12Months(demo.asOf);
    const [funnel, trends] = await Promise.all([
      analyst.aggregates.funnel({ registered: period }),
      analyst.aggregates.trends({ series: ['REGISTRATIONS', 'STAGE_ENTRIES', 'DEPARTURES'], stages: ['TRAINING'], granularity: 'MONTH', ...period }),
    ]);
    expect(funnel).toMatchObject({ registeredFrom: period.from, registeredTo: period.to });
    const funnelCells = indexCells(await cellsOf(page, 'funnel'));
    const funnelReached: Expected = {};
    for (const r of funnel.rows) {
      funnelReached[`${r.stage}/reached`] = expectedCount(r.reached, r.suppressed);
      // rates and days: the gateway's figure, or none (withheld, or not computed)
      for (const [series, v] of [['rateFromPrevious', r.rateFromPrevious], ['medianDaysFromPrevious', r.medianDaysFromPrevious], ['p90DaysFromPrevious', r.p90DaysFromPrevious]] as const) {
        expect(funnelCells[`${r.stage}/${series}`]?.value).toBe(v ?? '');
        if (r.suppressed) expect(funnelCells[`${r.stage}/${series}`]?.suppressed).toBe(true);
      }
    }
    for (const e of funnel.exitTotals) funnelReached[`EXIT:${e.exit}/reached`] = expectedCount(e.count, e.suppressed);
    expect(Object.fromEntries(Object.entries(funnelCells).filter(([k]) => k.endsWith('/reached')))).toEqual(funnelReached);
    expect(funnel.rows[0]?.reached ?? 0).toBeGreaterThan(0); // the demo cohort is not empty

    const lines = [
      ['REGISTRATIONS', 'REGISTRATIONS', null],
      ['STAGE_ENTRIES:TRAINING', 'STAGE_ENTRIES', 'TRAINING'],
      ['DEPARTURES', 'DEPARTURES', null],
    ] as const;
    expect(trends.buckets).toHaveLength(12);
    const trendsExpected: Expected = {};
    for (const b of trends.buckets) {
      for (const [key, series, stage] of lines) {
        const r = trends.rows.find((x) => x.series === series && x.stage === stage && x.bucket === b.label);
        expect(r).toBeDefined();
        trendsExpected[`${b.label}/${key}`] = expectedCount(r!.count, r!.suppressed);
      }
    }
    expect(indexCells(await cellsOf(page, 'trends'))).toEqual(trendsExpected);
    expect(trends.rows.some((r) => r.series === 'REGISTRATIONS' && (r.count ?? 0) > 0)).toBe(true);
    const suppressedShown = [...Object.values(funnelReached), ...Object.values(trendsExpected)].filter((c) => c.suppressed).length;
    process.stdout.write(`[e2e] program dashboard: ${suppressedShown} suppressed funnel/trend cells in the demo data (ANALYST)\n`);

    // the protected view says so, with the SDK's minimum cell count and reference date
    expect(costs.disclosure.protectedView).toBe(true);
    await expect(page.locator('section[data-panel="placement-costs"] .note').first().textContent()).resolves.toContain(
      `kurang dari ${costs.disclosure.minCellCount} orang`,
    );

    // every chart is drawn: a canvas with ink, and bars of the series that have figures above 0
    const ink = await canvasInk(page);
    expect(ink.map((c) => c.panel).sort()).toEqual([...PANEL_IDS].sort());
    for (const c of ink) {
      expect(c.width * c.height).toBeGreaterThan(0);
      expect(c.inked / (c.width * c.height)).toBeGreaterThan(0.01);
    }
    const quotaInk = ink.find((c) => c.panel === 'quota-fill')!;
    if (quota.allocated > 0) expect(quotaInk.seriesPixels[0]).toBeGreaterThan(50);
    if (quota.left > 0) expect(quotaInk.seriesPixels[1]).toBeGreaterThan(50);
    const costInk = ink.find((c) => c.panel === 'placement-costs')!;
    if (costs.rows.some((r) => r.beforeDeparture !== null && Number(r.beforeDeparture.amount) > 0)) expect(costInk.seriesPixels[0]).toBeGreaterThan(50);
    const funnelInk = ink.find((c) => c.panel === 'funnel')!;
    expect(funnelInk.seriesPixels[0]).toBeGreaterThan(50);
    const trendsInk = ink.find((c) => c.panel === 'trends')!;
    expect(trendsInk.seriesPixels[0]).toBeGreaterThan(10); // the registrations line and its points
  });

  it('cost per placement: by occupation, then by route, kecamatan and payer (the select), each as the SDK reads it', async () => {
    const field = { OCCUPATION: 'occupation', ROUTE: 'route', KECAMATAN: 'kecamatan', PAYER: 'payer' } as const;
    const before = graphqlRequests.length;
    for (const by of ['OCCUPATION', 'ROUTE', 'KECAMATAN', 'PAYER'] as const) {
      if (by !== 'OCCUPATION') await page.selectOption('section[data-panel="cost-per-placement"] select[data-control="by"]', by);
      const answer = await analyst.aggregates.costPerPlacement({ by: [by] });
      expect(answer.rows.length).toBeGreaterThan(0);
      const p = answer.disclosure.protectedView;
      const expected: Expected = {};
      for (const r of [...answer.rows.map((r) => ({ ...r, key: r[field[by]] ?? '(none)' })), { ...answer, key: 'TOTAL' }]) {
        expected[`${r.key}/average`] = expectedMoney(r.average, r.average === null && p);
        expected[`${r.key}/total`] = expectedMoney(r.total, r.total === null && p);
        expected[`${r.key}/placements`] = expectedCount(r.placements, r.placements === null && p);
      }
      expect(indexCells(await cellsOf(page, 'cost-per-placement'))).toEqual(expected);
      expect(await page.inputValue('section[data-panel="cost-per-placement"] select[data-control="by"]')).toBe(by);
      const ink = (await canvasInk(page)).find((c) => c.panel === 'cost-per-placement')!;
      if (answer.rows.some((r) => r.average !== null && Number(r.average.amount) > 0)) expect(ink.seriesPixels[0]).toBeGreaterThan(50);
    }
    // the four were read with the page: switching asks the gateway nothing
    expect(graphqlRequests.length).toBe(before);
    await page.selectOption('section[data-panel="cost-per-placement"] select[data-control="by"]', 'OCCUPATION');
  });

  it('shows a suppressed cell as "disembunyikan", never as 0', async () => {
    const cells = (await Promise.all(PANEL_IDS.map((p) => cellsOf(page, p)))).flat();
    // the demo data has small cells in the funnel and the trends (an ANALYST key sees them withheld)
    expect(cells.filter((x) => x.suppressed).length).toBeGreaterThan(0);
    for (const c of cells.filter((x) => x.suppressed)) expect(c).toMatchObject({ value: '', text: 'disembunyikan' });
    for (const c of cells.filter((x) => !x.suppressed && x.value === '')) expect(c.text).toBe('—');
  });

  it('switches to English and back without asking the gateway again, the figures unchanged', async () => {
    const before = graphqlRequests.length;
    const figures = async () => (await Promise.all(PANEL_IDS.map((p) => cellsOf(page, p)))).flat().map(({ text: _text, ...rest }) => rest);
    const inIndonesian = await figures();
    await page.click('button[data-lang="en"]');
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await expect(page.locator('h1').textContent()).resolves.toBe('Kota Serang Placement Program Dashboard');
    expect(await page.locator('section[data-panel] h2').allTextContents()).toEqual(['Quota fill', 'Stage funnel', 'Monthly trends', 'Cost per placement', 'Placement costs by payer']);
    expect(await page.locator('table[data-figures="quota-fill"] thead th').allTextContents()).toEqual(['Category', 'Allocated', 'Left', 'Seats']);
    expect(await page.getAttribute('button[data-lang="en"]', 'aria-pressed')).toBe('true');
    await expect(page.locator('#status').textContent()).resolves.toMatch(/^Loaded at \d/);
    expect(await page.locator('section[data-panel="cost-per-placement"] select[data-control="by"] option').allTextContents()).toEqual(['Occupation', 'Route', 'Kecamatan', 'Payer']);
    await expect(page.locator('section[data-panel="placement-costs"] .note').first().textContent()).resolves.toMatch(/^Protected view: cells of fewer than \d+ people/);
    expect(await figures()).toEqual(inIndonesian);
    const suppressed = (await Promise.all(PANEL_IDS.map((p) => cellsOf(page, p)))).flat().filter((c) => c.suppressed);
    for (const c of suppressed) expect(c.text).toBe('suppressed');
    const ink = await canvasInk(page);
    for (const c of ink) expect(c.inked / (c.width * c.height)).toBeGreaterThan(0.01);
    mkdirSync(ARTIFACTS, { recursive: true });
    const english = path.join(ARTIFACTS, 'program-dashboard.en.png');
    await page.screenshot({ path: english, fullPage: true });

    await page.click('button[data-lang="id"]');
    expect(await page.getAttribute('html', 'lang')).toBe('id');
    expect(await page.locator('table[data-figures="quota-fill"] thead th').allTextContents()).toEqual(['Kategori', 'Terisi', 'Tersisa', 'Kursi']);
    expect(graphqlRequests.length).toBe(before);
    process.stdout.write(`[e2e] program dashboard screenshot (English): ${english}\n`);
  });

  it('saves a screenshot of the whole page', async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    const file = path.join(ARTIFACTS, 'program-dashboard.png');
    await page.screenshot({ path: file, fullPage: true });
    expect(existsSync(file)).toBe(true);
    process.stdout.write(`[e2e] program dashboard screenshot: ${file}\n`);
  });

  it('after a reload it loads again from the key kept in the tab, in the language chosen; "Lupakan kunci" removes the key', async () => {
    await page.click('button[data-lang="en"]');
    await page.reload();
    await page.waitForSelector('body[data-state="ready"]', { timeout: 60_000 });
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await page.click('button[data-lang="id"]');
    await page.click('#forget');
    expect(await page.evaluate<string | null>(`sessionStorage.getItem('jembatan.dashboard.apiKey')`)).toBeNull();
    await expect(page.locator('#status').textContent()).resolves.toBe('Kunci dihapus dari sesi ini.');
  });

  it('with an OFFICER key the same page shows the exact figures: nothing suppressed, and says so', async () => {
    await page.fill('#api-key', demo.keys.OFFICER);
    await page.click('button[type="submit"]');
    await page.waitForSelector('body[data-state="ready"]', { timeout: 60_000 });
    const officer = createClient({ url: demo.url, apiKey: demo.keys.OFFICER, retries: 0, timeoutMs: 60_000 });
    const period = last12Months(demo.asOf);
    const funnel = await officer.aggregates.funnel({ registered: period });
    expect(funnel.disclosure.protectedView).toBe(false);
    const cells = indexCells(await cellsOf(page, 'funnel'));
    for (const r of funnel.rows) expect(cells[`${r.stage}/reached`]).toEqual(expectedCount(r.reached, false));
    const all = (await Promise.all(PANEL_IDS.map((p) => cellsOf(page, p)))).flat();
    expect(all.filter((c) => c.suppressed)).toEqual([]);
    await expect(page.locator('section[data-panel="funnel"] .note').nth(1).textContent()).resolves.toBe('Angka tepat (tanpa penyembunyian).');
    await page.click('#forget');
  });

  it('a wrong key is refused with the gateway code and its message in the page language', async () => {
    await page.fill('#api-key', 'jbt_not-a-key');
    await page.click('button[type="submit"]');
    await page.waitForSelector('body[data-state="error"]', { timeout: 60_000 });
    await expect(page.locator('#status').textContent()).resolves.toMatch(/^Gagal memuat: \[UNAUTHENTICATED\] /);
    expect(await page.locator('section[data-panel="quota-fill"]').getAttribute('data-state')).toBe('error');
    await page.evaluate(`sessionStorage.clear()`);
  });

  it('pointed at the gateway on another origin (?gateway=), which does not allow this one, it names the CORS setting', async () => {
    // the demo gateway runs in production mode with no JEMBATAN_CORS_ORIGINS: the page's origin is refused
    await page.goto(pageUrl(`&gateway=${encodeURIComponent(demo.url)}`));
    expect(await page.inputValue('#gateway-url')).toBe(demo.url);
    await page.fill('#api-key', demo.keys.ANALYST);
    await page.click('button[type="submit"]');
    await page.waitForSelector('body[data-state="error"]', { timeout: 60_000 });
    const status = (await page.locator('#status').textContent()) ?? '';
    expect(status).toContain('[NETWORK_ERROR]');
    expect(status).toContain('JEMBATAN_CORS_ORIGINS');
    await page.evaluate(`sessionStorage.clear()`);
  });

  it('loaded nothing from off localhost, threw no script error, and kept under the gateway’s 4 requests in flight per key', () => {
    expect(blocked).toEqual([]);
    expect(mostInFlight).toBeGreaterThan(1);
    expect(mostInFlight).toBeLessThanOrEqual(3);
    expect(pageErrors).toEqual([]);
  });
});
