/**
 * `client.exports` on the wire (the live gateway's answers are in test/e2e/sdk-exports.test.ts): the
 * path and query each filter becomes, the credentials, the aggregate's JSON POST, the file and its
 * metadata from the headers, streaming, and refusals / transport failures as typed errors.
 */
import { createClient, type FetchLike } from '../client/create-client';
import { isJembatanError } from '../errors/jembatan-error';
import { errorReason, exportErrorCode } from './exports.api';

interface Call {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: unknown;
}

interface Answer {
  status: number;
  body: Uint8Array | string;
  headers?: Record<string, string>;
}

function clientWith(answers: Answer[] | ((call: Call, signal: AbortSignal) => Promise<Answer>), extra: Record<string, unknown> = {}) {
  const calls: Call[] = [];
  const fetch = (async (u: string, init: { method: string; headers: Record<string, string>; body?: unknown; signal: AbortSignal }) => {
    const call = { url: u, method: init.method, headers: init.headers, body: init.body };
    calls.push(call);
    const answer = typeof answers === 'function' ? await answers(call, init.signal) : answers[Math.min(calls.length, answers.length) - 1]!;
    const bytes = typeof answer.body === 'string' ? new TextEncoder().encode(answer.body) : answer.body;
    const h = new Map(Object.entries(answer.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
    return {
      status: answer.status,
      headers: { get: (n: string) => h.get(n.toLowerCase()) ?? null },
      text: async () => new TextDecoder().decode(bytes),
      arrayBuffer: async () => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength),
      body: new ReadableStream<Uint8Array>({
        start(c) {
          c.enqueue(bytes.slice(0, 2));
          c.enqueue(bytes.slice(2));
          c.close();
        },
      }),
    };
  }) as unknown as FetchLike;
  return { client: createClient({ url: 'https://jembatan.example/api/graphql', apiKey: 'jmb_0123456789abcdef_secret', fetch, retries: 0, ...extra }), calls };
}

const CSV = '\ufeffcandidate_id,stage\nc1,REGISTERED\n';
const FILE_HEADERS = {
  'content-type': 'text/csv; charset=utf-8',
  'content-disposition': 'attachment; filename="jembatan-candidates-2026-12-03.csv"',
  'x-jembatan-export-rows': '1',
  'x-jembatan-export-filters': 'stage=REGISTERED',
  'x-jembatan-export-disclosure': 'Rows: every candidate of Kota Serang.',
  'x-jembatan-export-exported-at': '2026-12-03T05:00:00.000Z',
  'x-jembatan-export-exported-by': 'apiKey:0123456789abcdef',
  'x-jembatan-data-source': 'Jembatan',
  'x-request-id': 'req-1',
};
const ok: Answer = { status: 200, body: CSV, headers: FILE_HEADERS };
const url = (path: string) => `https://jembatan.example/api/${path}`;

describe('exports: what is sent', () => {
  it('candidates: every filter as the route’s parameter (codes comma-separated, date ranges FROM..TO), with the key, as a GET', async () => {
    const { client, calls } = clientWith([ok]);
    const file = await client.exports.candidates({
      format: 'csv',
      filter: {
        stages: ['REGISTERED', 'TRAINING'],
        kecamatans: ['CIPOCOK_JAYA'],
        occupations: ['WELDER'],
        routes: ['E7_3'],
        eligibility: ['ELIGIBLE'],
        registered: { from: '2026-01-01', to: '2026-03-31' },
        departed: { from: '2026-08-01', to: '2026-08-31' },
        enteredStage: { stage: 'TRAINING', from: '2026-05-01', to: '2026-05-31' },
      },
      mask: true,
    });
    const u = new URL(calls[0]!.url);
    expect(`${u.origin}${u.pathname}`).toBe(url('exports/candidates.csv'));
    expect(Object.fromEntries(u.searchParams)).toEqual({
      stage: 'REGISTERED,TRAINING',
      kecamatan: 'CIPOCOK_JAYA',
      occupation: 'WELDER',
      route: 'E7_3',
      eligibility: 'ELIGIBLE',
      registered: '2026-01-01..2026-03-31',
      departed: '2026-08-01..2026-08-31',
      entered: 'TRAINING:2026-05-01..2026-05-31',
      mask: 'true',
    });
    expect(calls[0]!.method).toBe('GET');
    expect(calls[0]!.body).toBeUndefined();
    expect(calls[0]!.headers['x-api-key']).toBe('jmb_0123456789abcdef_secret');
    expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(file.bytes)).toBe(CSV);
    expect(file).toMatchObject({
      format: 'csv',
      filename: 'jembatan-candidates-2026-12-03.csv',
      contentType: 'text/csv; charset=utf-8',
      requestId: 'req-1',
      metadata: { rows: 1, filters: 'stage=REGISTERED', exportedBy: 'apiKey:0123456789abcdef', dataSource: 'Jembatan', summary: null, notExported: [] },
    });
  });

  it('openings, cohorts and class lists', async () => {
    const { client, calls } = clientWith([ok]);
    await client.exports.openings({ format: 'xlsx', filter: { statuses: ['OPEN'], routes: ['E9'] } });
    await client.exports.cohorts({ format: 'csv', filter: { statuses: ['ENROLLING', 'RUNNING'], courseKinds: ['KOREAN_LANGUAGE'], kecamatan: 'Serang', providerPartyIds: ['p1'], startsFrom: '2026-01-01', startsUntil: '2026-06-30' } });
    await client.exports.classList('c-1', { format: 'xlsx' });
    expect(calls.map((c) => c.url)).toEqual([
      url('exports/openings.xlsx?status=OPEN&route=E9'),
      url('exports/cohorts.csv?status=ENROLLING%2CRUNNING&courseKind=KOREAN_LANGUAGE&kecamatan=Serang&provider=p1&startsFrom=2026-01-01&startsUntil=2026-06-30'),
      url('exports/class-list.xlsx?cohort=c-1'),
    ]);
  });

  it('an aggregate is a JSON POST of the query, variables and operation name; a document node is printed', async () => {
    const { client, calls } = clientWith([{ ...ok, headers: { ...FILE_HEADERS, 'x-jembatan-export-summary': 'total=5; asOf=2026-11-30', 'x-jembatan-export-not-exported': 'rows.a, rows.b' } }]);
    const query = 'query Q($asOf: Date) { candidateCounts(asOf: $asOf) { rows { stage count } } }';
    const file = await client.exports.aggregate(query, { format: 'csv', variables: { asOf: '2026-11-30' }, operationName: 'Q' });
    expect(calls[0]).toMatchObject({ url: url('exports/aggregate.csv'), method: 'POST' });
    expect(calls[0]!.headers['content-type']).toBe('application/json');
    expect(JSON.parse(calls[0]!.body as string)).toEqual({ query, variables: { asOf: '2026-11-30' }, operationName: 'Q' });
    expect(file.metadata).toMatchObject({ summary: 'total=5; asOf=2026-11-30', notExported: ['rows.a', 'rows.b'] });

    const { parse } = await import('graphql');
    await client.exports.aggregate(parse(query), { format: 'xlsx' });
    expect(JSON.parse(calls[1]!.body as string)).toMatchObject({ query: expect.stringContaining('candidateCounts(asOf: $asOf)'), variables: {} });
  });

  it('refuses, before sending, a missing format, a filter the route does not take, malformed ranges and two providers', async () => {
    const { client, calls } = clientWith([ok]);
    const refusals = [
      client.exports.candidates({} as never),
      client.exports.candidates({ format: 'pdf' } as never),
      client.exports.openings({ format: 'csv', filter: { mouId: 'm1' } as never }),
      client.exports.candidates({ format: 'csv', filter: { registered: { from: '1/1/2026', to: '2026-03-31' } } }),
      client.exports.candidates({ format: 'csv', filter: { stages: ['A,B'] as never } }),
      client.exports.cohorts({ format: 'csv', filter: { providerPartyIds: ['p1', 'p2'] } }),
      client.exports.classList('', { format: 'csv' }),
      client.exports.aggregate('{ x }', { format: 'csv', variables: [] as never }),
    ];
    for (const r of refusals) await expect(r).rejects.toMatchObject({ code: 'INVALID_REQUEST', messages: { id: expect.any(String), en: expect.any(String) } });
    expect(calls).toHaveLength(0);
  });
});

