/**
 * Redaction of everything the gateway logs (issue 8 §2). It runs inside the logger
 * (config/logger.ts), so no call site, present or future, can write personal data to the logs.
 *
 * What a log line never holds:
 * - SQL parameters, and SQL text with values in it: MikroORM/knex put the statement *with its bound
 *   values* in a failed query's message (`insert into … values ('3673…', …) - <pg message>`);
 * - row values quoted by PostgreSQL: `detail` (`Key (nik)=(…)`, `Failing row contains (…)`), `where`
 *   (`JSON data, line 1: …`), `hint`, `internalQuery`, and the same texts in PostgreSQL's own server log
 *   (`DETAIL:`, `CONTEXT:`, `STATEMENT:` lines of the embedded server);
 * - values under keys that name SQL or input (`sql`, `query`, `params`, `parameters`, `bindings`,
 *   `variables`, `values`, `input`, `profile`, `body`, `row(s)`) or personal data (`nik`, `birthDate`,
 *   `medical…`, `criminal…`, `passport…`, `bpjsNumber`, … — security/masking.ts `personalKeyKind`).
 *
 * What an error keeps: its class (`type`), `name`, `code`/SQLSTATE with the condition name, `constraint`,
 * `table`, `column`, `schema`, `dataType`, `routine`, the GraphQL `path` and `extensions.code`, and the
 * stack *frames* (file:line, never the message line of the original stack). Its message is rebuilt: for
 * a database error, PostgreSQL's primary message without the SQL, quoted values removed (identifiers
 * kept only where PostgreSQL quotes identifiers); for other errors, the message with quoted segments
 * removed unless they are plain property names.
 *
 * Defence in depth on every string, and again on every JSON string of the finished line: runs of 7 or
 * more digits (NIK: 16, BPJS: 11–13, passport: a letter and 7) and calendar dates (birth dates;
 * timestamps with a time of day other than midnight are kept) are replaced by markers.
 */
import { personalKeyKind } from './masking';

export const LOG_REDACTED = '[redacted]';
const NUMBER_MARK = '[redacted:number]';
const DATE_MARK = '[redacted:date]';
const MAX_STRING = 4_000;
const MAX_DEPTH = 10;
const MAX_FRAMES = 40;

/** Keys whose values are SQL, bound values, PostgreSQL's quotation of a row, or raw input: never logged. */
const VALUE_KEYS = new Set([
  'sql', 'query', 'querytext', 'params', 'parameters', 'bindings', 'variables', 'values', 'detail', 'where', 'hint',
  'internalquery', 'row', 'rows', 'sqlmessage', 'errmsg', 'input', 'profile', 'body', 'args', 'arguments',
]);

const normKey = (key: string): string => key.toLowerCase().replace(/[^a-z0-9]/g, '');

/** A key whose value must not be logged. */
export function isRedactedLogKey(key: string): boolean {
  return VALUE_KEYS.has(normKey(key)) || personalKeyKind(key) !== undefined;
}

// ------------------------------------------------------------------------------------------ text

const UUID = /[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}/g;
/** 7+ digits, optionally after one letter (passport numbers), not glued to a word (e.g. Migration2025…). */
const DIGIT_RUN = /(?<![A-Za-z0-9])[A-Za-z]?\d{7,}|\d{16,}/g;
/** A calendar date, optionally with a time of day. */
const DATE = /(?<!\d)(\d{4})-(\d{2})-(\d{2})(?:([T ])(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?)?(?!\d)/g;

function scrubDigitsAndDates(part: string): string {
  return part
    .replace(DATE, (whole, _y, _m, _d, sep: string | undefined, hh?: string, mm?: string, ss?: string, frac?: string) => {
      if (sep === undefined) return DATE_MARK;
      const midnight = hh === '00' && mm === '00' && (ss === undefined || ss === '00') && (frac === undefined || /^0+$/.test(frac));
      return midnight ? DATE_MARK : whole;
    })
    .replace(DIGIT_RUN, NUMBER_MARK);
}

/** Digit runs and dates, leaving UUIDs (request ids, record ids) intact. */
function scrubTokens(text: string): string {
  let out = '';
  let last = 0;
  for (const m of text.matchAll(UUID)) {
    out += scrubDigitsAndDates(text.slice(last, m.index)) + m[0];
    last = (m.index ?? 0) + m[0].length;
  }
  return out + scrubDigitsAndDates(text.slice(last));
}

const SQL_DML = /\b(insert\s+into|update\s+\S+\s+set|delete\s+from|select\b[\s\S]*\bfrom|values\s*\()/i;
const SQL_STRING_LITERAL = /\b[Ee]?'(?:[^']|'')*'/g;
const SQL_DOLLAR_LITERAL = /\$([A-Za-z_]*)\$[\s\S]*?\$\1\$/g;

