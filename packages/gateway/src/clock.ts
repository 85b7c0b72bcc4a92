/**
 * The gateway's one source of "now" for program decisions: default dates (`asOf` omitted), the instant
 * a change is recorded (status histories, seat allocations, `createdAt`/`updatedAt`, audit rows) and the
 * seed's timestamps. It is injected (StartOptions.clock → HTTP app → GatewayContext.clock) so that a
 * test can pin the date and never depend on the calendar.
 *
 * Infrastructure timing (rate-limit buckets, request deadlines and statement timeouts, the embedded
 * PostgreSQL supervisor, API-key last-used throttling, JWT expiry) keeps the system or monotonic clock:
 * those measure elapsed time of the process, not the program's date.
 */
export interface Clock {
  /** The current instant (a fresh Date each call: callers may keep it). */
  now(): Date;
}

/** The machine's clock. */
export const systemClock: Clock = { now: () => new Date() };

/**
 * A clock that always answers the same instant, e.g. `fixedClock('2026-01-15T03:00:00Z')` (10:00 WIB).
 * A bare date (`'2026-01-15'`) means noon WIB (05:00 UTC) of that date, so it is that day in every zone
 * the program reports in.
 */
export function fixedClock(at: string | Date): Clock {
  const ms = typeof at === 'string' ? Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(at) ? `${at}T05:00:00Z` : at) : at.getTime();
  if (!Number.isFinite(ms)) throw new TypeError(`fixedClock: not a date: ${String(at)}`);
  return { now: () => new Date(ms) };
}

/** The instant a mutation is recorded, in the domain's canonical form (ISO 8601, UTC). */
export function timestampOf(clock: Clock): string {
  return clock.now().toISOString();
}
