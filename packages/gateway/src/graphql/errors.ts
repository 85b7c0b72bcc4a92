/**
 * Every error that leaves the gateway has `extensions.code` (a stable public code), a bilingual
 * `extensions.messages {id, en}`, and where it applies a `field` path and the domain's dotted
 * `domainCode`. Never a stack trace, never a submitted value, never a database message (those quote
 * the offending row). Anything unexpected is masked as INTERNAL_SERVER_ERROR with the request id and
 * logged in full.
 */
import { unwrapResolverError } from '@apollo/server/errors';
import { isDomainError, type DomainErrorData, type Messages } from '@jembatan/domain';
import {
  CheckConstraintViolationException,
  ForeignKeyConstraintViolationException,
  NotFoundError,
  NotNullConstraintViolationException,
  UniqueConstraintViolationException,
} from '@mikro-orm/core';
import type { ValidationError } from 'class-validator';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { ArgumentValidationError } from 'type-graphql';
import { databaseTroubleWithin, databaseUnavailableReason, followsFailedStatement } from '../db/availability';

/** How long after a failed database connection an unexpected error is taken for part of the outage. */
export const OUTAGE_FALLBACK_WINDOW_MS = 10_000;
import { requestDeadlinePassed, type RequestScope } from '../http/request-context';

