import fc from 'fast-check';
import { interpretResponse, parseRetryAfter, type RawResponse } from './response';
import { isJembatanErrorCode } from '../errors/error-codes';

function response(status: number, body: string, headers: Record<string, string> = {}): RawResponse {
  const lower = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
  return {
    url: 'http://gw.test/graphql',
    status,
    statusText: '',
    headers: { get: (n) => lower[n.toLowerCase()] ?? null },
    body,
    receivedAt: 1_700_000_000_000,
  };
}

describe('interpretResponse', () => {
  it('returns data for a well-formed answer', () => {
    expect(interpretResponse(response(200, '{"data":{"a":1}}'))).toEqual({ ok: true, data: { a: 1 } });
  });

  it('prefers GraphQL errors over the HTTP status', () => {
    const r = interpretResponse(response(401, '{"errors":[{"message":"no","extensions":{"code":"UNAUTHENTICATED"}}]}'));
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('UNAUTHENTICATED');
      expect(r.error.status).toBe(401);
    }
  });

  it('treats an empty errors array as no errors', () => {
    expect(interpretResponse(response(200, '{"data":{"a":1},"errors":[]}'))).toEqual({ ok: true, data: { a: 1 } });
  });

  it('takes the request id from the error, then the response extensions, then the header', () => {
    const body = (e: object, ext: object) => JSON.stringify({ errors: [{ message: 'x', extensions: e }], extensions: ext });
    const id = (r: ReturnType<typeof interpretResponse>) => (r.ok ? undefined : r.error.requestId);
    const h = { 'x-request-id': 'from-header' };
    expect(id(interpretResponse(response(200, body({ requestId: 'from-error' }, { requestId: 'from-ext' }), h)))).toBe('from-error');
    expect(id(interpretResponse(response(200, body({}, { requestId: 'from-ext' }), h)))).toBe('from-ext');
    expect(id(interpretResponse(response(200, body({}, {}), h)))).toBe('from-header');
  });

  it('reads the input field from extensions.field or extensions.path', () => {
    const field = (ext: object) => {
      const r = interpretResponse(response(200, JSON.stringify({ errors: [{ message: 'x', extensions: ext }] })));
      return r.ok ? undefined : r.error.field;
    };
    expect(field({ field: 'input.nik' })).toBe('input.nik');
    expect(field({ path: ['input', 'documents', 0, 'kind'] })).toBe('input.documents.0.kind');
    expect(field({ path: 'input.birthDate' })).toBe('input.birthDate');
    expect(field({ path: [{}] })).toBeUndefined();
  });

  it('ignores a malformed extensions.messages and falls back to the SDK text', () => {
    const r = interpretResponse(
      response(200, JSON.stringify({ errors: [{ message: 'Forbidden', extensions: { code: 'FORBIDDEN', messages: { id: 1 } } }] })),
    );
    expect(r.ok ? undefined : r.error.messages).toEqual({
      id: 'Kredensial ini tidak memiliki izin untuk tindakan tersebut.',
      en: 'Forbidden',
    });
  });

  it('is total: any status, body and content type gives data or a coded error, never a throw', () => {
    const bodies = fc.oneof(
      fc.string(),
      fc.json(),
      fc.jsonValue().map((v) => JSON.stringify({ data: v })),
      fc.jsonValue().map((v) => JSON.stringify({ errors: v })),
      fc
        .array(fc.record({ message: fc.oneof(fc.string(), fc.integer()), extensions: fc.jsonValue(), path: fc.jsonValue() }, { requiredKeys: [] }))
        .map((errors) => JSON.stringify({ data: null, errors })),
    );
    fc.assert(
      fc.property(
        fc.integer({ min: 100, max: 599 }),
        bodies,
        fc.constantFrom('application/json', 'text/html', 'application/graphql-response+json', ''),
        fc.option(fc.string(), { nil: undefined }),
        (status, body, contentType, retryAfter) => {
          const headers: Record<string, string> = { 'content-type': contentType };
          if (retryAfter !== undefined) headers['retry-after'] = retryAfter;
          const r = interpretResponse(response(status, body, headers));
          if (r.ok) {
            expect(status >= 200 && status < 300).toBe(true);
            expect(typeof r.data).toBe('object');
            expect(r.data).not.toBeNull();
            expect(Array.isArray(r.data)).toBe(false);
          } else {
            expect(isJembatanErrorCode(r.error.code)).toBe(true);
            expect(r.error.messages.id.length).toBeGreaterThan(0);
            expect(r.error.messages.en.length).toBeGreaterThan(0);
            if (r.error.retryAfterMs !== undefined) expect(r.error.retryAfterMs).toBeGreaterThanOrEqual(0);
          }
        },
      ),
      { numRuns: 500 },
    );
  });

  it('never succeeds on a non-2xx status', () => {
    fc.assert(
      fc.property(fc.integer({ min: 300, max: 599 }), fc.jsonValue(), (status, data) => {
        expect(interpretResponse(response(status, JSON.stringify({ data }))).ok).toBe(false);
      }),
    );
  });
});

describe('parseRetryAfter', () => {
  const now = Date.parse('2025-06-01T00:00:00Z');
  it.each<[string | null, number | undefined]>([
    [null, undefined],
    ['0', 0],
    ['7', 7_000],
    [' 12 ', 12_000],
    ['Sun, 01 Jun 2025 00:00:30 GMT', 30_000],
    ['Sat, 31 May 2025 23:00:00 GMT', 0],
    ['soon', undefined],
    ['-5', undefined],
  ])('%p → %p ms', (header, expected) => {
    expect(parseRetryAfter(header, now)).toBe(expected);
  });
});
