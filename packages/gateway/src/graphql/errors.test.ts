import { DomainError } from '@jembatan/domain';
import { ValidationError } from 'class-validator';
import { buildSchema as buildSdl, graphql, GraphQLError } from 'graphql';
import { ArgumentValidationError } from 'type-graphql';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { captureLogger } from '../../test/support/silent-logger';
import { noteDatabaseTrouble } from '../db/availability';
import {
  flattenValidationErrors,
  formatGatewayError,
  GatewayError,
  OUTAGE_FALLBACK_WINDOW_MS,
  publicCodeForDomainCode,
  redactGraphqlInputMessage,
} from './errors';

describe('publicCodeForDomainCode', () => {
  it.each([
    ['NIK.INVALID_LENGTH', 'NIK_INVALID'],
    ['NIK.BIRTH_DATE_MISMATCH', 'NIK_INVALID'],
    ['NIK.DUPLICATE', 'CONFLICT'],
    ['QUOTA.EXHAUSTED', 'QUOTA_EXHAUSTED'],
    ['MOU.INVALID_TRANSITION', 'MOU_INVALID_TRANSITION'],
    ['CANDIDATE.NOT_ELIGIBLE', 'CANDIDATE_NOT_ELIGIBLE'],
    ['PARTY.NOT_FOUND', 'NOT_FOUND'],
    ['MOU.PARTY_ALREADY_ADDED', 'CONFLICT'],
    ['QUOTA.DUPLICATE_ALLOCATION', 'CONFLICT'],
    ['PARTY.DUPLICATE_REFERENCE', 'BAD_USER_INPUT'],
    ['MOU.PARTY_NOT_FOUND', 'NOT_FOUND'],
    ['CANDIDATE.INVALID_TRANSITION', 'BAD_USER_INPUT'],
    ['MONEY.NOT_INTEGER', 'BAD_USER_INPUT'],
    ['DATE.INVALID', 'BAD_USER_INPUT'],
  ])('%s → %s', (domainCode, code) => {
    expect(publicCodeForDomainCode(domainCode)).toBe(code);
  });
});

/** Real graphql-js messages for bad variables, produced by executing against a small schema. */
async function coercionMessages(variables: Record<string, unknown>): Promise<string[]> {
  const schema = buildSdl(`
    enum Route { E9 E7_3 }
    input Amount { amount: Int!, note: String }
    type Query { q(route: Route, n: Int, input: Amount): Int }
  `);
  const result = await graphql({
    schema,
    source: 'query($route: Route, $n: Int, $input: Amount) { q(route: $route, n: $n, input: $input) }',
    variableValues: variables,
  });
  return (result.errors ?? []).map((e) => e.message);
}

describe('redactGraphqlInputMessage never repeats a submitted value', () => {
  const secret = '3673015501900001';
  it.each([
    [{ route: secret }, 'UNKNOWN_ENUM_VALUE', ['route']],
    [{ n: secret }, 'WRONG_TYPE', ['n']],
    [{ input: { amount: secret } }, 'WRONG_TYPE', ['input', 'amount']],
    [{ input: { amount: 1, note: 5, [secret]: 1 } }, undefined, ['input']],
    [{ input: { note: secret } }, 'REQUIRED', ['input']],
  ])('%j', async (variables, reason, fieldStart) => {
    const messages = await coercionMessages(variables);
    expect(messages.length).toBeGreaterThan(0);
    for (const raw of messages) {
      const r = redactGraphqlInputMessage(raw);
      expect(r.message).not.toContain(secret);
      expect(JSON.stringify(r.field)).not.toContain(secret);
      expect(r.field?.slice(0, fieldStart.length)).toEqual(fieldStart);
      if (reason) expect(messages.map((m) => redactGraphqlInputMessage(m).reason)).toContain(reason);
    }
  });

  it('redacts literals in document validation messages', async () => {
    const schema = buildSdl('enum Route { E9 } type Query { q(route: Route, n: Int): Int }');
    const result = await graphql({ schema, source: `{ a: q(route: SECRETVALUE) b: q(n: "${secret}") }` });
    const messages = (result.errors ?? []).map((e) => redactGraphqlInputMessage(e.message).message);
    expect(messages).toHaveLength(2);
    for (const m of messages) {
      expect(m).not.toContain(secret);
      expect(m).not.toContain('SECRETVALUE');
    }
  });
});

describe('flattenValidationErrors', () => {
  it('turns the class-validator tree into dotted paths without values', () => {
    const child = Object.assign(new ValidationError(), {
      property: 'nik',
      value: '123',
      constraints: { matches: 'nik must be 16 digits' },
      children: [],
    });
    const parent = Object.assign(new ValidationError(), { property: 'profile', value: { nik: '123' }, children: [child] });
    const flat = flattenValidationErrors([parent]);
    expect(flat).toEqual([
      {
        path: 'profile.nik',
        constraints: ['matches'],
        messages: { id: 'Isian profile.nik formatnya tidak sesuai.', en: 'nik must be 16 digits.' },
      },
    ]);
    expect(JSON.stringify(flat)).not.toContain('123');
  });
});

