/**
 * Start-up and shut-down in order: database (embedded unless DATABASE_URL), ORM, migrations, seed,
 * schema, HTTP. `stop()` reverses it: stop taking requests, finish in-flight ones, close the pool,
 * stop embedded PostgreSQL.
 */
import type { GatewayConfig } from './config/config';
import type { Logger } from './config/logger';
import { startEmbeddedPostgres, type EmbeddedPostgres } from './db/embedded-postgres';
import { createOrm, migrate, type Orm } from './db/orm';
import { buildGatewaySchema } from './graphql/schema';
import { createHttpApp, type HttpApp } from './http/app';
import { loadSeedOnce, type SeedOutcome } from './seed/seed';

export interface Gateway {
  /** e.g. http://localhost:4000/graphql */
  readonly url: string;
  readonly port: number;
  readonly orm: Orm;
  readonly http: HttpApp;
  readonly embedded: EmbeddedPostgres | undefined;
  readonly appliedMigrations: readonly string[];
  readonly seed: SeedOutcome | undefined;
  stop(): Promise<void>;
}

export interface StartOptions {
  readonly log: Logger;
  /** Observe every SQL statement (tests count them). */
  readonly onQuery?: (sql: string) => void;
}

export async function startGateway(config: GatewayConfig, options: StartOptions): Promise<Gateway> {
  const { log } = options;
  const cleanup: Array<() => Promise<void>> = [];
  const unwind = async (): Promise<void> => {
    for (const fn of cleanup.reverse()) {
      try {
        await fn();
      } catch (e) {
        log.error({ err: e }, 'error during shutdown');
      }
    }
    cleanup.length = 0;
  };

  try {
    let embedded: EmbeddedPostgres | undefined;
    let clientUrl = config.databaseUrl;
    if (!clientUrl) {
      embedded = await startEmbeddedPostgres({ dataDir: config.dataDir, port: config.embeddedPgPort, log });
      cleanup.push(embedded.stop);
      clientUrl = embedded.url;
    } else {
      log.info('using the PostgreSQL server from DATABASE_URL');
    }

    const orm = await createOrm({ clientUrl, log, ...(options.onQuery ? { onQuery: options.onQuery } : {}) });
    cleanup.push(() => orm.close(true));

    const appliedMigrations = await migrate(orm);
    log.info({ applied: appliedMigrations }, appliedMigrations.length ? 'migrations applied' : 'database schema up to date');

    const seed = config.seed ? await loadSeedOnce(orm, log) : undefined;

    const schema = await buildGatewaySchema();
    const http = await createHttpApp({
      orm,
      schema,
      log,
      bodyLimit: config.bodyLimit,
      shutdownTimeoutMs: config.shutdownTimeoutMs,
    });
    cleanup.push(http.stop);
    const port = await http.listen(config.port, config.host);
    const displayHost = !config.host || config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
    const url = `http://${displayHost}:${port}/graphql`;
    log.info({ url }, 'gateway ready');

    let stopping: Promise<void> | undefined;
    return {
      url,
      port,
      orm,
      http,
      embedded,
      appliedMigrations,
      seed,
      stop: () => {
        stopping ??= (async () => {
          log.info('shutting down: finishing in-flight requests');
          await unwind();
          log.info('shutdown complete');
        })();
        return stopping;
      },
    };
  } catch (e) {
    await unwind();
    throw e;
  }
}
