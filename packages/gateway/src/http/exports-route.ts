/**
 * `GET /exports/<kind>.<format>` (issue 11): streaming CSV / XLSX downloads of what the caller sees
 * through GraphQL, with the same rules and masking (export/candidates.ts, export/openings.ts).
 *
 *   /exports/candidates.csv | .xlsx   ?stage=…&kecamatan=…&occupation=…&route=…&eligibility=…&mask=true&include=health,criminal
 *   /exports/openings.csv   | .xlsx   ?status=…&route=…&occupation=…
 *   /exports/aggregate.csv  | .xlsx   GET ?query=<GraphQL>&variables=<JSON>&operationName=…, or POST the same as JSON
 *   /exports/cohorts.csv    | .xlsx   ?status=…&courseKind=…&kecamatan=…&provider=<id>&startsFrom=…&startsUntil=…
 *   /exports/class-list.csv | .xlsx   ?cohort=<id>   (one cohort's members, attendance share and final status)
 *
 * An aggregate download runs the caller's query over one aggregate through the gateway's own GraphQL
 * execution (`executeOperation`: the same roles, disclosure control, validation and cost limits as
 * `/graphql`) and lays its result out as a table (export/aggregate.ts). Cohorts and class lists run
 * fixed documents the same way (export/training.ts). GraphQL errors answer in the gateway's error
 * shape before any byte of the file.
 *
 * Mounted behind the middleware of `/graphql` (http/app.ts): CORS, the rate limit, authentication
 * (API key or bearer JWT), the in-flight limit. A credential is required (401 UNAUTHENTICATED,
 * reason CREDENTIAL_REQUIRED, in the gateway's error shape); refusals and bad parameters answer before
 * any byte of the file (403 FORBIDDEN, 400 BAD_USER_INPUT). There is no request deadline (a large
 * export runs longer than a query): every statement keeps PostgreSQL's statement timeout, and a
 * client that disconnects stops the export at the next page. Each export writes one audit row.
 *
 * The metadata of a CSV is in the response headers: `X-Jembatan-Export-Rows`, `-Filters`,
 * `-Disclosure`, `-Exported-At`, `-Exported-By`, `X-Jembatan-Data-Source`; the XLSX also carries it in
 * its `Metadata` sheet.
 */
import type { ApolloServer } from '@apollo/server';
import express, { type Request, type Response } from 'express';
import type { GraphQLSchema } from 'graphql';
import type { Clock } from '../clock';
import type { Logger } from '../config/logger';
import type { Orm } from '../db/orm';
import {
  candidateExportPlan,
  filtersText,
  openingExportPlan,
  runAggregateExport,
  runExport,
  type ExportFormat,
  type ExportMeta,
  type ExportPlan,
} from '../export';
import type { GatewayContext } from '../graphql/context';
import { GatewayError } from '../graphql/errors';
import {
  aggregateVariables,
  apolloExecutor,
  GraphqlRefusal,
  prepareAggregateExport,
  prepareClassListExport,
  prepareCohortsExport,
  type ExecuteGraphql,
  type PreparedGraphqlExport,
} from '../export/graphql-export';
import { runWithDeadline } from '../security/query-timeout';
import { deploymentPrincipal } from '../security/auth-checker';
import { notFoundHandler } from '../security/http-headers';
import { ANONYMOUS, isAuthenticated } from '../security/role';
import { AuthenticationRequiredError } from '../security/security-error';

export interface ExportsRouteOptions {
  readonly orm: Orm;
  readonly log: Logger;
  readonly city: string;
  readonly clock: Clock;
  /** For `/exports/aggregate.*`: the server that runs the query, and its schema. */
  readonly graphql?: {
    readonly apollo: ApolloServer<GatewayContext>;
    readonly schema: GraphQLSchema;
    readonly bodyLimit: string | number;
    /** The request deadline of `/graphql` (JEMBATAN_QUERY_TIMEOUT_MS), applied to the query part of an export. */
    readonly queryTimeoutMs?: number;
  };
}