describe('formatGatewayError', () => {
  const base = { message: 'x', path: ['mutation'], extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['at x'] } };

  it('maps a DomainError to its public code with bilingual messages, field and domain code', () => {
    const e = new DomainError({ code: 'NIK.INVALID_LENGTH', message: { id: 'NIK harus 16 digit', en: 'NIK must have 16 digits' }, path: ['nik'] });
    const f = formatGatewayError(base, new GraphQLError('wrapped', { originalError: e, path: ['m'] }), undefined);
    expect(f.extensions).toEqual({
      code: 'NIK_INVALID',
      messages: { id: 'NIK harus 16 digit', en: 'NIK must have 16 digits' },
      field: ['nik'],
      domainCode: 'NIK.INVALID_LENGTH',
    });
    expect(f.message).toBe('NIK must have 16 digits');
  });

  it('keeps a GatewayError as is, without a stack trace', () => {
    const f = formatGatewayError(base, new GatewayError('NOT_FOUND'), undefined);
    expect(f.extensions?.code).toBe('NOT_FOUND');
    expect(f.extensions).not.toHaveProperty('stacktrace');
  });

  it('turns class-validator failures into BAD_USER_INPUT with field paths and no value or target', () => {
    const ve = Object.assign(new ValidationError(), {
      property: 'name',
      value: 'x'.repeat(300),
      target: { name: 'x'.repeat(300) },
      constraints: { maxLength: 'name must be shorter than or equal to 200 characters' },
      children: [],
    });
    const f = formatGatewayError(base, new GraphQLError('w', { originalError: new ArgumentValidationError([ve]), path: ['m'] }), undefined);
    expect(f.extensions?.code).toBe('BAD_USER_INPUT');
    expect(f.extensions?.field).toEqual(['name']);
    expect(JSON.stringify(f)).not.toContain('xxxxxxxx');
  });

  it('maps a unique violation to CONFLICT without the database message (which quotes the row)', () => {
    const pgError = Object.assign(new Error('duplicate key value violates unique constraint "candidate_nik_unique" Key (nik)=(3673015501900001)'), {
      constraint: 'candidate_nik_unique',
    });
    const f = formatGatewayError(base, new GraphQLError('w', { originalError: new UniqueConstraintViolationException(pgError), path: ['m'] }), undefined);
    expect(f.extensions?.code).toBe('CONFLICT');
    expect(JSON.stringify(f)).not.toContain('3673015501900001');
  });

  it('masks anything unexpected as INTERNAL_SERVER_ERROR with the request id, and logs it in full', () => {
    const { log, lines } = captureLogger('info');
    const boom = new Error('secret detail: 3673015501900001');
    const f = formatGatewayError(base, new GraphQLError('w', { originalError: boom, path: ['m'] }), { requestId: 'req-1', log });
    expect(f.extensions).toEqual({
      code: 'INTERNAL_SERVER_ERROR',
      messages: expect.objectContaining({ en: expect.any(String), id: expect.any(String) }),
      requestId: 'req-1',
    });
    expect(JSON.stringify(f)).not.toContain('secret detail');
    const logged = lines().find((l) => l.level === 'error');
    expect(JSON.stringify(logged)).toContain('secret detail');
    expect(JSON.stringify(logged)).toContain('stack');
  });

  // runs last in this file: noteDatabaseTrouble is process state that only moves forward
  it('while a database connection failed within the last seconds, an unexpected error is answered as the outage (503), and still logged in full', () => {
    const { log, lines } = captureLogger('info');
    noteDatabaseTrouble(Date.now() - OUTAGE_FALLBACK_WINDOW_MS - 1_000);
    const stale = formatGatewayError(base, new GraphQLError('w', { originalError: new Error('odd driver state'), path: ['m'] }), { requestId: 'req-2', log });
    expect(stale.extensions?.code).toBe('INTERNAL_SERVER_ERROR'); // outside the window: a bug stays a bug
    noteDatabaseTrouble();
    const f = formatGatewayError(base, new GraphQLError('w', { originalError: new Error('odd driver state 3673015501900001'), path: ['m'] }), { requestId: 'req-3', log });
    expect(f.extensions).toMatchObject({ code: 'SERVICE_UNAVAILABLE', details: { reason: 'DATABASE_TROUBLE' }, messages: { id: expect.any(String), en: expect.any(String) } });
    expect(JSON.stringify(f)).not.toContain('odd driver state');
    expect(lines().some((l) => l.level === 'error' && /database outage/.test(String(l.msg)) && JSON.stringify(l).includes('odd driver state'))).toBe(true);
  });
});
