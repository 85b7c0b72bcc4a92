/**
 * The HTTP side: express 5 with `/health`, `/ready` and `/graphql` (Apollo Server 5), a request id
 * on every request, a body size limit, and a drain on stop that lets in-flight requests finish.
 *
 * `/graphql` runs, in order: CORS (the Apollo Sandbox origin, JEMBATAN_CORS_ORIGINS, loopback in
 * development; answers preflights; other browser origins get 403 naming JEMBATAN_CORS_ORIGINS), the
 * rate limit (429 RATE_LIMITED; keyed by the presented key id / token subject or the IP, decided
 * from the headers before any database lookup), authentication (API key or bearer JWT → principal;
 * a presented credential that fails is 401 before the body is read; 503 SERVICE_UNAVAILABLE when the
 * database cannot check it), the JSON body limit, then
 * Apollo with CSRF prevention, no batching, the document limits of graphql-armor and the token limit,
 * hidden suggestions, the query timeout, and introspection / landing page for ANALYST and ADMIN only
 * (everyone in development). See security/README.md.
 *
 * `/explorer` (issue 12, http/explorer/explorer.ts): the offline GraphiQL, static files only (no data,
 * no credential; its requests go to `/graphql` with the key the user pastes), unless JEMBATAN_EXPLORER=false.
 *
 * `/exports/<kind>.<csv|xlsx>` (issue 11, http/exports-route.ts) runs the same CORS, rate limit,
 * authentication and in-flight limit, then streams the download (no body, no request deadline).
 * `POST /imports/candidates` (issue 11, http/imports-route.ts) runs the same guard, then streams the
 * body (the CSV / XLSX file) to a temporary file under the import's size cap.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import express, { type NextFunction, type Request, type Response } from 'express';
import type { GraphQLSchema } from 'graphql';
import { systemClock, type Clock } from '../clock';
import type { Logger } from '../config/logger';
import { databaseUnavailableReason, outageProbePlugin, serviceUnavailableBody, serviceUnavailablePlugin } from '../db/availability';
import type { EmbeddedPostgresStatus } from '../db/embedded-postgres';
import { pendingMigrations, type Orm } from '../db/orm';
import { DEFAULT_RESILIENCE, type ResilienceConfig } from '../db/resilience';
import type { GatewayContext } from '../graphql/context';
import { buildArmor } from '../security/armor';
import { verifyApiKey } from '../security/api-key';
import { deploymentPrincipal } from '../security/auth-checker';
import { authenticationMiddleware, createAuthenticator } from '../security/authenticate';
import { corsMiddleware } from '../security/cors';
import { exactMountPath, expressTrustProxy, notFoundHandler, securityHeaders, withLandingPageCsp } from '../security/http-headers';
import { introspectionGuardPlugin, landingPagePlugin } from '../security/introspection';
import { createJwtVerifier } from '../security/jwt';
import { concurrencyLimitMiddleware } from '../security/concurrency-limit';
import { installStatementDeadlines, queryTimeoutPlugin, requestDeadlineMiddleware } from '../security/query-timeout';
import { inputGuardPlugin } from '../security/input-guard';
import { credentialRateLimit } from '../security/rate-limit';
import { createGatewayLimits, type GatewayLimits } from '../security/limit-store-setup';
import { ANONYMOUS } from '../security/role';
import type { SecurityConfig } from '../security/security-config';
import { emExecutor } from '../security/sql-executor';
import { defaultMessages, formatGatewayError } from '../graphql/errors';
import { currentRequestScope, requestContextMiddleware } from './request-context';
import { exportsRouter } from './exports-route';
import { mountExplorer, withExplorerLink } from './explorer/explorer';
import { importsRouter } from './imports-route';

export interface HttpAppOptions {
  readonly orm: Orm;
  readonly schema: GraphQLSchema;
  readonly log: Logger;
  readonly bodyLimit: string;
  readonly shutdownTimeoutMs: number;
  readonly security: SecurityConfig;
  /** The program's clock for every request's context (clock.ts); default the system clock. */
  readonly clock?: Clock;
  /** Retry-After and the readiness check's time bound; default DEFAULT_RESILIENCE. */
  readonly resilience?: ResilienceConfig;
  /** The embedded PostgreSQL's supervisor state, when the gateway runs one (`/health`, `/ready`). */
  readonly embeddedStatus?: () => EmbeddedPostgresStatus;
}

