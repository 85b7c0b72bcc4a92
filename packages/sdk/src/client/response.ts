import type { Messages } from '@jembatan/domain';
import { normalizeGraphQLErrorCode } from '../errors/error-codes.js';
import { GRAPHQL_CODE_MESSAGES, transportMessages } from '../errors/error-messages.js';
import { dottedField, toFieldPath } from '../errors/field-path.js';
import type { FieldPath, GraphQLErrorDetail, JembatanErrorInit, ResponsePath } from '../errors/jembatan-error.js';

/** What the client read from one HTTP exchange: only the parts the interpretation needs. */
export interface RawResponse {
  readonly url: string;
  readonly status: number;
  readonly statusText: string;
  readonly headers: { get(name: string): string | null };
  readonly body: string;
  /** Epoch milliseconds, used only to turn an HTTP-date `Retry-After` into a delay. */
  readonly receivedAt: number;
}

export type Interpretation =
  | { readonly ok: true; readonly data: Record<string, unknown> }
  | { readonly ok: false; readonly error: JembatanErrorInit };

const SNIPPET_LENGTH = 200;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isMessages(value: unknown): value is Messages {
  return isRecord(value) && typeof value.id === 'string' && typeof value.en === 'string';
}

function isResponsePath(value: unknown): value is ResponsePath {
  return Array.isArray(value) && value.every((p) => typeof p === 'string' || (typeof p === 'number' && Number.isInteger(p)));
}

function nonEmptyString(value: unknown, max = 200): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value.slice(0, max) : undefined;
}

/** `Retry-After` as delay-seconds or an HTTP date, in milliseconds (never negative). */
export function parseRetryAfter(header: string | null, now: number): number | undefined {
  if (header === null) return undefined;
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  // HTTP-date (IMF-fixdate and the obsolete forms all end in GMT); anything else is ignored.
  if (!/^[A-Za-z]{3,9}, .+ GMT$/.test(trimmed)) return undefined;
  const at = Date.parse(trimmed);
  return Number.isFinite(at) ? Math.max(0, at - now) : undefined;
}

function snippet(body: string): string | undefined {
  const s = body.trim().slice(0, SNIPPET_LENGTH);
  return s.length > 0 ? s : undefined;
}

function withOptional<T extends object>(base: T, extra: Record<string, unknown>): T {
  const out: Record<string, unknown> = { ...(base as Record<string, unknown>) };
  for (const [k, v] of Object.entries(extra)) if (v !== undefined) out[k] = v;
  return out as T;
}

/**
 * The input field of an error: `extensions.field` (the gateway sends segments, `["input", "profile",
 * "nik"]`; a dotted string is accepted too), else `extensions.path` (string or segments).
 */
function inputField(extensions: Record<string, unknown>): FieldPath | undefined {
  return toFieldPath(extensions.field) ?? toFieldPath(extensions.path);
}

function parseErrorEntry(entry: unknown): GraphQLErrorDetail | undefined {
  if (!isRecord(entry) || typeof entry.message !== 'string') return undefined;
  const extensions = isRecord(entry.extensions) ? entry.extensions : {};
  const code = normalizeGraphQLErrorCode(extensions.code);
  const fallback = GRAPHQL_CODE_MESSAGES[code];
  const fieldPath = inputField(extensions);
  const messages: Messages = isMessages(extensions.messages)
    ? { id: extensions.messages.id, en: extensions.messages.en }
    : { id: fallback.id, en: entry.message.length > 0 ? entry.message : fallback.en };
  return withOptional<GraphQLErrorDetail>(
    { code, message: entry.message, messages, extensions },
    {
      rawCode: nonEmptyString(extensions.code, 100),
      path: isResponsePath(entry.path) ? entry.path : undefined,
      field: fieldPath === undefined ? undefined : dottedField(fieldPath),
      fieldPath,
    },
  );
}

function invalid(raw: RawResponse, reason: Messages, requestId: string | undefined): Interpretation {
  return {
    ok: false,
    error: withOptional<JembatanErrorInit>(
      { code: 'INVALID_RESPONSE', messages: transportMessages.invalid(raw.url, reason), status: raw.status },
      { requestId, bodySnippet: snippet(raw.body) },
    ),
  };
}

function httpError(raw: RawResponse, requestId: string | undefined, retryAfterMs: number | undefined): Interpretation {
  return {
    ok: false,
    error: withOptional<JembatanErrorInit>(
      { code: 'HTTP_ERROR', messages: transportMessages.http(raw.url, raw.status, raw.statusText), status: raw.status },
      { requestId, retryAfterMs, bodySnippet: snippet(raw.body) },
    ),
  };
}

