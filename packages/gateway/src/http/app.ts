/**
 * The HTTP side: express 5 with `/health`, `/ready` and `/graphql` (Apollo Server 5), a request id
 * on every request, a body size limit, and a drain on stop that lets in-flight requests finish.
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
import { defaultMessages, formatGatewayError } from '../graphql/errors';
import { currentRequestScope, requestContextMiddleware } from './request-context';

export interface HttpAppOptions {
  readonly orm: Orm;
  readonly schema: GraphQLSchema;
  readonly log: Logger;
  readonly bodyLimit: string;
  readonly shutdownTimeoutMs: number;
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
  const { orm, schema, log } = options;
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', false);
  const httpServer = createServer(app);
  let stopping = false;

  const apollo = new ApolloServer<GatewayContext>({
    schema,
    formatError: (formatted, error) => formatGatewayError(formatted, error, currentRequestScope()),
    includeStacktraceInErrorResponses: false,
    stopOnTerminationSignals: false,
    plugins: [ApolloServerPluginDrainHttpServer({ httpServer, stopGracePeriodMillis: options.shutdownTimeoutMs })],
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

  app.use(
    '/graphql',
    cors<cors.CorsRequest>(),
    express.json({ limit: options.bodyLimit }),
    expressMiddleware(apollo, {
      context: async ({ req }): Promise<GatewayContext> => ({
        em: orm.em.fork(),
        requestId: req.requestId ?? 'unknown',
        actor: 'api',
        log: req.log ?? log,
        loaders: new Map(),
      }),
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
