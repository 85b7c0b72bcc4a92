/**
 * `npm run demo`: load the deterministic synthetic demo program (seed/demo/load-demo.ts) into an
 * empty database, then exit. `JEMBATAN_DEMO_CANDIDATES=100000 npm run demo` builds the benchmark
 * database.
 *
 * Database: as `npm run import`: DATABASE_URL, or the embedded PostgreSQL in JEMBATAN_DATA_DIR (the
 * running gateway's server, or one started for the command and stopped after it). The schema is
 * migrated first (the committed migrations, as `npm start` does), so a fresh data directory works.
 *
 * Exit codes: 0 loaded (or the demo was already loaded); 1 refused because the database already holds
 * program data (nothing written), or the load failed (rolled back: nothing written); 2 bad
 * configuration. The summary goes to stdout, progress to stderr.
 */
import 'reflect-metadata';
import { systemClock, type Clock } from '../clock';
import { ConfigError, loadConfig, parseDemoCandidates } from '../config/config';
import { createLogger } from '../config/logger';
import { createOrm, migrate } from '../db/orm';
import { loadDemoOnce, type DemoOutcome } from '../seed/demo/load-demo';
import { commandDatabase } from './command-database';

export interface DemoCliIo {
  readonly env: NodeJS.ProcessEnv;
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly clock?: Clock;
}

export const DEMO_USAGE = `Usage: npm run demo        (JEMBATAN_DEMO_CANDIDATES=2000 by default; 1 to 200000)
Loads the synthetic demo program into an EMPTY database (DATABASE_URL, or the embedded PostgreSQL in JEMBATAN_DATA_DIR).
Exit codes: 0 loaded or already loaded, 1 refused (the database holds program data) or failed, 2 bad configuration.
`;

export function describeOutcome(outcome: DemoOutcome): string {
  switch (outcome.status) {
    case 'loaded':
      return `Demo loaded in ${(outcome.ms / 1000).toFixed(1)} s: ${outcome.summary}\nEvery record is synthetic example data (marked [CONTOH], NIKs 3699…).\n`;
    case 'already-loaded':
      return `The demo is already loaded in this database (nothing written): ${outcome.summary}\n`;
    case 'skipped-user-data': {
      const c = outcome.counts;
      return (
        `Refused: the database already holds program data (${c.parties} parties, ${c.mous} MoUs, ${c.quotas} quotas, ${c.openings} openings, ` +
        `${c.candidates} candidates). Nothing was written.\n` +
        'Ditolak: basis data sudah berisi data program. Tidak ada yang ditulis.\n' +
        'The demo only loads into an empty database: use a fresh data directory, e.g.\n' +
        '  JEMBATAN_DATA_DIR=.data-demo npm run demo && JEMBATAN_DATA_DIR=.data-demo npm start\n'
      );
    }
  }
}

/** Run the command; resolves with the process exit code. */
export async function runDemoCli(argv: readonly string[], io: DemoCliIo): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    io.stdout(DEMO_USAGE);
    return 0;
  }
  if (argv.length > 0) {
    io.stderr(`Unexpected arguments: ${argv.join(' ')}\n\n${DEMO_USAGE}`);
    return 2;
  }
  let candidates: number;
  try {
    loadConfig(io.env);
    candidates = parseDemoCandidates(io.env.JEMBATAN_DEMO_CANDIDATES);
  } catch (e) {
    if (e instanceof ConfigError) {
      io.stderr(`Configuration error: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
  const log = createLogger('warn', { write: (line: string) => io.stderr(line) });
  let db;
  try {
    db = await commandDatabase(io.env, log);
  } catch (e) {
    io.stderr(e instanceof ConfigError ? `Configuration error: ${e.message}\n` : `demo failed: ${e instanceof Error ? e.message : String(e)}\n`);
    return e instanceof ConfigError ? 2 : 1;
  }
  try {
    const orm = await createOrm({ clientUrl: db.url, log, poolMax: 2 });
    try {
      await migrate(orm);
      io.stderr(`Loading the demo program: ${candidates} synthetic candidates…\n`);
      let lastShown = 0;
      const outcome = await loadDemoOnce(orm, {
        candidates,
        log,
        clock: io.clock ?? systemClock,
        onProgress: (written, total) => {
          if (written === total || written - lastShown >= Math.max(1000, Math.floor(total / 20))) {
            lastShown = written;
            io.stderr(`  ${written} / ${total} candidates\n`);
          }
        },
      });
      io.stdout(describeOutcome(outcome));
      return outcome.status === 'skipped-user-data' ? 1 : 0;
    } finally {
      await orm.close(true).catch(() => undefined);
    }
  } catch (e) {
    io.stderr(`demo failed (rolled back, nothing written): ${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  } finally {
    await db.embedded?.stop();
  }
}

if (require.main === module) {
  runDemoCli(process.argv.slice(2), {
    env: process.env,
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
  }).then(
    (code) => process.exit(code),
    (e: unknown) => {
      process.stderr.write(`demo failed: ${e instanceof Error ? e.message : String(e)}\n`);
      process.exit(1);
    },
  );
}
