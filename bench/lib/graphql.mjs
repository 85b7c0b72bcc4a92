/** A small GraphQL-over-HTTP client for setting up data and checking answers (not used for load). */

export class GraphqlError extends Error {}

/** POST one operation; returns { status, text, json }. Never throws on GraphQL errors. */
export async function post(url, { query, variables, operationName }, token) {
  const headers = { 'content-type': 'application/json', accept: 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  const res = await fetch(url, {
    method: 'POST',
    headers,
    body: JSON.stringify({ query, ...(variables ? { variables } : {}), ...(operationName ? { operationName } : {}) }),
    signal: AbortSignal.timeout(30_000),
  });
  const text = await res.text();
  let json;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, text, json };
}

/** Run an operation that must succeed: status 200 and no `errors`; returns `data`. */
export async function mustRun(url, query, variables, token) {
  const r = await post(url, { query, variables }, token);
  if (r.status !== 200 || !r.json || r.json.errors?.length) {
    throw new GraphqlError(`GraphQL call failed (HTTP ${r.status}): ${r.text.slice(0, 800)}\nquery: ${query.slice(0, 200)}`);
  }
  return r.json.data;
}

/** `fn` over `items`, at most `limit` at a time, results in order. */
export async function mapLimit(items, limit, fn) {
  const out = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i], i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}
