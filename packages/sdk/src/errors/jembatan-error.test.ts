import { isJembatanError, JembatanError, type AnyJembatanError } from './jembatan-error';
import { JEMBATAN_ERROR_CODES, normalizeGraphQLErrorCode, GRAPHQL_ERROR_CODES } from './error-codes';
import { GRAPHQL_CODE_MESSAGES } from './error-messages';
import fc from 'fast-check';

const messages = { id: 'Gagal.', en: 'Failed.' };

describe('JembatanError', () => {
  it('is an Error with the code in its message and both languages in messages', () => {
    const e = new JembatanError({ code: 'HTTP_ERROR', messages, status: 502, cause: new Error('inner') });
    expect(e).toBeInstanceOf(Error);
    expect(e).toBeInstanceOf(JembatanError);
    expect(e.name).toBe('JembatanError');
    expect(e.message).toBe('[HTTP_ERROR] Failed.');
    expect(e.messages).toEqual(messages);
    expect(e.status).toBe(502);
    expect((e as Error & { cause?: unknown }).cause).toBeInstanceOf(Error);
    expect(e.graphQLErrors).toEqual([]);
    expect(e.attempts).toBe(0);
  });

  it('serialises without stack or cause', () => {
    const e = new JembatanError({ code: 'TIMEOUT', messages, timeoutMs: 5, cause: new Error('secret inner') });
    const text = JSON.stringify(e);
    expect(JSON.parse(text)).toMatchObject({ code: 'TIMEOUT', message: '[TIMEOUT] Failed.' });
    expect(text).not.toContain('secret inner');
    expect(text).not.toContain('at ');
  });
});

describe('isJembatanError', () => {
  const e = new JembatanError({ code: 'FORBIDDEN', messages });

  it('recognises the SDK error, with or without a code filter', () => {
    expect(isJembatanError(e)).toBe(true);
    expect(isJembatanError(e, 'FORBIDDEN')).toBe(true);
    expect(isJembatanError(e, ['UNAUTHENTICATED', 'FORBIDDEN'])).toBe(true);
    expect(isJembatanError(e, 'NOT_FOUND')).toBe(false);
    expect(isJembatanError(e, [])).toBe(false);
  });

  it('rejects other values', () => {
    for (const v of [undefined, null, 'FORBIDDEN', { code: 'FORBIDDEN', name: 'JembatanError' }, new Error('x'), new TypeError('x')]) {
      expect(isJembatanError(v)).toBe(false);
    }
    const impostor = Object.assign(new Error('x'), { name: 'JembatanError', code: 'NOT_A_CODE' });
    expect(isJembatanError(impostor)).toBe(false);
  });

  it('recognises an error from another copy of the SDK by its shape', () => {
    const foreign = Object.assign(new Error('[NOT_FOUND] x'), { name: 'JembatanError', code: 'NOT_FOUND', messages });
    expect(isJembatanError(foreign, 'NOT_FOUND')).toBe(true);
  });

  it('narrows the union with switch (compile-time check, asserted at run time)', () => {
    const narrow = (x: AnyJembatanError): string => {
      switch (x.code) {
        case 'HTTP_ERROR':
          return `status ${x.status.toFixed(0)}`;
        case 'TIMEOUT':
          return `after ${x.timeoutMs} ms`;
        case 'FORBIDDEN':
          return `first ${x.graphQLErrors[0].code}`;
        default:
          return x.code;
      }
    };
    expect(narrow(new JembatanError({ code: 'HTTP_ERROR', messages, status: 503 }) as AnyJembatanError)).toBe('status 503');
    expect(narrow(new JembatanError({ code: 'TIMEOUT', messages, timeoutMs: 9 }) as AnyJembatanError)).toBe('after 9 ms');
  });
});

describe('error codes', () => {
  it('are unique', () => {
    expect(new Set(JEMBATAN_ERROR_CODES).size).toBe(JEMBATAN_ERROR_CODES.length);
  });

  it('have an Indonesian and an English fallback text for every GraphQL code', () => {
    for (const code of GRAPHQL_ERROR_CODES) {
      expect(GRAPHQL_CODE_MESSAGES[code].id.length).toBeGreaterThan(0);
      expect(GRAPHQL_CODE_MESSAGES[code].en.length).toBeGreaterThan(0);
      expect(GRAPHQL_CODE_MESSAGES[code].id).not.toBe(GRAPHQL_CODE_MESSAGES[code].en);
    }
  });

  it('normalises any string to a known GraphQL code', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.constantFrom(...GRAPHQL_ERROR_CODES), fc.anything()), (raw) => {
        expect(GRAPHQL_ERROR_CODES).toContain(normalizeGraphQLErrorCode(raw));
      }),
    );
    expect(normalizeGraphQLErrorCode('quota.exhausted')).toBe('QUOTA_EXHAUSTED');
    expect(normalizeGraphQLErrorCode('CONFLICT')).toBe('CONFLICT');
    expect(normalizeGraphQLErrorCode('NETWORK_ERROR')).toBe('UNKNOWN'); // transport codes never come from the server
    expect(normalizeGraphQLErrorCode('TIMEOUT')).toBe('QUERY_TIMEOUT'); // the gateway's query limit, not the caller's deadline
  });
});

describe('the gateway’s query time limit', () => {
  it('arrives as QUERY_TIMEOUT (its own code, not the caller’s TIMEOUT deadline)', () => {
    expect(normalizeGraphQLErrorCode('TIMEOUT')).toBe('QUERY_TIMEOUT');
    expect(normalizeGraphQLErrorCode('timeout')).toBe('QUERY_TIMEOUT');
    expect(GRAPHQL_ERROR_CODES).toContain('QUERY_TIMEOUT');
    expect(GRAPHQL_ERROR_CODES).not.toContain('TIMEOUT');
  });
});
