/**
 * The floor: a raw node:http + pg server that answers the bench's three reads with the same JSON
 * shape as Jembatan, each from one parameterised SQL statement (sql.mjs), through a pool of the same
 * size as the gateway's. It parses the same request body (JSON) but does no authentication, no
 * validation beyond the operation name, no logging: the least work that produces the answer.
 *
 * Env: FLOOR_DATABASE_URL, FLOOR_PORT, FLOOR_POOL_MAX. GET /ready answers 200 once the database does.
 */
import { createServer } from 'node:http';
import { gatewayRequire } from '../lib/paths.mjs';
import { FLOOR_STATEMENTS } from './sql.mjs';

const { Pool } = gatewayRequire('pg');

const pool = new Pool({
  connectionString: process.env.FLOOR_DATABASE_URL,
  max: Number(process.env.FLOOR_POOL_MAX),
  idleTimeoutMillis: 30_000,
});
// an idle connection that dies is replaced by the pool; without a listener it would crash the floor
pool.on('error', (e) => process.stderr.write(`floor: idle connection: ${e.message}\n`));

function send(res, status, body) {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

async function answer(raw, res) {
  let request;
  try {
    request = JSON.parse(raw);
  } catch {
    return send(res, 400, '{"errors":[{"message":"body is not JSON"}]}');
  }
  const statement = FLOOR_STATEMENTS[request?.operationName];
  if (!statement) return send(res, 400, '{"errors":[{"message":"unknown operationName"}]}');
  const result = await pool.query(statement.text, statement.values(request.variables));
  return send(res, 200, result.rows[0].body);
}

const server = createServer((req, res) => {
  if (req.method === 'GET' && req.url === '/ready') {
    pool.query('select 1').then(() => send(res, 200, '{"ready":true}'), () => send(res, 503, '{"ready":false}'));
    return;
  }
  if (req.method !== 'POST' || req.url !== '/graphql') return send(res, 404, '{"errors":[{"message":"not found"}]}');
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    answer(Buffer.concat(chunks).toString('utf8'), res).catch((e) => {
      process.stderr.write(`floor: ${e.stack ?? e}\n`);
      send(res, 500, JSON.stringify({ errors: [{ message: String(e.message ?? e) }] }));
    });
  });
});

const shutdown = () => {
  server.close();
  server.closeAllConnections?.();
  pool.end().finally(() => process.exit(0));
};
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);

server.listen(Number(process.env.FLOOR_PORT), '127.0.0.1', () => {
  process.stdout.write(`floor ready on port ${process.env.FLOOR_PORT} (pool max ${pool.options.max})\n`);
});
