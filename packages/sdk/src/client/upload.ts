/**
 * A file sent as the raw body of a POST beside the GraphQL endpoint (`…/imports/candidates`, issue
 * 11): the client's credentials, headers, timeout and cancellation, and the gateway's refusals as
 * `JembatanError`s exactly like GraphQL errors (the gateway answers them in the GraphQL error shape).
 * Never retried: an import is a write (send it again with the same `importId` to resume or replay).
 */
import type { Messages } from '@jembatan/domain';
import { transportMessages } from '../errors/error-messages.js';
import { JembatanError, type JembatanErrorInit } from '../errors/jembatan-error.js';
import { createCancellation, type Cancellation } from './cancellation.js';
import { interpretResponse } from './response.js';

/** A file body: bytes, a Blob / File (browsers), or the text of a CSV. */
export type UploadBody = string | Uint8Array | Blob;

export interface UploadRequest {
  /** Path beside the GraphQL endpoint, e.g. `imports/candidates` (`…/graphql` → `…/imports/candidates`). */
  readonly path: string;
  readonly query: Readonly<Record<string, string>>;
  readonly body: UploadBody;
  readonly contentType: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly signal?: AbortSignal | undefined;
  readonly timeoutMs?: number | undefined;
  /** For messages: what was being done (`ImportCandidates`). */
  readonly operationName: string;
}

/** Sends one upload; resolves with the JSON object of a 2xx answer. Rejects only with `JembatanError`. */
export type Upload = (request: UploadRequest) => Promise<Record<string, unknown>>;

/** The fetch an upload calls: the client's fetch, with a binary body (the global fetch accepts it). */
export type UploadFetch = (
  url: string,
  init: { method: 'POST'; headers: Record<string, string>; body: UploadBody; signal: AbortSignal },
) => Promise<{ readonly status: number; readonly statusText?: string; readonly headers?: { get(name: string): string | null }; text(): Promise<string> }>;

export interface UploaderOptions {
  readonly graphqlUrl: string;
  readonly shownUrl: string;
  readonly fetch: UploadFetch;
  /** The client's headers (credentials included), without content type. */
  readonly headers: () => Record<string, string>;
  /** The current bearer token when the client was given a token function. */
  readonly token?: (() => unknown) | undefined;
  readonly timeoutMs: number;
}

const CREDENTIAL = /^[\x21-\x7e]+$/;

/**
 * The `authorization` header value from the client's token function (uploads and downloads): undefined
 * when it gives no token; a function that throws or gives anything but printable ASCII is refused
 * before the request is sent.
 */
export async function bearerFromToken(
  token: () => unknown,
  fail: (init: JembatanErrorInit, attempts: number) => JembatanError,
  refusal: (reason: Messages) => JembatanError,
): Promise<string | undefined> {
  let current: unknown;
  try {
    current = await token();
  } catch (e) {
    throw fail({ code: 'INVALID_REQUEST', messages: transportMessages.invalidRequest({ id: 'fungsi token gagal.', en: 'the token function threw.' }), cause: e }, 0);
  }
  if (current === undefined || current === null || current === '') return undefined;
  if (typeof current !== 'string' || !CREDENTIAL.test(current)) {
    throw refusal({ id: 'fungsi token harus mengembalikan teks ASCII tanpa spasi.', en: 'the token function must return printable ASCII without spaces.' });
  }
  return `Bearer ${current}`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `…/graphql` → `…/<path>`, for absolute and (in a browser page) relative endpoints. */
export function besideGraphql(graphqlUrl: string, path: string, query: Readonly<Record<string, string>>): string {
  const base = (globalThis as { location?: { href?: unknown } }).location?.href;
  const endpoint = typeof base === 'string' ? new URL(graphqlUrl, base) : new URL(graphqlUrl);
  endpoint.pathname = endpoint.pathname.replace(/\/+$/, '');
  const target = new URL(path, endpoint);
  target.search = '';
  for (const [k, v] of Object.entries(query)) target.searchParams.set(k, v);
  return target.toString();
}

export function createUploader(options: UploaderOptions): Upload {
  return async (request) => {
    const context = { operationName: request.operationName, operationType: 'mutation' as const };
    const fail = (init: JembatanErrorInit, attempts: number): JembatanError => new JembatanError({ ...init, ...context, attempts });
    const refusal = (reason: Messages): JembatanError => fail({ code: 'INVALID_REQUEST', messages: transportMessages.invalidRequest(reason) }, 0);
    const timeoutMs = request.timeoutMs ?? options.timeoutMs;
    const cancel: Cancellation = createCancellation(request.signal, timeoutMs, Date.now());
    const aborted = (): JembatanError =>
      fail(
        cancel.reason() === 'timeout'
          ? { code: 'TIMEOUT', messages: transportMessages.timeout(options.shownUrl, timeoutMs), timeoutMs }
          : { code: 'ABORTED', messages: transportMessages.aborted(), cause: cancel.signal.reason },
        1,
      );
    try {
      const headers: Record<string, string> = { ...options.headers(), ...request.headers, 'content-type': request.contentType, accept: 'application/json' };
      if (options.token) {
        const authorization = await bearerFromToken(options.token, fail, refusal);
        if (authorization) headers.authorization = authorization;
      }
      const url = besideGraphql(options.graphqlUrl, request.path, request.query);
      let response: Awaited<ReturnType<UploadFetch>>;
      try {
        response = await options.fetch(url, { method: 'POST', headers, body: request.body, signal: cancel.signal });
      } catch (e) {
        if (cancel.signal.aborted) throw aborted();
        throw fail({ code: 'NETWORK_ERROR', messages: transportMessages.network(options.shownUrl, e), cause: e }, 1);
      }
      let text: string;
      try {
        text = await response.text();
      } catch (e) {
        if (cancel.signal.aborted) throw aborted();
        throw fail({ code: 'NETWORK_ERROR', messages: transportMessages.network(options.shownUrl, e), cause: e, status: response.status }, 1);
      }
      const get = (name: string): string | null => {
        const v: unknown = typeof response.headers?.get === 'function' ? response.headers.get(name) : null;
        return typeof v === 'string' ? v : null;
      };
      if (response.status >= 200 && response.status < 300) {
        try {
          const parsed: unknown = JSON.parse(text);
          if (isRecord(parsed) && !('errors' in parsed)) return parsed;
        } catch {
          // not JSON: described below
        }
      }
      const interpreted = interpretResponse({ url: options.shownUrl, status: response.status, statusText: response.statusText ?? '', headers: { get }, body: text, receivedAt: Date.now() });
      if (!interpreted.ok) throw fail(interpreted.error, 1);
      throw fail(
        {
          code: 'INVALID_RESPONSE',
          messages: transportMessages.invalid(options.shownUrl, { id: 'jawaban impor bukan objek JSON.', en: 'the import answer is not a JSON object.' }),
          status: response.status,
        },
        1,
      );
    } finally {
      cancel.dispose();
    }
  };
}
