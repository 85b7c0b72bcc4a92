/** statement_timeout really cancels a slow statement inside a MikroORM transaction (real PostgreSQL). */
import { statementTimeoutSql } from './query-timeout';
import { startSecurityDb, type SecurityDb } from './__tests__/security-db';

let sdb: SecurityDb;
beforeAll(async () => {
  sdb = await startSecurityDb();
});
afterAll(async () => {
  await sdb?.close();
});

it('cancels a statement that runs past the limit, and only inside that transaction', async () => {
  const em = sdb.orm.em.fork();
  const started = performance.now();
  await expect(
    em.transactional(async (tem) => {
      await tem.execute(statementTimeoutSql(100));
      await tem.execute('select pg_sleep(5)');
    }),
  ).rejects.toThrow(/statement timeout/);
  expect(performance.now() - started).toBeLessThan(2000);
  // `set local` ended with the transaction: the next one is unaffected
  await expect(sdb.orm.em.fork().execute('select pg_sleep(0.2) as slept')).resolves.toHaveLength(1);
});

it('the pool-wide limit: driverOptions.connection.statement_timeout reaches every connection', async () => {
  const { MikroORM } = await import('@mikro-orm/postgresql');
  const { ormConfig } = await import('../db/orm');
  const { captureLogger } = await import('../../test/support/silent-logger');
  const base = ormConfig({ clientUrl: sdb.url, log: captureLogger('warn').log });
  const orm = await MikroORM.init({ ...base, driverOptions: { connection: { statement_timeout: 150 } } });
  try {
    const rows = await orm.em.fork().execute<Array<{ statement_timeout: string }>>('show statement_timeout');
    expect(rows[0]?.statement_timeout).toBe('150ms');
    await expect(orm.em.fork().execute('select pg_sleep(3)')).rejects.toThrow(/statement timeout/);
  } finally {
    await orm.close(true);
  }
});
