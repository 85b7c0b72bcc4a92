/**
 * `npm start`: run the gateway until SIGTERM/SIGINT. With no DATABASE_URL an embedded PostgreSQL starts
 * with its data in JEMBATAN_DATA_DIR (default <repo root>/.data) and keeps it between runs.
 */
import 'reflect-metadata';
import { ConfigError, loadConfig } from './config/config';
import { createLogger } from './config/logger';
import { EmbeddedPostgresError } from './db/embedded-postgres';
import { loadResilienceConfig } from './db/resilience';
import { startGateway, type Gateway } from './server';
import { loadSecurityConfig } from './security/security-config';

async function main(): Promise<void> {
  let config;
  let security;
  let resilience;
  try {
    config = loadConfig();
    security = loadSecurityConfig();
    resilience = loadResilienceConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`Configuration error: ${e.message}\n`);
      process.exit(2);
    }
    throw e;
  }
  const log = createLogger(config.logLevel);
  let gateway: Gateway | undefined;
  // The embedded PostgreSQL died and could not be restarted (bounded attempts, or a crash loop): this
  // process cannot recover by itself. Exit non-zero so that the process manager (systemd, Kubernetes,
  // pm2) restarts the gateway; a fresh start runs PostgreSQL's crash recovery on the same data.
  const onFatal = (error: EmbeddedPostgresError): void => {
    log.fatal({ err: error }, 'database cannot be recovered: exiting with code 1');
    process.stderr.write(`\n${error.message}\n\n`);
    setTimeout(() => process.exit(1), 5_000); // not unref: the exit must happen even if stop() hangs
    const stopping = gateway ? gateway.stop() : Promise.resolve();
    stopping.finally(() => process.exit(1)).catch(() => undefined);
  };
  try {
    gateway = await startGateway(config, { log, security, resilience, onFatal });
  } catch (e) {
    log.fatal({ err: e }, 'gateway failed to start');
    if (e instanceof EmbeddedPostgresError) process.stderr.write(`\n${e.message}\n\n`);
    process.exit(1);
  }
  const running = gateway;
  process.stdout.write(`\nJembatan GraphQL gateway ready at ${running.url}\n\n`);

  // A terminal's Ctrl-C reaches both npm and node, and npm forwards it again: a repeat within two
  // seconds is the same request. A later one means "stop now".
  let firstSignalAt: number | undefined;
  const onSignal = (signal: NodeJS.Signals): void => {
    const now = Date.now();
    if (firstSignalAt !== undefined) {
      if (now - firstSignalAt < 2000) return;
      log.warn({ signal }, 'second signal: exiting without waiting for in-flight requests');
      process.exit(1);
    }
    firstSignalAt = now;
    log.info({ signal }, 'signal received');
    // never hang: give up after the drain timeout plus time to close the pool and PostgreSQL
    setTimeout(() => {
      log.error('shutdown timed out');
      process.exit(1);
    }, config.shutdownTimeoutMs + 15_000).unref();
    running.stop().then(
      () => process.exit(0),
      (e: unknown) => {
        log.error({ err: e }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
}

void main();