/** Public error codes clients can branch on (`extensions.code`). */
export const ERROR_CODES = [
  'BAD_USER_INPUT',
  'NIK_INVALID',
  'QUOTA_EXHAUSTED',
  'MOU_INVALID_TRANSITION',
  'CANDIDATE_NOT_ELIGIBLE',
  'NOT_FOUND',
  'CONFLICT',
  'INTERNAL_SERVER_ERROR',
  // access control and abuse limits (security/security-error.ts)
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'RATE_LIMITED',
  'TIMEOUT',
  // the database is unavailable for now (HTTP 503 + Retry-After; db/availability.ts)
  'SERVICE_UNAVAILABLE',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

const DEFAULT_MESSAGES: Record<string, Messages> = {
  BAD_USER_INPUT: { id: 'Masukan tidak valid.', en: 'Invalid input.' },
  NIK_INVALID: { id: 'NIK tidak valid.', en: 'The NIK is not valid.' },
  QUOTA_EXHAUSTED: { id: 'Kuota sudah penuh.', en: 'The quota is exhausted.' },
  MOU_INVALID_TRANSITION: {
    id: 'Perubahan status MoU ini tidak diizinkan.',
    en: 'This MoU status change is not allowed.',
  },
  CANDIDATE_NOT_ELIGIBLE: { id: 'Calon pekerja belum memenuhi syarat.', en: 'The candidate is not eligible.' },
  NOT_FOUND: { id: 'Data tidak ditemukan.', en: 'Record not found.' },
  CONFLICT: {
    id: 'Data bertentangan dengan data yang sudah ada.',
    en: 'This conflicts with existing data.',
  },
  INTERNAL_SERVER_ERROR: {
    id: 'Terjadi kesalahan pada server. Sebutkan kode permintaan saat melapor.',
    en: 'Internal server error. Quote the request id when reporting it.',
  },
  UNAUTHENTICATED: {
    id: 'Perlu masuk dengan kredensial yang valid (API key atau token).',
    en: 'A valid credential (API key or token) is required.',
  },
  FORBIDDEN: { id: 'Anda tidak berwenang mengakses data ini.', en: 'You are not allowed to access this.' },
  RATE_LIMITED: { id: 'Terlalu banyak permintaan. Coba lagi nanti.', en: 'Too many requests. Try again later.' },
  TIMEOUT: { id: 'Permintaan melebihi batas waktu.', en: 'The request took too long and was stopped.' },
  SERVICE_UNAVAILABLE: {
    id: 'Layanan sementara tidak tersedia (basis data sedang dipulihkan). Coba lagi setelah waktu pada Retry-After.',
    en: 'The service is temporarily unavailable (the database is recovering). Try again after the Retry-After time.',
  },
  GRAPHQL_PARSE_FAILED: { id: 'Kueri GraphQL tidak dapat dibaca.', en: 'The GraphQL document cannot be parsed.' },
  GRAPHQL_VALIDATION_FAILED: {
    id: 'Kueri GraphQL tidak sesuai dengan skema.',
    en: 'The GraphQL document does not match the schema.',
  },
  BAD_REQUEST: { id: 'Permintaan HTTP tidak valid.', en: 'Bad HTTP request.' },
  PAYLOAD_TOO_LARGE: { id: 'Permintaan terlalu besar.', en: 'The request is too large.' },
};

/**
 * Stable `extensions.reason` of the input boundary's refusals (security/input-guard.ts, graphql/scalars.ts):
 * they are BAD_USER_INPUT with their own bilingual messages, also when graphql-js wraps them (variable
 * coercion) or Apollo reports them as validation errors (inline literals).
 */
export const BOUNDARY_REASONS = ['INVALID_CHARACTER', 'DATE_OUT_OF_RANGE'] as const;
export type BoundaryReason = (typeof BOUNDARY_REASONS)[number];

const BOUNDARY_MESSAGES: Record<BoundaryReason, (field: string) => Messages> = {
  INVALID_CHARACTER: (field) => ({
    id: `Isian ${field} berisi karakter yang tidak diizinkan (NUL, karakter kontrol, atau Unicode yang rusak). Hapus karakter itu lalu kirim lagi.`,
    en: `The field ${field} contains a character that is not allowed (NUL, a control character, or broken Unicode). Remove it and send again.`,
  }),
  DATE_OUT_OF_RANGE: (field) => ({
    id: `Tanggal pada isian ${field} di luar rentang yang diterima (tahun 0001–9999, UTC).`,
    en: `The date in the field ${field} is outside the accepted range (years 0001–9999, UTC).`,
  }),
};

/** The bilingual messages of a boundary refusal; they name the field (schema names), never the value. */
export function boundaryMessages(reason: BoundaryReason, field: readonly (string | number)[]): Messages {
  return BOUNDARY_MESSAGES[reason](field.length ? field.join('.') : '(input)');
}

function boundaryReasonOf(extensions: Record<string, unknown>): BoundaryReason | undefined {
  const r = extensions['reason'];
  return typeof r === 'string' && (BOUNDARY_REASONS as readonly string[]).includes(r) ? (r as BoundaryReason) : undefined;
}

export function defaultMessages(code: string): Messages {
  return DEFAULT_MESSAGES[code] ?? { id: 'Permintaan tidak dapat diproses.', en: 'The request cannot be processed.' };
}

export interface GatewayErrorOptions {
  readonly field?: readonly string[];
  readonly domainCode?: string;
  readonly details?: Readonly<Record<string, string | number | boolean | null>>;
}

/** An expected failure with a public code: thrown by resolvers, passed through as is. */
export class GatewayError extends GraphQLError {
  readonly code: string;
  readonly messages: Messages;

  constructor(code: ErrorCode | string, messages: Messages = defaultMessages(code), options: GatewayErrorOptions = {}) {
    super(messages.en, {
      extensions: {
        code,
        messages,
        ...(options.field ? { field: [...options.field] } : {}),
        ...(options.domainCode ? { domainCode: options.domainCode } : {}),
        ...(options.details ? { details: options.details } : {}),
      },
    });
    this.name = 'GatewayError';
    this.code = code;
    this.messages = messages;
  }
}

export function notFound(entity: string, field: readonly string[] = ['id']): GatewayError {
  return new GatewayError(
    'NOT_FOUND',
    { id: `${entity} tidak ditemukan.`, en: `${entity} not found.` },
    { field, details: { entity } },
  );
}

/**
 * Domain codes are dotted (`AREA.REASON`); the public code is the one clients branch on.
 * Unknown domain codes are invalid input (the domain throws only for input it rejects).
 */
export function publicCodeForDomainCode(domainCode: string): ErrorCode {
  const [area = '', reason = ''] = domainCode.split('.');
  if (area === 'NIK') return reason === 'DUPLICATE' ? 'CONFLICT' : 'NIK_INVALID';
  if (domainCode === 'QUOTA.EXHAUSTED' || reason === 'QUOTA_EXHAUSTED' || reason === 'NO_SEATS_LEFT') {
    return 'QUOTA_EXHAUSTED';
  }
  if (area === 'MOU' && (reason === 'INVALID_TRANSITION' || reason.startsWith('TRANSITION'))) {
    return 'MOU_INVALID_TRANSITION';
  }
  if (reason === 'NOT_ELIGIBLE' || reason === 'INELIGIBLE') return 'CANDIDATE_NOT_ELIGIBLE';
  if (reason === 'NOT_FOUND' || reason.endsWith('_NOT_FOUND')) return 'NOT_FOUND';
  // a list in the input naming something twice is an input problem, not a clash with stored data
  if (reason === 'DUPLICATE_REFERENCE' || reason === 'DUPLICATE_ID') return 'BAD_USER_INPUT';
  if (
    reason === 'CONFLICT' ||
    reason === 'DUPLICATE' ||
    reason.includes('ALREADY_') ||
    reason.endsWith('_EXISTS') ||
    reason.startsWith('DUPLICATE_')
  ) {
    return 'CONFLICT';
  }
  return 'BAD_USER_INPUT';
}

export function fromDomainError(error: DomainErrorData, fieldPrefix: readonly string[] = []): GatewayError {
  return new GatewayError(publicCodeForDomainCode(error.code), error.message, {
    ...(error.path ? { field: [...fieldPrefix, ...error.path] } : fieldPrefix.length ? { field: fieldPrefix } : {}),
    domainCode: error.code,
    ...(error.details ? { details: error.details } : {}),
  });
}

const CONSTRAINT_ID: Record<string, string> = {
  maxLength: 'terlalu panjang',
  minLength: 'terlalu pendek',
  isLength: 'panjangnya tidak sesuai',
  matches: 'formatnya tidak sesuai',
  isInt: 'harus bilangan bulat',
  min: 'terlalu kecil',
  max: 'terlalu besar',
  isPositive: 'harus lebih besar dari nol',
  arrayMaxSize: 'terlalu banyak isian',
  arrayMinSize: 'terlalu sedikit isian',
  isNotEmpty: 'tidak boleh kosong',
  isDefined: 'wajib diisi',
  isUrl: 'harus URL yang valid',
  isEmail: 'harus alamat email yang valid',
  isISO8601: 'harus tanggal ISO 8601',
  isIn: 'nilainya tidak dikenal',
  isEnum: 'nilainya tidak dikenal',
  whitelistValidation: 'tidak dikenal',
  unknownValue: 'tidak dikenal',
};

export interface FieldValidationError {
  readonly path: string;
  readonly constraints: readonly string[];
  readonly messages: Messages;
}

/** Flatten class-validator's tree into field paths; the submitted values and target are dropped. */
export function flattenValidationErrors(
  errors: readonly ValidationError[],
  prefix: readonly string[] = [],
): FieldValidationError[] {
  const out: FieldValidationError[] = [];
  for (const e of errors) {
    const path = e.property ? [...prefix, e.property] : [...prefix];
    const constraints = e.constraints ?? {};
    const keys = Object.keys(constraints);
    if (keys.length > 0) {
      const dotted = path.join('.') || '(input)';
      out.push({
        path: dotted,
        constraints: keys,
        messages: {
          id: `Isian ${dotted} ${keys.map((k) => CONSTRAINT_ID[k] ?? 'tidak valid').join(', ')}.`,
          en: keys.map((k) => constraints[k]).join('; ') + '.',
        },
      });
    }
    if (e.children?.length) out.push(...flattenValidationErrors(e.children, path));
  }
  return out;
}

/**
 * graphql-js quotes the submitted value in its coercion and validation messages
 * (`Variable "$x" got invalid value "…"`, `Expected value of type "Int", found "…".`). Rebuild them from
 * the parts that are schema names only.
 */
export function redactGraphqlInputMessage(message: string): { message: string; field?: string[]; reason: string } {
  // graphql-armor's document limits quote only numbers: keep them (clients size their queries by them)
  const limit = /^(?:Syntax Error: )?((?:Query Cost|Query depth|Aliases|Directives|Token) limit of \d+ exceeded, found [\d.e+]+\.)$/.exec(message);
  if (limit) return { message: limit[1] as string, reason: 'LIMIT_EXCEEDED' };
  const reason = /does not exist in "\w+" enum/.test(message)
    ? 'UNKNOWN_ENUM_VALUE'
    : /cannot represent|Expected type|expected type/.test(message)
      ? 'WRONG_TYPE'
      : /was not provided|must not be null/.test(message)
        ? 'REQUIRED'
        : /is not defined by type/.test(message)
          ? 'UNKNOWN_FIELD'
          : 'INVALID';
  const variable = /^Variable "\$([_A-Za-z][_0-9A-Za-z]*)"/.exec(message);
  if (variable) {
    const name = variable[1] as string;
    if (/^Variable "\$\w+" of (required|non-null) type "[^"]+" (was not provided|must not be null)\.$/.test(message)) {
      return { message, field: [name], reason };
    }
    const escaped = name.replace(/[$]/g, '\\$');
    const pathMatch = new RegExp(` at "(${escaped}(?:\\.[_A-Za-z][_0-9A-Za-z]*|\\[\\d+\\])*)"; `).exec(message);
    const field = pathMatch
      ? (pathMatch[1] as string).split(/\.|\[(\d+)\]/).filter((s): s is string => !!s)
      : [name];
    const enumName = /does not exist in "(\w+)" enum/.exec(message)?.[1];
    const what =
      reason === 'UNKNOWN_ENUM_VALUE' && enumName
        ? `: not a value of enum ${enumName}`
        : reason === 'WRONG_TYPE'
          ? ': wrong type'
          : reason === 'UNKNOWN_FIELD'
            ? ': unknown field'
            : reason === 'REQUIRED'
              ? ': a required field is missing'
              : '';
    return { message: `Variable "$${name}" got an invalid value at "${field.join('.')}"${what}.`, field, reason };
  }
  const redacted = message
    .replace(/^Value (".*"|\S+) does not exist in "(\w+)" enum\..*$/s, 'The value does not exist in "$2" enum.')
    .replace(/, found .*$/s, ', found an invalid value.')
    .replace(/ (value|literal): .*$/s, ' $1.')
    .replace(/ Did you mean .*$/s, '');
  return { message: redacted, reason };
}

