/** MikroORM 6 on PostgreSQL: entity schemas, committed migrations, pino logging. */
import { DefaultLogger, type LogContext, type LoggerNamespace, type LoggerOptions } from '@mikro-orm/core';
import { Migrator } from '@mikro-orm/migrations';
import { MikroORM, type Options } from '@mikro-orm/postgresql';
import type { Logger } from '../config/logger';
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
    const text = message.replace(/\s+/g, ' ').trim();
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
    pool: { min: 0, max: options.poolMax ?? 10 },
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

/** Apply pending migrations; returns the names that ran. */
export async function migrate(orm: Orm): Promise<string[]> {
  const applied = await orm.getMigrator().up();
  return applied.map((m) => m.name);
}

export async function pendingMigrations(orm: Orm): Promise<string[]> {
  return (await orm.getMigrator().getPendingMigrations()).map((m) => m.name);
}