describe('exports: what comes back', () => {
  it('stream: true resolves with the body to read, the same bytes', async () => {
    const { client } = clientWith([ok]);
    const file = await client.exports.candidates({ format: 'csv', stream: true });
    expect('bytes' in file).toBe(false);
    const chunks: Uint8Array[] = [];
    const reader = file.body.getReader();
    for (let r = await reader.read(); !r.done; r = await reader.read()) chunks.push(r.value);
    expect(chunks.length).toBeGreaterThan(1);
    expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(Buffer.concat(chunks))).toBe(CSV);
    expect(file.metadata.rows).toBe(1);
  });

  it('a refusal is a JembatanError with the gateway’s code, status, reason and EXPORT.* code', async () => {
    const refusal = (status: number, extensions: Record<string, unknown>): Answer => ({
      status,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ errors: [{ message: 'no', extensions: { messages: { id: 'tidak', en: 'no' }, requestId: 'req-2', ...extensions } }] }),
    });
    const { client } = clientWith([
      refusal(403, { code: 'FORBIDDEN', details: { reason: 'ANALYST_USE_AGGREGATES' } }),
      refusal(400, { code: 'BAD_USER_INPUT', domainCode: 'EXPORT.NOT_AN_AGGREGATE', field: ['query'] }),
    ]);
    const forbidden: unknown = await client.exports.candidates({ format: 'csv' }).catch((e: unknown) => e);
    expect(isJembatanError(forbidden, 'FORBIDDEN')).toBe(true);
    expect(forbidden).toMatchObject({ status: 403, requestId: 'req-2', operationName: 'ExportCandidates', operationType: 'query', messages: { id: 'tidak', en: 'no' } });
    expect(errorReason(forbidden)).toBe('ANALYST_USE_AGGREGATES');
    const notAggregate: unknown = await client.exports.aggregate('{ candidates { totalCount } }', { format: 'csv' }).catch((e: unknown) => e);
    expect(isJembatanError(notAggregate, 'BAD_USER_INPUT')).toBe(true);
    expect(exportErrorCode(notAggregate)).toBe('EXPORT.NOT_AN_AGGREGATE');
    expect(notAggregate).toMatchObject({ field: 'query' });
    expect(exportErrorCode(new Error('x'))).toBeUndefined();
  });

  it('a 503 is retried like a query (with the client’s retries), then the file', async () => {
    const unavailable: Answer = { status: 503, headers: { 'content-type': 'application/json', 'retry-after': '0' }, body: JSON.stringify({ errors: [{ message: 'db', extensions: { code: 'SERVICE_UNAVAILABLE' } }] }) };
    const { client, calls } = clientWith([unavailable, ok], { retries: { retries: 1, baseDelayMs: 0 } });
    const file = await client.exports.openings({ format: 'csv' });
    expect(calls).toHaveLength(2);
    expect(file.metadata.rows).toBe(1);
    const once = clientWith([unavailable], { retries: 0 });
    await expect(once.client.exports.openings({ format: 'csv' })).rejects.toMatchObject({ code: 'SERVICE_UNAVAILABLE', status: 503, attempts: 1 });
  });

  it('the timeout and the caller’s signal end the download as TIMEOUT / ABORTED', async () => {
    const never = (_call: Call, signal: AbortSignal) =>
      new Promise<Answer>((_resolve, reject) => signal.addEventListener('abort', () => reject(new Error('aborted')), { once: true }));
    const slow = clientWith(never);
    await expect(slow.client.exports.cohorts({ format: 'csv', timeoutMs: 30 })).rejects.toMatchObject({ code: 'TIMEOUT', timeoutMs: 30 });
    const controller = new AbortController();
    const pending = slow.client.exports.classList('c', { format: 'csv', signal: controller.signal });
    controller.abort();
    await expect(pending).rejects.toMatchObject({ code: 'ABORTED' });
  });

  it('a network failure is a NETWORK_ERROR, never a bare TypeError', async () => {
    const { client } = clientWith(async () => {
      throw new TypeError('fetch failed');
    });
    const e: unknown = await client.exports.openings({ format: 'csv' }).catch((x: unknown) => x);
    expect(isJembatanError(e, 'NETWORK_ERROR')).toBe(true);
  });
});