function isGraphqlJsInputError(code: unknown): boolean {
  return code === 'BAD_USER_INPUT' || code === 'GRAPHQL_VALIDATION_FAILED';
}

interface DriverErrorLike {
  readonly constraint?: string;
  readonly table?: string;
}

/** Map a database error to a public error, or undefined when it is not an expected one. */
function fromDatabaseError(e: unknown): GatewayError | undefined {
  if (e instanceof UniqueConstraintViolationException) {
    const c = (e as unknown as DriverErrorLike).constraint;
    return new GatewayError('CONFLICT', defaultMessages('CONFLICT'), c ? { details: { constraint: c } } : {});
  }
  if (e instanceof ForeignKeyConstraintViolationException) {
    const c = (e as unknown as DriverErrorLike).constraint;
    return new GatewayError(
      'NOT_FOUND',
      { id: 'Data yang dirujuk tidak ditemukan.', en: 'A referenced record does not exist.' },
      c ? { details: { constraint: c } } : {},
    );
  }
  if (e instanceof CheckConstraintViolationException || e instanceof NotNullConstraintViolationException) {
    const c = (e as unknown as DriverErrorLike).constraint;
    return new GatewayError('BAD_USER_INPUT', defaultMessages('BAD_USER_INPUT'), c ? { details: { constraint: c } } : {});
  }
  if (e instanceof NotFoundError) return new GatewayError('NOT_FOUND');
  // 57014 query_canceled: PostgreSQL's statement_timeout (JEMBATAN_QUERY_TIMEOUT_MS) stopped a statement
  if ((e as { code?: unknown }).code === '57014') return new GatewayError('TIMEOUT', defaultMessages('TIMEOUT'));
  // A transaction whose BEGIN or earlier statement the deadline refused: knex still runs its body, and
  // the next statement fails with "Transaction query already complete". Past the request's deadline that
  // is the timeout (50 concurrent seat allocations with a short limit gave 17 INTERNAL_SERVER_ERRORs).
  if (followsFailedStatement(e) && requestDeadlinePassed()) return new GatewayError('TIMEOUT', defaultMessages('TIMEOUT'));
  // connection refused / lost, server shutting down or starting (57P01-03, 08xxx): 503, never a 500
  const unavailable = databaseUnavailableReason(e);
  if (unavailable) return new GatewayError('SERVICE_UNAVAILABLE', defaultMessages('SERVICE_UNAVAILABLE'), { details: { reason: unavailable } });
  return undefined;
}

