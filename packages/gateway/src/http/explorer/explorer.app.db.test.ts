/**
 * The offline explorer (http/explorer/explorer.ts) through the real HTTP app: the page, its assets
 * and the query pack are served from the gateway itself with their content types, cache headers
 * and a policy of 'self' only; nothing on the page points to another origin; JEMBATAN_EXPLORER=false
 * turns it off; the Sandbox landing page links to it. The page in a real browser with no network:
 * test/e2e/explorer.browser.test.ts.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startTestGateway, type TestGateway } from '../../../test/harness';
import { addExplorerLink, defaultQueryPackDir, explorerCsp, extractCssDataUrls, loadQueryPack, type QueryPackEntry } from './explorer';

const INTROSPECT = '{ __schema { queryType { name } } }';

describe('explorer pieces', () => {
  it('cuts the data: URLs of a stylesheet out into assets beside it, and leaves other URLs alone', () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]);
    const woff2 = Buffer.from('wOF2 font bytes');
    const css = `a{background:url("data:image/png;base64,${png.toString('base64')}")}@font-face{src:url(data:font/woff2;base64,${woff2.toString('base64')}) format("woff2")}b{background:url(x.png)}`;
    const { css: out, assets } = extractCssDataUrls(css, 'g');
    expect(assets).toHaveLength(2);
    expect(assets.map((a) => a.contentType)).toEqual(['image/png', 'font/woff2']);
    expect(assets[0]?.body.equals(png)).toBe(true);
    expect(assets[1]?.body.equals(woff2)).toBe(true);
    expect(out).not.toContain('data:');
    for (const a of assets) expect(out).toContain(`url(${path.basename(a.url)})`);
    expect(out).toContain('url(x.png)');
    // content-hashed: the same bytes, the same name; other bytes, another name
    expect(extractCssDataUrls(css, 'g').assets.map((a) => a.url)).toEqual(assets.map((a) => a.url));
    expect(assets[0]?.url).not.toBe(extractCssDataUrls(css.replace(png.toString('base64'), Buffer.from('other').toString('base64')), 'g').assets[0]?.url);
  });

  it('reads the query pack from a folder: every .graphql with its variables, by file name, titled by the operation', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'explorer-pack-'));
    try {
      writeFileSync(path.join(dir, 'b-second.graphql'), '# comment\nquery SecondOne($x: Int) { a }\n');
      writeFileSync(path.join(dir, 'b-second.variables.json'), '{ "x": 1 }\n');
      writeFileSync(path.join(dir, 'a-first.graphql'), '{ routes { code } }');
      writeFileSync(path.join(dir, 'README.md'), '# not a query');
      expect(loadQueryPack(dir)).toEqual<QueryPackEntry[]>([
        { file: 'a-first.graphql', name: 'a-first', query: '{ routes { code } }', variables: '{}' },
        { file: 'b-second.graphql', name: 'SecondOne', query: '# comment\nquery SecondOne($x: Int) { a }\n', variables: '{ "x": 1 }' },
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    expect(loadQueryPack(path.join(tmpdir(), 'no-such-explorer-pack'))).toEqual([]);
  });

  it('links the offline Sandbox message to the explorer, and touches nothing else', () => {
    const page = '<div class="fallback">\n  <p>Apollo Sandbox cannot be loaded; it appears that you might be offline.</p>\n</div>';
    const linked = addExplorerLink(page);
    expect(linked).toContain('<a href="/explorer">/explorer</a>');
    expect(linked.startsWith(page.slice(0, page.indexOf('</p>') + 4))).toBe(true);
    expect(addExplorerLink('<p>something else</p>')).toBe('<p>something else</p>');
  });

  it('has a policy of self only: no unsafe source, no other origin, framed by nobody', () => {
    const csp = explorerCsp('n0nce');
    expect(csp).not.toMatch(/unsafe|https?:|\*|data:/);
    expect(csp).toContain("script-src 'self';");
    expect(csp).toContain("style-src 'self' 'nonce-n0nce'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("default-src 'none'");
  });
});

/** The page's script and stylesheet URLs, in order. */
function pageAssets(html: string): { scripts: string[]; styles: string[] } {
  return {
    scripts: [...html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)].map((m) => m[1] as string),
    styles: [...html.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map((m) => m[1] as string),
  };
}

