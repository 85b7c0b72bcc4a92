/**
 * `npm start`: run the gateway until SIGTERM/SIGINT. With no DATABASE_URL an embedded PostgreSQL starts
 * with its data in JEMBATAN_DATA_DIR (default <repo root>/.data) and keeps it between runs.
 */
import 'reflect-metadata';
import { ConfigError, loadConfig } from './config/config';
import { createLogger } from './config/logger';
import { EmbeddedPostgresError } from './db/embedded-postgres';
import { startGateway } from './server';
import { loadSecurityConfig } from './security/security-config';

async function main(): Promise<void> {
  let config;
  let security;
  try {
    config = loadConfig();
    security = loadSecurityConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`Configuration error: ${e.message}\n`);
      process.exit(2);
    }
    throw e;
  }
  const log = createLogger(config.logLevel);
  let gateway;
  try {
    gateway = await startGateway(config, { log, security });
  } catch (e) {
    log.fatal({ err: e }, 'gateway failed to start');
    if (e instanceof EmbeddedPostgresError) process.stderr.write(`\n${e.message}\n\n`);
    process.exit(1);
  }
  process.stdout.write(`\nJembatan GraphQL gateway ready at ${gateway.url}\n\n`);

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
    gateway.stop().then(
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