function toFormatted(err: GraphQLError, base: GraphQLFormattedError): GraphQLFormattedError {
  const { stacktrace: _dropped, ...extensions } = (err.extensions ?? {}) as Record<string, unknown>;
  return {
    message: err.message,
    ...(base.locations ? { locations: base.locations } : {}),
    ...(base.path ? { path: base.path } : {}),
    extensions,
  };
}

/**
 * Apollo `formatError`: `formatted` is Apollo's rendering, `error` the original (possibly wrapped in a
 * resolver GraphQLError). `scope` gives the request id and logger.
 */
export function formatGatewayError(
  formatted: GraphQLFormattedError,
  error: unknown,
  scope: RequestScope | undefined,
): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  if (original instanceof GatewayError) return toFormatted(original, formatted);
  if (isDomainError(original)) return toFormatted(fromDomainError(original.toJSON()), formatted);
  if (original instanceof ArgumentValidationError) return formatValidationError(original, formatted);
  const fromDb = fromDatabaseError(original);
  if (fromDb) return toFormatted(fromDb, formatted);
  const code = formatted.extensions?.code;
  // Coded GraphQL errors: from graphql-js / Apollo for the request itself (parse, validation, variable
  // coercion; these quote submitted values, so their messages are rebuilt) or from a library (auth).
  if (typeof code === 'string' && code !== 'INTERNAL_SERVER_ERROR' && original instanceof GraphQLError) return formatCodedGraphqlError(code, formatted);
  return formatUnexpectedError(original, formatted, scope);
}