export interface HttpApp {
  readonly app: express.Express;
  readonly httpServer: Server;
  /** Listen; resolves with the bound port. */
  listen(port: number, host?: string): Promise<number>;
  /** Stop accepting requests, finish the ones in flight (up to the timeout), stop Apollo. */
  stop(): Promise<void>;
}

/** Body-parser failures (too large, malformed JSON) answered in the GraphQL error shape. */
function bodyErrorHandler(err: unknown, req: Request, res: Response, next: NextFunction): void {
  const e = err as { type?: string; status?: number; statusCode?: number };
  const status = e.status ?? e.statusCode;
  if (!e.type || typeof status !== 'number' || status >= 500) {
    next(err);
    return;
  }
  const tooLarge = e.type === 'entity.too.large';
  const code = tooLarge ? 'BAD_USER_INPUT' : 'BAD_REQUEST';
  const messages = tooLarge ? defaultMessages('PAYLOAD_TOO_LARGE') : defaultMessages('BAD_REQUEST');
  req.log?.warn({ type: e.type, status }, 'rejected request body');
  res.status(status).json({
    errors: [
      {
        message: messages.en,
        extensions: { code, reason: tooLarge ? 'PAYLOAD_TOO_LARGE' : 'MALFORMED_BODY', messages, requestId: req.requestId },
      },
    ],
  });
}

export async function createHttpApp(options: HttpAppOptions): Promise<HttpApp> {
  const { orm, schema, log, security } = options;
  const resilience = options.resilience ?? DEFAULT_RESILIENCE;
  const clock = options.clock ?? systemClock;
  const app = express();
  app.disable('x-powered-by');
  // no ETag: GraphQL answers are POST responses computed per caller, never revalidated; hashing every
  // body (express's default weak ETag) was about 1% of the job board's CPU (npm run bench, --cpu-prof)
  app.set('etag', false);
  // JEMBATAN_TRUST_PROXY (security/http-headers.ts): whose X-Forwarded-For / -Proto to believe
  app.set('trust proxy', expressTrustProxy(security.httpHeaders.trustProxy));
  // security headers on every response, before anything can answer (security/http-headers.ts)
  app.use(securityHeaders(security.httpHeaders));
  const httpServer = createServer(app);
  let stopping = false;

  installStatementDeadlines();
  const apollo = await startApollo(options, httpServer, resilience);

  app.use(requestContextMiddleware(log));
  // `/graphql/anything` is not the endpoint: JSON 404
  app.use(exactMountPath('/graphql'));
  healthRoutes(app, options, resilience, () => stopping);
  // the offline explorer (GraphiQL from npm, static, holds no data; JEMBATAN_EXPLORER): http/explorer/explorer.ts
  if (security.explorer !== false) mountExplorer(app, { log, development: security.development });

  const limits = mountGraphql(app, apollo, options, resilience, clock);

  // every other path, and a method no route serves (POST /health, ...): JSON 404, never Express's HTML
  app.use(notFoundHandler);
  app.use(bodyErrorHandler);
  app.use(lastResortErrorHandler(log, resilience.retryAfterSeconds));

  let stopPromise: Promise<void> | undefined;
  return {
    app,
    httpServer,
    listen: (port, host) =>
      new Promise<number>((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(port, host, () => {
          httpServer.off('error', reject);
          resolve((httpServer.address() as AddressInfo).port);
        });
      }),
    stop: () => {
      stopping = true;
      stopPromise ??= apollo.stop().then(async () => {
        // Apollo drains only when the server was listening
        if (httpServer.listening) await new Promise<void>((r) => httpServer.close(() => r()));
        await limits.close();
      });
      return stopPromise;
    },
  };
}