const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};
const STATUS_OF: Record<string, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  BAD_USER_INPUT: 400,
  NOT_FOUND: 404,
  GRAPHQL_PARSE_FAILED: 400,
  GRAPHQL_VALIDATION_FAILED: 400,
  RATE_LIMITED: 429,
  SERVICE_UNAVAILABLE: 503,
  TIMEOUT: 504,
};

/** A header value in plain ASCII (HTTP headers are Latin-1; the metadata may hold `’`). */
const ascii = (s: string): string => s.replace(/[’‘]/g, "'").replace(/[^\x20-\x7e]/g, '?').slice(0, 1000);

function contextOf(req: Request, options: ExportsRouteOptions): GatewayContext {
  const { principal } = deploymentPrincipal(req.principal ?? ANONYMOUS, options.city);
  return {
    em: options.orm.em.fork(),
    requestId: req.requestId ?? 'unknown',
    principal,
    city: options.city,
    actor: principal.subject,
    log: req.log ?? options.log,
    clock: options.clock,
    loaders: new Map(),
  };
}

function planOf(kind: string, ctx: GatewayContext, query: Record<string, unknown>): ExportPlan<{ createdAt: Date; id: string }> {
  if (!isAuthenticated(ctx.principal)) throw new AuthenticationRequiredError();
  return (kind === 'candidates' ? candidateExportPlan(ctx, query) : openingExportPlan(ctx, query)) as unknown as ExportPlan<{ createdAt: Date; id: string }>;
}

function setHeaders(res: Response, meta: ExportMeta): void {
  const day = meta.exportedAt.toISOString().slice(0, 10);
  res.status(200);
  res.setHeader('Content-Type', CONTENT_TYPES[meta.format]);
  res.setHeader('Content-Disposition', `attachment; filename="jembatan-${meta.kind.replace(':', '-')}-${day}.${meta.format}"`);
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('X-Jembatan-Data-Source', meta.source);
  res.setHeader('X-Jembatan-Export-Rows', String(meta.rowCount));
  res.setHeader('X-Jembatan-Export-Filters', ascii(filtersText(meta.filters)));
  res.setHeader('X-Jembatan-Export-Disclosure', ascii(meta.disclosure));
  res.setHeader('X-Jembatan-Export-Exported-At', meta.exportedAt.toISOString());
  res.setHeader('X-Jembatan-Export-Exported-By', ascii(meta.exportedBy));
  if (meta.summary && Object.keys(meta.summary).length) {
    res.setHeader('X-Jembatan-Export-Summary', ascii(Object.entries(meta.summary).map(([k, v]) => `${k}=${v === null ? 'null' : String(v)}`).join('; ')));
  }
  if (meta.notExported?.length) res.setHeader('X-Jembatan-Export-Not-Exported', ascii(meta.notExported.join(', ')));
}

function refuse(res: Response, req: Request, error: GatewayError): void {
  res.status(STATUS_OF[error.code] ?? 400).json({
    errors: [{ message: error.message, extensions: { ...error.extensions, requestId: req.requestId } }],
  });
}

/** The query, variables and operation name of an aggregate download (GET query string or POST JSON body). */
function aggregateRequest(req: Request): { query: unknown; variables: Record<string, unknown>; operationName?: string } {
  const source = (req.method === 'POST' ? req.body : req.query) as Record<string, unknown> | undefined;
  const variables = aggregateVariables(source?.variables);
  const operationName = typeof source?.operationName === 'string' && source.operationName !== '' ? source.operationName : undefined;
  return { query: source?.query, variables, ...(operationName ? { operationName } : {}) };
}

/**
 * An export whose rows come from a GraphQL query run with the caller's context (aggregates, cohorts,
 * class lists): `prepare` runs the query(ies) and lays the result out; refusals come before any byte.
 */
