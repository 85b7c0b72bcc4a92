import { parse } from 'graphql';
import { createClient, type ClientOptions, type FetchLike } from './create-client';
import { isJembatanError, JembatanError } from '../errors/jembatan-error';
import { failure } from '../__tests__/failure';
import { GRAPHQL_ERROR_CODES } from '../errors/error-codes';
import {
  closedPortUrl,
  delay,
  destroy,
  gqlError,
  hang,
  json,
  raw,
  startFakeGateway,
  type FakeGateway,
} from '../__tests__/fake-gateway';
import {
  CandidateDocument,
  ParametersDocument,
  RegisterCandidateDocument,
} from '../__tests__/documents';

let gw: FakeGateway;
beforeAll(async () => {
  gw = await startFakeGateway();
});
afterAll(() => gw.close());

const fast = { baseDelayMs: 1, maxDelayMs: 20 };
const client = (extra: Partial<ClientOptions> = {}) =>
  createClient({ url: gw.url, retries: { retries: 2, ...fast }, timeoutMs: 5_000, ...extra });


const candidateData = { data: { candidate: { id: 'c-1', fullName: 'Siti' } } };
const register = { input: { fullName: 'Siti', nik: '3673010101010001' } };

describe('createClient configuration', () => {
  it.each<[string, Partial<ClientOptions>]>([
    ['a missing url', { url: '' }],
    ['a url that is not http(s)', { url: 'ftp://example.org/graphql' }],
    ['a relative url outside a browser', { url: '/graphql' }],
    ['a zero timeout', { timeoutMs: 0 }],
    ['a NaN timeout', { timeoutMs: Number.NaN }],
    ['too many retries', { retries: 6 }],
    ['fractional retries', { retries: 1.5 }],
    ['a negative backoff', { retries: { baseDelayMs: -1 } }],
    ['a header with a line break', { headers: { 'x-app': 'a\r\nb' } }],
    ['a header name with a space', { headers: { 'x app': 'a' } }],
  ])('refuses %s with INVALID_REQUEST', (_label, extra) => {
    let thrown: unknown;
    try {
      createClient({ url: 'http://127.0.0.1:1/graphql', ...extra });
    } catch (e) {
      thrown = e;
    }
    expect(isJembatanError(thrown, 'INVALID_REQUEST')).toBe(true);
  });

  it('refuses an api key with a line break without echoing it', () => {
    const secret = 'sk_live_\nSECRET123';
    let thrown: unknown;
    try {
      createClient({ url: 'http://127.0.0.1:1/graphql', apiKey: secret });
    } catch (e) {
      thrown = e;
    }
    expect(isJembatanError(thrown, 'INVALID_REQUEST')).toBe(true);
    expect(JSON.stringify(thrown) + String((thrown as Error).message)).not.toContain('SECRET123');
  });
});

