/**
 * Calendar dates as ISO strings (`YYYY-MM-DD`), with pure arithmetic.
 * The domain never reads the clock: every "today" is an `asOf` passed in by the caller.
 */
import { invalid } from './domain-error';

/** An ISO calendar date, `YYYY-MM-DD`, validated by `parseIsoDate`. */
export type IsoDate = string & { readonly __isoDate?: never };

export interface DateParts {
  readonly year: number;
  readonly month: number; // 1..12
  readonly day: number; // 1..31
}

const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  return [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
}

export function isValidDateParts(p: DateParts): boolean {
  return (
    Number.isInteger(p.year) &&
    Number.isInteger(p.month) &&
    Number.isInteger(p.day) &&
    p.year >= 1 &&
    p.year <= 9999 &&
    p.month >= 1 &&
    p.month <= 12 &&
    p.day >= 1 &&
    p.day <= daysInMonth(p.year, p.month)
  );
}

/** True when `s` is a real calendar date in `YYYY-MM-DD` form. */
export function isIsoDate(s: unknown): s is IsoDate {
  if (typeof s !== 'string') return false;
  const m = ISO_RE.exec(s);
  if (!m) return false;
  return isValidDateParts({ year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) });
}

/** Validate and return an ISO date; throws `DATE.INVALID` otherwise. */
export function parseIsoDate(s: unknown, path: readonly string[] = ['date']): IsoDate {
  if (!isIsoDate(s)) {
    invalid(
      'DATE.INVALID',
      'Tanggal tidak valid; gunakan format TTTT-BB-HH (mis. 2026-01-31).',
      'Invalid date; use the YYYY-MM-DD format (e.g. 2026-01-31).',
      { path },
    );
  }
  return s;
}

export function toParts(d: IsoDate): DateParts {
  const m = ISO_RE.exec(d);
  if (!m) invalid('DATE.INVALID', 'Tanggal tidak valid.', 'Invalid date.');
  return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
}

export function fromParts(p: DateParts): IsoDate {
  if (!isValidDateParts(p)) invalid('DATE.INVALID', 'Tanggal tidak valid.', 'Invalid date.');
  return `${String(p.year).padStart(4, '0')}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`;
}

/** Negative when a < b, 0 when equal, positive when a > b (ISO strings sort lexically). */
export function compareDates(a: IsoDate, b: IsoDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Add whole months; the day is clamped to the end of the target month (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(d: IsoDate, months: number): IsoDate {
  if (!Number.isInteger(months)) invalid('DATE.INVALID_MONTHS', 'Jumlah bulan harus bilangan bulat.', 'Months must be a whole number.');
  const p = toParts(d);
  const total = p.year * 12 + (p.month - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  return fromParts({ year, month, day: Math.min(p.day, daysInMonth(year, month)) });
}

/** Add whole years; 29 Feb clamps to 28 Feb in a non-leap year (a duration, not a birthday: see `dateOfAge`). */
export function addYears(d: IsoDate, years: number): IsoDate {
  return addMonths(d, years * 12);
}

/**
 * The first date on which someone born on `birthDate` is `years` old, by the same convention as
 * `ageOn`: a 29 February birthday is reached on 1 March in a non-leap year (so `ageOn(b, dateOfAge(b, n))
 * === n` and the day before is still `n - 1`). Use it for "wait until you are 18", never `addYears`.
 */
export function dateOfAge(birthDate: IsoDate, years: number): IsoDate {
  if (!Number.isInteger(years)) invalid('DATE.INVALID_YEARS', 'Jumlah tahun harus bilangan bulat.', 'Years must be a whole number.');
  const b = toParts(birthDate);
  const year = b.year + years;
  if (b.month === 2 && b.day === 29 && daysInMonth(year, 2) === 28) return fromParts({ year, month: 3, day: 1 });
  return fromParts({ year, month: b.month, day: b.day });
}

/** Days since 0001-01-01 (proleptic Gregorian), for day differences without a clock. */
export function toDayNumber(d: IsoDate): number {
  const { year, month, day } = toParts(d);
  // Algorithm from "days from civil" (Howard Hinnant), shifted so that March is the first month.
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe;
}

export function daysBetween(from: IsoDate, to: IsoDate): number {
  return toDayNumber(to) - toDayNumber(from);
}

/** Age in whole years on `asOf` for someone born on `birthDate` (a 29 Feb birthday is reached on 1 Mar in non-leap years). */
export function ageOn(birthDate: IsoDate, asOf: IsoDate): number {
  const b = toParts(birthDate);
  const a = toParts(asOf);
  let age = a.year - b.year;
  if (a.month < b.month || (a.month === b.month && a.day < b.day)) age -= 1;
  return age;
}

/** Whole months from `from` to `to` (floor), e.g. 2024-01-15 → 2024-03-14 is 1. */
export function monthsBetween(from: IsoDate, to: IsoDate): number {
  const f = toParts(from);
  const t = toParts(to);
  let m = (t.year - f.year) * 12 + (t.month - f.month);
  if (t.day < f.day) m -= 1;
  return m;
}
