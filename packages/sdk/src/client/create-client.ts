import { transportMessages } from '../errors/error-messages.js';
import { JembatanError, type JembatanErrorInit, type OperationType } from '../errors/jembatan-error.js';
import type { Messages } from '@jembatan/domain';
import { browserPage, mayBeCorsRefusal } from './browser-page.js';
import { createCancellation, sleep, type Cancellation } from './cancellation.js';
import { prepareOperation, type RequestDocument } from './operation.js';
import { interpretResponse, type Interpretation } from './response.js';
import { createApi, type JembatanApi, type Send } from '../api/index.js';
import { createUploader, type UploadFetch } from './upload.js';
import { createDownloader, type DownloadFetch } from './download.js';
import { backoffDelay, isRetryable, MAX_RETRIES, type ResolvedRetry, type RetryOptions } from './retry-policy.js';

/** The part of a fetch `Response` the client reads. */
export interface FetchResponseLike {
  readonly status: number;
  readonly statusText?: string;
  readonly headers?: { get(name: string): string | null };
  text(): Promise<string>;
}

/** The part of `fetch` the client calls; the global `fetch` of Node ≥ 20 and browsers fits. */
export type FetchLike = (
  url: string,
  init: { method: 'POST'; headers: Record<string, string>; body: string; signal: AbortSignal },
) => Promise<FetchResponseLike>;

export type TokenProvider = () => string | null | undefined | Promise<string | null | undefined>;

export interface ClientOptions {
  /** GraphQL endpoint, e.g. `https://jembatan.serangkota.go.id/graphql` (relative URLs work in browsers). */
  readonly url: string;
  /** API key of a municipal app; sent as `x-api-key`. */
  readonly apiKey?: string | undefined;
  /** Staff JWT, or a function returning the current one (called once per request); sent as `Authorization: Bearer`. */
  readonly token?: string | TokenProvider | undefined;
  /** Custom fetch (tests, proxies, older runtimes). Default: the global `fetch`. `imports.*` sends it the file as the body (a string, Uint8Array or Blob); `exports.*` sends GETs (an aggregate a JSON POST) and reads the answer's `arrayBuffer()` or `body`. */
  readonly fetch?: FetchLike | undefined;
  /** Overall deadline of one `request()` call, retries and backoff included. Default 30,000 ms; `Infinity` for none. */
  readonly timeoutMs?: number | undefined;
  /** Retries of queries on network failure or HTTP 502/503/504 (never of mutations). Default 2. */
  readonly retries?: number | RetryOptions | undefined;
  /** Extra headers sent with every request (names are case-insensitive). */
  readonly headers?: Readonly<Record<string, string>> | undefined;
}

export interface RequestOptions {
  /** Cancels the request (and any pending retry) when aborted: the promise rejects with `ABORTED`. */
  readonly signal?: AbortSignal | undefined;
  /** Overrides the client's `timeoutMs` for this call. */
  readonly timeoutMs?: number | undefined;
  /** Overrides the client's retry policy for this call. */
  readonly retries?: number | RetryOptions | undefined;
  /** Extra headers for this call only. */
  readonly headers?: Readonly<Record<string, string>> | undefined;
}

/**
 * Variables are optional exactly when the operation has no required variable
 * (codegen types a variable-less operation as `Exact<{ [key: string]: never }>`).
 */
export type VariablesAndOptions<TVariables> = {} extends TVariables
  ? [variables?: NoInferVariables<TVariables>, options?: RequestOptions]
  : [variables: NoInferVariables<TVariables>, options?: RequestOptions];

/**
 * Blocks inference from the variables argument, so the variables type comes from the document
 * alone and an undeclared variable is an excess-property error (works before TS 5.4's `NoInfer`).
 */
export type NoInferVariables<T> = [T][T extends unknown ? 0 : never];

/**
 * The client: method groups by use (`mous`, `openings`, `candidates`, `eligibility`, `costs`,
 * `financing`, `parameters`, `aggregates`, plus `quotas` and `parties`) and raw `request`.
 */
export interface JembatanClient extends JembatanApi {
  /** The endpoint this client talks to. */
  readonly url: string;
  /**
   * Sends one typed operation and resolves with its `data`. Rejects only with `JembatanError`.
   * @example const { openings } = await client.request(OpeningsDocument, { first: 20 });
   */
  request<TResult, TVariables>(
    document: RequestDocument<TResult, TVariables>,
    ...args: VariablesAndOptions<TVariables>
  ): Promise<TResult>;
}

const DEFAULT_TIMEOUT_MS = 30_000;
const MAX_TIMER_MS = 2_147_483_647;
const DEFAULT_RETRY: ResolvedRetry = { retries: 2, baseDelayMs: 200, maxDelayMs: 5_000 };
const CREDENTIAL = /^[\x21-\x7e]+$/;