describe('request: success and headers', () => {
  it('posts the operation as JSON and resolves with data', async () => {
    gw.script(json(candidateData));
    const data = await client().request(CandidateDocument, { id: 'c-1' });
    expect(data.candidate?.fullName).toBe('Siti');
    const [req] = gw.requests;
    expect(req?.method).toBe('POST');
    expect(req?.headers['content-type']).toBe('application/json');
    expect(req?.headers.accept).toContain('application/graphql-response+json');
    expect(req?.body.operationName).toBe('Candidate');
    expect(req?.body.variables).toEqual({ id: 'c-1' });
    expect(req?.body.query).toContain('candidate(id: $id)');
  });

  it('sends empty variables for a variable-less operation', async () => {
    gw.script(json({ data: { parameters: [] } }));
    await expect(client().request(ParametersDocument)).resolves.toEqual({ parameters: [] });
    expect(gw.requests[0]?.body.variables).toEqual({});
  });

  it('accepts a document string (codegen documentMode: string)', async () => {
    gw.script(json(candidateData));
    const doc = 'query Candidate($id: ID!) { candidate(id: $id) { id fullName } }';
    await expect(client().request(doc, { id: 'c-1' })).resolves.toEqual(candidateData.data);
    expect(gw.requests[0]?.body.query).toBe(doc);
  });

  it('sends x-api-key when apiKey is set, and no Authorization', async () => {
    gw.script(json(candidateData));
    await client({ apiKey: 'jk_live_abc123' }).request(CandidateDocument, { id: 'c-1' });
    expect(gw.requests[0]?.headers['x-api-key']).toBe('jk_live_abc123');
    expect(gw.requests[0]?.headers.authorization).toBeUndefined();
  });

  it('sends Authorization: Bearer when token is set', async () => {
    gw.script(json(candidateData));
    await client({ token: 'eyJhbGciOi.payload.sig' }).request(CandidateDocument, { id: 'c-1' });
    expect(gw.requests[0]?.headers.authorization).toBe('Bearer eyJhbGciOi.payload.sig');
    expect(gw.requests[0]?.headers['x-api-key']).toBeUndefined();
  });

  it('calls a token function on every request (rotating tokens)', async () => {
    gw.script(json(candidateData));
    let n = 0;
    const c = client({ token: async () => `t${++n}` });
    await c.request(CandidateDocument, { id: 'c-1' });
    await c.request(CandidateDocument, { id: 'c-1' });
    expect(gw.requests.map((r) => r.headers.authorization)).toEqual(['Bearer t1', 'Bearer t2']);
  });

  it('sends no credentials when none are configured', async () => {
    gw.script(json(candidateData));
    await client().request(CandidateDocument, { id: 'c-1' });
    expect(gw.requests[0]?.headers.authorization).toBeUndefined();
    expect(gw.requests[0]?.headers['x-api-key']).toBeUndefined();
  });

  it('merges client and request headers case-insensitively', async () => {
    gw.script(json(candidateData));
    await client({ headers: { 'X-App': 'vacancy-board', 'Content-Type': 'application/json' } }).request(
      CandidateDocument,
      { id: 'c-1' },
      { headers: { 'x-app': 'override' } },
    );
    expect(gw.requests[0]?.headers['x-app']).toBe('override');
    expect(gw.requests[0]?.headers['content-type']).toBe('application/json');
  });
});

