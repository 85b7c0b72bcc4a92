/**
 * The protected view of `stageDurations` (issues 8 and 12): the per-stage figures at every month end
 * from the month of the first stage change up to the reference date, one SQL statement
 * (`generate_series` of month ends × the periods of the stage history, `GROUP BY` month end × stage),
 * so that the figures published for the reference date can be checked against those of the earlier
 * month ends with the domain's `protectSeries`, as `candidateCounts` does
 * (candidate-count-series.read-model.ts). The protected view publishes none of these counts (they
 * and `trends` would give a withheld month); they decide which averages it publishes: an average only
 * at month ends whose periods, running periods and ended periods each differ by 0 or at least
 * minCellCount from their values at every earlier month end.
 *
 * The month ends are WIB dates; at a month end a period counts when it started by the last
 * millisecond of that day (WIB), and runs when it had not ended by then, the same instants as the
 * exact view's `asOf` (aggregates.resolver.ts), so the figures of the reference date are the ones the
 * exact view gives for that date.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { protectSeries, type DisclosureRule, type IsoDate } from '../domain';
import { monthEndsBetween } from './candidate-count-series.read-model';

/** One stage at one month end. */
export interface StageDurationPoint {
  readonly monthEnd: IsoDate;
  readonly stage: string;
  /** Periods in the stage that started by the month end. */
  readonly periods: number;
  /** Candidates with such a period (the cell's contributors). */
  readonly people: number;
  /** Of the periods, those still running at the month end. */
  readonly ongoing: number;
  /** Average length in days up to the month end (decimal string, 2 places). */
  readonly averageDays: string;
}

/** The figures of every stage at every month end up to `referenceDate` (a month end), oldest first. */
export async function readStageDurationSeries(em: EntityManager, referenceDate: IsoDate): Promise<{ monthEnds: IsoDate[]; rows: StageDurationPoint[] }> {
  // the bound of a month end: its last millisecond in WIB (inclusive), as the exact view's `asOf`
  const until = `(((mo.m_end + 1)::timestamp at time zone 'Asia/Jakarta') - interval '1 millisecond')`;
  const rows = await em.getConnection().execute<Array<Record<string, unknown>>>(
    `with first as (select min(at) as at from candidate_stage_change),
     mo(m_end) as (
       select (gs + interval '1 month' - interval '1 day')::date
         from first, generate_series(date_trunc('month', first.at at time zone 'Asia/Jakarta'), date_trunc('month', ?::date::timestamp), interval '1 month') gs
        where first.at is not null
     ),
     changes as (
       select h.candidate_id, h.to_stage as stage, h.at as started,
              lead(h.at) over (partition by h.candidate_id order by h.sequence) as next_at
         from candidate_stage_change h
     ),
     periods as (
       select mo.m_end, b.until, ch.candidate_id, ch.stage, ch.started, case when ch.next_at <= b.until then ch.next_at end as ended
         from mo
         cross join lateral (select ${until} as until) b
         join changes ch on ch.started <= b.until
     )
     select to_char(m_end, 'YYYY-MM-DD') as m, stage, count(*) as periods, count(distinct candidate_id) as people,
            count(*) filter (where ended is null) as ongoing,
            round(avg(extract(epoch from (coalesce(ended, until) - started)) / 86400)::numeric, 2) as avg_days
       from periods
      where m_end <= ?::date
      group by m_end, stage
      order by m_end, stage`,
    [referenceDate, referenceDate],
  );
  const points = rows.map((r) => ({
    monthEnd: r.m as IsoDate,
    stage: r.stage as string,
    periods: Number(r.periods),
    people: Number(r.people),
    ongoing: Number(r.ongoing),
    averageDays: String(r.avg_days),
  }));
  // every month end from the first change's month has a period (periods only accumulate), so the first row's is the first month end
  const monthEnds = points.length ? monthEndsBetween(points[0]!.monthEnd, referenceDate) : [];
  return { monthEnds, rows: points };
}

/** The series checks of one stage at the last month end of its series. */
export interface StageSeriesCheck {
  /** `periods` (and the average with it) may be published: its value differs from every earlier published one by 0 or at least k. */
  readonly periods: boolean;
  /** `ongoing` may be published as far as the series go: the running and the ended periods each pass `protectSeries`. */
  readonly ongoing: boolean;
}

/**
 * Temporal suppression of one stage (its values at the month ends, oldest first, 0 where the stage had
 * no period): `periods` through `protectSeries`, and `ongoing` through it twice, for the running
 * periods and for the ended ones (periods − ongoing): with periods and ongoing published at two month
 * ends, their difference of ended periods is published too (10 entries and 3 exits pass the first two
 * checks and give away the 3). The primary checks (people, `protectPart`) are the caller's; a value
 * that passes the series check but not those is withheld all the same, which only makes later checks
 * stricter.
 */
export function checkStageSeries(values: ReadonlyArray<{ readonly periods: number; readonly ongoing: number }>, rule: DisclosureRule): StageSeriesCheck {
  const last = values.length - 1;
  if (last < 0) return { periods: false, ongoing: false };
  const periods = protectSeries(values.map((v) => v.periods), rule)[last]!;
  const running = protectSeries(values.map((v) => v.ongoing), rule)[last]!;
  const ended = protectSeries(values.map((v) => v.periods - v.ongoing), rule)[last]!;
  return { periods, ongoing: periods && running && ended };
}