describe('the explorer in production (NODE_ENV unset)', () => {
  let t: TestGateway;
  beforeAll(async () => {
    t = await startTestGateway({ seed: true });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('serves the page to a browser without a key (it holds no data), with a self-only policy whose nonce is the page’s', async () => {
    const res = await fetch(`${t.baseUrl}/explorer`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('no-cache');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    const html = await res.text();
    const nonce = /data-style-nonce="([^"]+)"/.exec(html)?.[1];
    expect(nonce).toBeTruthy();
    expect(res.headers.get('content-security-policy')).toBe(explorerCsp(nonce as string));
    // no inline script or style, nothing from another origin
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(html).not.toMatch(/<style|style="/);
    expect(html).not.toMatch(/https?:\/\//);
    // a fresh nonce per page
    const again = await (await fetch(`${t.baseUrl}/explorer/`)).text();
    expect(/data-style-nonce="([^"]+)"/.exec(again)?.[1]).not.toBe(nonce);
  });

  it('serves every asset the page and its stylesheets name, from this gateway, typed and cached for good', async () => {
    const html = await (await fetch(`${t.baseUrl}/explorer`)).text();
    const { scripts, styles } = pageAssets(html);
    expect(scripts.map((s) => path.basename(s).split('.')[0])).toEqual(['react', 'react-dom', 'graphiql', 'explorer']);
    expect(styles.map((s) => path.basename(s).split('.')[0])).toEqual(['graphiql', 'explorer']);
    const fetched = async (url: string, type: string): Promise<Buffer> => {
      expect(url.startsWith('/explorer/assets/')).toBe(true);
      const res = await fetch(`${t.baseUrl}${url}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe(type);
      expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      return Buffer.from(await res.arrayBuffer());
    };
    for (const s of scripts) {
      const js = (await fetched(s, 'text/javascript; charset=utf-8')).toString('utf8');
      expect(js).not.toMatch(/sourceMappingURL/);
    }
    const graphiqlJs = (await fetched(scripts[2] as string, 'text/javascript; charset=utf-8')).toString('utf8');
    expect(graphiqlJs.length).toBeGreaterThan(500_000);
    for (const s of styles) {
      const css = (await fetched(s, 'text/css; charset=utf-8')).toString('utf8');
      expect(css).not.toMatch(/data:|https?:\/\/|@import/);
      for (const m of css.matchAll(/url\(([^)]+)\)/g)) {
        const ref = (m[1] as string).replace(/["']/g, '');
        const body = await fetched(`/explorer/assets/${ref}`, ref.endsWith('.woff2') ? 'font/woff2' : ref.endsWith('.woff') ? 'font/woff' : ref.endsWith('.png') ? 'image/png' : 'image/gif');
        expect(body.length).toBeGreaterThan(0);
      }
    }
    const unknown = await fetch(`${t.baseUrl}/explorer/assets/graphiql.000000000000.js`);
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get('content-type')).toMatch(/application\/json/);
  });

  it('serves the analyst query pack: every file of examples/analyst-queries with its variables', async () => {
    const res = await fetch(`${t.baseUrl}/explorer/pack.json`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('no-cache');
    const { queries } = (await res.json()) as { queries: QueryPackEntry[] };
    const dir = defaultQueryPackDir();
    const files = readdirSync(dir).filter((f) => f.endsWith('.graphql')).sort();
    expect(files.length).toBeGreaterThanOrEqual(3);
    expect(queries.map((q) => q.file)).toEqual(files);
    for (const q of queries) {
      expect(q.query).toBe(readFileSync(path.join(dir, q.file), 'utf8'));
      expect(JSON.parse(q.variables)).toEqual(JSON.parse(readFileSync(path.join(dir, q.file.replace(/\.graphql$/, '.variables.json')), 'utf8')));
      expect(q.query).toContain(q.name);
    }
  });

  it('answers only GET under /explorer; the page’s requests go through the normal authentication', async () => {
    const post = await fetch(`${t.baseUrl}/explorer`, { method: 'POST' });
    expect(post.status).toBe(404);
    // what the page sends for the schema: refused without a key or with an OFFICER key, answered for ANALYST and ADMIN
    const schema = (headers: Record<string, string>) =>
      fetch(t.url, { method: 'POST', headers: { 'content-type': 'application/json', origin: t.baseUrl, ...headers }, body: JSON.stringify({ query: INTROSPECT }) });
    expect((await schema({})).status).toBe(403);
    expect((await schema({ 'x-api-key': t.keys.officer })).status).toBe(403);
    expect((await schema({ 'x-api-key': 'jbt_not_a_key' })).status).toBe(401);
    for (const key of [t.keys.analyst, t.keys.admin]) {
      const res = await schema({ 'x-api-key': key });
      expect(res.status).toBe(200);
      expect(((await res.json()) as { data: { __schema: { queryType: { name: string } } } }).data.__schema.queryType.name).toBe('Query');
    }
  });
});

describe('JEMBATAN_EXPLORER=false, and the Sandbox landing page', () => {
  let off: TestGateway;
  let dev: TestGateway;
  beforeAll(async () => {
    [off, dev] = await Promise.all([
      startTestGateway({ securityEnv: { JEMBATAN_EXPLORER: 'false', NODE_ENV: 'development' } }),
      startTestGateway({ securityEnv: { NODE_ENV: 'development' } }),
    ]);
  });
  afterAll(async () => {
    await Promise.all([off?.close(), dev?.close()]);
  });

  const landing = async (t: TestGateway) => {
    const res = await fetch(t.url, { headers: { accept: 'text/html' } });
    expect(res.status).toBe(200);
    return res.text();
  };

  it('serves no explorer when it is switched off, and the Sandbox page does not point to it', async () => {
    expect((await fetch(`${off.baseUrl}/explorer`)).status).toBe(404);
    expect((await fetch(`${off.baseUrl}/explorer/pack.json`)).status).toBe(404);
    const html = await landing(off);
    expect(html).toMatch(/Apollo Sandbox cannot be loaded/);
    expect(html).not.toContain('href="/explorer"');
  });

  it('keeps the Sandbox as the landing page at /graphql, whose offline message links to /explorer', async () => {
    const html = await landing(dev);
    expect(html).toContain('embeddable-sandbox');
    expect(html).toContain('<a href="/explorer">/explorer</a>');
    expect((await fetch(`${dev.baseUrl}/explorer`)).status).toBe(200);
  });
});