describe('request: transport failures', () => {
  it('reports a gateway that is down as NETWORK_ERROR after retrying the query', async () => {
    const url = await closedPortUrl();
    const calls: string[] = [];
    const countingFetch: FetchLike = (u, init) => {
      calls.push(u);
      return fetch(u, init);
    };
    const e = await failure(() =>
      createClient({ url, fetch: countingFetch, retries: { retries: 2, ...fast } }).request(CandidateDocument, { id: 'x' }),
    );
    expect(e.code).toBe('NETWORK_ERROR');
    expect(e.attempts).toBe(3);
    expect(calls).toHaveLength(3);
    expect(e.message).toContain(url);
    expect(e.message).toContain('ECONNREFUSED');
    expect(e.messages.id).toContain('Tidak dapat terhubung');
  });

  it('never retries a mutation, even when the gateway is down', async () => {
    const url = await closedPortUrl();
    let calls = 0;
    const e = await failure(() =>
      createClient({
        url,
        fetch: (u, init) => {
          calls += 1;
          return fetch(u, init);
        },
        retries: { retries: 5, ...fast },
      }).request(RegisterCandidateDocument, register),
    );
    expect(e.code).toBe('NETWORK_ERROR');
    expect(calls).toBe(1);
    expect(e.operationType).toBe('mutation');
  });

  it('reports a gateway that does not answer as TIMEOUT within the deadline', async () => {
    gw.script(hang());
    const started = Date.now();
    const e = await failure(() => client({ timeoutMs: 150 }).request(CandidateDocument, { id: 'x' }));
    expect(e.code).toBe('TIMEOUT');
    if (e.code === 'TIMEOUT') expect(e.timeoutMs).toBe(150);
    expect(Date.now() - started).toBeLessThan(2_000);
    // never retried (on a loaded machine the one request may not even have arrived in 150 ms)
    expect(gw.requests.length).toBeLessThanOrEqual(1);
  });

  it('applies the timeout to the whole call, retries included', async () => {
    gw.script(delay(60, raw(503, 'busy')));
    const started = Date.now();
    const e = await failure(() =>
      client({ timeoutMs: 150, retries: { retries: 5, baseDelayMs: 1, maxDelayMs: 1 } }).request(CandidateDocument, { id: 'x' }),
    );
    const took = Date.now() - started;
    // TIMEOUT, or, when a 503 lands so close to the deadline that no backoff fits before it, that
    // last 503 at once (the client never sleeps past its deadline); either way the call ends at the
    // deadline, not after 6 attempts of 60 ms.
    if (e.code !== 'TIMEOUT') {
      expect(e.code).toBe('HTTP_ERROR');
      expect(took).toBeGreaterThanOrEqual(140);
    }
    expect(took).toBeLessThan(2_000);
    expect(gw.requests.length).toBeLessThanOrEqual(3);
  });

  it('times out even with a fetch that ignores the abort signal', async () => {
    const stubborn: FetchLike = () => new Promise(() => undefined);
    const e = await failure(() => createClient({ url: gw.url, fetch: stubborn, timeoutMs: 50 }).request(ParametersDocument));
    expect(e.code).toBe('TIMEOUT');
  });

  it('reports an HTML page with status 200 as INVALID_RESPONSE with a hint', async () => {
    gw.script(raw(200, '<!doctype html><html><body>Welcome to Kota Serang</body></html>', 'text/html'));
    const e = await failure(() => client().request(CandidateDocument, { id: 'x' }));
    expect(e.code).toBe('INVALID_RESPONSE');
    expect(e.message).toContain('HTML');
    expect(e.message).toContain('/graphql');
    expect(e.bodySnippet).toContain('Welcome');
    expect(gw.requests).toHaveLength(1);
  });

  it('reports a proxy error page (502 HTML) as HTTP_ERROR after retrying the query', async () => {
    gw.script(raw(502, '<html><body>502 Bad Gateway</body></html>', 'text/html'));
    const e = await failure(() => client().request(CandidateDocument, { id: 'x' }));
    expect(e.code).toBe('HTTP_ERROR');
    if (e.code === 'HTTP_ERROR') expect(e.status).toBe(502);
    expect(e.attempts).toBe(3);
    expect(gw.requests).toHaveLength(3);
  });

  it('does not retry a 500: the server ran the operation and failed', async () => {
    gw.script(raw(500, 'Internal Server Error'));
    const e = await failure(() => client().request(CandidateDocument, { id: 'x' }));
    expect(e.code).toBe('HTTP_ERROR');
    expect(e.status).toBe(500);
    expect(gw.requests).toHaveLength(1);
  });

  it.each([502, 503, 504])('retries a query after HTTP %i and succeeds', async (status) => {
    gw.script(raw(status, 'unavailable'), json(candidateData));
    await expect(client().request(CandidateDocument, { id: 'c-1' })).resolves.toEqual(candidateData.data);
    expect(gw.requests).toHaveLength(2);
  });

  it.each([502, 503, 504])('does not retry a mutation after HTTP %i', async (status) => {
    gw.script(raw(status, 'unavailable'), json({ data: { registerCandidate: { id: 'c-2' } } }));
    const e = await failure(() => client().request(RegisterCandidateDocument, register));
    expect(e.code).toBe('HTTP_ERROR');
    expect(e.status).toBe(status);
    expect(e.attempts).toBe(1);
    expect(gw.requests).toHaveLength(1);
  });

  it('retries a query whose connection was dropped, never a mutation', async () => {
    gw.script(destroy(), json(candidateData));
    await expect(client().request(CandidateDocument, { id: 'c-1' })).resolves.toEqual(candidateData.data);
    expect(gw.requests).toHaveLength(2);

    gw.script(destroy(), json({ data: { registerCandidate: { id: 'c-2' } } }));
    const e = await failure(() => client().request(RegisterCandidateDocument, register));
    expect(e.code).toBe('NETWORK_ERROR');
    expect(gw.requests).toHaveLength(1);
  });

  it('stops at the retry bound', async () => {
    gw.script(raw(503, 'busy'));
    const e = await failure(() => client({ retries: { retries: 4, ...fast } }).request(CandidateDocument, { id: 'x' }));
    expect(e.attempts).toBe(5);
    expect(gw.requests).toHaveLength(5);
    gw.script(raw(503, 'busy'));
    await failure(() => client({ retries: 0 }).request(CandidateDocument, { id: 'x' }));
    expect(gw.requests).toHaveLength(1);
  });

  it('does not wait when Retry-After asks for longer than the backoff cap', async () => {
    gw.script(raw(503, 'maintenance', 'text/plain', { 'retry-after': '120' }), json(candidateData));
    const e = await failure(() => client().request(CandidateDocument, { id: 'x' }));
    expect(e.retryAfterMs).toBe(120_000);
    expect(gw.requests).toHaveLength(1);
  });

  it('carries the request id from the x-request-id header', async () => {
    gw.script(raw(500, 'boom', 'text/plain', { 'x-request-id': 'req-42' }));
    const e = await failure(() => client().request(CandidateDocument, { id: 'x' }));
    expect(e.requestId).toBe('req-42');
  });
});

