/**
 * Instants for entity histories (when a transition was recorded). The domain never reads the clock:
 * the caller passes the instant in. Accepted input: ISO 8601 with a `Z` or `±HH:MM` offset
 * (`2025-12-08T10:00:00+07:00`, `2025-12-08T03:00:00.000Z`); stored and returned in one canonical
 * UTC form, `YYYY-MM-DDTHH:MM:SS.sssZ`, so that stored instants sort as text.
 *
 * Business dates (validity, signing, "is the MoU in force today?") are calendar dates in Kota Serang,
 * i.e. Western Indonesia Time (WIB, UTC+07:00, no daylight saving): `wibDateOf(instant)`.
 */
import { errorData, invalid, type DomainErrorData } from '../shared/domain-error';
import { fromParts, isValidDateParts, type IsoDate } from '../shared/local-date';

/** Canonical UTC instant `YYYY-MM-DDTHH:MM:SS.sssZ`. */
export type Timestamp = string & { readonly __timestamp?: never };

/** WIB (Asia/Jakarta) offset from UTC in minutes; Indonesia has no daylight saving time. */
export const WIB_OFFSET_MINUTES = 7 * 60;

const TS_RE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?(Z|[+-]\d{2}:\d{2})$/;
const CANONICAL_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const MIN_MS = Date.UTC(1900, 0, 1);
const MAX_MS = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

function toEpochMs(s: string): number | undefined {
  const m = TS_RE.exec(s);
  if (!m) return undefined;
  const [year, month, day, hour, minute] = [1, 2, 3, 4, 5].map((i) => Number(m[i]));
  const second = m[6] === undefined ? 0 : Number(m[6]);
  const ms = m[7] === undefined ? 0 : Number(m[7].padEnd(3, '0'));
  if (!isValidDateParts({ year: year!, month: month!, day: day! })) return undefined;
  if (hour! > 23 || minute! > 59 || second > 59) return undefined;
  let offset = 0;
  const z = m[8]!;
  if (z !== 'Z') {
    const oh = Number(z.slice(1, 3));
    const om = Number(z.slice(4, 6));
    if (oh > 14 || om > 59) return undefined;
    offset = (z[0] === '-' ? -1 : 1) * (oh * 60 + om);
  }
  const t = Date.UTC(year!, month! - 1, day!, hour!, minute!, second, ms) - offset * 60_000;
  return t >= MIN_MS && t <= MAX_MS ? t : undefined;
}

function canonical(ms: number): Timestamp {
  return new Date(ms).toISOString();
}

/** True when `v` is a timestamp in the canonical stored form. */
export function isTimestamp(v: unknown): v is Timestamp {
  return typeof v === 'string' && CANONICAL_RE.test(v) && toEpochMs(v) !== undefined;
}

/** Check and canonicalise an instant; the error (code `<area>.INVALID_TIMESTAMP`) carries the path. */
export function checkTimestamp(
  area: string,
  v: unknown,
  path: readonly string[],
): { readonly ok: true; readonly value: Timestamp } | { readonly ok: false; readonly error: DomainErrorData } {
  const ms = typeof v === 'string' ? toEpochMs(v) : undefined;
  if (ms === undefined) {
    return {
      ok: false,
      error: errorData(
        `${area}.INVALID_TIMESTAMP`,
        'Waktu tidak valid; gunakan ISO 8601 dengan zona waktu (mis. 2025-12-08T10:00:00+07:00).',
        'Invalid instant; use ISO 8601 with a time zone (e.g. 2025-12-08T10:00:00+07:00).',
        { path },
      ),
    };
  }
  return { ok: true, value: canonical(ms) };
}

/** Canonicalise an instant or throw `TIMESTAMP.INVALID`. */
export function parseTimestamp(v: unknown, path: readonly string[] = ['at']): Timestamp {
  const c = checkTimestamp('TIMESTAMP', v, path);
  if (!c.ok) return invalid('TIMESTAMP.INVALID', c.error.message.id, c.error.message.en, { path });
  return c.value;
}

/** Milliseconds since 1970-01-01T00:00:00Z (for durations; never the current time). */
export function timestampToEpochMs(t: Timestamp): number {
  const ms = toEpochMs(t);
  if (ms === undefined) return invalid('TIMESTAMP.INVALID', 'Waktu tidak valid.', 'Invalid instant.');
  return ms;
}

/** Negative when a is before b, 0 when equal, positive when after. */
export function compareTimestamps(a: Timestamp, b: Timestamp): number {
  return timestampToEpochMs(a) - timestampToEpochMs(b);
}

/** The calendar date in Kota Serang (WIB, UTC+07:00) at that instant. */
export function wibDateOf(t: Timestamp): IsoDate {
  const d = new Date(timestampToEpochMs(t) + WIB_OFFSET_MINUTES * 60_000);
  return fromParts({ year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() });
}

/** Start of a WIB calendar day as an instant (00:00 WIB = 17:00 UTC the day before). */
export function wibStartOfDay(d: IsoDate): Timestamp {
  return parseTimestamp(`${d}T00:00:00+07:00`, ['date']);
}
