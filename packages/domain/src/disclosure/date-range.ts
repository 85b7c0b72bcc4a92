/**
 * Differencing across date ranges: in the protected view a date-range filter (registered, entered a
 * stage, departed between two dates) may only select whole calendar months (WIB) that are over. Two
 * ranges a day apart, or a range that ends today, would differ by the people of one day: their
 * difference could be a group smaller than the minimum cell count. A range is refused rather than
 * snapped, so that an answer never silently covers other dates than the ones asked for.
 */
import { invalid } from '../shared/domain-error';
import { compareDates, daysInMonth, parseIsoDate, toParts, type IsoDate } from '../shared/local-date';

/** An inclusive range of local (WIB) dates. */
export interface DateRange {
  readonly from: IsoDate;
  readonly to: IsoDate;
}

/** True when `from` is the first day of a month, `to` the last day of one, and `to` is before `today` (the month is over). */
export function isWholePassedMonths(range: DateRange, today: IsoDate): boolean {
  const f = toParts(parseIsoDate(range.from, ['from']));
  const t = toParts(parseIsoDate(range.to, ['to']));
  const wholeMonths = f.day === 1 && t.day === daysInMonth(t.year, t.month);
  return wholeMonths && compareDates(range.from, range.to) <= 0 && compareDates(range.to, parseIsoDate(today, ['today'])) < 0;
}

/**
 * Refuse (`DISCLOSURE.RANGE_NOT_WHOLE_MONTHS`, at `path`) a range that is not whole calendar months
 * that have passed: `from` on the 1st, `to` on a month's last day, before `today` (WIB).
 */
export function assertWholePassedMonths(range: DateRange, today: IsoDate, path: readonly string[]): void {
  if (isWholePassedMonths(range, today)) return;
  invalid(
    'DISCLOSURE.RANGE_NOT_WHOLE_MONTHS',
    'Untuk analis dan mitra, rentang tanggal harus terdiri atas bulan kalender utuh (WIB) yang sudah lewat: "from" tanggal 1, "to" tanggal terakhir suatu bulan sebelum hari ini. Selisih dua rentang yang berbeda beberapa hari dapat membuka kelompok kecil.',
    'For analysts and partners a date range must be whole calendar months (WIB) that are over: "from" on the 1st, "to" on the last day of a month before today. Two ranges a few days apart could reveal a small group by their difference.',
    { path: [...path] },
  );
}