/** Apollo Server with the document limits and the plugins, in the order they must run. */
async function startApollo(options: HttpAppOptions, httpServer: Server, resilience: ResilienceConfig): Promise<ApolloServer<GatewayContext>> {
  const { orm, schema, security } = options;
  const armor = buildArmor(security.abuseLimits, (error) => {
    currentRequestScope()?.log.warn({ limit: error.message.replace(/\s+/g, ' ').slice(0, 120) }, 'document refused by an abuse limit');
  });
  const landing = landingPagePlugin({ development: security.development, sandboxInProduction: security.sandboxInProduction });
  const apollo = new ApolloServer<GatewayContext>({
    schema,
    formatError: (formatted, error) => formatGatewayError(formatted, error, currentRequestScope()),
    includeStacktraceInErrorResponses: false,
    stopOnTerminationSignals: false,
    // decided per request by introspectionGuardPlugin (ANALYST, ADMIN, or development)
    introspection: true,
    // refuses simple (CORS-safelisted) requests without a preflight-forcing header
    csrfPrevention: true,
    // one operation per request: a batch would multiply every per-request limit
    allowBatchedHttpRequests: false,
    // token limit: graphql-js stops parsing there (400 GRAPHQL_PARSE_FAILED)
    parseOptions: armor.parseOptions,
    validationRules: armor.validationRules,
    plugins: [
      // no cache hints are used (responses carry personal data and are never cached): without this,
      // Apollo installs the cache-control plugin, whose willResolveField hook wraps every resolver
      ApolloServerPluginCacheControlDisabled(),
      ApolloServerPluginDrainHttpServer({ httpServer, stopGracePeriodMillis: options.shutdownTimeoutMs }),
      ...armor.plugins,
      // NUL, control characters, lone surrogates: BAD_USER_INPUT with the field path, before execution
      inputGuardPlugin<GatewayContext>(),
      queryTimeoutPlugin({ timeoutMs: security.queryTimeoutMs }),
      // a request that met a database outage goes out as 503 + Retry-After, never 200 or 500
      serviceUnavailablePlugin(resilience.retryAfterSeconds),
      outageProbePlugin(() => orm.em.getConnection().execute('select 1')),
      introspectionGuardPlugin({ allowEveryone: security.development, principalOf: (c) => (c as GatewayContext | undefined)?.principal }),
      // offline, the Sandbox page points to /explorer (http/explorer/explorer.ts)
      withLandingPageCsp(security.explorer !== false ? withExplorerLink(landing) : landing),
    ],
  });
  await apollo.start();
  return apollo;
}

/** `/health` (liveness) and `/ready` (readiness). */
function healthRoutes(app: express.Express, options: HttpAppOptions, resilience: ResilienceConfig, stopping: () => boolean): void {
  const { orm } = options;
  const retryAfter = String(resilience.retryAfterSeconds);
  // Liveness: the process is up and its event loop answers. It does not ask the database: during an
  // outage the gateway recovers by itself (the pool reconnects, the supervisor restarts an embedded
  // PostgreSQL), and restarting the process would not bring a database back. 503 only when the
  // embedded PostgreSQL could not be restarted (the process is exiting non-zero anyway).
  app.get('/health', (_req, res) => {
    const embedded = options.embeddedStatus?.();
    const database = embedded ? { database: embedded.state, databaseRestarts: embedded.restarts } : {};
    if (embedded?.state === 'failed') {
      res.status(503).json({ status: 'failed', ...database });
      return;
    }
    res.json({ status: 'ok', ...database });
  });

  // Readiness: send traffic here only when the database answers (within the connect timeout), no
  // migration is pending and the gateway is not stopping; else 503 with the reason and Retry-After.
  app.get('/ready', async (req, res) => {
    const notReady = (status: string, extra: Record<string, unknown> = {}): void => {
      res.setHeader('Retry-After', retryAfter);
      res.status(503).json({ status, ...extra });
    };
    if (stopping()) {
      notReady('stopping');
      return;
    }
    const embedded = options.embeddedStatus?.();
    if (embedded && embedded.state !== 'running') {
      notReady(embedded.state === 'restarting' ? 'database restarting' : 'database failed');
      return;
    }
    let timer: NodeJS.Timeout | undefined;
    try {
      const check = (async () => {
        await orm.em.getConnection().execute('select 1');
        return pendingMigrations(orm);
      })();
      const timeout = new Promise<never>((_resolve, reject) => {
        timer = setTimeout(() => reject(Object.assign(new Error('readiness check timed out'), { code: 'ETIMEDOUT' })), resilience.connectTimeoutMs);
      });
      check.catch(() => undefined);
      const pending = await Promise.race([check, timeout]);
      if (pending.length > 0) {
        notReady('migrations pending', { pendingMigrations: pending });
        return;
      }
      res.json({ status: 'ready' });
    } catch (e) {
      const reason = databaseUnavailableReason(e) ?? 'ERROR';
      req.log?.warn({ reason, err: reason === 'ERROR' ? e : undefined }, 'readiness check failed');
      notReady('database unreachable', { reason });
    } finally {
      clearTimeout(timer);
    }
  });
}

