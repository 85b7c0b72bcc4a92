/** MikroORM 6 on PostgreSQL: entity schemas, committed migrations, pino logging. */
import { DefaultLogger, type LogContext, type LoggerNamespace, type LoggerOptions } from '@mikro-orm/core';
import { Migrator } from '@mikro-orm/migrations';
import { MikroORM, type Options } from '@mikro-orm/postgresql';
import { Client } from 'pg';
import type { Logger } from '../config/logger';
import { noteDatabaseTrouble } from './availability';
import { redactSql } from '../security/log-redaction';
import { MIGRATIONS } from '../migrations';
import { ENTITY_SCHEMAS } from '../persistence';

export type Orm = MikroORM;

class PinoOrmLogger extends DefaultLogger {
  constructor(
    options: LoggerOptions,
    private readonly pinoLog: Logger,
  ) {
    super(options);
  }

  override log(namespace: LoggerNamespace | string, message: string, context?: LogContext): void {
    if (!this.isEnabled(namespace as LoggerNamespace, context)) return;
    // never the parameters ('query-params' stays off), and no literal values written into the SQL text
    const text = redactSql(message.replace(/\s+/g, ' ').trim());
    const fields = { orm: namespace, ...(context?.took !== undefined ? { tookMs: context.took } : {}) };
    if (context?.level === 'error') this.pinoLog.error(fields, text);
    else if (context?.level === 'warning') this.pinoLog.warn(fields, text);
    else this.pinoLog.debug(fields, text);
  }
}

export interface OrmOptions {
  readonly clientUrl: string;
  readonly log: Logger;
  /** Called with every SQL statement the ORM sends (tests count them). */
  readonly onQuery?: (sql: string) => void;
  readonly poolMax?: number;
  /** A new connection that takes longer fails (→ 503 SERVICE_UNAVAILABLE); default 5000 (JEMBATAN_DB_CONNECT_TIMEOUT_MS). */
  readonly connectTimeoutMs?: number;
}

export function ormConfig(options: OrmOptions): Options {
  const verbose = options.log.isLevelEnabled('debug');
  return {
    clientUrl: options.clientUrl,
    entities: ENTITY_SCHEMAS,
    discovery: { disableDynamicFileAccess: true, requireEntitiesArray: true },
    metadataCache: { enabled: false },
    extensions: [Migrator],
    migrations: {
      migrationsList: MIGRATIONS,
      tableName: 'mikro_orm_migrations',
      transactional: true,
      allOrNothing: true,
      snapshot: false,
      silent: true,
    },
    // Reconnection after an outage: knex marks a pg connection that emitted `error` or `end` (server
    // gone, connection terminated) as disposed, and tarn validates every connection on acquire, so a
    // dead one is destroyed and replaced, never handed out again. A failed connect rejects the waiting
    // request at once (propagateCreateError) instead of waiting out the acquire timeout, and min 0
    // keeps no connection open that could go stale. test/db-outage.test.ts proves it against a
    // PostgreSQL that is stopped and started again.
    pool: {
      min: 0,
      max: options.poolMax ?? 10,
      propagateCreateError: true,
      idleTimeoutMillis: 30_000,
      // a connection that fails (terminated by the server, socket reset) marks the database as in
      // trouble for a while: see db/availability.ts, TROUBLE_WINDOW_MS
      afterCreate: (connection: { on(event: 'error', listener: () => void): unknown }, done: (err: Error | null, connection: unknown) => void) => {
        connection.on('error', () => noteDatabaseTrouble());
        done(null, connection);
      },
    },
    driverOptions: {
      connection: {
        // a server that does not answer (a cut network, a blackholed port) fails the connect in time
        connectionTimeoutMillis: options.connectTimeoutMs ?? 5_000,
        // and an idle connection to it is noticed by TCP keep-alive instead of hanging on first use
        keepAlive: true,
        keepAliveInitialDelayMillis: 10_000,
      },
    },
    forceUtcTimezone: true,
    allowGlobalContext: false,
    // 'query-params' stays off: parameters carry personal data
    debug: verbose ? ['query', 'info'] : false,
    colors: false,
    loggerFactory: (loggerOptions: LoggerOptions) => new PinoOrmLogger(loggerOptions, options.log.child({ component: 'orm' })),
    onQuery: (sql: string) => {
      options.onQuery?.(sql);
      return sql;
    },
  };
}

export async function createOrm(options: OrmOptions): Promise<Orm> {
  return MikroORM.init(ormConfig(options));
}

// pg_advisory_lock key of the migration run: hashtextextended('jembatan.migrations', 0)
const MIGRATION_LOCK_SQL = `select pg_advisory_lock(hashtextextended('jembatan.migrations', 0))`;

/**
 * Apply pending migrations; returns the names that ran. Safe when several replicas start at once on one
 * database: MikroORM's migrator takes no lock (each would create the migrations table and run the same
 * migrations, and all but one fail), so the run holds a session advisory lock on a connection of its
 * own. The others wait for it, then find nothing pending. A replica that dies while migrating loses its
 * session, and with it the lock (its transaction rolls back: allOrNothing).
 */
export async function migrate(orm: Orm): Promise<string[]> {
  const clientUrl = orm.config.get('clientUrl');
  if (!clientUrl) return (await orm.getMigrator().up()).map((m) => m.name);
  const connection = (orm.config.get('driverOptions') as { connection?: { connectionTimeoutMillis?: number } } | undefined)?.connection;
  const lock = new Client({ connectionString: clientUrl, connectionTimeoutMillis: connection?.connectionTimeoutMillis ?? 5_000, application_name: 'jembatan-migrate' });
  lock.on('error', () => undefined); // a lost lock connection fails the query below, or ends the run
  try {
    await lock.connect();
  } catch (e) {
    // the database may not exist yet: the migrator creates it (one replica at a time is the operator's job then)
    if ((e as { code?: string }).code !== '3D000') throw e;
    await lock.end().catch(() => undefined);
    return (await orm.getMigrator().up()).map((m) => m.name);
  }
  try {
    await lock.query(MIGRATION_LOCK_SQL);
    return (await orm.getMigrator().up()).map((m) => m.name);
  } finally {
    await lock.end().catch(() => undefined); // ending the session releases the lock
  }
}

export async function pendingMigrations(orm: Orm): Promise<string[]> {
  return (await orm.getMigrator().getPendingMigrations()).map((m) => m.name);
}
