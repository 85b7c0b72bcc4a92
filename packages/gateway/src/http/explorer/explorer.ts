/**
 * The offline explorer (issue 12): GraphiQL from npm (graphiql 4.1.2's UMD build with React 18's UMD
 * builds), served by the gateway itself at `/explorer`, so that analysts can explore the API with no
 * internet, where Apollo Sandbox (the landing page at `/graphql`, loaded from Apollo's CDN) cannot load.
 *
 * The page is harmless static code: it holds no data and no credential. The analyst pastes an API
 * key into it; the key stays in the tab's sessionStorage and every request the page sends to
 * `/graphql` carries it (`x-api-key`), through the same CORS, rate limit, authentication,
 * introspection guard and disclosure control as any other client. So the page is served to anyone
 * (a browser cannot send a key on navigation) whenever the explorer is enabled, and what it can read
 * is decided per request: in production introspection (the schema, autocompletion, the docs) is for
 * ANALYST and ADMIN keys only (security/introspection.ts), and the page says so when a key's role is
 * refused; in development everyone may introspect.
 *
 * | variable | default | meaning |
 * | --- | --- | --- |
 * | `JEMBATAN_EXPLORER` | `true` | serve the explorer at `/explorer` (development and production); `false` answers 404 there |
 *
 * Its default tabs are the analyst query pack: every `examples/analyst-queries/*.graphql` with its
 * `.variables.json`, read from the repository when the gateway starts (sorted by file name).
 *
 * Nothing comes from a CDN. The assets are read from node_modules when the app is created and served
 * from memory under content-hashed names (`/explorer/assets/<name>.<hash>.<ext>`, cached for a year,
 * `immutable`); the page and the pack are `no-cache`. The fonts and images that graphiql.min.css
 * inlines as `data:` URLs are cut out into their own assets, so the page's policy
 * (EXPLORER_CSP) needs nothing but 'self', plus a per-page nonce for the one `<style>` element
 * Radix UI's scroll lock creates (it reads `__webpack_nonce__`, which the page script sets). No
 * 'unsafe-inline', no 'unsafe-eval', no inline script, `frame-ancestors 'none'`.
 */
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { ApolloServerPlugin } from '@apollo/server';
import { mapLandingPageHtml } from '../../security/http-headers';
import express, { type Request, type Response, type Router } from 'express';
import { findRepoRoot } from '../../config/config';
import type { Logger } from '../../config/logger';

/** Where the explorer is served (documented in README.md). */
export const EXPLORER_PATH = '/explorer';
const ASSET_PREFIX = `${EXPLORER_PATH}/assets/`;

/** The analyst query pack's folder in the repository. */
export function defaultQueryPackDir(): string {
  return path.join(findRepoRoot(__dirname), 'examples', 'analyst-queries');
}

/** The page script and stylesheet (plain browser files: packages/gateway/static/explorer). */
function staticDir(): string {
  // the same three levels up from src/http/explorer and from dist/http/explorer
  return path.resolve(__dirname, '..', '..', '..', 'static', 'explorer');
}

export interface ExplorerAsset {
  /** e.g. /explorer/assets/graphiql.3f2a9c1b.js */
  readonly url: string;
  readonly contentType: string;
  readonly body: Buffer;
}

export interface QueryPackEntry {
  /** e.g. costs-by-payer.graphql */
  readonly file: string;
  /** The first operation's name (GraphiQL titles the tab with it), or the file name without `.graphql`. */
  readonly name: string;
  readonly query: string;
  /** The `.variables.json` text as written (`{}` when the file is missing). */
  readonly variables: string;
}

export interface ExplorerBundle {
  readonly assets: ReadonlyMap<string, ExplorerAsset>;
  /** The asset URLs the page loads, in order. */
  readonly scripts: readonly string[];
  readonly styles: readonly string[];
  readonly pack: readonly QueryPackEntry[];
}

function contentTypeOf(ext: string): string {
  switch (ext) {
    case 'js':
      return 'text/javascript; charset=utf-8';
    case 'css':
      return 'text/css; charset=utf-8';
    case 'woff2':
      return 'font/woff2';
    case 'woff':
      return 'font/woff';
    case 'png':
      return 'image/png';
    case 'gif':
      return 'image/gif';
    case 'svg':
      return 'image/svg+xml';
    default:
      return 'application/octet-stream';
  }
}

function hashed(name: string, ext: string, body: Buffer): ExplorerAsset {
  const hash = createHash('sha256').update(body).digest('hex').slice(0, 12);
  return { url: `${ASSET_PREFIX}${name}.${hash}.${ext}`, contentType: contentTypeOf(ext), body };
}