/** Statement text without its literal values (`'…'` → `'?'`); DDL (migrations) is kept as it is. */
export function redactSql(sql: string): string {
  if (/^\s*(create|alter|drop|comment|grant|revoke)\b/i.test(sql)) return sql;
  return scrubTokens(sql.replace(SQL_DOLLAR_LITERAL, "'?'").replace(SQL_STRING_LITERAL, "'?'"));
}

/**
 * Any logged text: PostgreSQL's value-quoting parts (`DETAIL:` lines, `Key (…)=(…)`, `Failing row
 * contains (…)`, `JSON data, line N: …`), literals in SQL, digit runs and dates.
 */
export function scrubLogText(input: string): string {
  let s = input.length > MAX_STRING ? `${input.slice(0, MAX_STRING)}…[truncated]` : input;
  s = s
    .replace(/\b(DETAIL|CONTEXT|HINT|STATEMENT|QUERY|WHERE|LOCATION|PARAMETERS)(:\s*).*$/gim, `$1$2${LOG_REDACTED}`)
    .replace(/ - (detail|hint|where): .*$/gim, ` - $1: ${LOG_REDACTED}`)
    .replace(/(Key \([^()]*\))=\(.*$/gm, `$1=(${LOG_REDACTED})`)
    .replace(/(Failing row contains )\(.*$/gim, `$1(${LOG_REDACTED})`)
    .replace(/(JSON data, line \d+: ).*$/gim, `$1${LOG_REDACTED}`)
    .replace(/(parameters: )\$\d+ = .*$/gim, `$1${LOG_REDACTED}`);
  if (SQL_DML.test(s)) s = s.replace(SQL_DOLLAR_LITERAL, "'?'").replace(SQL_STRING_LITERAL, "'?'");
  return scrubTokens(s);
}

const FOUR_DIGITS = /\d{4}/;

/** The finished JSON line: digit runs and dates inside its string values (numbers stay JSON). */
export function scrubLogLine(line: string): string {
  // a string without 4 digits in a row holds no date and no digit run: scrubTokens would return it as it is
  return line.replace(/"(?:[^"\\]|\\.)*"/g, (str) => (FOUR_DIGITS.test(str) ? scrubTokens(str) : str));
}

// ------------------------------------------------------------------------------------------ errors

/** PostgreSQL condition names (Appendix A) for the codes the gateway meets, and for each class. */
const SQLSTATE_NAMES: Readonly<Record<string, string>> = {
  '23505': 'unique_violation',
  '23503': 'foreign_key_violation',
  '23502': 'not_null_violation',
  '23514': 'check_violation',
  '23P01': 'exclusion_violation',
  '22001': 'string_data_right_truncation',
  '22003': 'numeric_value_out_of_range',
  '22007': 'invalid_datetime_format',
  '22008': 'datetime_field_overflow',
  '22021': 'character_not_in_repertoire',
  '22P02': 'invalid_text_representation',
  '22P05': 'untranslatable_character',
  '22023': 'invalid_parameter_value',
  '25P02': 'in_failed_sql_transaction',
  '40001': 'serialization_failure',
  '40P01': 'deadlock_detected',
  '42P01': 'undefined_table',
  '42703': 'undefined_column',
  '42601': 'syntax_error',
  '53300': 'too_many_connections',
  '57014': 'query_canceled',
  '57P01': 'admin_shutdown',
  '57P03': 'cannot_connect_now',
  P0001: 'raise_exception',
};
const SQLSTATE_CLASSES: Readonly<Record<string, string>> = {
  '08': 'connection_exception',
  '22': 'data_exception',
  '23': 'integrity_constraint_violation',
  '25': 'invalid_transaction_state',
  '28': 'invalid_authorization_specification',
  '40': 'transaction_rollback',
  '42': 'syntax_error_or_access_rule_violation',
  '53': 'insufficient_resources',
  '54': 'program_limit_exceeded',
  '55': 'object_not_in_prerequisite_state',
  '57': 'operator_intervention',
  '58': 'system_error',
  P0: 'plpgsql_error',
  XX: 'internal_error',
};
/**
 * Classes whose primary messages quote identifiers from the statement (`relation "x" does not exist`).
 * In other classes only the names the error itself carries (constraint, table, column …) stay quoted:
 * a trigger's RAISE can put anything in a message of any class.
 */
const IDENTIFIER_QUOTING_CLASSES = new Set(['42']);

const SQLSTATE = /^[0-9A-Z]{5}$/;
/** Fields of a database error that name schema objects, never values. */
const SCHEMA_FIELDS = ['constraint', 'table', 'column', 'schema', 'dataType', 'routine', 'severity'] as const;
/** Other primitive fields of any error that are safe to keep. */
const SAFE_FIELDS = ['errno', 'syscall', 'status', 'statusCode', 'expose', 'reason', 'port'] as const;

export interface RedactedError {
  type: string;
  name?: string;
  message: string;
  code?: string | number;
  condition?: string;
  stack?: string;
  path?: ReadonlyArray<string | number>;
  extensions?: { code?: string; reason?: string };
  cause?: RedactedError | string;
  errors?: Array<RedactedError | string>;
  [field: string]: unknown;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null;
}

function sqlStateOf(e: Record<string, unknown>): string | undefined {
  for (const k of ['sqlState', 'code']) {
    const v = e[k];
    if (typeof v === 'string' && SQLSTATE.test(v) && (k === 'sqlState' || 'severity' in e || 'routine' in e || /Exception$/.test(String(e['name'])))) {
      return v;
    }
  }
  return undefined;
}

/** The text after the SQL statement knex puts in front (`<statement with values> - <message>`). */
function withoutStatement(message: string): string {
  const firstLine = message.split('\n')[0] ?? '';
  const at = firstLine.lastIndexOf(' - ');
  if (at >= 0 && SQL_DML.test(firstLine.slice(0, at))) return firstLine.slice(at + 3);
  if (SQL_DML.test(firstLine)) return '[statement redacted]';
  return firstLine;
}

function redactQuoted(text: string, keep: (quoted: string) => boolean): string {
  return text.replace(/"([^"]*)"|'([^']*)'|`([^`]*)`/g, (whole, d?: string, s?: string, b?: string) => {
    const inner = d ?? s ?? b ?? '';
    return keep(inner) ? whole : whole[0] + LOG_REDACTED + whole[0];
  });
}

