/**
 * `npm run export -- <kind> <out.csv|out.xlsx> [options]`: the HTTP exports (http/exports-route.ts)
 * from a shell, streamed to a file (issue 11).
 *
 *   export candidates candidates.xlsx --stage REGISTERED,TRAINING --kecamatan CIPOCOK_JAYA --registered 2026-01-01..2026-03-31
 *   export openings openings.csv --status OPEN
 *   export cohorts kelompok.xlsx --status ENROLLING,RUNNING --course-kind KOREAN_LANGUAGE
 *   export class-list kelas.xlsx --cohort <id>
 *   export aggregate per-kecamatan.xlsx --query examples/analyst-queries/candidates-by-stage-and-kecamatan.graphql \
 *       --variables examples/analyst-queries/candidates-by-stage-and-kecamatan.variables.json
 *   export aggregate quota.csv --query quotaFill          (an aggregate by name: every figure of its result)
 *
 * Filters are the route's query parameters as options (`--stage`, `--kecamatan`, `--occupation`,
 * `--route`, `--eligibility`, `--registered FROM..TO`, `--entered STAGE:FROM..TO`, `--departed FROM..TO`
 * for candidates; `--status`, `--route`, `--occupation` for openings; `--status`, `--course-kind`,
 * `--kecamatan`, `--provider`, `--starts-from`, `--starts-until` for cohorts; `--cohort` for a class list).
 * An option the kind does not take is refused (exit 2), as the route refuses an unknown parameter.
 * An aggregate's query (a `.graphql` file, or an aggregate's name) runs through the gateway's own
 * GraphQL execution (the same checks, roles and disclosure control as `/exports/aggregate.*`), with
 * `--variables` (a JSON file or JSON text) and `--operation-name`.
 * Whoever runs it has the database, so the command acts as an OFFICER of this deployment's city
 * (JEMBATAN_CITY): every row, the same columns and masking options as the route. The audit row names
 * `cli:<os user>`. Beside a CSV the metadata is written as `<file>.meta.json` (who, when, filters, row
 * count, disclosure, source); an XLSX carries it in its `Metadata` sheet. The summary goes to stderr.
 *
 * Exit codes: 0 written; 2 bad arguments, a bad filter value, a refused query or configuration; 1 any other failure.
 * Database: as `npm run import`: DATABASE_URL, or the embedded PostgreSQL in JEMBATAN_DATA_DIR.
 */
