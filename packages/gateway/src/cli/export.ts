/**
 * `npm run export -- <candidates|openings> <out.csv|out.xlsx> [filters] [--mask] [--include health,criminal]`:
 * the HTTP exports (http/exports-route.ts) from a shell, streamed to a file (issue 11).
 *
 *   export candidates candidates.xlsx --stage REGISTERED,TRAINING --kecamatan CIPOCOK_JAYA
 *   export openings openings.csv --status OPEN
 *
 * Filters are the route's query parameters as options (`--stage`, `--kecamatan`, `--occupation`,
 * `--route`, `--eligibility` for candidates; `--status`, `--route`, `--occupation` for openings).
 * Whoever runs it has the database, so the command acts as an OFFICER of this deployment's city
 * (JEMBATAN_CITY): every row, the same columns and masking options as the route. The audit row names
 * `cli:<os user>`. Beside a CSV the metadata is written as `<file>.meta.json` (who, when, filters, row
 * count, disclosure, source); an XLSX carries it in its `Metadata` sheet. The summary goes to stderr.
 *
 * Exit codes: 0 written; 2 bad arguments, a bad filter value or configuration; 1 any other failure.
 * Database: as `npm run import`: DATABASE_URL, or the embedded PostgreSQL in JEMBATAN_DATA_DIR.
 */
import 'reflect-metadata';
import { createWriteStream } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { systemClock, type Clock } from '../clock';
import { createLogger } from '../config/logger';
import { createOrm } from '../db/orm';
import { candidateExportPlan, metadataJson, openingExportPlan, runExport, type ExportFormat, type ExportPlan } from '../export';
import type { GatewayContext } from '../graphql/context';
import { GatewayError } from '../graphql/errors';
import type { AuditActor } from '../security/audit-log';
import { normaliseRoles, type Principal } from '../security/role';
import { cliUser, reportOtherFailure } from './cli-common';
import { commandDatabase } from './command-database';

export interface ExportCliIo {
  readonly env: NodeJS.ProcessEnv;
  readonly stderr: { write(text: string): unknown };
  readonly clock?: Clock;
}

export const USAGE = `Usage:
  export candidates <out.csv|out.xlsx> [--stage S,..] [--kecamatan K,..] [--occupation O,..] [--route R,..] [--eligibility E,..] [--mask] [--include health,criminal]
  export openings <out.csv|out.xlsx> [--status S,..] [--route R,..] [--occupation O,..]
Exit codes: 0 written, 1 failure, 2 bad arguments.
Database: DATABASE_URL, or the embedded PostgreSQL in JEMBATAN_DATA_DIR.
`;

const OPTIONS = {
  stage: { type: 'string', multiple: true },
  kecamatan: { type: 'string', multiple: true },
  occupation: { type: 'string', multiple: true },
  route: { type: 'string', multiple: true },
  eligibility: { type: 'string', multiple: true },
  status: { type: 'string', multiple: true },
  include: { type: 'string', multiple: true },
  mask: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** The options as the route's query (`mask` only when given). */
function queryOf(values: Record<string, unknown>): Record<string, unknown> {
  const query: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(values)) {
    if (k === 'help' || v === undefined) continue;
    query[k] = k === 'mask' ? String(v) : v;
  }
  return query;
}

function formatOf(file: string): ExportFormat | undefined {
  const lower = file.toLowerCase();
  return lower.endsWith('.csv') ? 'csv' : lower.endsWith('.xlsx') ? 'xlsx' : undefined;
}

async function runCommand(kind: 'candidates' | 'openings', file: string, format: ExportFormat, query: Record<string, unknown>, io: ExportCliIo): Promise<number> {
  const log = createLogger('warn', { write: (line: string) => io.stderr.write(line) });
  const city = io.env.JEMBATAN_CITY?.trim() || 'Kota Serang';
  const subject = `cli:${cliUser()}`;
  // shell access to the database is an officer's: this deployment's city, every row
  const principal: Principal = { kind: 'apiKey', subject, roles: normaliseRoles(['OFFICER']), city, name: 'export command' };
  const actor: AuditActor = { kind: 'system', subject, roles: ['OFFICER'] };
  const { url, embedded } = await commandDatabase(io.env, log);
  const orm = await createOrm({ clientUrl: url, log, poolMax: 2 }).catch(async (e: unknown) => {
    await embedded?.stop();
    throw e;
  });
  try {
    const ctx: GatewayContext = { em: orm.em.fork(), requestId: `export:${Date.now().toString(36)}`, principal, city, actor: subject, log, clock: io.clock ?? systemClock, loaders: new Map() };
    const plan = (kind === 'candidates' ? candidateExportPlan(ctx, query) : openingExportPlan(ctx, query)) as unknown as ExportPlan<{ createdAt: Date; id: string }>;
    const meta = await runExport(plan, { ctx, format, out: createWriteStream(file), actor });
    if (format === 'csv') await writeFile(`${file}.meta.json`, `${JSON.stringify(metadataJson(meta), null, 2)}\n`);
    io.stderr.write(`${meta.rowCount} ${kind} written to ${file}${format === 'csv' ? ` (metadata: ${file}.meta.json)` : ''}\n`);
    return 0;
  } finally {
    await orm.close(true).catch(() => undefined);
    await embedded?.stop();
  }
}

function reportFailure(e: unknown, io: ExportCliIo): number {
  if (e instanceof GatewayError) {
    const details = (e.extensions.details ?? {}) as Record<string, unknown>;
    io.stderr.write(`${String(details.reason ?? e.code)}\n  ${e.messages.id}\n  ${e.messages.en}\n`);
    return e.code === 'BAD_USER_INPUT' ? 2 : 1;
  }
  return reportOtherFailure(e, 'export', (t) => io.stderr.write(t));
}

/** Run one command; resolves with the process exit code. */
export async function runExportCli(argv: readonly string[], io: ExportCliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], allowPositionals: true, options: OPTIONS });
  } catch (e) {
    io.stderr.write(`${(e as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  const [kind, file] = positionals;
  const format = file ? formatOf(file) : undefined;
  if (values.help || (kind !== 'candidates' && kind !== 'openings') || !file || !format || positionals.length !== 2) {
    io.stderr.write(USAGE);
    return values.help ? 0 : 2;
  }
  try {
    return await runCommand(kind, file, format, queryOf(values), io);
  } catch (e) {
    return reportFailure(e, io);
  }
}

if (require.main === module) {
  runExportCli(process.argv.slice(2), { env: process.env, stderr: process.stderr }).then(
    (code) => process.exit(code),
    (e: unknown) => {
      process.stderr.write(`export failed: ${e instanceof Error ? e.message : String(e)}\n`);
      process.exit(1);
    },
  );
}