function configError(reason: Messages): JembatanError<'INVALID_REQUEST'> {
  return new JembatanError({ code: 'INVALID_REQUEST', messages: transportMessages.invalidRequest(reason), attempts: 0 });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function resolveTimeout(value: unknown, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || Number.isNaN(value) || value <= 0) {
    throw configError({ id: 'timeoutMs harus angka positif (atau Infinity).', en: 'timeoutMs must be a positive number (or Infinity).' });
  }
  return value > MAX_TIMER_MS ? Number.POSITIVE_INFINITY : value;
}

function resolveRetry(value: unknown, fallback: ResolvedRetry): ResolvedRetry {
  if (value === undefined) return fallback;
  const options: RetryOptions = typeof value === 'number' ? { retries: value } : isRecord(value) ? value : { retries: -1 };
  const retries = options.retries ?? fallback.retries;
  const baseDelayMs = options.baseDelayMs ?? fallback.baseDelayMs;
  const maxDelayMs = options.maxDelayMs ?? fallback.maxDelayMs;
  if (!Number.isInteger(retries) || retries < 0 || retries > MAX_RETRIES) {
    throw configError({
      id: `retries harus bilangan bulat 0 sampai ${MAX_RETRIES}.`,
      en: `retries must be a whole number from 0 to ${MAX_RETRIES}.`,
    });
  }
  for (const [name, ms] of [['baseDelayMs', baseDelayMs], ['maxDelayMs', maxDelayMs]] as const) {
    if (typeof ms !== 'number' || !Number.isFinite(ms) || ms < 0 || ms > 60_000) {
      throw configError({ id: `${name} harus antara 0 dan 60000 ms.`, en: `${name} must be between 0 and 60000 ms.` });
    }
  }
  return { retries, baseDelayMs, maxDelayMs };
}

function mergeHeaders(target: Record<string, string>, extra: unknown, where: string): void {
  if (extra === undefined) return;
  if (!isRecord(extra)) {
    throw configError({ id: `${where} harus objek nama → nilai.`, en: `${where} must be an object of name → value.` });
  }
  for (const [name, value] of Object.entries(extra)) {
    if (typeof value !== 'string' || !/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name) || /[\r\n\0]/.test(value)) {
      throw configError({
        id: `header "${name.slice(0, 40)}" di ${where} tidak sah.`,
        en: `header "${name.slice(0, 40)}" in ${where} is not a valid header.`,
      });
    }
    target[name.toLowerCase()] = value;
  }
}

function checkCredential(value: unknown, what: 'apiKey' | 'token'): string {
  // The value itself never appears in a message.
  if (typeof value !== 'string' || !CREDENTIAL.test(value)) {
    throw configError({
      id: `${what} harus teks ASCII tanpa spasi atau baris baru.`,
      en: `${what} must be printable ASCII without spaces or line breaks.`,
    });
  }
  return value;
}

