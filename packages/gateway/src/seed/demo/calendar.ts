/** Day arithmetic for the demo timeline (plain UTC calendar days; instants are written in WIB, +07:00). */
import type { IsoDate } from '../../domain';

const DAY_MS = 86_400_000;

export function dayNumber(d: IsoDate): number {
  return Math.floor(Date.parse(`${d}T00:00:00Z`) / DAY_MS);
}

export function dateOfDay(n: number): IsoDate {
  return new Date(n * DAY_MS).toISOString().slice(0, 10) as IsoDate;
}

export function plusDays(d: IsoDate, days: number): IsoDate {
  return dateOfDay(dayNumber(d) + days);
}

/** An instant on `d` in WIB, e.g. `2026-03-16T09:00:00+07:00`; `minute` keeps several events of one day in order. */
export function wib(d: IsoDate, hour = 9, minute = 0): string {
  return `${d}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00+07:00`;
}
