/**
 * Load rounds with autocannon (in this process; the servers are child processes). Every response of
 * a round is checked: it must be a 2xx whose body is byte for byte the body the warm-up check
 * validated (status 200, no `errors`, the expected rows). A round with any non-2xx, socket error,
 * timeout or other body is refused: its numbers are not reported.
 *
 * Latencies are taken from autocannon's per-response timings (hrtime, sub-millisecond) rather than
 * its histogram, which rounds to whole milliseconds.
 */
import autocannon from 'autocannon';
import { post } from './graphql.mjs';
import { requestBody } from './queries.mjs';

function headersFor(read, token) {
  const headers = { 'content-type': 'application/json', accept: 'application/json' };
  if (read.auth === 'officer') headers.authorization = `Bearer ${token}`;
  return headers;
}

/**
 * One request, checked: HTTP 200, a JSON body, no `errors`, `data` present. Returns the body text,
 * the parsed data and its row count; throws with the answer when any check fails.
 */
export async function checkedAnswer(url, read, token) {
  const r = await post(url, { query: read.query, variables: read.variables, operationName: read.operationName }, read.auth === 'officer' ? token : undefined);
  const problem =
    r.status !== 200 ? `HTTP ${r.status}` : !r.json ? 'not JSON' : r.json.errors?.length ? 'GraphQL errors' : !r.json.data ? 'no data' : undefined;
  if (problem) throw new Error(`${read.id} @ ${url}: ${problem}: ${r.text.slice(0, 1000)}`);
  const rows = read.rows(r.json.data);
  if (!Number.isInteger(rows)) throw new Error(`${read.id} @ ${url}: the answer has no rows where expected: ${r.text.slice(0, 500)}`);
  return { text: r.text, data: r.json.data, rows, bytes: Buffer.byteLength(r.text) };
}

function percentile(sorted, p) {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))];
}

function summarise(result, latencies, problems) {
  const sorted = Float64Array.from(latencies).sort();
  const seconds = result.duration;
  const refused = result.non2xx > 0 || result.errors > 0 || result.timeouts > 0 || result.mismatches > 0 || latencies.length === 0;
  return {
    refused,
    seconds,
    requestsOk: latencies.length,
    throughputRps: refused ? null : latencies.length / seconds,
    p50Ms: refused ? null : percentile(sorted, 0.5),
    p99Ms: refused ? null : percentile(sorted, 0.99),
    maxMs: refused ? null : sorted[sorted.length - 1],
    non2xx: result.non2xx,
    statusCodes: Object.fromEntries(Object.entries(result.statusCodeStats ?? {}).map(([code, s]) => [code, s.count])),
    socketErrors: result.errors,
    timeouts: result.timeouts,
    mismatchedBodies: result.mismatches,
    problems,
    autocannon: { requestsAverage: result.requests.average, latencyP50: result.latency.p50, latencyP99: result.latency.p99 },
  };
}

/** One round of `seconds` against `url`; every body must equal `expectedBody`. */
export async function round({ url, read, token, expectedBody, seconds, connections }) {
  const latencies = [];
  const problems = [];
  const note = (kind, detail) => {
    if (problems.length < 5) problems.push({ kind, detail: String(detail).slice(0, 600) });
  };
  const instance = autocannon({
    url,
    method: 'POST',
    headers: headersFor(read, token),
    body: requestBody(read),
    connections,
    pipelining: 1,
    duration: seconds,
    timeout: 10,
    setupClient: (client) => {
      client.on('response', (status, _bytes, ms) => {
        if (status >= 200 && status < 300) latencies.push(ms);
        else note(`HTTP ${status}`, '');
      });
    },
    verifyBody: (body) => body === expectedBody,
  });
  instance.on('reqMismatch', (body) => note('other body', body));
  instance.on('reqError', (error) => note('socket error', error?.message ?? error));
  const result = await instance;
  return summarise(result, latencies, problems);
}
