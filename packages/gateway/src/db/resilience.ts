/**
 * How the gateway rides out a database outage (issue 8 item 6), read once from the environment.
 *
 * | variable | default | meaning |
 * | --- | --- | --- |
 * | JEMBATAN_RETRY_AFTER_SECONDS | 5 | `Retry-After` of a 503 SERVICE_UNAVAILABLE answer |
 * | JEMBATAN_DB_CONNECT_TIMEOUT_MS | 5000 | a new database connection that takes longer fails (→ 503); also bounds `/ready`'s check |
 * | JEMBATAN_PG_RESTART_ATTEMPTS | 6 | embedded PostgreSQL: start attempts after it exits unexpectedly, before the gateway gives up and exits non-zero |
 * | JEMBATAN_PG_RESTART_BACKOFF_MS | 250 | wait before the first attempt; doubles after each failed one, at most 8 s |
 * | JEMBATAN_PG_MAX_RESTARTS_PER_HOUR | 10 | more unexpected exits than this within an hour is a crash loop: exit non-zero instead |
 * | JEMBATAN_PG_START_TIMEOUT_MS | 120000 | one start attempt (crash recovery replays the WAL) may take this long |
 *
 * The defaults: a killed PostgreSQL restarts in about a second (measured by test/db-outage.test.ts);
 * six attempts over 0.25 + 0.5 + 1 + 2 + 4 + 8 ≈ 16 s cover a lock or port still held by the dying
 * server's children; past that a fresh process is likelier to help than a seventh try, and the process
 * manager's own backoff takes over. 5 s of Retry-After is a little longer than a typical recovery, so a
 * retrying client does not hammer a restarting server.
 */
import { ConfigError } from '../config/config';

export interface ResilienceConfig {
  readonly retryAfterSeconds: number;
  readonly connectTimeoutMs: number;
  readonly pgRestartAttempts: number;
  readonly pgRestartBackoffMs: number;
  readonly pgMaxRestartsPerHour: number;
  readonly pgStartTimeoutMs: number;
}

export const DEFAULT_RESILIENCE: ResilienceConfig = {
  retryAfterSeconds: 5,
  connectTimeoutMs: 5_000,
  pgRestartAttempts: 6,
  pgRestartBackoffMs: 250,
  pgMaxRestartsPerHour: 10,
  pgStartTimeoutMs: 120_000,
};

/** The longest wait between two start attempts of the embedded PostgreSQL. */
export const MAX_RESTART_BACKOFF_MS = 8_000;

function wholeNumber(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  if (!/^\d{1,9}$/.test(raw) || Number(raw) < min || Number(raw) > max) {
    throw new ConfigError(`${name} must be a whole number from ${min} to ${max}`);
  }
  return Number(raw);
}

export function loadResilienceConfig(env: NodeJS.ProcessEnv = process.env): ResilienceConfig {
  return {
    retryAfterSeconds: wholeNumber(env, 'JEMBATAN_RETRY_AFTER_SECONDS', DEFAULT_RESILIENCE.retryAfterSeconds, 1, 3600),
    connectTimeoutMs: wholeNumber(env, 'JEMBATAN_DB_CONNECT_TIMEOUT_MS', DEFAULT_RESILIENCE.connectTimeoutMs, 100, 600_000),
    pgRestartAttempts: wholeNumber(env, 'JEMBATAN_PG_RESTART_ATTEMPTS', DEFAULT_RESILIENCE.pgRestartAttempts, 0, 100),
    pgRestartBackoffMs: wholeNumber(env, 'JEMBATAN_PG_RESTART_BACKOFF_MS', DEFAULT_RESILIENCE.pgRestartBackoffMs, 0, 600_000),
    pgMaxRestartsPerHour: wholeNumber(env, 'JEMBATAN_PG_MAX_RESTARTS_PER_HOUR', DEFAULT_RESILIENCE.pgMaxRestartsPerHour, 0, 10_000),
    pgStartTimeoutMs: wholeNumber(env, 'JEMBATAN_PG_START_TIMEOUT_MS', DEFAULT_RESILIENCE.pgStartTimeoutMs, 1_000, 3_600_000),
  };
}
