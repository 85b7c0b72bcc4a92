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
  const until = `(((z.m_end + 1)::timestamp at time zone 'Asia/Jakarta') - interval '1 millisecond')`;
  const rows = await em.getConnection().execute<Array<Record<string, unknown>>>(
    `with first as (select min(at) as at from candidate_stage_change),
     mo(m_end, until) as (
       -- each month end's bound once, not once per period and month end (a third of the time)
       select z.m_end, ${until}
         from (select (gs + interval '1 month' - interval '1 day')::date as m_end
                 from first, generate_series(date_trunc('month', first.at at time zone 'Asia/Jakarta'), date_trunc('month', ?::date::timestamp), interval '1 month') gs
                where first.at is not null) z
     ),
     changes as (
       select h.candidate_id, h.to_stage as stage, h.at as started,
              lead(h.at) over (partition by h.candidate_id order by h.sequence) as next_at
         from candidate_stage_change h
     ),
     periods as (
       select mo.m_end, mo.until, ch.candidate_id, ch.stage, ch.started, case when ch.next_at <= mo.until then ch.next_at end as ended
         from mo
         join changes ch on ch.started <= mo.until
     ),
     -- people: the candidates with a period in the stage started by the month end, i.e. whose first
     -- start in it is by then (the count(distinct) over every period × month end was half the time)
     firsts as (
       select candidate_id, stage, min(started) as first_started from changes group by candidate_id, stage
     ),
     people as (
       select mo.m_end, f.stage, count(*) as people from mo join firsts f on f.first_started <= mo.until group by mo.m_end, f.stage
     ),
     figures as (
       select m_end, stage, count(*) as periods,
              count(*) filter (where ended is null) as ongoing,
              round(avg(extract(epoch from (coalesce(ended, until) - started)) / 86400)::numeric, 2) as avg_days
         from periods
        where m_end <= ?::date
        group by m_end, stage
     )
     select to_char(fg.m_end, 'YYYY-MM-DD') as m, fg.stage, fg.periods, pe.people, fg.ongoing, fg.avg_days
       from figures fg
       join people pe on pe.m_end = fg.m_end and pe.stage = fg.stage
      order by fg.m_end, fg.stage`,
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