/** Anything a route threw: 503 for a database outage, else 500 with the request id (logged in full). */
function lastResortErrorHandler(log: Logger, retryAfterSeconds: number) {
  const retryAfter = String(retryAfterSeconds);
  return (err: unknown, req: Request, res: Response, _next: NextFunction): void => {
    const unavailable = databaseUnavailableReason(err);
    if (unavailable) {
      (req.log ?? log).warn({ reason: unavailable }, 'database unavailable');
      if (res.headersSent) return;
      res.setHeader('Retry-After', retryAfter);
      res.status(503).json(serviceUnavailableBody(unavailable, retryAfterSeconds, req.requestId));
      return;
    }
    (req.log ?? log).error({ err }, 'unhandled HTTP error');
    if (res.headersSent) return;
    res.status(500).json({
      errors: [
        {
          message: defaultMessages('INTERNAL_SERVER_ERROR').en,
          extensions: {
            code: 'INTERNAL_SERVER_ERROR',
            messages: defaultMessages('INTERNAL_SERVER_ERROR'),
            requestId: req.requestId,
          },
        },
      ],
    });
  };
}

/** `/graphql`: CORS, rate limit, authentication, in-flight limit, body, deadline, then Apollo. */
function mountGraphql(
  app: express.Express,
  apollo: ApolloServer<GatewayContext>,
  options: HttpAppOptions,
  resilience: ResilienceConfig,
  clock: Clock,
): GatewayLimits {
  const { orm, log, security } = options;
  const authenticator = createAuthenticator({
    verifyApiKey: (token) => verifyApiKey(emExecutor(orm.em.fork()), token),
    jwt: security.jwt ? createJwtVerifier(security.jwt) : undefined,
    defaultCity: security.city,
  });
  // rate buckets and in-flight slots shared by every replica on this database (JEMBATAN_LIMIT_STORE)
  const limits = createGatewayLimits(security.limitStore, { clientUrl: orm.config.get('clientUrl'), log });
  const rateLimit = credentialRateLimit(security.rateLimits, limits.rateLimitOptions);

  const guard = [
    // other browser origins: 403 naming JEMBATAN_CORS_ORIGINS, before anything else (also their preflights)
    corsMiddleware({ origins: security.corsOrigins, development: security.development }, log),
    // rate limit first, from the headers alone: no database lookup happens for a refused request
    rateLimit.beforeAuthentication,
    authenticationMiddleware(authenticator, log, { onRefused: rateLimit.refused, retryAfterSeconds: resilience.retryAfterSeconds }),
    rateLimit.afterAuthentication,
    // at most N requests of one caller in flight (429 RATE_LIMITED, TOO_MANY_IN_FLIGHT), before the body is read
    concurrencyLimitMiddleware(security.concurrencyLimits, limits.inFlight),
  ];
  // CSV / XLSX downloads (issue 11), authenticated and limited exactly like /graphql (http/exports-route.ts)
  app.use('/exports', ...guard, exportsRouter({ orm, log, city: security.city, clock, graphql: { apollo, schema: options.schema, bodyLimit: options.bodyLimit, queryTimeoutMs: security.queryTimeoutMs } }));
  // spreadsheet imports as the raw request body (issue 11), behind the same guard (http/imports-route.ts)
  app.use('/imports', ...guard, importsRouter({ orm, log, city: security.city, clock }));
  app.use(
    '/graphql',
    ...guard,
    express.json({ limit: options.bodyLimit }),
    // one deadline for the whole request: later statements refused, running ones cancelled at it
    requestDeadlineMiddleware(security.queryTimeoutMs),
    expressMiddleware(apollo, {
      context: async ({ req }): Promise<GatewayContext> => {
        const { principal, dropped } = deploymentPrincipal(req.principal ?? ANONYMOUS, security.city);
        // an OFFICER credential that is not this city's keeps its identity, not the role (auth-checker.ts)
        if (dropped) (req.log ?? log).warn({ reason: dropped, subject: principal.subject }, 'OFFICER role not granted: credential is not for this city');
        return {
          em: orm.em.fork(),
          requestId: req.requestId ?? 'unknown',
          principal,
          city: security.city,
          actor: principal.subject,
          log: req.log ?? log,
          clock,
          loaders: new Map(),
        };
      },
    }),
  );
  return limits;
}
