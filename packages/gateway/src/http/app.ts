/**
 * The HTTP side: express 5 with `/health`, `/ready` and `/graphql` (Apollo Server 5), a request id
 * on every request, a body size limit, and a drain on stop that lets in-flight requests finish.
 *
 * `/graphql` runs, in order: CORS (the Apollo Sandbox origin and JEMBATAN_CORS_ORIGINS; answers
 * preflights), authentication (API key or bearer JWT → principal; a presented credential that fails is
 * 401 before the body is read), the per-key rate limit (429 RATE_LIMITED), the JSON body limit, then
 * Apollo with CSRF prevention, no batching, the document limits of graphql-armor and the token limit,
 * hidden suggestions, the query timeout, and introspection / landing page for ANALYST and ADMIN only
 * (everyone in development). See security/README.md.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import cors from 'cors';
import express, { type NextFunction, type Request, type Response } from 'express';
import type { GraphQLSchema } from 'graphql';
import type { Logger } from '../config/logger';
import { pendingMigrations, type Orm } from '../db/orm';
import type { GatewayContext } from '../graphql/context';
import { buildArmor } from '../security/armor';
import { verifyApiKey } from '../security/api-key';
import { principalForDeployment } from '../security/auth-checker';
import { authenticationMiddleware, createAuthenticator } from '../security/authenticate';
import { buildCorsOptions } from '../security/cors';
import { introspectionGuardPlugin, landingPagePlugin } from '../security/introspection';
import { createJwtVerifier } from '../security/jwt';
import { queryTimeoutPlugin } from '../security/query-timeout';
import { principalRateLimitMiddleware } from '../security/rate-limit';
import { ANONYMOUS } from '../security/role';
import type { SecurityConfig } from '../security/security-config';
import { emExecutor } from '../security/sql-executor';
import { defaultMessages, formatGatewayError } from '../graphql/errors';
import { currentRequestScope, requestContextMiddleware } from './request-context';

export interface HttpAppOptions {
  readonly orm: Orm;
  readonly schema: GraphQLSchema;
  readonly log: Logger;
  readonly bodyLimit: string;
  readonly shutdownTimeoutMs: number;
  readonly security: SecurityConfig;
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
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', false);
  const httpServer = createServer(app);
  let stopping = false;

  const armor = buildArmor(security.abuseLimits, (error) => {
    currentRequestScope()?.log.warn({ limit: error.message.replace(/\s+/g, ' ').slice(0, 120) }, 'document refused by an abuse limit');
  });
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
      ApolloServerPluginDrainHttpServer({ httpServer, stopGracePeriodMillis: options.shutdownTimeoutMs }),
      ...armor.plugins,
      queryTimeoutPlugin({ timeoutMs: security.queryTimeoutMs }),
      introspectionGuardPlugin({ allowEveryone: security.development, principalOf: (c) => (c as GatewayContext | undefined)?.principal }),
      landingPagePlugin({ development: security.development, sandboxInProduction: security.sandboxInProduction }),
    ],
  });
  await apollo.start();

  app.use(requestContextMiddleware(log));

  app.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });

  app.get('/ready', async (req, res) => {
    if (stopping) {
      res.status(503).json({ status: 'stopping' });
      return;
    }
    try {
      await orm.em.getConnection().execute('select 1');
      const pending = await pendingMigrations(orm);
      if (pending.length > 0) {
        res.status(503).json({ status: 'migrations pending', pendingMigrations: pending });
        return;
      }
      res.json({ status: 'ready' });
    } catch (e) {
      req.log?.warn({ err: e }, 'readiness check failed');
      res.status(503).json({ status: 'database unreachable' });
    }
  });

  const authenticator = createAuthenticator({
    verifyApiKey: (token) => verifyApiKey(emExecutor(orm.em.fork()), token),
    jwt: security.jwt ? createJwtVerifier(security.jwt) : undefined,
    defaultCity: security.city,
  });
  const rateLimit = principalRateLimitMiddleware(security.rateLimits);

  app.use(
    '/graphql',
    cors<cors.CorsRequest>(buildCorsOptions({ origins: security.corsOrigins })),
    authenticationMiddleware(authenticator, log),
    rateLimit,
    express.json({ limit: options.bodyLimit }),
    expressMiddleware(apollo, {
      context: async ({ req }): Promise<GatewayContext> => {
        const principal = principalForDeployment(req.principal ?? ANONYMOUS, security.city);
        return {
          em: orm.em.fork(),
          requestId: req.requestId ?? 'unknown',
          principal,
          city: security.city,
          actor: principal.subject,
          log: req.log ?? log,
          loaders: new Map(),
        };
      },
    }),
  );

  app.use(bodyErrorHandler);
  app.use((err: unknown, req: Request, res: Response, _next: NextFunction) => {
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
  });

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
      });
      return stopPromise;
    },
  };
}