function safeMessage(e: Record<string, unknown>, sqlState: string | undefined): string {
  const raw = typeof e['message'] === 'string' ? e['message'] : '';
  if (sqlState !== undefined) {
    const cls = sqlState.slice(0, 2);
    if (cls === 'P0' || cls === 'XX') return `database error ${sqlState} (message withheld: it may quote values)`;
    const names = new Set(SCHEMA_FIELDS.map((f) => e[f]).filter((v): v is string => typeof v === 'string'));
    const primary = withoutStatement(raw);
    const kept = redactQuoted(primary, (q) => names.has(q) || (IDENTIFIER_QUOTING_CLASSES.has(cls) && /^[a-z_][a-z0-9_$]{0,62}$/.test(q)));
    return scrubLogText(kept);
  }
  // not from PostgreSQL: keep quoted property names (`reading 'foo'`), drop other quoted text
  return scrubLogText(redactQuoted(withoutStatement(raw), (q) => /^[$_a-z][A-Za-z_$]{0,39}$/.test(q)));
}

function framesOf(stack: unknown): string[] {
  if (typeof stack !== 'string') return [];
  return stack
    .split('\n')
    .filter((l) => /^\s+at /.test(l))
    .slice(0, MAX_FRAMES)
    .map((l) => scrubTokens(l));
}