const placeOf = (formatted: GraphQLFormattedError): Pick<GraphQLFormattedError, 'locations' | 'path'> => ({
  ...(formatted.locations ? { locations: formatted.locations } : {}),
  ...(formatted.path ? { path: formatted.path } : {}),
});

/** class-validator's refusals: BAD_USER_INPUT with every path and both languages, never the values. */
function formatValidationError(original: ArgumentValidationError, formatted: GraphQLFormattedError): GraphQLFormattedError {
  const validationErrors = flattenValidationErrors(original.extensions.validationErrors);
  const first = validationErrors[0];
  return {
    message: 'Invalid input: ' + validationErrors.map((v) => v.path).join(', '),
    ...placeOf(formatted),
    extensions: {
      code: 'BAD_USER_INPUT',
      messages: first
        ? {
            id: 'Masukan tidak valid: ' + validationErrors.map((v) => v.messages.id).join(' '),
            en: 'Invalid input: ' + validationErrors.map((v) => `${v.path}: ${v.messages.en}`).join(' '),
          }
        : defaultMessages('BAD_USER_INPUT'),
      ...(first ? { field: first.path.split('.') } : {}),
      validationErrors,
    },
  };
}

function formatCodedGraphqlError(code: string, formatted: GraphQLFormattedError): GraphQLFormattedError {
  const redacted = isGraphqlJsInputError(code) && !formatted.path ? redactGraphqlInputMessage(formatted.message) : undefined;
  const { stacktrace: _dropped, ...rest } = (formatted.extensions ?? {}) as Record<string, unknown>;
  // a boundary refusal keeps its code, reason and messages; its field, when the wrapper knows it better
  const boundary = boundaryReasonOf(rest);
  const boundaryField = Array.isArray(rest['field']) ? rest['field'] : redacted?.field;
  return {
    message: boundary ? boundaryMessages(boundary, (boundaryField as string[] | undefined) ?? []).en : (redacted?.message ?? formatted.message),
    ...placeOf(formatted),
    extensions: boundary
      ? {
          ...rest,
          code: 'BAD_USER_INPUT',
          messages: boundaryMessages(boundary, (boundaryField as string[] | undefined) ?? []),
          ...(boundaryField ? { field: boundaryField } : {}),
          reason: boundary,
        }
      : {
          ...rest,
          code,
          messages: defaultMessages(code),
          ...(redacted?.field ? { field: redacted.field } : {}),
          ...(redacted ? { reason: redacted.reason } : {}),
        },
  };
}

function formatUnexpectedError(original: unknown, formatted: GraphQLFormattedError, scope: RequestScope | undefined): GraphQLFormattedError {
  // Unexpected while the database is failing (a connection failed within the last
  // OUTAGE_FALLBACK_WINDOW_MS): the driver stack can surface an outage in shapes the classifier does not
  // know (a half-closed client, a transaction knex already gave up on). The caller gets the outage answer
  // (503, retry later) rather than a 500; the error is still logged in full, under its own message.
  const requestId = scope?.requestId;
  if (databaseTroubleWithin(OUTAGE_FALLBACK_WINDOW_MS)) {
    scope?.log.error({ err: original, path: formatted.path }, 'unexpected error during a database outage: answered SERVICE_UNAVAILABLE');
    return toFormatted(
      new GatewayError('SERVICE_UNAVAILABLE', defaultMessages('SERVICE_UNAVAILABLE'), { details: { reason: 'DATABASE_TROUBLE' } }),
      formatted,
    );
  }
  // Unexpected: log everything, answer nothing but the request id.
  scope?.log.error({ err: original, path: formatted.path }, 'unexpected error while resolving a request');
  return {
    message: defaultMessages('INTERNAL_SERVER_ERROR').en,
    ...placeOf(formatted),
    extensions: {
      code: 'INTERNAL_SERVER_ERROR',
      messages: defaultMessages('INTERNAL_SERVER_ERROR'),
      ...(requestId ? { requestId } : {}),
    },
  };
}