/** A file of an installed package (its package.json locates it; `exports` may not list the file). */
function packageFile(pkg: string, file: string): Buffer {
  const dir = path.dirname(require.resolve(`${pkg}/package.json`));
  return readFileSync(path.join(dir, file));
}

/** A bundle's trailing `//# sourceMappingURL=` comment: the map is not served, so the browser would ask for a 404. */
function withoutSourceMap(js: Buffer): Buffer {
  return Buffer.from(js.toString('utf8').replace(/\n\/\/# sourceMappingURL=\S+\s*$/, '\n'), 'utf8');
}

const DATA_URL = /url\(\s*(["']?)data:([a-z0-9.+-]+\/[a-z0-9.+-]+);base64,([A-Za-z0-9+/=]+)\1\s*\)/g;
const DATA_EXT: Record<string, string> = { 'font/woff2': 'woff2', 'font/woff': 'woff', 'image/png': 'png', 'image/gif': 'gif', 'image/svg+xml': 'svg' };

/**
 * graphiql.min.css inlines its fonts and images as base64 `data:` URLs; under a policy of 'self'
 * they would not load. Each becomes an asset beside the stylesheet, referred to by its file name.
 */
export function extractCssDataUrls(css: string, name: string): { css: string; assets: ExplorerAsset[] } {
  const assets: ExplorerAsset[] = [];
  const out = css.replace(DATA_URL, (whole: string, _q: string, mime: string, data: string) => {
    const ext = DATA_EXT[mime];
    if (!ext) return whole;
    const asset = hashed(`${name}-${assets.length}`, ext, Buffer.from(data, 'base64'));
    assets.push(asset);
    return `url(${asset.url.slice(ASSET_PREFIX.length)})`;
  });
  return { css: out, assets };
}

/** The query pack: every `*.graphql` in `dir` with its `.variables.json`, by file name. */
export function loadQueryPack(dir: string, log?: Logger): QueryPackEntry[] {
  if (!existsSync(dir)) {
    log?.warn({ dir }, 'explorer: no analyst query pack folder; the explorer opens with an empty tab');
    return [];
  }
  return readdirSync(dir)
    .filter((f) => f.endsWith('.graphql'))
    .sort()
    .map((file) => {
      const query = readFileSync(path.join(dir, file), 'utf8');
      const varsFile = path.join(dir, file.replace(/\.graphql$/, '.variables.json'));
      let variables = '{}';
      if (existsSync(varsFile)) {
        variables = readFileSync(varsFile, 'utf8').trim() || '{}';
        try {
          JSON.parse(variables);
        } catch {
          log?.warn({ file: path.basename(varsFile) }, 'explorer: a variables file of the query pack is not JSON; shown as written');
        }
      }
      const name = /^\s*(?:query|mutation|subscription)\s+([_A-Za-z][_0-9A-Za-z]*)/m.exec(query)?.[1] ?? file.replace(/\.graphql$/, '');
      return { file, name, query, variables };
    });
}

type StaticPart = Omit<ExplorerBundle, 'pack'>;
let staticPart: StaticPart | undefined;

/** GraphiQL, React and the page's own files: read once per process (they change only with an install). */
function loadStaticPart(): StaticPart {
  if (staticPart) return staticPart;
  const assets = new Map<string, ExplorerAsset>();
  const add = (a: ExplorerAsset): string => {
    assets.set(a.url, a);
    return a.url;
  };
  const scripts = [
    add(hashed('react', 'js', packageFile('react', 'umd/react.production.min.js'))),
    add(hashed('react-dom', 'js', packageFile('react-dom', 'umd/react-dom.production.min.js'))),
    add(hashed('graphiql', 'js', withoutSourceMap(packageFile('graphiql', 'graphiql.min.js')))),
    add(hashed('explorer', 'js', readFileSync(path.join(staticDir(), 'explorer.js')))),
  ];
  const graphiqlCss = extractCssDataUrls(packageFile('graphiql', 'graphiql.min.css').toString('utf8'), 'graphiql');
  graphiqlCss.assets.forEach(add);
  const styles = [add(hashed('graphiql', 'css', Buffer.from(graphiqlCss.css, 'utf8'))), add(hashed('explorer', 'css', readFileSync(path.join(staticDir(), 'explorer.css'))))];
  staticPart = { assets, scripts, styles };
  return staticPart;
}

/** The assets and the query pack (read now: the gateway calls this when it creates its HTTP app). */
export function loadExplorerBundle(options: { packDir?: string; log?: Logger } = {}): ExplorerBundle {
  return { ...loadStaticPart(), pack: loadQueryPack(options.packDir ?? defaultQueryPackDir(), options.log) };
}

/** The page's policy: everything from 'self' only; the nonce admits the one `<style>` element the page's libraries create. */
export function explorerCsp(nonce: string): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    `style-src 'self' 'nonce-${nonce}'`,
    "img-src 'self'",
    "font-src 'self'",
    "connect-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

const escapeAttr = (s: string): string => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function explorerHtml(bundle: ExplorerBundle, options: { nonce: string; development: boolean; endpoint: string }): string {
  const styles = bundle.styles.map((href) => `    <link rel="stylesheet" href="${escapeAttr(href)}" />`).join('\n');
  const scripts = bundle.scripts.map((src) => `    <script defer src="${escapeAttr(src)}"></script>`).join('\n');
  return `<!DOCTYPE html>
<html lang="id">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width,initial-scale=1" />
    <meta name="referrer" content="no-referrer" />
    <meta name="jembatan-explorer" data-endpoint="${escapeAttr(options.endpoint)}" data-pack="${EXPLORER_PATH}/pack.json" data-mode="${options.development ? 'development' : 'production'}" data-style-nonce="${escapeAttr(options.nonce)}" />
    <title>Jembatan · Penjelajah GraphQL / GraphQL explorer</title>
${styles}
${scripts}
  </head>
  <body>
    <noscript>Penjelajah ini memerlukan JavaScript. / This explorer needs JavaScript.</noscript>
    <div id="explorer-root"></div>
  </body>
</html>
`;
}

/**
 * `/explorer` (the page), `/explorer/pack.json` (the query pack) and `/explorer/assets/*`. GET and
 * HEAD only; anything else under /explorer falls through to the gateway's JSON 404.
 */
export function explorerRouter(options: { bundle: ExplorerBundle; development: boolean; endpoint?: string }): Router {
  const { bundle } = options;
  const endpoint = options.endpoint ?? '/graphql';
  const router = express.Router({ strict: false, caseSensitive: true });
  const packBody = Buffer.from(JSON.stringify({ queries: bundle.pack }), 'utf8');

  router.get(['/', ''], (_req: Request, res: Response) => {
    const nonce = randomBytes(18).toString('base64');
    res.setHeader('Content-Security-Policy', explorerCsp(nonce));
    res.setHeader('Cache-Control', 'no-cache');
    res.type('text/html; charset=utf-8').send(explorerHtml(bundle, { nonce, development: options.development, endpoint }));
  });
  router.get('/pack.json', (_req: Request, res: Response) => {
    res.setHeader('Cache-Control', 'no-cache');
    res.type('application/json; charset=utf-8').send(packBody);
  });
  router.get('/assets/:file', (req: Request, res: Response, next) => {
    const asset = bundle.assets.get(`${ASSET_PREFIX}${String(req.params.file)}`);
    if (!asset) {
      next();
      return;
    }
    res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
    res.setHeader('Content-Type', asset.contentType);
    res.send(asset.body);
  });
  return router;
}

/**
 * Mount the explorer on `app` (JEMBATAN_EXPLORER). Its files missing from node_modules (an install
 * without graphiql or react) must not stop the gateway: that is logged as an error and `/explorer`
 * stays a 404.
 */
export function mountExplorer(app: express.Express, options: { log: Logger; development: boolean }): boolean {
  let bundle: ExplorerBundle;
  try {
    bundle = loadExplorerBundle({ log: options.log });
  } catch (e) {
    options.log.error({ err: e }, 'explorer: GraphiQL or React could not be read from node_modules; /explorer is not served');
    return false;
  }
  app.use(EXPLORER_PATH, explorerRouter({ bundle, development: options.development }));
  return true;
}

const SANDBOX_OFFLINE = '<p>Apollo Sandbox cannot be loaded; it appears that you might be offline.</p>';

/** The line the Sandbox landing page gains: where to go when the Sandbox cannot load. */
export const EXPLORER_LINK_HTML =
  `<p>Tanpa internet, gunakan penjelajah lokal: <a href="${EXPLORER_PATH}">${EXPLORER_PATH}</a> (GraphiQL, dari gateway ini).</p>` +
  `<p>Offline? Use the local explorer: <a href="${EXPLORER_PATH}">${EXPLORER_PATH}</a> (GraphiQL, served by this gateway).</p>`;

/** Put EXPLORER_LINK_HTML under the Sandbox page's "cannot be loaded" message (shown only when the Sandbox does not load). */
export function addExplorerLink(html: string): string {
  return html.includes(SANDBOX_OFFLINE) ? html.replace(SANDBOX_OFFLINE, `${SANDBOX_OFFLINE}\n  ${EXPLORER_LINK_HTML}`) : html;
}

/** Wrap the landing page plugin so that its page links to the explorer (a plugin without a landing page is returned as is). */
export function withExplorerLink(plugin: ApolloServerPlugin): ApolloServerPlugin {
  return mapLandingPageHtml(plugin, addExplorerLink);
}
