/**
 * The dashboard's period: the last whole calendar months (WIB) that are over, the only ranges the
 * protected view (an ANALYST key) accepts for trends and the funnel.
 */

/** Today in Western Indonesia Time (UTC+7), YYYY-MM-DD. */
export function todayWib(now: Date = new Date()): string {
  return new Date(now.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
}

export interface Period {
  /** First day, YYYY-MM-01. */
  readonly from: string;
  /** Last day (a month end), YYYY-MM-DD. */
  readonly to: string;
}

const iso = (y: number, m0: number, d: number): string => new Date(Date.UTC(y, m0, d)).toISOString().slice(0, 10);

/** The `months` whole calendar months before the month of `today` (`today` 2026-12-03, 12: 2025-12-01 to 2026-11-30). */
export function lastWholeMonths(today: string, months: number): Period {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today)) throw new Error(`not a date: ${today}`);
  if (!Number.isInteger(months) || months < 1) throw new Error(`months must be a whole number ≥ 1: ${months}`);
  const y = Number(today.slice(0, 4));
  const m0 = Number(today.slice(5, 7)) - 1;
  return { from: iso(y, m0 - months, 1), to: iso(y, m0, 0) };
}