describe('request: malformed answers', () => {
  it.each<[string, ReturnType<typeof raw>]>([
    ['malformed JSON', raw(200, '{"data": {"candidate": ', 'application/json')],
    ['an empty body', raw(200, '', 'application/json')],
    ['a JSON array', raw(200, '[1,2,3]', 'application/json')],
    ['a JSON string', raw(200, '"ok"', 'application/json')],
    ['missing data and errors', raw(200, '{"extensions":{}}', 'application/json')],
    ['data null without errors', raw(200, '{"data":null}', 'application/json')],
    ['data as a number', raw(200, '{"data":42}', 'application/json')],
    ['errors that is not an array', raw(200, '{"errors":{"message":"x"}}', 'application/json')],
    ['an error entry without a message', raw(200, '{"errors":[{"extensions":{"code":"FORBIDDEN"}}]}', 'application/json')],
  ])('reports %s as INVALID_RESPONSE', async (_label, behaviour) => {
    gw.script(behaviour);
    const e = await failure(() => client().request(CandidateDocument, { id: 'x' }));
    expect(e).toBeInstanceOf(JembatanError);
    expect(e.code).toBe('INVALID_RESPONSE');
    expect(e.status).toBe(200);
    expect(gw.requests).toHaveLength(1);
  });

  it('never surfaces a TypeError from a fetch that returns something odd', async () => {
    const odd: unknown[] = [
      undefined,
      null,
      {},
      { status: 200 },
      { status: 200, text: () => Promise.resolve('{"data":{}}'), headers: null },
      { status: 200, text: () => Promise.reject(new TypeError('body used')) },
      { status: 200, text: () => Promise.resolve(undefined) },
      { status: 200, text: () => Promise.resolve('{"data":{}}'), headers: { get: () => { throw new TypeError('x'); } } },
    ];
    const outcomes: string[] = [];
    for (const value of odd) {
      const f = (() => Promise.resolve(value)) as unknown as FetchLike;
      outcomes.push(
        await createClient({ url: gw.url, fetch: f, retries: 0 })
          .request(ParametersDocument)
          .then(
            (data) => (typeof data === 'object' && data !== null ? 'data' : 'bad data'),
            (e: unknown) => (isJembatanError(e) ? e.code : `raw ${String(e)}`),
          ),
      );
    }
    expect(outcomes).toEqual([
      'INVALID_RESPONSE',
      'INVALID_RESPONSE',
      'INVALID_RESPONSE',
      'INVALID_RESPONSE',
      'data',
      'NETWORK_ERROR',
      'INVALID_RESPONSE',
      'data',
    ]);
  });
});

