/**
 * The gateway's offline explorer (/explorer, packages/gateway/src/http/explorer) in a real browser
 * with no network: Debian's headless Chromium (playwright-core, a fresh profile), every request that
 * is not to the gateway's own origin blocked and recorded, against the demo-data gateway
 * (support/demo-gateway.ts, production mode). GraphiQL must render from the gateway alone, its
 * default tabs must be the analyst query pack (examples/analyst-queries, read from the folder here
 * too), the page must say when a key's role may not read the schema, and a pack query run with an
 * ANALYST key must show its answer. No request may leave for a CDN, and the page's policy of 'self'
 * must not have refused anything.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { demoGateway, type DemoGatewayInfo } from './support/demo-gateway';
import { REPO_ROOT } from './support/live';
import { CHROMIUM, CHROMIUM_ARGS } from './support/chromium';

const KEY_ITEM = 'jembatan.explorer.apiKey';
const PACK_DIR = path.join(REPO_ROOT, 'examples', 'analyst-queries');

/** The pack as the folder holds it: file and the tab title GraphiQL gives it (the operation name). */
const pack = readdirSync(PACK_DIR)
  .filter((f) => f.endsWith('.graphql'))
  .sort()
  .map((file) => {
    const text = readFileSync(path.join(PACK_DIR, file), 'utf8');
    // GraphiQL titles a tab with its operation's name ("<untitled>" without one)
    const name = /^\s*query\s+([_A-Za-z][_0-9A-Za-z]*)/m.exec(text)?.[1] ?? '<untitled>';
    return { file, name, text };
  });

let demo: DemoGatewayInfo;
let origin: string;
let userDataDir: string;
let context: BrowserContext;
let page: Page;
const attempted: string[] = [];
const blocked: string[] = [];
const problems: string[] = [];
const graphqlKeys: Array<string | undefined> = [];
const exchanges: string[] = [];

