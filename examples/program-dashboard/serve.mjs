#!/usr/bin/env node
/**
 * Serves the built dashboard (build.mjs) and, with --gateway, passes /graphql on to the gateway, as
 * a reverse proxy in front of both would: the page then calls its own origin, so the gateway's CORS
 * rules do not come into it. Without --gateway the page needs `?gateway=<url>` and a gateway that
 * allows this origin (JEMBATAN_CORS_ORIGINS, or NODE_ENV=development for http://localhost:<port>).
 *
 *   node examples/program-dashboard/serve.mjs [--dir <built dir>] [--port 8080] [--host 127.0.0.1]
 *                                             [--gateway http://localhost:4000/graphql]
 *
 * Prints `dashboard at http://<host>:<port>/` once listening (port 0: any free port).
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const here = path.dirname(fileURLToPath(import.meta.url));
const USAGE = 'Usage: node examples/program-dashboard/serve.mjs [--dir <dir>] [--port 8080] [--host 127.0.0.1] [--gateway <graphql url>]\n';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

/** Request headers a proxy does not pass on (hop-by-hop, RFC 9110 §7.6.1). */
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-authorization', 'proxy-connection', 'te', 'trailer', 'transfer-encoding', 'upgrade']);

function send(res, status, body, type = 'text/plain; charset=utf-8') {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
  res.end(body);
}

async function serveFile(root, req, res) {
  if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'method not allowed');
  const pathname = decodeURIComponent(new URL(req.url, 'http://x').pathname);
  const file = path.resolve(root, `.${pathname.endsWith('/') ? `${pathname}index.html` : pathname}`);
  if (file !== root && !file.startsWith(`${root}${path.sep}`)) return send(res, 404, 'not found');
  const info = await stat(file).catch(() => undefined);
  if (!info?.isFile()) return send(res, 404, 'not found');
  res.writeHead(200, {
    'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream',
    'content-length': info.size,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
  });
  if (req.method === 'HEAD') return res.end();
  createReadStream(file).pipe(res);
}

/** Passes the request on to the gateway, keeping the browser's Host and Origin (same origin for the gateway). */
function proxy(gateway, req, res) {
  const headers = Object.fromEntries(Object.entries(req.headers).filter(([k]) => !HOP_BY_HOP.has(k)));
  headers['x-forwarded-host'] = req.headers.host ?? '';
  headers['x-forwarded-proto'] = 'http';
  const upstream = http.request(
    { hostname: gateway.hostname, port: gateway.port, path: `${gateway.pathname}${new URL(req.url, 'http://x').search}`, method: req.method, headers },
    (answer) => {
      const out = Object.fromEntries(Object.entries(answer.headers).filter(([k]) => !HOP_BY_HOP.has(k)));
      res.writeHead(answer.statusCode ?? 502, out);
      answer.pipe(res);
    },
  );
  upstream.on('error', (e) => {
    if (!res.headersSent) send(res, 502, JSON.stringify({ errors: [{ message: `gateway unreachable: ${e.message}`, extensions: { code: 'BAD_GATEWAY' } }] }), 'application/json');
    else res.destroy(e);
  });
  req.pipe(upstream);
}

/** Starts the server; resolves with its address and a `close()`. */
export function serveDashboard({ dir = path.join(here, 'dist'), port = 8080, host = '127.0.0.1', gateway } = {}) {
  const root = path.resolve(dir);
  const upstream = gateway ? new URL(gateway) : undefined;
  if (upstream && upstream.protocol !== 'http:') throw new Error('--gateway: this small proxy speaks http only; put an https gateway behind your own reverse proxy');
  const server = http.createServer((req, res) => {
    const pathname = new URL(req.url ?? '/', 'http://x').pathname;
    if (upstream && pathname === '/graphql') return proxy(upstream, req, res);
    serveFile(root, req, res).catch((e) => send(res, 500, String(e)));
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const address = server.address();
      const url = `http://${host.includes(':') ? `[${host}]` : host}:${address.port}/`;
      resolve({ url, close: () => new Promise((done) => server.close(() => done())) });
    });
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  let values;
  try {
    ({ values } = parseArgs({
      args: process.argv.slice(2),
      options: { dir: { type: 'string' }, port: { type: 'string' }, host: { type: 'string' }, gateway: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
      strict: true,
    }));
  } catch (e) {
    process.stderr.write(`${e.message}\n\n${USAGE}`);
    process.exit(2);
  }
  if (values.help) {
    process.stdout.write(USAGE);
    process.exit(0);
  }
  const port = values.port === undefined ? 8080 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    process.stderr.write(`--port must be a port number\n\n${USAGE}`);
    process.exit(2);
  }
  serveDashboard({ ...(values.dir ? { dir: values.dir } : {}), port, host: values.host ?? '127.0.0.1', ...(values.gateway ? { gateway: values.gateway } : {}) }).then(
    ({ url }) => process.stdout.write(`dashboard at ${url}${values.gateway ? ` (/graphql -> ${values.gateway})` : ''}\n`),
    (e) => {
      process.stderr.write(`${e.message}\n`);
      process.exit(1);
    },
  );
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => process.exit(0));
}