/** URL for messages: no query string, no user:password. */
function displayUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.origin}${u.pathname}`;
  } catch {
    return url.split(/[?#]/)[0] ?? url;
  }
}

function validateUrl(url: unknown): string {
  if (typeof url !== 'string' || url.trim().length === 0) {
    throw configError({ id: 'url gateway wajib diisi.', en: 'the gateway url is required.' });
  }
  const base = (globalThis as { location?: { href?: unknown } }).location?.href;
  try {
    const parsed = typeof base === 'string' ? new URL(url, base) : new URL(url);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new Error('protocol');
  } catch {
    throw configError({
      id: 'url gateway harus alamat http(s) lengkap, misalnya https://host/graphql.',
      en: 'the gateway url must be a full http(s) address, e.g. https://host/graphql.',
    });
  }
  return url;
}

/** NETWORK_ERROR's text; in a browser page, a TypeError for another origin names CORS (browser-page.ts). */
function networkMessages(url: string, shownUrl: string, cause: unknown): Messages {
  const page = browserPage();
  if (!mayBeCorsRefusal(page, url, cause)) return transportMessages.network(shownUrl, cause);
  return transportMessages.network(shownUrl, cause, page?.origin === undefined ? {} : { pageOrigin: page.origin });
}

const ABORTED = Symbol('aborted');

/** Settles with `ABORTED` as soon as `signal` aborts, even if `promise` never settles (a fetch that ignores signals). */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T | typeof ABORTED> {
  if (signal.aborted) {
    promise.catch(() => undefined);
    return Promise.resolve(ABORTED);
  }
  return new Promise<T | typeof ABORTED>((resolve, reject) => {
    const onAbort = (): void => resolve(ABORTED);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (v) => {
        signal.removeEventListener('abort', onAbort);
        resolve(v);
      },
      (e: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(e);
      },
    );
  });
}

function abortError(cancel: Cancellation, url: string, timeoutMs: number): JembatanErrorInit {
  if (cancel.reason() === 'timeout') {
    return { code: 'TIMEOUT', messages: transportMessages.timeout(url, timeoutMs), timeoutMs };
  }
  return { code: 'ABORTED', messages: transportMessages.aborted(), cause: cancel.signal.reason };
}

/**
 * Creates a client for the Jembatan gateway. Runs wherever `fetch` and `AbortController` exist
 * (Node ≥ 20, current browsers, Deno, workers). Configuration mistakes throw `INVALID_REQUEST` here.
 */
export function createClient(options: ClientOptions): JembatanClient {
  if (!isRecord(options)) {
    throw configError({ id: 'createClient memerlukan objek opsi { url }.', en: 'createClient needs an options object { url }.' });
  }
  const url = validateUrl(options.url);
  const shownUrl = displayUrl(url);
  const timeoutMs = resolveTimeout(options.timeoutMs, DEFAULT_TIMEOUT_MS);
  const retry = resolveRetry(options.retries, DEFAULT_RETRY);
  const baseHeaders: Record<string, string> = {
    'content-type': 'application/json',
    accept: 'application/graphql-response+json, application/json;q=0.9',
  };
  mergeHeaders(baseHeaders, options.headers, 'headers');
  if (options.apiKey !== undefined) baseHeaders['x-api-key'] = checkCredential(options.apiKey, 'apiKey');
  const token = options.token;
  if (typeof token === 'string') baseHeaders.authorization = `Bearer ${checkCredential(token, 'token')}`;
  else if (token !== undefined && typeof token !== 'function') checkCredential(token, 'token');

  const fetchFn: FetchLike | undefined =
    options.fetch ??
    (typeof globalThis.fetch === 'function'
      ? (u, init) => globalThis.fetch(u, init) // called through globalThis: browsers reject an unbound fetch
      : undefined);
  if (typeof fetchFn !== 'function') {
    throw configError({
      id: 'fetch tidak tersedia di lingkungan ini; berikan opsi fetch.',
      en: 'fetch is not available in this environment; pass the fetch option.',
    });
  }

  async function attempt(body: string, headers: Record<string, string>, cancel: Cancellation, callTimeout: number): Promise<Interpretation> {
    if (cancel.signal.aborted) return { ok: false, error: abortError(cancel, shownUrl, callTimeout) };
    let response: FetchResponseLike | typeof ABORTED;
    try {
      response = await untilAborted(
        Promise.resolve().then(() => fetchFn!(url, { method: 'POST', headers, body, signal: cancel.signal })),
        cancel.signal,
      );
    } catch (e) {
      if (cancel.signal.aborted) return { ok: false, error: abortError(cancel, shownUrl, callTimeout) };
      return { ok: false, error: { code: 'NETWORK_ERROR', messages: networkMessages(url, shownUrl, e), cause: e } };
    }
    if (response === ABORTED) return { ok: false, error: abortError(cancel, shownUrl, callTimeout) };
    if (!isRecord(response) || typeof response.status !== 'number' || typeof response.text !== 'function') {
      return {
        ok: false,
        error: {
          code: 'INVALID_RESPONSE',
          messages: transportMessages.invalid(shownUrl, {
            id: 'fungsi fetch tidak mengembalikan objek Response.',
            en: 'the fetch function did not return a Response.',
          }),
        },
      };
    }
    let text: string | typeof ABORTED;
    try {
      text = await untilAborted(Promise.resolve().then(() => response.text()), cancel.signal);
    } catch (e) {
      if (cancel.signal.aborted) return { ok: false, error: abortError(cancel, shownUrl, callTimeout) };
      return { ok: false, error: { code: 'NETWORK_ERROR', messages: transportMessages.network(shownUrl, e), cause: e, status: response.status } };
    }
    if (text === ABORTED) return { ok: false, error: abortError(cancel, shownUrl, callTimeout) };
    const source = response.headers;
    const get = (name: string): string | null => {
      try {
        const v: unknown = typeof source?.get === 'function' ? source.get(name) : null;
        return typeof v === 'string' ? v : null;
      } catch {
        return null;
      }
    };
    return interpretResponse({
      url: shownUrl,
      status: response.status,
      statusText: typeof response.statusText === 'string' ? response.statusText : '',
      headers: { get },
      body: typeof text === 'string' ? text : '',
      receivedAt: Date.now(),
    });
  }

  async function request(document: unknown, variables?: unknown, requestOptions?: RequestOptions): Promise<unknown> {
    const prepared = prepareOperation(document);
    if (!prepared.ok) throw configError(prepared.reason);
    const { query, operationName, operationType } = prepared.operation;
    const context: { operationName?: string; operationType: OperationType } =
      operationName === undefined ? { operationType } : { operationName, operationType };
    const fail = (init: JembatanErrorInit, attempts: number): JembatanError =>
      new JembatanError({ ...init, ...context, attempts });

    if (variables !== undefined && variables !== null && !isRecord(variables)) {
      throw fail(transportRefusal({ id: 'variables harus objek.', en: 'variables must be an object.' }), 0);
    }
    const opts: RequestOptions = requestOptions ?? {};
    if (!isRecord(opts as unknown)) {
      throw fail(transportRefusal({ id: 'opsi permintaan harus objek.', en: 'request options must be an object.' }), 0);
    }
    const callerSignal = opts.signal;
    if (
      callerSignal !== undefined &&
      typeof (callerSignal as { addEventListener?: unknown } | null)?.addEventListener !== 'function'
    ) {
      throw fail(transportRefusal({ id: 'signal harus AbortSignal.', en: 'signal must be an AbortSignal.' }), 0);
    }
    let body: string;
    try {
      body = JSON.stringify({ query, variables: variables ?? {}, ...(operationName ? { operationName } : {}) });
    } catch {
      throw fail(
        transportRefusal({
          id: 'variables tidak dapat diubah ke JSON (BigInt atau referensi melingkar?).',
          en: 'variables cannot be serialised to JSON (a BigInt or a circular reference?).',
        }),
        0,
      );
    }
    const callTimeout = resolveTimeout(opts.timeoutMs, timeoutMs);
    const callRetry = resolveRetry(opts.retries, retry);
    const headers: Record<string, string> = { ...baseHeaders };
    mergeHeaders(headers, opts.headers, 'request headers');

    const cancel = createCancellation(callerSignal, callTimeout, Date.now());
    try {
      if (typeof token === 'function') {
        let current: unknown;
        try {
          current = await untilAborted(Promise.resolve().then(token), cancel.signal);
        } catch (e) {
          throw fail(
            { ...transportRefusal({ id: 'fungsi token gagal.', en: 'the token function threw.' }), cause: e },
            0,
          );
        }
        if (current === ABORTED) throw fail(abortError(cancel, shownUrl, callTimeout), 0);
        if (current !== undefined && current !== null && current !== '') {
          if (typeof current !== 'string' || !CREDENTIAL.test(current)) {
            throw fail(
              transportRefusal({
                id: 'fungsi token harus mengembalikan teks ASCII tanpa spasi atau baris baru.',
                en: 'the token function must return printable ASCII without spaces or line breaks.',
              }),
              0,
            );
          }
          headers.authorization = `Bearer ${current}`;
        }
      }
      if (cancel.signal.aborted) throw fail(abortError(cancel, shownUrl, callTimeout), 0);
      for (let attempts = 1; ; attempts += 1) {
        const outcome = await attempt(body, headers, cancel, callTimeout);
        if (outcome.ok) return outcome.data;
        const error = outcome.error;
        const tooLongWait = error.retryAfterMs !== undefined && error.retryAfterMs > callRetry.maxDelayMs;
        if (attempts <= callRetry.retries && isRetryable(error, operationType) && !tooLongWait) {
          const delay = backoffDelay(attempts, callRetry, Math.random(), error.retryAfterMs);
          if (Date.now() + delay < cancel.deadline) {
            if (await sleep(delay, cancel.signal)) continue;
            throw fail(abortError(cancel, shownUrl, callTimeout), attempts);
          }
        }
        throw fail(error, attempts);
      }
    } finally {
      cancel.dispose();
    }
  }

  const send: Send = (document, variables, options) => request(document, variables, options) as Promise<never>;
  // imports send the file as the body (client/upload.ts): the global fetch takes bytes and Blobs;
  // a custom `fetch` option receives them too
  const upload = createUploader({
    graphqlUrl: url,
    shownUrl,
    fetch: fetchFn as unknown as UploadFetch,
    headers: () => {
      const { 'content-type': _type, accept: _accept, ...rest } = baseHeaders;
      return rest;
    },
    token: typeof token === 'function' ? token : undefined,
    timeoutMs,
  });
  // exports are GET (or, for an aggregate, a JSON POST) downloads read as bytes or a stream (client/download.ts)
  const download = createDownloader({
    graphqlUrl: url,
    shownUrl,
    fetch: fetchFn as unknown as DownloadFetch,
    headers: () => {
      const { 'content-type': _type, accept: _accept, ...rest } = baseHeaders;
      return rest;
    },
    token: typeof token === 'function' ? token : undefined,
    timeoutMs,
    retry,
  });
  return Object.freeze({
    url,
    request: request as JembatanClient['request'],
    ...createApi(send, upload, download),
  });
}

function transportRefusal(reason: Messages): JembatanErrorInit {
  return { code: 'INVALID_REQUEST', messages: transportMessages.invalidRequest(reason) };
}
