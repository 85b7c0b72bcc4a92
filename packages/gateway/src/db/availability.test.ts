import { DriverException, UniqueConstraintViolationException } from '@mikro-orm/core';
import { formatGatewayError } from '../graphql/errors';
import { databaseTroubleWithin, databaseUnavailableReason, noteDatabaseTrouble, serviceUnavailableBody, TROUBLE_WINDOW_MS } from './availability';
import { loadResilienceConfig, DEFAULT_RESILIENCE } from './resilience';

const withCode = (message: string, code: string): Error => Object.assign(new Error(message), { code });

describe('databaseUnavailableReason', () => {
  it.each([
    ['connection refused', withCode('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED'), 'CONNECTION_REFUSED'],
    ['socket reset', withCode('read ECONNRESET', 'ECONNRESET'), 'CONNECTION_LOST'],
    ['broken pipe', withCode('write EPIPE', 'EPIPE'), 'CONNECTION_LOST'],
    ['57P01 admin_shutdown', withCode('terminating connection due to administrator command', '57P01'), 'SERVER_SHUTTING_DOWN'],
    ['57P02 crash_shutdown', withCode('terminating connection because of crash of another server process', '57P02'), 'SERVER_SHUTTING_DOWN'],
    ['57P03 starting up', withCode('the database system is starting up', '57P03'), 'SERVER_STARTING'],
    ['08006 connection failure', withCode('connection failure', '08006'), 'CONNECTION_LOST'],
    ['08P01 protocol violation', withCode('protocol violation', '08P01'), 'CONNECTION_LOST'],
    ['53300 too many connections', withCode('sorry, too many clients already', '53300'), 'TOO_MANY_CONNECTIONS'],
    ['pg: terminated, no code', new Error('Connection terminated unexpectedly'), 'CONNECTION_LOST'],
    ['pg: connect timeout', new Error('Connection terminated due to connection timeout'), 'CONNECTION_LOST'],
    ['pg: not queryable', new Error('Client has encountered a connection error and is not queryable'), 'CONNECTION_LOST'],
    ['knex prefix', new Error(`select "id" from "api_key" where "id" = 'ab' - Connection terminated unexpectedly`), 'CONNECTION_LOST'],
    ['knex pool timeout', Object.assign(new Error('Knex: Timeout acquiring a connection. The pool is probably full.'), { name: 'KnexTimeoutError' }), 'POOL_TIMEOUT'],
  ])('%s', (_name, error, reason) => {
    expect(databaseUnavailableReason(error)).toBe(reason);
    // wrapped as MikroORM wraps it, as a cause, inside an AggregateError (localhost → ::1 and 127.0.0.1)
    expect(databaseUnavailableReason(new DriverException(error))).toBe(reason);
    expect(databaseUnavailableReason(new Error('outer', { cause: error }))).toBe(reason);
    expect(databaseUnavailableReason(new AggregateError([new Error('other'), error]))).toBe(reason);
  });

  it('is not fooled: constraint errors, syntax errors, timeouts and submitted text stay what they are', () => {
    expect(databaseUnavailableReason(withCode('duplicate key', '23505'))).toBeUndefined();
    expect(databaseUnavailableReason(withCode('canceling statement due to statement timeout', '57014'))).toBeUndefined();
    expect(databaseUnavailableReason(withCode('syntax error', '42601'))).toBeUndefined();
    expect(databaseUnavailableReason(new Error('boom'))).toBeUndefined();
    // a statement quoting a submitted value that says "Connection terminated" is still a plain error
    expect(databaseUnavailableReason(new Error(`insert into "party" ("name") values ('x - Connection terminated') - value too long`))).toBeUndefined();
    expect(databaseUnavailableReason(undefined)).toBeUndefined();
    expect(databaseUnavailableReason('ECONNREFUSED')).toBeUndefined();
    const loop: Error & { cause?: unknown } = new Error('loop');
    loop.cause = loop;
    expect(databaseUnavailableReason(loop)).toBeUndefined();
  });

  it('"Transaction query already complete" is an outage only right after a connection failed', () => {
    const later = new DriverException(new Error('Transaction query already complete, run with DEBUG=knex:tx for more info'));
    const now = Date.now();
    noteDatabaseTrouble(now);
    expect(databaseUnavailableReason(later)).toBe('CONNECTION_LOST');
    const clock = jest.spyOn(Date, 'now').mockReturnValue(now + TROUBLE_WINDOW_MS + 1_000);
    try {
      expect(databaseTroubleWithin()).toBe(false);
      expect(databaseUnavailableReason(later)).toBeUndefined(); // long after any failure: a bug, not an outage
    } finally {
      clock.mockRestore();
    }
  });
});

describe('formatGatewayError', () => {
  it('answers a database outage inside a resolver as SERVICE_UNAVAILABLE with bilingual messages, not INTERNAL_SERVER_ERROR', () => {
    const formatted = formatGatewayError(
      { message: 'x', path: ['parties'], extensions: { code: 'INTERNAL_SERVER_ERROR' } },
      new DriverException(withCode('terminating connection due to administrator command', '57P01')),
      undefined,
    );
    expect(formatted.extensions).toMatchObject({
      code: 'SERVICE_UNAVAILABLE',
      messages: { id: expect.stringContaining('tidak tersedia'), en: expect.stringContaining('unavailable') },
      details: { reason: 'SERVER_SHUTTING_DOWN' },
    });
    expect(formatted.message).not.toContain('administrator');
  });

  it('keeps constraint violations what they were', () => {
    const e = new UniqueConstraintViolationException(withCode('duplicate key value violates unique constraint', '23505'));
    expect(formatGatewayError({ message: 'x', extensions: {} }, e, undefined).extensions?.code).toBe('CONFLICT');
  });
});

describe('serviceUnavailableBody', () => {
  it('has the code, both languages, the reason and the retry time', () => {
    expect(serviceUnavailableBody('CONNECTION_REFUSED', 5, 'req-1')).toEqual({
      errors: [
        {
          message: expect.any(String),
          extensions: {
            code: 'SERVICE_UNAVAILABLE',
            messages: { id: expect.any(String), en: expect.any(String) },
            details: { reason: 'CONNECTION_REFUSED', retryAfterSeconds: 5 },
            requestId: 'req-1',
          },
        },
      ],
    });
  });
});

describe('loadResilienceConfig', () => {
  it('has documented defaults and refuses nonsense', () => {
    expect(loadResilienceConfig({})).toEqual(DEFAULT_RESILIENCE);
    expect(loadResilienceConfig({ JEMBATAN_PG_RESTART_ATTEMPTS: '0', JEMBATAN_RETRY_AFTER_SECONDS: '30' })).toMatchObject({ pgRestartAttempts: 0, retryAfterSeconds: 30 });
    expect(() => loadResilienceConfig({ JEMBATAN_RETRY_AFTER_SECONDS: '0' })).toThrow(/JEMBATAN_RETRY_AFTER_SECONDS/);
    expect(() => loadResilienceConfig({ JEMBATAN_DB_CONNECT_TIMEOUT_MS: 'soon' })).toThrow(/JEMBATAN_DB_CONNECT_TIMEOUT_MS/);
    expect(() => loadResilienceConfig({ JEMBATAN_PG_RESTART_ATTEMPTS: '-1' })).toThrow(/JEMBATAN_PG_RESTART_ATTEMPTS/);
  });
});
