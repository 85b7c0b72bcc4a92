/**
 * A real HTTP server on 127.0.0.1 (port 0) that plays the gateway in tests: each request is
 * answered by the next scripted behaviour (the last one repeats), and every request is recorded.
 */
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: http.IncomingHttpHeaders;
  readonly body: { query?: string; variables?: Record<string, unknown>; operationName?: string };
}

export type Behaviour =
  | { kind: 'json'; status?: number; body: unknown; headers?: Record<string, string> }
  | { kind: 'raw'; status: number; body: string; contentType: string; headers?: Record<string, string> }
  | { kind: 'hang' }
  | { kind: 'delay'; ms: number; then: Behaviour }
  | { kind: 'destroy' }
  | { kind: 'fn'; handle: (req: RecordedRequest) => Behaviour };

export const json = (body: unknown, status = 200, headers?: Record<string, string>): Behaviour =>
  headers ? { kind: 'json', status, body, headers } : { kind: 'json', status, body };
export const raw = (status: number, body: string, contentType = 'text/plain', headers?: Record<string, string>): Behaviour =>
  headers ? { kind: 'raw', status, body, contentType, headers } : { kind: 'raw', status, body, contentType };
export const hang = (): Behaviour => ({ kind: 'hang' });
export const destroy = (): Behaviour => ({ kind: 'destroy' });
export const delay = (ms: number, then: Behaviour): Behaviour => ({ kind: 'delay', ms, then });
export const gqlError = (code: string, extra: Record<string, unknown> = {}, status = 200): Behaviour =>
  json({ data: null, errors: [{ message: `failed: ${code}`, path: ['thing'], extensions: { code, ...extra } }] }, status);

export interface FakeGateway {
  readonly url: string;
  readonly requests: RecordedRequest[];
  script(...behaviours: Behaviour[]): void;
  /**
   * Resolves once `count` requests have arrived since the last `script` (at once when they have).
   * Tests that abort "while a request is pending" wait for it instead of guessing a delay, which
   * a loaded CI machine may exceed before the request has even reached the server.
   */
  received(count?: number): Promise<void>;
  close(): Promise<void>;
}

export async function startFakeGateway(): Promise<FakeGateway> {
  let queue: Behaviour[] = [json({ data: {} })];
  const requests: RecordedRequest[] = [];
  const timers = new Set<NodeJS.Timeout>();
  let waiters: Array<{ count: number; resolve: () => void }> = [];
  const wake = (): void => {
    const ready = waiters.filter((w) => requests.length >= w.count);
    waiters = waiters.filter((w) => requests.length < w.count);
    for (const w of ready) w.resolve();
  };

  const play = (b: Behaviour, req: RecordedRequest, res: http.ServerResponse): void => {
    switch (b.kind) {
      case 'json': {
        const text = JSON.stringify(b.body);
        res.writeHead(b.status ?? 200, { 'content-type': 'application/json', ...b.headers });
        res.end(text);
        return;
      }
      case 'raw':
        res.writeHead(b.status, { 'content-type': b.contentType, ...b.headers });
        res.end(b.body);
        return;
      case 'hang':
        return;
      case 'destroy':
        res.socket?.destroy();
        return;
      case 'delay': {
        const t = setTimeout(() => {
          timers.delete(t);
          if (!res.destroyed) play(b.then, req, res);
        }, b.ms);
        timers.add(t);
        return;
      }
      case 'fn':
        play(b.handle(req), req, res);
        return;
    }
  };

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      let body: RecordedRequest['body'] = {};
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as RecordedRequest['body'];
      } catch {
        body = {};
      }
      const recorded: RecordedRequest = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body };
      requests.push(recorded);
      wake();
      const next = queue.length > 1 ? queue.shift()! : queue[0]!;
      play(next, recorded, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    requests,
    script(...behaviours: Behaviour[]) {
      queue = behaviours.length > 0 ? behaviours : [json({ data: {} })];
      requests.length = 0;
    },
    received(count = 1) {
      if (requests.length >= count) return Promise.resolve();
      return new Promise<void>((resolve) => waiters.push({ count, resolve }));
    },
    close() {
      for (const t of timers) clearTimeout(t);
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A URL on 127.0.0.1 where nothing listens: a port that was just bound and released. */
export async function closedPortUrl(): Promise<string> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}/graphql`;
}
