/** Bench settings from the environment (defaults = the setup) and a description of the machine. */
import os from 'node:os';

function positiveInt(env, name, fallback, max) {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < 1 || Number(raw) > max) {
    throw new Error(`${name} must be a whole number between 1 and ${max} (got ${JSON.stringify(raw)})`);
  }
  return Number(raw);
}

/**
 * BENCH_DURATION_S: measured round, seconds (8). BENCH_WARMUP_S: warm-up round before each measured
 * one (2). BENCH_CONNECTIONS: concurrent keep-alive connections (16). BENCH_CANDIDATES: candidate rows
 * (20,000). BENCH_OPENINGS: OPEN job openings (200). BENCH_GATEWAY_LOG_LEVEL: the gateway's LOG_LEVEL
 * (info, the production default: one access-log line per request, written to a file).
 */
export function loadSettings(env = process.env) {
  const logLevel = env.BENCH_GATEWAY_LOG_LEVEL?.trim() || 'info';
  if (!['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].includes(logLevel)) {
    throw new Error('BENCH_GATEWAY_LOG_LEVEL must be a pino level (fatal, error, warn, info, debug, trace, silent)');
  }
  return {
    durationS: positiveInt(env, 'BENCH_DURATION_S', 8, 600),
    warmupS: positiveInt(env, 'BENCH_WARMUP_S', 2, 600),
    connections: positiveInt(env, 'BENCH_CONNECTIONS', 16, 1000),
    candidates: positiveInt(env, 'BENCH_CANDIDATES', 20_000, 200_000),
    openings: positiveInt(env, 'BENCH_OPENINGS', 200, 1000),
    gatewayLogLevel: logLevel,
  };
}

export function describeMachine() {
  const cpus = os.cpus();
  return {
    cpus: cpus.length,
    cpuModel: cpus[0]?.model?.trim() ?? 'unknown',
    availableParallelism: typeof os.availableParallelism === 'function' ? os.availableParallelism() : cpus.length,
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    loadAverage1m: Math.round(os.loadavg()[0] * 100) / 100,
    node: process.version,
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
  };
}
