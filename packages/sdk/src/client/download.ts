/**
 * A file downloaded from beside the GraphQL endpoint (`…/exports/candidates.xlsx`, issue 11): the
 * client's credentials, headers, timeout, cancellation and retry policy (a download is a read, so it is
 * retried like a query on a network failure or 502/503/504, before any byte of the file arrived), and
 * the gateway's refusals (answered in the GraphQL error shape before the file) as `JembatanError`s.
 *
 * The timeout covers the whole download, the last byte included: pass `timeoutMs: Infinity` for a
 * large export. A streamed body that fails (network, timeout, abort) errors with a `JembatanError`.
 */
import type { Messages } from '@jembatan/domain';
import { transportMessages } from '../errors/error-messages.js';
import { JembatanError, type JembatanErrorInit } from '../errors/jembatan-error.js';
import { createCancellation, sleep, type Cancellation } from './cancellation.js';
import { interpretResponse } from './response.js';
import { backoffDelay, isRetryable, type ResolvedRetry } from './retry-policy.js';
import { bearerFromToken, besideGraphql } from './upload.js';

/** The part of a fetch `Response` a download reads: the status, the headers, and the body as bytes or a stream. */
export interface DownloadResponseLike {
  readonly status: number;
  readonly statusText?: string;
  readonly headers?: { get(name: string): string | null };
  text(): Promise<string>;
  arrayBuffer?(): Promise<ArrayBuffer>;
  readonly body?: ReadableStream<Uint8Array> | null;
}

export type DownloadFetch = (
  url: string,
  init: { method: 'GET' | 'POST'; headers: Record<string, string>; body?: string; signal: AbortSignal },
) => Promise<DownloadResponseLike>;

export interface DownloadRequest {
  /** Path beside the GraphQL endpoint, e.g. `exports/candidates.csv`. */
  readonly path: string;
  readonly query: Readonly<Record<string, string>>;
  /** Sent as a JSON POST body (aggregate downloads); a GET without it. */
  readonly json?: Readonly<Record<string, unknown>>;
  readonly headers?: Readonly<Record<string, string>>;
  readonly signal?: AbortSignal | undefined;
  readonly timeoutMs?: number | undefined;
  readonly retry?: ResolvedRetry | undefined;
  /** For messages: what was being done (`ExportCandidates`). */
  readonly operationName: string;
  /** true: resolve once the headers arrived, with the body as a stream; false: with every byte. */
  readonly stream: boolean;
}

/** What a download resolved with: the response headers and the body (bytes, or a stream the caller reads). */
export interface DownloadResult {
  readonly status: number;
  readonly header: (name: string) => string | null;
  readonly bytes?: Uint8Array;
  readonly body?: ReadableStream<Uint8Array>;
}

export type Download = (request: DownloadRequest) => Promise<DownloadResult>;

export interface DownloaderOptions {
  readonly graphqlUrl: string;
  readonly shownUrl: string;
  readonly fetch: DownloadFetch;
  /** The client's headers (credentials included), without content type or accept. */
  readonly headers: () => Record<string, string>;
  readonly token?: (() => unknown) | undefined;
  readonly timeoutMs: number;
  readonly retry: ResolvedRetry;
}


