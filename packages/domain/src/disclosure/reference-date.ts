/**
 * Differencing across dates: in the protected view an aggregate is computed on a reference date
 * that moves only at calendar month ends, and ages are whole years reached in the reference date's
 * calendar year (birth-year based). Asking for every day of a year then gives answers that change
 * only at month ends (durations) or at the turn of the year (age bands), never on a birthday, so
 * no number of queries reveals a birth day or month.
 */
import { invalid } from '../shared/domain-error';
import { daysInMonth, fromParts, parseIsoDate, toDayNumber, toParts, type IsoDate } from '../shared/local-date';

/** The last calendar month end on or before `d` (`d` itself when it is one). */
export function monthEndOnOrBefore(d: IsoDate): IsoDate {
  const p = toParts(parseIsoDate(d, ['asOf']));
  if (p.day === daysInMonth(p.year, p.month)) return d;
  if (p.month === 1) return fromParts({ year: p.year - 1, month: 12, day: 31 });
  return fromParts({ year: p.year, month: p.month - 1, day: daysInMonth(p.year, p.month - 1) });
}

function dayBefore(d: IsoDate): IsoDate {
  const p = toParts(d);
  if (p.day > 1) return fromParts({ ...p, day: p.day - 1 });
  if (p.month > 1) return fromParts({ year: p.year, month: p.month - 1, day: daysInMonth(p.year, p.month - 1) });
  return fromParts({ year: p.year - 1, month: 12, day: 31 });
}

/**
 * The protected view's reference date for a request on `asOf`, made on `today` (WIB): the last
 * month end on or before `asOf` that has fully passed (before `today`), so a published figure is of
 * a month that is over and does not change while the month runs.
 */
export function protectedReferenceDate(asOf: IsoDate, today: IsoDate): IsoDate {
  const a = parseIsoDate(asOf, ['asOf']);
  const t = parseIsoDate(today, ['today']);
  if (toParts(t).year < 2) invalid('DATE.INVALID', 'Tanggal hari ini tidak valid.', 'Invalid current date.', { path: ['today'] });
  const yesterday = dayBefore(t);
  return monthEndOnOrBefore(toDayNumber(a) <= toDayNumber(yesterday) ? a : yesterday);
}

/**
 * The age someone born on `birthDate` reaches in the calendar year of `date` (year − birth year):
 * the same on every day of that year, so it cannot be used to find the birthday.
 */
export function ageInYearOf(birthDate: IsoDate, date: IsoDate): number {
  return toParts(parseIsoDate(date, ['asOf'])).year - toParts(parseIsoDate(birthDate, ['birthDate'])).year;
}