import 'reflect-metadata';
import { createWriteStream, existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { ApolloServer } from '@apollo/server';
import type { GraphQLSchema } from 'graphql';
import { parseArgs } from 'node:util';
import { systemClock, type Clock } from '../clock';
import { createLogger } from '../config/logger';
import { createOrm } from '../db/orm';
import { candidateExportPlan, metadataJson, openingExportPlan, runAggregateExport, runExport, type ExportFormat, type ExportMeta, type ExportPlan } from '../export';
import {
  aggregateVariables,
  apolloExecutor,
  defaultAggregateDocument,
  GraphqlRefusal,
  prepareAggregateExport,
  prepareClassListExport,
  prepareCohortsExport,
  type PreparedGraphqlExport,
} from '../export/graphql-export';
import type { GatewayContext } from '../graphql/context';
import { formatGatewayError, GatewayError } from '../graphql/errors';
import { buildGatewaySchema } from '../graphql/schema';
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
  export candidates <out.csv|out.xlsx> [--stage S,..] [--kecamatan K,..] [--occupation O,..] [--route R,..] [--eligibility E,..]
                    [--registered FROM..TO] [--entered STAGE:FROM..TO] [--departed FROM..TO] [--mask] [--include health,criminal]
  export openings <out.csv|out.xlsx> [--status S,..] [--route R,..] [--occupation O,..]
  export cohorts <out.csv|out.xlsx> [--status S,..] [--course-kind K,..] [--kecamatan NAME] [--provider PARTY_ID] [--starts-from DATE] [--starts-until DATE]
  export class-list <out.csv|out.xlsx> --cohort COHORT_ID
  export aggregate <out.csv|out.xlsx> --query <file.graphql|aggregateName> [--variables <file.json|JSON>] [--operation-name NAME]
Dates are YYYY-MM-DD (WIB), ranges inclusive.
Exit codes: 0 written, 1 failure, 2 bad arguments or a refused query.
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
  registered: { type: 'string' },
  entered: { type: 'string' },
  departed: { type: 'string' },
  'course-kind': { type: 'string', multiple: true },
  provider: { type: 'string' },
  'starts-from': { type: 'string' },
  'starts-until': { type: 'string' },
  cohort: { type: 'string' },
  query: { type: 'string' },
  variables: { type: 'string' },
  'operation-name': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** Option → the route's query parameter, where the names differ. */
const PARAMETER_OF: Record<string, string> = { 'course-kind': 'courseKind', 'starts-from': 'startsFrom', 'starts-until': 'startsUntil' };
/** Options of an aggregate export (its query), never filters. */
const AGGREGATE_OPTIONS = ['query', 'variables', 'operation-name'];

const KINDS = ['candidates', 'openings', 'cohorts', 'class-list', 'aggregate'] as const;
type Kind = (typeof KINDS)[number];

/** The options as the route's query (`mask` only when given; a single-valued list as its value, as a query string gives it). */
function queryOf(values: Record<string, unknown>): Record<string, unknown> {
  const query: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(values)) {
    if (k === 'help' || v === undefined || AGGREGATE_OPTIONS.includes(k)) continue;
    const name = PARAMETER_OF[k] ?? k;
    query[name] = k === 'mask' ? String(v) : Array.isArray(v) && v.length === 1 && (name === 'kecamatan' || name === 'provider') ? v[0] : v;
  }
  return query;
}

class UsageError extends Error {}

