/**
 * Start-up and shut-down in order: database (embedded unless DATABASE_URL), ORM, migrations, seed (or the demo),
 * schema, HTTP. `stop()` reverses it: stop taking requests, finish in-flight ones, close the pool,
 * stop embedded PostgreSQL.
 */
import { systemClock, type Clock } from './clock';
import { DEMO_DEFAULT_CANDIDATES, type GatewayConfig } from './config/config';
import type { Logger } from './config/logger';
import { startEmbeddedPostgres, type EmbeddedPostgres, type EmbeddedPostgresError } from './db/embedded-postgres';
import { createOrm, migrate, type Orm } from './db/orm';
import { loadResilienceConfig, MAX_RESTART_BACKOFF_MS, type ResilienceConfig } from './db/resilience';
import { buildGatewaySchema } from './graphql/schema';
import { createHttpApp, type HttpApp } from './http/app';
import { loadSeedOnce, type SeedOutcome } from './seed/seed';
import { loadDemoOnce } from './seed/demo/load-demo';
import { createApiKey, type ApiKeyRecord, type CreateApiKeyInput } from './security/api-key';
import { writeAudit } from './security/audit-log';
import { loadSecurityConfig, type SecurityConfig } from './security/security-config';
import { emExecutor } from './security/sql-executor';

/** A key for `Gateway.createApiKey`: `createdBy` defaults to `embedder` (the program that started the gateway). */
export type GatewayApiKeyInput = Omit<CreateApiKeyInput, 'createdBy'> & { readonly createdBy?: string };

export interface Gateway {
  /** e.g. http://localhost:4000/graphql */
  readonly url: string;
  readonly port: number;
  readonly orm: Orm;
  readonly http: HttpApp;
  readonly embedded: EmbeddedPostgres | undefined;
  readonly appliedMigrations: readonly string[];
  readonly seed: SeedOutcome | undefined;
  /** The security settings in force (from the environment unless StartOptions.security was given). */
  readonly security: SecurityConfig;
  /**
   * Create an API key in this gateway's database (audited as `system`), e.g. for end-to-end tests or an
   * embedding program: `const { token } = await gateway.createApiKey({ roles: ['OFFICER'], name: 'e2e' })`,
   * then send `Authorization: Bearer <token>`. The token is returned once; only its hash is stored.
   */
  createApiKey(input: GatewayApiKeyInput): Promise<{ readonly token: string; readonly record: ApiKeyRecord }>;
  stop(): Promise<void>;
}

export interface StartOptions {
  readonly log: Logger;
  /** Observe every SQL statement (tests count them). */
  readonly onQuery?: (sql: string) => void;
  /** Access control and abuse limits; default `loadSecurityConfig(process.env)` (throws ConfigError). */
  readonly security?: SecurityConfig;
  /** Outage handling (Retry-After, connect timeout, embedded restarts); default `loadResilienceConfig(process.env)`. */
  readonly resilience?: ResilienceConfig;
  /**
   * The embedded PostgreSQL exited and could not be restarted (bounded attempts, or a crash loop):
   * the gateway cannot recover by itself. main.ts logs it and exits non-zero so that the process
   * manager restarts the gateway. Default: only logged (and `/health` answers 503).
   */
  readonly onFatal?: (error: EmbeddedPostgresError) => void;
  /**
   * The program's clock (clock.ts): default dates when a query omits `asOf`, the instants changes and the
   * seed are recorded at. Default the system clock; tests pass `fixedClock(...)` so that no answer
   * depends on today's date.
   */
  readonly clock?: Clock;
}