beforeAll(async () => {
  demo = await demoGateway();
  origin = new URL(demo.url).origin;
  userDataDir = await mkdtemp(path.join(tmpdir(), 'jembatan-explorer-chromium-'));
  context = await chromium.launchPersistentContext(userDataDir, { executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
  // no network: only the gateway's own origin answers; anything else is recorded and refused
  await context.route('**/*', async (route) => {
    const request = route.request();
    const url = request.url();
    attempted.push(url);
    if (new URL(url).origin !== origin) {
      blocked.push(url);
      await route.abort('blockedbyclient');
      return;
    }
    if (new URL(url).pathname === '/graphql') graphqlKeys.push(await request.headerValue('x-api-key') ?? undefined);
    await route.continue();
  });
  // what the page's policy refuses is reported to the page (securitypolicyviolation)
  // (a string: this workspace compiles without the DOM library)
  await context.addInitScript({
    content: `window.__csp = []; document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));`,
  });
  page = context.pages()[0] ?? (await context.newPage());
  page.on('console', (m) => {
    if (m.type() === 'error' && !/status of 40[13]/.test(m.text())) problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  // what /graphql answered, for the failure messages
  page.on('response', (r) => {
    if (new URL(r.url()).pathname !== '/graphql') return;
    const op = /"operationName":"([^"]*)"/.exec(r.request().postData() ?? '')?.[1] ?? '(none)';
    exchanges.push(`${op} → ${r.status()}`);
    if (r.status() === 400) r.text().then((t) => problems.push(`400 for ${op}: ${t.slice(0, 500)}`), () => undefined);
  });
}, 300_000);

afterAll(async () => {
  await context?.close();
  if (userDataDir) await rm(userDataDir, { recursive: true, force: true });
});

async function status(): Promise<string | null> {
  return page.locator('#explorer-status').getAttribute('data-status');
}

async function useKey(key: string, expected: string): Promise<void> {
  await page.fill('#explorer-key', key);
  await page.click('#explorer-use-key');
  await page.waitForSelector(`#explorer-status[data-status="${expected}"]`, { timeout: 30_000 });
}

it('renders GraphiQL from the gateway alone, and tells a visitor without a key to paste one', async () => {
  const res = await page.goto(`${origin}/explorer`, { waitUntil: 'load' });
  expect(res?.status()).toBe(200);
  await page.waitForSelector('.graphiql-container', { timeout: 30_000 });
  await page.waitForSelector('#explorer-status:not([data-status="loading"])', { timeout: 30_000 });
  // production: the schema is for ANALYST and ADMIN keys only
  expect(await status()).toBe('anonymousRefused');
  expect(await page.locator('#explorer-status').innerText()).toMatch(/ANALYST and ADMIN/);
  expect(await page.locator('.graphiql-execute-button').count()).toBe(1);
});

it('opens with the analyst query pack as its tabs, each holding its query and variables', async () => {
  expect(pack.length).toBeGreaterThanOrEqual(3);
  // every query of the pack is named, so that its tab says what it is
  expect(pack.filter((p) => p.name === '<untitled>').map((p) => p.file)).toEqual([]);
  const titles = await page.locator('.graphiql-tab .graphiql-tab-button').allInnerTexts();
  expect(titles.map((t) => t.trim())).toEqual(pack.map((p) => p.name));
  // the last tab is the active one's neighbour: check each tab's query editor and variables
  for (const q of pack) {
    await page.locator('.graphiql-tab .graphiql-tab-button', { hasText: new RegExp(`^${q.name}$`) }).click();
    const editor = await page.locator('.graphiql-query-editor .CodeMirror').evaluate((el) => (el as unknown as { CodeMirror: { getValue(): string } }).CodeMirror.getValue());
    expect(editor).toBe(q.text);
    const vars = await page
      .locator('.graphiql-editor-tool .CodeMirror')
      .first()
      .evaluate((el) => (el as unknown as { CodeMirror: { getValue(): string } }).CodeMirror.getValue());
    expect(JSON.parse(vars)).toEqual(JSON.parse(readFileSync(path.join(PACK_DIR, q.file.replace(/\.graphql$/, '.variables.json')), 'utf8')));
  }
});

it('says clearly when the key is refused or its role may not use the explorer', async () => {
  await useKey('jbt_not_a_real_key', 'keyRefused');
  expect(await page.locator('#explorer-status').innerText()).toMatch(/refused/);
  await useKey(demo.keys.OFFICER, 'roleRefused');
  expect(await page.locator('#explorer-status').innerText()).toMatch(/only ANALYST and ADMIN keys/);
});

it('runs a pack query with an ANALYST key and shows its answer; the key stays in this tab only', async () => {
  await useKey(demo.keys.ANALYST, 'ready');
  const q = pack.find((p) => p.file === 'costs-by-payer.graphql') ?? (pack[0] as (typeof pack)[number]);
  await page.locator('.graphiql-tab .graphiql-tab-button', { hasText: new RegExp(`^${q.name}$`) }).click();
  await page.waitForFunction(`document.querySelector('.graphiql-query-editor .CodeMirror').CodeMirror.getValue() === ${JSON.stringify(q.text)}`, undefined, { timeout: 10_000 });
  // (run at once, as a quick user would: the page drops a previous tab's operation name GraphiQL may still hold)
  const sent = JSON.stringify(q.text);
  const answered = page.waitForResponse((r) => new URL(r.url()).pathname === '/graphql' && (r.request().postData() ?? '').includes(sent.slice(1, -1)));
  await page.click('.graphiql-execute-button');
  const res = await answered;
  expect(res.status()).toBe(200);
  expect(await res.request().headerValue('x-api-key')).toBe(demo.keys.ANALYST);
  const body = (await res.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
  expect(body.errors).toBeUndefined();
  const field = Object.keys(body.data ?? {})[0] as string;
  expect(field).toBeTruthy();
  // the answer is on the page
  await page.waitForFunction(`(document.querySelector('.graphiql-response')?.textContent ?? '').includes(${JSON.stringify(`"${field}"`)})`, undefined, { timeout: 30_000 });
  const shown = await page.locator('.graphiql-response .CodeMirror').evaluate((el) => (el as unknown as { CodeMirror: { getValue(): string } }).CodeMirror.getValue());
  expect(JSON.parse(shown)).toEqual(body);
  // the key: in sessionStorage, nowhere in localStorage or cookies
  const stored = (await page.evaluate(`({ session: sessionStorage.getItem(${JSON.stringify(KEY_ITEM)}), local: JSON.stringify({ ...localStorage }) })`)) as { session: string | null; local: string };
  expect(stored.session).toBe(demo.keys.ANALYST);
  expect(stored.local).not.toContain(demo.keys.ANALYST);
  expect(await context.cookies()).toEqual([]);
  // every request to /graphql after the key was given carried it
  expect(graphqlKeys.filter((k) => k === demo.keys.ANALYST).length).toBeGreaterThanOrEqual(2); // the schema, the query
});

it('opens GraphiQL’s dialogs under its policy (the scroll lock’s <style> carries the page nonce)', async () => {
  await page.click('button[aria-label="Open settings dialog"]');
  await page.waitForSelector('[role="dialog"]', { timeout: 10_000 });
  await page.keyboard.press('Escape');
  await page.waitForSelector('[role="dialog"]', { state: 'detached', timeout: 10_000 });
});

it('asked nothing of any other origin (no CDN), and its policy refused nothing', async () => {
  expect(attempted.length).toBeGreaterThan(5);
  expect(blocked).toEqual([]);
  expect(attempted.filter((u) => /cdn|unpkg|jsdelivr|googleapis|gstatic|apollographql/i.test(u))).toEqual([]);
  // the fonts graphiql's stylesheet inlined came from the gateway too (cut out of the CSS as files)
  expect(attempted.some((u) => /\/explorer\/assets\/graphiql-\d+\.[0-9a-f]{12}\.woff2?$/.test(u))).toBe(true);
  const csp = (await page.evaluate('window.__csp')) as string[];
  expect(csp).toEqual([]);
  expect(problems).toEqual([]);
});
