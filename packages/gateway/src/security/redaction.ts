/**
 * Redaction for the audit log: a before/after snapshot keeps its shape, but NIK, birth dates, health
 * and criminal data and passport / document numbers are replaced by a marker. When a redacted value
 * differs between before and after, the after side says so (`[REDACTED:CHANGED]`), so auditors still
 * see *that* it changed without seeing the value. No hashes: a NIK's structure (region, birth date,
 * sequence) makes any unsalted hash of it brute-forceable.
 */
import { personalKeyKind } from './masking';

export const REDACTED = '[REDACTED]';
export const REDACTED_CHANGED = '[REDACTED:CHANGED]';
const MAX_STRING = 2_000;
const MAX_DEPTH = 24;
/** A 16-digit run (a NIK) anywhere in a string, e.g. in a free-text note. */
const NIK_RUN = /(?<!\d)\d{16}(?!\d)/g;

function plain(value: unknown, depth: number, seen: WeakSet<object>): unknown {
  if (value === null || value === undefined) return value ?? null;
  if (typeof value === 'string') {
    const clipped = value.length > MAX_STRING ? `${value.slice(0, MAX_STRING)}…[truncated]` : value;
    return clipped.replace(NIK_RUN, REDACTED);
  }
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
  if (typeof value === 'boolean') return value;
  if (typeof value === 'bigint') return value.toString();
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  if (typeof value !== 'object') return undefined; // functions, symbols
  if (depth >= MAX_DEPTH) return '[TOO_DEEP]';
  if (seen.has(value)) return '[CIRCULAR]';
  seen.add(value);
  try {
    if (Array.isArray(value)) return value.map((v) => plain(v, depth + 1, seen) ?? null);
    const toJSON = (value as { toJSON?: () => unknown }).toJSON;
    if (typeof toJSON === 'function' && !(Object.getPrototypeOf(value) === Object.prototype)) {
      return plain(toJSON.call(value), depth + 1, seen);
    }
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
      if (personalKeyKind(key)) {
        if (v !== undefined) out[key] = REDACTED;
        continue;
      }
      const p = plain(v, depth + 1, seen);
      if (p !== undefined) out[key] = p;
    }
    return out;
  } finally {
    seen.delete(value);
  }
}

/** A JSON-safe, redacted copy of any value (Dates → ISO strings, functions dropped, cycles marked). */
export function redactForAudit(value: unknown): unknown {
  return plain(value, 0, new WeakSet());
}

function stable(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

/** Mark redacted leaves of `after` whose original value differs from `before` at the same path. */
function markChanges(before: unknown, after: unknown, redAfter: unknown, depth: number): unknown {
  if (depth > MAX_DEPTH || !redAfter || typeof redAfter !== 'object') return redAfter;
  if (Array.isArray(redAfter)) {
    const b = Array.isArray(before) ? before : [];
    const a = Array.isArray(after) ? after : [];
    return redAfter.map((item, i) => markChanges(b[i], a[i], item, depth + 1));
  }
  const b = before && typeof before === 'object' ? (before as Record<string, unknown>) : {};
  const a = after && typeof after === 'object' ? (after as Record<string, unknown>) : {};
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(redAfter as Record<string, unknown>)) {
    if (v === REDACTED && personalKeyKind(key)) {
      out[key] = stable(plainUnredacted(b[key])) === stable(plainUnredacted(a[key])) ? REDACTED : REDACTED_CHANGED;
    } else if (typeof v === 'string' && v.includes(REDACTED) && typeof a[key] === 'string') {
      out[key] = b[key] === a[key] ? v : v.split(REDACTED).join(REDACTED_CHANGED);
    } else {
      out[key] = markChanges(b[key], a[key], v, depth + 1);
    }
  }
  return out;
}

/** Dates as ISO strings for comparison only (never stored). */
function plainUnredacted(v: unknown): unknown {
  return v instanceof Date ? v.toISOString() : v;
}

/** Redact a before/after pair for one audit row; `after` marks redacted values that changed. */
export function redactChange(before: unknown, after: unknown): { before: unknown; after: unknown } {
  const redBefore = before === undefined ? null : redactForAudit(before);
  const redAfter = after === undefined ? null : redactForAudit(after);
  return { before: redBefore, after: before === undefined || before === null ? redAfter : markChanges(before, after, redAfter, 0) };
}