/** Every chunk of a web stream into one array (the body of a Response without `arrayBuffer`). */
async function readAll(body: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    size += value.byteLength;
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

export function createDownloader(options: DownloaderOptions): Download {
  return async (request) => {
    const context = { operationName: request.operationName, operationType: 'query' as const };
    const fail = (init: JembatanErrorInit, attempts: number): JembatanError => new JembatanError({ ...init, ...context, attempts });
    const refusal = (reason: Messages): JembatanError => fail({ code: 'INVALID_REQUEST', messages: transportMessages.invalidRequest(reason) }, 0);
    const timeoutMs = request.timeoutMs ?? options.timeoutMs;
    const retry = request.retry ?? options.retry;
    const cancel: Cancellation = createCancellation(request.signal, timeoutMs, Date.now());
    const aborted = (attempts: number): JembatanError =>
      fail(
        cancel.reason() === 'timeout'
          ? { code: 'TIMEOUT', messages: transportMessages.timeout(options.shownUrl, timeoutMs), timeoutMs }
          : { code: 'ABORTED', messages: transportMessages.aborted(), cause: cancel.signal.reason },
        attempts,
      );
    // the stream owns the cancellation once it is handed over (disposed when it ends or fails)
    let handedOver = false;
    try {
      const headers: Record<string, string> = { ...options.headers(), ...request.headers, accept: 'text/csv, application/vnd.openxmlformats-officedocument.spreadsheetml.sheet, application/json;q=0.9' };
      if (request.json) headers['content-type'] = 'application/json';
      if (options.token) {
        const authorization = await bearerFromToken(options.token, fail, refusal);
        if (authorization) headers.authorization = authorization;
      }
      let body: string | undefined;
      if (request.json) {
        try {
          body = JSON.stringify(request.json);
        } catch (e) {
          throw fail({ code: 'INVALID_REQUEST', messages: transportMessages.invalidRequest({ id: 'variables tidak dapat diubah ke JSON (BigInt atau rujukan melingkar?).', en: 'variables cannot be serialised to JSON (a BigInt or a circular reference?).' }), cause: e }, 0);
        }
      }
      const url = besideGraphql(options.graphqlUrl, request.path, request.query);
      for (let attempts = 1; ; attempts += 1) {
        if (cancel.signal.aborted) throw aborted(attempts - 1);
        let error: JembatanErrorInit | undefined;
        let response: DownloadResponseLike | undefined;
        try {
          response = await options.fetch(url, { method: request.json ? 'POST' : 'GET', headers, ...(body !== undefined ? { body } : {}), signal: cancel.signal });
        } catch (e) {
          if (cancel.signal.aborted) throw aborted(attempts);
          response = undefined;
          error = { code: 'NETWORK_ERROR', messages: transportMessages.network(options.shownUrl, e), cause: e };
        }
        if (response !== undefined) {
          const res = response;
          const header = (name: string): string | null => {
            try {
              const v: unknown = typeof res.headers?.get === 'function' ? res.headers.get(name) : null;
              return typeof v === 'string' ? v : null;
            } catch {
              return null;
            }
          };
          if (res.status >= 200 && res.status < 300) {
            if (request.stream) {
              if (!res.body || typeof res.body.getReader !== 'function') {
                throw fail({ code: 'INVALID_RESPONSE', messages: transportMessages.invalid(options.shownUrl, { id: 'jawaban unduhan tidak memiliki body stream.', en: 'the download response has no body stream.' }), status: res.status }, attempts);
              }
              const reader = res.body.getReader();
              const streamFailure = (e: unknown): JembatanError =>
                cancel.signal.aborted ? aborted(attempts) : fail({ code: 'NETWORK_ERROR', messages: transportMessages.network(options.shownUrl, e), cause: e, status: res.status }, attempts);
              const stream = new ReadableStream<Uint8Array>({
                async pull(controller) {
                  try {
                    const { done, value } = await reader.read();
                    if (done) {
                      cancel.dispose();
                      controller.close();
                    } else controller.enqueue(value);
                  } catch (e) {
                    cancel.dispose();
                    controller.error(streamFailure(e));
                  }
                },
                async cancel(reason) {
                  cancel.dispose();
                  await reader.cancel(reason).catch(() => undefined);
                },
              });
              handedOver = true;
              return { status: res.status, header, body: stream };
            }
            let bytes: Uint8Array;
            try {
              if (typeof res.arrayBuffer === 'function') bytes = new Uint8Array(await res.arrayBuffer());
              else if (res.body && typeof res.body.getReader === 'function') bytes = await readAll(res.body);
              else {
                throw fail({ code: 'INVALID_RESPONSE', messages: transportMessages.invalid(options.shownUrl, { id: 'Response dari fetch tidak memiliki arrayBuffer() atau body.', en: 'the fetch Response has no arrayBuffer() or body.' }), status: res.status }, attempts);
              }
            } catch (e) {
              if (e instanceof JembatanError) throw e;
              if (cancel.signal.aborted) throw aborted(attempts);
              throw fail({ code: 'NETWORK_ERROR', messages: transportMessages.network(options.shownUrl, e), cause: e, status: res.status }, attempts);
            }
            return { status: res.status, header, bytes };
          }
          let text: string;
          try {
            text = await res.text();
          } catch {
            if (cancel.signal.aborted) throw aborted(attempts);
            text = '';
          }
          const interpreted = interpretResponse({ url: options.shownUrl, status: res.status, statusText: res.statusText ?? '', headers: { get: header }, body: text, receivedAt: Date.now() });
          error = interpreted.ok
            ? { code: 'INVALID_RESPONSE', messages: transportMessages.invalid(options.shownUrl, { id: 'jawaban unduhan bukan berkas.', en: 'the download answer is not a file.' }), status: res.status }
            : interpreted.error;
        }
        if (error === undefined) throw fail({ code: 'INVALID_RESPONSE', messages: transportMessages.invalid(options.shownUrl, { id: 'tidak ada jawaban.', en: 'no answer.' }) }, attempts);
        const tooLongWait = error.retryAfterMs !== undefined && error.retryAfterMs > retry.maxDelayMs;
        if (attempts <= retry.retries && isRetryable(error, 'query') && !tooLongWait) {
          const delay = backoffDelay(attempts, retry, Math.random(), error.retryAfterMs);
          if (Date.now() + delay < cancel.deadline) {
            if (await sleep(delay, cancel.signal)) continue;
            throw aborted(attempts);
          }
        }
        throw fail(error, attempts);
      }
    } finally {
      if (!handedOver) cancel.dispose();
    }
  };
}