async function graphqlExport(
  req: Request,
  res: Response,
  next: express.NextFunction,
  options: ExportsRouteOptions,
  format: ExportFormat,
  prepare: (execute: ExecuteGraphql, graphql: NonNullable<ExportsRouteOptions['graphql']>) => Promise<PreparedGraphqlExport>,
): Promise<void> {
  const ctx = contextOf(req, options);
  const graphql = options.graphql;
  let prepared;
  try {
    if (!isAuthenticated(ctx.principal)) throw new AuthenticationRequiredError();
    if (!graphql) throw new GatewayError('INTERNAL_SERVER_ERROR');
    const execute = apolloExecutor(graphql.apollo, ctx);
    // the query part runs under the request deadline of /graphql (statements, ranking, resolvers check it); the file writing after it does not
    const timeoutMs = graphql.queryTimeoutMs;
    prepared = timeoutMs ? await runWithDeadline(timeoutMs, () => prepare(execute, graphql)) : await prepare(execute, graphql);
  } catch (e) {
    if (e instanceof GatewayError) return refuse(res, req, e);
    if (e instanceof GraphqlRefusal) {
      const code = String(e.errors[0]?.extensions?.code ?? 'INTERNAL_SERVER_ERROR');
      for (const [k, v] of e.headers) res.setHeader(k, v);
      res.status(STATUS_OF[code] ?? (code === 'INTERNAL_SERVER_ERROR' ? 500 : 400)).json({ errors: e.errors.map((x) => ({ ...x, extensions: { ...x.extensions, requestId: req.requestId } })) });
      return;
    }
    return next(e);
  }
  try {
    const meta = await runAggregateExport({ ctx, format, out: res, table: prepared.table, filters: prepared.filters, ...(prepared.kind ? { kind: prepared.kind } : {}), onStart: (m) => setHeaders(res, m) });
    ctx.log.info({ export: meta.kind, format, rows: meta.rowCount }, 'export sent');
  } catch (e) {
    if (!res.headersSent) return next(e);
    ctx.log.warn({ err: e, export: prepared.table.field, format }, 'export stopped before the end');
    res.destroy(e instanceof Error ? e : undefined);
  }
}

export function exportsRouter(options: ExportsRouteOptions): express.Router {
  const router = express.Router();
  const aggregate = (req: Request, res: Response, next: express.NextFunction): void =>
    void graphqlExport(req, res, next, options, req.params[0] as ExportFormat, async (execute, graphql) => prepareAggregateExport(execute, graphql.schema, aggregateRequest(req)));
  router.get(/^\/aggregate\.(csv|xlsx)$/, aggregate);
  router.post(/^\/aggregate\.(csv|xlsx)$/, express.json({ limit: options.graphql?.bodyLimit ?? '100kb' }), aggregate);
  router.get(/^\/cohorts\.(csv|xlsx)$/, (req, res, next) =>
    void graphqlExport(req, res, next, options, req.params[0] as ExportFormat, (execute) => prepareCohortsExport(execute, req.query as Record<string, unknown>)),
  );
  router.get(/^\/class-list\.(csv|xlsx)$/, (req, res, next) =>
    void graphqlExport(req, res, next, options, req.params[0] as ExportFormat, (execute) => prepareClassListExport(execute, req.query as Record<string, unknown>)),
  );
  router.get(/^\/(candidates|openings)\.(csv|xlsx)$/, async (req, res, next) => {
    const [kind, format] = [req.params[0], req.params[1]] as [string, ExportFormat];
    const ctx = contextOf(req, options);
    let plan: ExportPlan<{ createdAt: Date; id: string }>;
    try {
      plan = planOf(kind, ctx, req.query as Record<string, unknown>);
    } catch (e) {
      if (e instanceof GatewayError) return refuse(res, req, e);
      return next(e);
    }
    try {
      const meta = await runExport(plan, { ctx, format, out: res, onStart: (m) => setHeaders(res, m) });
      ctx.log.info({ export: meta.kind, format, rows: meta.rowCount }, 'export sent');
    } catch (e) {
      if (!res.headersSent) return next(e);
      ctx.log.warn({ err: e, export: kind, format }, 'export stopped before the end');
      res.destroy(e instanceof Error ? e : undefined);
    }
  });
  router.use(notFoundHandler);
  return router;
}