/**
 * Turns one HTTP answer into data or an error description. Total: whatever the body, status or
 * headers, it returns (never throws), so no `TypeError` from an unexpected shape reaches the caller.
 *
 * Order of precedence: a well-formed GraphQL `errors` array wins (also on 4xx/5xx, as the
 * GraphQL-over-HTTP spec allows); then a non-2xx status is an `HTTP_ERROR`; then a 2xx answer must
 * be a JSON object with an object `data`, or it is an `INVALID_RESPONSE`.
 */
export function interpretResponse(raw: RawResponse): Interpretation {
  const headerRequestId = nonEmptyString(raw.headers.get('x-request-id'), 100);
  const retryAfterMs = parseRetryAfter(raw.headers.get('retry-after'), raw.receivedAt);
  const is2xx = raw.status >= 200 && raw.status < 300;
  const contentType = (raw.headers.get('content-type') ?? '').toLowerCase();

  let parsed: unknown;
  try {
    parsed = raw.body.trim().length === 0 ? undefined : JSON.parse(raw.body);
  } catch {
    parsed = undefined;
    if (!is2xx) return httpError(raw, headerRequestId, retryAfterMs);
    if (contentType.includes('html') || /^\s*</.test(raw.body)) {
      return invalid(
        raw,
        {
          id: 'gateway mengirim halaman HTML, bukan JSON. Pastikan url menunjuk ke endpoint GraphQL (…/graphql), bukan ke situs web atau proxy.',
          en: 'the gateway sent an HTML page instead of JSON. Make sure url points at the GraphQL endpoint (…/graphql), not a web page or a proxy.',
        },
        headerRequestId,
      );
    }
    return invalid(raw, { id: 'isi jawaban bukan JSON yang sah.', en: 'the body is not valid JSON.' }, headerRequestId);
  }
  if (parsed === undefined) {
    if (!is2xx) return httpError(raw, headerRequestId, retryAfterMs);
    return invalid(raw, { id: 'isi jawaban kosong.', en: 'the body is empty.' }, headerRequestId);
  }
  if (!isRecord(parsed)) {
    if (!is2xx) return httpError(raw, headerRequestId, retryAfterMs);
    return invalid(
      raw,
      { id: 'JSON yang diterima bukan objek respons GraphQL.', en: 'the JSON is not a GraphQL response object.' },
      headerRequestId,
    );
  }

  const extensions = isRecord(parsed.extensions) ? parsed.extensions : {};
  const rawErrors = parsed.errors;
  if (rawErrors !== undefined && rawErrors !== null && !Array.isArray(rawErrors)) {
    if (!is2xx) return httpError(raw, headerRequestId, retryAfterMs);
    return invalid(raw, { id: '`errors` bukan array.', en: '`errors` is not an array.' }, headerRequestId);
  }
  if (Array.isArray(rawErrors) && rawErrors.length > 0) {
    const details = rawErrors.map(parseErrorEntry);
    if (details.some((d) => d === undefined)) {
      if (!is2xx) return httpError(raw, headerRequestId, retryAfterMs);
      return invalid(
        raw,
        { id: 'ada entri `errors` tanpa `message`.', en: 'an `errors` entry has no string `message`.' },
        headerRequestId,
      );
    }
    const all = details as GraphQLErrorDetail[];
    const first = all[0]!;
    const requestId =
      nonEmptyString(first.extensions.requestId, 100) ?? nonEmptyString(extensions.requestId, 100) ?? headerRequestId;
    return {
      ok: false,
      error: withOptional<JembatanErrorInit>(
        { code: first.code, messages: first.messages, status: raw.status, graphQLErrors: all },
        {
          requestId,
          rawCode: first.rawCode,
          path: first.path,
          field: first.field,
          fieldPath: first.fieldPath,
          retryAfterMs,
          data: isRecord(parsed.data) ? parsed.data : undefined,
        },
      ),
    };
  }
  if (!is2xx) return httpError(raw, headerRequestId, retryAfterMs);
  if (!('data' in parsed)) {
    return invalid(
      raw,
      { id: 'jawaban tidak memiliki `data` maupun `errors`.', en: 'the response has neither `data` nor `errors`.' },
      headerRequestId,
    );
  }
  if (!isRecord(parsed.data)) {
    return invalid(
      raw,
      { id: '`data` bukan objek dan tidak ada `errors`.', en: '`data` is not an object and there are no `errors`.' },
      headerRequestId,
    );
  }
  return { ok: true, data: parsed.data };
}