/** The query of `--query`: a `.graphql` file, else an aggregate's name (its default document). */
async function aggregateQuery(value: string | undefined, schema: GraphQLSchema): Promise<string> {
  if (!value) throw new UsageError('export aggregate needs --query <file.graphql|aggregateName>');
  if (value.toLowerCase().endsWith('.graphql') || value.toLowerCase().endsWith('.gql') || existsSync(value)) {
    try {
      return await readFile(value, 'utf8');
    } catch (e) {
      throw new UsageError(`cannot read the query file ${value}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    }
  }
  const document = defaultAggregateDocument(schema, value);
  if (document === undefined) throw new UsageError(`--query ${value}: neither a .graphql file nor an aggregate's name`);
  return document;
}

/** `--variables`: a JSON file, or JSON text (`{"groupBy": ["STAGE"]}`). */
async function aggregateVariablesOf(value: string | undefined): Promise<Record<string, unknown>> {
  if (value === undefined) return {};
  const trimmed = value.trim();
  if (trimmed.startsWith('{')) return aggregateVariables(trimmed);
  let text: string;
  try {
    text = await readFile(value, 'utf8');
  } catch (e) {
    throw new UsageError(`cannot read the variables file ${value}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  return aggregateVariables(text);
}

function formatOf(file: string): ExportFormat | undefined {
  const lower = file.toLowerCase();
  return lower.endsWith('.csv') ? 'csv' : lower.endsWith('.xlsx') ? 'xlsx' : undefined;
}

async function runCommand(kind: Kind, file: string, format: ExportFormat, values: Record<string, unknown>, io: ExportCliIo): Promise<number> {
  const query = queryOf(values);
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
  let apollo: ApolloServer<GatewayContext> | undefined;
  try {
    const ctx: GatewayContext = { em: orm.em.fork(), requestId: `export:${Date.now().toString(36)}`, principal, city, actor: subject, log, clock: io.clock ?? systemClock, loaders: new Map() };
    let meta: ExportMeta;
    if (kind === 'candidates' || kind === 'openings') {
      const plan = (kind === 'candidates' ? candidateExportPlan(ctx, query) : openingExportPlan(ctx, query)) as unknown as ExportPlan<{ createdAt: Date; id: string }>;
      meta = await runExport(plan, { ctx, format, out: createWriteStream(file), actor });
    } else {
      // the route's own preparation, through the gateway's GraphQL execution as this officer
      const schema = await buildGatewaySchema();
      apollo = new ApolloServer<GatewayContext>({ schema, formatError: (formatted, error) => formatGatewayError(formatted, error, undefined), includeStacktraceInErrorResponses: false, stopOnTerminationSignals: false });
      await apollo.start();
      const execute = apolloExecutor(apollo, ctx);
      let prepared: PreparedGraphqlExport;
      if (kind === 'aggregate') {
        const text = await aggregateQuery(values.query as string | undefined, schema);
        const variables = await aggregateVariablesOf(values.variables as string | undefined);
        const operationName = values['operation-name'] as string | undefined;
        prepared = await prepareAggregateExport(execute, schema, { query: text, variables, ...(operationName ? { operationName } : {}) });
      } else prepared = kind === 'cohorts' ? await prepareCohortsExport(execute, query) : await prepareClassListExport(execute, query);
      meta = await runAggregateExport({ ctx, format, out: createWriteStream(file), table: prepared.table, filters: prepared.filters, ...(prepared.kind ? { kind: prepared.kind } : {}) });
    }
    if (format === 'csv') await writeFile(`${file}.meta.json`, `${JSON.stringify(metadataJson(meta), null, 2)}\n`);
    const what = kind === 'aggregate' ? `${meta.kind} rows` : kind === 'class-list' ? 'class-list rows' : kind;
    io.stderr.write(`${meta.rowCount} ${what} written to ${file}${format === 'csv' ? ` (metadata: ${file}.meta.json)` : ''}\n`);
    return 0;
  } finally {
    await apollo?.stop().catch(() => undefined);
    await orm.close(true).catch(() => undefined);
    await embedded?.stop();
  }
}

function reportFailure(e: unknown, io: ExportCliIo): number {
  if (e instanceof UsageError) {
    io.stderr.write(`${e.message}\n\n${USAGE}`);
    return 2;
  }
  if (e instanceof GraphqlRefusal) {
    // what /exports/aggregate.* would answer: the code, the stable domain code, both languages
    for (const error of e.errors) {
      const ext = (error.extensions ?? {}) as Record<string, unknown>;
      const messages = (ext.messages ?? {}) as { id?: string; en?: string };
      io.stderr.write(`${String(ext.code ?? 'GRAPHQL_ERROR')}${typeof ext.domainCode === 'string' ? ` ${ext.domainCode}` : ''}\n  ${messages.id ?? error.message ?? ''}\n  ${messages.en ?? error.message ?? ''}\n`);
    }
    const code = String(e.errors[0]?.extensions?.code ?? '');
    return code === 'INTERNAL_SERVER_ERROR' || code === 'SERVICE_UNAVAILABLE' ? 1 : 2;
  }
  if (e instanceof GatewayError) {
    const details = (e.extensions.details ?? {}) as Record<string, unknown>;
    const domainCode = e.extensions.domainCode;
    io.stderr.write(`${String(details.reason ?? (typeof domainCode === 'string' ? domainCode : e.code))}\n  ${e.messages.id}\n  ${e.messages.en}\n`);
    return e.code === 'BAD_USER_INPUT' || e.code === 'NOT_FOUND' ? 2 : 1;
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
  if (values.help || !KINDS.includes(kind as Kind) || !file || !format || positionals.length !== 2) {
    io.stderr.write(USAGE);
    return values.help ? 0 : 2;
  }
  // an aggregate takes its query, never filters; the other kinds never a query (refused, not ignored)
  const given = Object.keys(values).filter((k) => k !== 'help' && values[k as keyof typeof values] !== undefined);
  const misplaced = kind === 'aggregate' ? given.filter((k) => !AGGREGATE_OPTIONS.includes(k)) : given.filter((k) => AGGREGATE_OPTIONS.includes(k));
  if (misplaced.length) {
    io.stderr.write(`export ${kind} does not take --${misplaced.join(', --')}\n\n${USAGE}`);
    return 2;
  }
  try {
    return await runCommand(kind as Kind, file, format, values, io);
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