/** An error as it may be logged (see the file comment). Never throws. */
export function redactError(value: unknown, depth = 0): RedactedError | string {
  if (!isRecord(value)) return typeof value === 'string' ? scrubLogText(value) : String(value);
  const e = value;
  const ctor = (e as { constructor?: { name?: unknown } }).constructor?.name;
  const type = typeof e['type'] === 'string' && !(value instanceof Error) ? (e['type'] as string) : typeof ctor === 'string' && ctor !== 'Object' ? ctor : 'Error';
  const name = typeof e['name'] === 'string' ? e['name'] : undefined;
  const sqlState = sqlStateOf(e);
  const message = safeMessage(e, sqlState);
  const out: RedactedError = { type, message };
  if (name !== undefined && name !== type) out.name = name;
  if (sqlState !== undefined) {
    out.code = sqlState;
    out.condition = SQLSTATE_NAMES[sqlState] ?? SQLSTATE_CLASSES[sqlState.slice(0, 2)] ?? 'unknown';
    for (const f of SCHEMA_FIELDS) if (typeof e[f] === 'string') out[f] = scrubTokens(e[f] as string);
  } else if (typeof e['code'] === 'string' || typeof e['code'] === 'number') {
    out.code = typeof e['code'] === 'string' ? scrubTokens(e['code'].slice(0, 60)) : e['code'];
  }
  for (const f of SAFE_FIELDS) {
    const v = e[f];
    if (typeof v === 'number' || typeof v === 'boolean') out[f] = v;
    else if (typeof v === 'string') out[f] = scrubTokens(v.slice(0, 100));
  }
  const path = e['path'];
  if (Array.isArray(path) && path.every((p) => typeof p === 'string' || typeof p === 'number')) out.path = path as Array<string | number>;
  const ext = e['extensions'];
  if (isRecord(ext)) {
    const extensions: { code?: string; reason?: string } = {};
    if (typeof ext['code'] === 'string') extensions.code = ext['code'];
    if (typeof ext['reason'] === 'string') extensions.reason = ext['reason'];
    if (Object.keys(extensions).length) out.extensions = extensions;
  }
  const frames = framesOf(e['stack']);
  if (frames.length) out.stack = [`${name ?? type}: ${message}`, ...frames].join('\n');
  if (depth < 3) {
    if (e['cause'] !== undefined) out.cause = redactError(e['cause'], depth + 1);
    const original = e['originalError'];
    if (isRecord(original) && original !== value && out.cause === undefined) out.cause = redactError(original, depth + 1);
    const errors = e['errors'];
    if (Array.isArray(errors)) out.errors = errors.slice(0, 5).map((x) => redactError(x, depth + 1));
  }
  return out;
}

// ------------------------------------------------------------------------------------------ objects

function looksLikeError(v: Record<string, unknown>): boolean {
  return v instanceof Error || (typeof v['message'] === 'string' && typeof v['stack'] === 'string');
}

function sanitize(value: unknown, depth: number, seen: WeakSet<object>): unknown {
  if (typeof value === 'string') return scrubLogText(value);
  if (value === null || typeof value !== 'object') return typeof value === 'bigint' ? value.toString() : value;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : scrubTokens(value.toISOString());
  if (Buffer.isBuffer(value) || ArrayBuffer.isView(value)) return '[binary]';
  if (seen.has(value)) return '[circular]';
  if (depth >= MAX_DEPTH) return '[too deep]';
  const rec = value as Record<string, unknown>;
  if (looksLikeError(rec)) return redactError(rec);
  seen.add(value);
  try {
    if (Array.isArray(value)) return value.slice(0, 100).map((v) => sanitize(v, depth + 1, seen));
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(rec)) {
      if (v === undefined || typeof v === 'function') continue;
      out[key] = isRedactedLogKey(key) ? LOG_REDACTED : sanitize(v, depth + 1, seen);
    }
    return out;
  } finally {
    seen.delete(value);
  }
}

/** The merging object of a log call, redacted (pino `formatters.log`). */
export function redactLogObject(obj: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const seen = new WeakSet<object>();
  for (const [key, v] of Object.entries(obj)) {
    if (v === undefined) continue;
    if ((key === 'err' || key === 'error') && isRecord(v)) out[key] = redactError(v);
    else out[key] = isRedactedLogKey(key) ? LOG_REDACTED : sanitize(v, 1, seen);
  }
  return out;
}

/** The message pino would take from an error when the call gives none (`log.error({ err })`). */
export function logMessageOf(err: unknown): string {
  const r = redactError(err);
  return typeof r === 'string' ? r : r.message;
}