export async function startGateway(config: GatewayConfig, options: StartOptions): Promise<Gateway> {
  const { log } = options;
  const security = options.security ?? loadSecurityConfig(process.env);
  const resilience = options.resilience ?? loadResilienceConfig(process.env);
  const clock = options.clock ?? systemClock;
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
    const { embedded, clientUrl } = await startDatabase(config, options, resilience);
    if (embedded) cleanup.push(embedded.stop);
    const orm = await createOrm({
      clientUrl,
      log,
      connectTimeoutMs: resilience.connectTimeoutMs,
      ...(options.onQuery ? { onQuery: options.onQuery } : {}),
    });
    cleanup.push(() => orm.close(true));

    const appliedMigrations = await migrate(orm);
    log.info({ applied: appliedMigrations }, appliedMigrations.length ? 'migrations applied' : 'database schema up to date');

    const seed: SeedOutcome | undefined = !config.seed
      ? undefined
      : config.seedDemo
        ? await loadDemoOnce(orm, { candidates: config.demoCandidates ?? DEMO_DEFAULT_CANDIDATES, log, clock })
        : await loadSeedOnce(orm, log, clock);

    // From here on PostgreSQL itself cancels any statement running longer than the query timeout
    // (57014 → TIMEOUT). Migrations and the seed above ran without it: a long migration is not an attack.
    // (keeping the connection options of ormConfig: connect timeout, TCP keep-alive)
    const driverOptions = orm.config.get('driverOptions') as { connection?: Record<string, unknown> };
    await orm.reconnect({ driverOptions: { ...driverOptions, connection: { ...driverOptions.connection, statement_timeout: security.queryTimeoutMs } } });

    const schema = await buildGatewaySchema();
    const http = await createHttpApp({
      orm,
      schema,
      log,
      bodyLimit: config.bodyLimit,
      shutdownTimeoutMs: config.shutdownTimeoutMs,
      security,
      resilience,
      clock,
      ...(embedded ? { embeddedStatus: embedded.status } : {}),
    });
    cleanup.push(http.stop);
    const port = await http.listen(config.port, config.host);
    const displayHost = !config.host || config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
    const url = `http://${displayHost}:${port}/graphql`;
    log.info({ url }, 'gateway ready');

    return gatewayHandle({ url, port, orm, http, embedded, appliedMigrations, seed, security, log, unwind });
  } catch (e) {
    await unwind();
    throw e;
  }
}

/** The database: the `DATABASE_URL` server, or an embedded PostgreSQL supervised for restarts. */
async function startDatabase(
  config: GatewayConfig,
  options: StartOptions,
  resilience: ResilienceConfig,
): Promise<{ readonly embedded: EmbeddedPostgres | undefined; readonly clientUrl: string }> {
  if (config.databaseUrl) {
    options.log.info('using the PostgreSQL server from DATABASE_URL');
    return { embedded: undefined, clientUrl: config.databaseUrl };
  }
  const embedded = await startEmbeddedPostgres({
    dataDir: config.dataDir,
    port: config.embeddedPgPort,
    log: options.log,
    // restart PostgreSQL when it dies (crash recovery keeps committed data); give up → onFatal
    supervise: {
      attempts: resilience.pgRestartAttempts,
      backoffMs: resilience.pgRestartBackoffMs,
      maxBackoffMs: MAX_RESTART_BACKOFF_MS,
      maxRestartsPerHour: resilience.pgMaxRestartsPerHour,
      startTimeoutMs: resilience.pgStartTimeoutMs,
      onFatal: (error) => options.onFatal?.(error),
    },
  });
  return { embedded, clientUrl: embedded.url };
}

type HandleParts = Omit<Gateway, 'createApiKey' | 'stop'> & {
  readonly log: Logger;
  readonly unwind: () => Promise<void>;
};

function gatewayHandle(parts: HandleParts): Gateway {
  const { orm, log, unwind } = parts;
  let stopping: Promise<void> | undefined;
  return {
    url: parts.url,
    port: parts.port,
    orm,
    http: parts.http,
    embedded: parts.embedded,
    appliedMigrations: parts.appliedMigrations,
    seed: parts.seed,
    security: parts.security,
    createApiKey: (input) =>
      orm.em.fork().transactional(async (em) => {
        const createdBy = input.createdBy ?? 'embedder';
        const { record, token } = await createApiKey(emExecutor(em), { ...input, createdBy });
        await writeAudit(em, {
          principal: { kind: 'system', subject: createdBy, roles: ['ADMIN'] },
          action: 'createApiKey',
          entityType: 'ApiKey',
          entityId: record.keyId,
          after: { keyId: record.keyId, name: record.name, roles: [...record.roles], partyIds: [...record.partyIds], candidateId: record.candidateId, city: record.city },
        });
        return { token, record };
      }),
    stop: () => {
      stopping ??= (async () => {
        log.info('shutting down: finishing in-flight requests');
        await unwind();
        log.info('shutdown complete');
      })();
      return stopping;
    },
  };
}