describe('request: GraphQL errors', () => {
  const codes = GRAPHQL_ERROR_CODES.filter((c) => c !== 'UNKNOWN');

  it.each(codes)('maps extensions.code %s to the typed error', async (code) => {
    gw.script(gqlError(code, { requestId: 'req-7', field: 'input.nik' }));
    const e = await failure(() => client().request(RegisterCandidateDocument, register));
    expect(e.code).toBe(code);
    expect(e.rawCode).toBe(code);
    expect(e.graphQLErrors).toHaveLength(1);
    expect(e.graphQLErrors[0]?.code).toBe(code);
    expect(e.path).toEqual(['thing']);
    expect(e.field).toBe('input.nik');
    expect(e.requestId).toBe('req-7');
    expect(e.operationName).toBe('RegisterCandidate');
    expect(e.messages.en).toBe(`failed: ${code}`);
    expect(e.messages.id.length).toBeGreaterThan(0);
    expect(e.messages.id).not.toBe(e.messages.en);
    expect(isJembatanError(e, code)).toBe(true);
  });

  it('uses the bilingual extensions.messages when the gateway sends them', async () => {
    const messages = { id: 'Kuota kursi untuk MoU ini sudah habis.', en: 'The seat quota of this MoU is exhausted.' };
    gw.script(gqlError('QUOTA_EXHAUSTED', { messages }));
    const e = await failure(() => client().request(RegisterCandidateDocument, register));
    expect(e.messages).toEqual(messages);
    expect(e.message).toBe(`[QUOTA_EXHAUSTED] ${messages.en}`);
  });

  it.each([
    ['QUOTA.EXHAUSTED', 'QUOTA_EXHAUSTED'],
    ['MOU.INVALID_TRANSITION', 'MOU_INVALID_TRANSITION'],
    ['nik-invalid', 'NIK_INVALID'],
  ])('accepts the domain spelling %s as %s', async (sent, expected) => {
    gw.script(gqlError(sent));
    const e = await failure(() => client().request(RegisterCandidateDocument, register));
    expect(e.code).toBe(expected);
    expect(e.rawCode).toBe(sent);
  });

  it('reports an unrecognised or missing code as UNKNOWN, keeping the raw code', async () => {
    gw.script(gqlError('SOMETHING_NEW'));
    const e = await failure(() => client().request(CandidateDocument, { id: 'x' }));
    expect(e.code).toBe('UNKNOWN');
    expect(e.rawCode).toBe('SOMETHING_NEW');
    gw.script(json({ errors: [{ message: 'no extensions' }] }));
    const e2 = await failure(() => client().request(CandidateDocument, { id: 'x' }));
    expect(e2.code).toBe('UNKNOWN');
    expect(e2.rawCode).toBeUndefined();
  });

  it('reads GraphQL errors from a 4xx graphql-response+json answer', async () => {
    gw.script({
      kind: 'raw',
      status: 400,
      contentType: 'application/graphql-response+json',
      body: JSON.stringify({ errors: [{ message: 'Cannot query field "x"', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }] }),
    });
    const e = await failure(() => client().request(CandidateDocument, { id: 'x' }));
    expect(e.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(e.status).toBe(400);
    expect(e.messages.en).toContain('Cannot query field');
  });

  it('keeps every error and the partial data', async () => {
    gw.script(
      json({
        data: { candidate: null },
        errors: [
          { message: 'denied', path: ['candidate', 'nik'], extensions: { code: 'FORBIDDEN' } },
          { message: 'gone', path: ['candidate'], extensions: { code: 'NOT_FOUND' } },
        ],
      }),
    );
    const e = await failure(() => client().request(CandidateDocument, { id: 'x' }));
    expect(e.code).toBe('FORBIDDEN');
    expect(e.path).toEqual(['candidate', 'nik']);
    expect(e.graphQLErrors.map((g) => g.code)).toEqual(['FORBIDDEN', 'NOT_FOUND']);
    expect(e.data).toEqual({ candidate: null });
  });

  it('does not retry RATE_LIMITED and reports Retry-After', async () => {
    gw.script(
      json({ errors: [{ message: 'slow down', extensions: { code: 'RATE_LIMITED' } }] }, 429, { 'retry-after': '3' }),
    );
    const e = await failure(() => client().request(CandidateDocument, { id: 'x' }));
    expect(e.code).toBe('RATE_LIMITED');
    expect(e.retryAfterMs).toBe(3_000);
    expect(gw.requests).toHaveLength(1);
  });
});

describe('request: cancellation', () => {
  it('rejects with ABORTED when the caller aborts a pending request', async () => {
    gw.script(hang());
    const controller = new AbortController();
    const pending = client().request(CandidateDocument, { id: 'x' }, { signal: controller.signal });
    await gw.received(1);
    controller.abort();
    const e = await failure(() => pending);
    expect(e.code).toBe('ABORTED');
    expect(gw.requests).toHaveLength(1);
  });

  it('sends nothing when the signal is already aborted', async () => {
    gw.script(json(candidateData));
    const controller = new AbortController();
    controller.abort();
    const e = await failure(() => client().request(CandidateDocument, { id: 'x' }, { signal: controller.signal }));
    expect(e.code).toBe('ABORTED');
    expect(e.attempts).toBe(0);
    expect(gw.requests).toHaveLength(0);
  });

  it('stops retrying when aborted during the backoff', async () => {
    gw.script(raw(503, 'busy'));
    const controller = new AbortController();
    const pending = client({ retries: { retries: 5, baseDelayMs: 200, maxDelayMs: 200 } }).request(
      CandidateDocument,
      { id: 'x' },
      { signal: controller.signal },
    );
    await gw.received(1); // the first attempt was answered 503; the client is now in its 200 ms backoff
    controller.abort();
    const e = await failure(() => pending);
    expect(e.code).toBe('ABORTED');
    expect(gw.requests).toHaveLength(1);
  });

  it('is not confused by a caller signal that never fires (timeout still applies)', async () => {
    gw.script(hang());
    const e = await failure(() =>
      client({ timeoutMs: 80 }).request(CandidateDocument, { id: 'x' }, { signal: new AbortController().signal }),
    );
    expect(e.code).toBe('TIMEOUT');
  });
});

describe('request: refused before sending', () => {
  it.each<[string, unknown, unknown]>([
    ['variables with a BigInt', CandidateDocument, { id: 1n }],
    ['variables that are not an object', CandidateDocument, 'id=1'],
    ['a document with two operations', parse('query A { a } query B { b }'), {}],
    ['a subscription', parse('subscription S { s }'), {}],
    ['a fragment-only document', parse('fragment F on T { a }'), {}],
    ['a string that is not GraphQL', 'not graphql {', {}],
    ['something that is not a document', { hello: 'world' }, {}],
  ])('refuses %s with INVALID_REQUEST and sends nothing', async (_label, doc, variables) => {
    gw.script(json(candidateData));
    const request = client().request as (d: unknown, v: unknown) => Promise<unknown>;
    const e = await failure(() => request(doc, variables));
    expect(e.code).toBe('INVALID_REQUEST');
    expect(e.attempts).toBe(0);
    expect(gw.requests).toHaveLength(0);
  });

  it('refuses a token function that returns a header-breaking value', async () => {
    gw.script(json(candidateData));
    const e = await failure(() => client({ token: () => 'abc\r\nx-evil: 1' }).request(ParametersDocument));
    expect(e.code).toBe('INVALID_REQUEST');
    expect(e.message).not.toContain('x-evil');
    expect(gw.requests).toHaveLength(0);
  });
});
