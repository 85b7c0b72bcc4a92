/**
 * The protected view of `candidateCounts` (issue 12): the point-in-time table at every month end from
 * the first registration up to the reference date, one SQL statement (`GROUP BY` month end × stage ×
 * kecamatan × occupation × sex × age band), so that each cell's value at the reference date can be
 * checked against its values at the earlier month ends (the domain's `protectSeries`): two answers
 * for two month ends never differ, in any cell, by 1 to minCellCount − 1 people.
 *
 * The month ends are WIB dates; a candidate counts at a month end when registered before the end of
 * that day (WIB), in the stage of that instant (sql-filter.ts `registeredAtSql`, `stageOnSql`). Ages
 * are the protected view's: whole years reached in the month end's calendar year.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { daysInMonth, wibDateOf, type IsoDate } from '../domain';
import { emptySql, inList, registeredAtSql, stageOnSql, where } from './sql-filter';

export interface CountSeriesRow {
  readonly monthEnd: IsoDate;
  readonly stage: string;
  readonly kecamatan: string | null;
  readonly occupation: string | null;
  readonly sex: string | null;
  readonly ageBand: string;
  readonly n: number;
}

/** The month ends from the month of `first` up to `last` (a month end), oldest first. */
export function monthEndsBetween(first: IsoDate, last: IsoDate): IsoDate[] {
  const out: IsoDate[] = [];
  let [y, m] = first.split('-').map(Number) as [number, number];
  for (;;) {
    const end = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(daysInMonth(y, m)).padStart(2, '0')}` as IsoDate;
    if (end > last) return out;
    out.push(end);
    [y, m] = m === 12 ? [y + 1, 1] : [y, m + 1];
  }
}

/** The first registration (WIB date), or null when there is no candidate. */
async function firstRegistration(em: EntityManager): Promise<IsoDate | null> {
  const rows = await em.getConnection().execute<Array<{ first: Date | string | null }>>(`select min(${registeredAtSql('c')}) as first from candidate c`);
  const first = rows[0]?.first;
  return first ? wibDateOf(new Date(first).toISOString()) : null;
}

/**
 * The counts at every month end up to `referenceDate`, for the candidates of the given kecamatans and
 * occupations (dimensions of the table: selecting them never changes another cell). The stage is a
 * dimension too: the caller selects stages from the rows.
 */
export async function readCandidateCountSeries(
  em: EntityManager,
  referenceDate: IsoDate,
  filter: { readonly kecamatans?: readonly string[] | null; readonly occupations?: readonly string[] | null } | undefined,
  /** The age band of a SQL age expression (the resolver's, one definition for both views). */
  ageBandSql: (age: string) => string,
): Promise<{ monthEnds: IsoDate[]; rows: CountSeriesRow[] }> {
  const first = await firstRegistration(em);
  const monthEnds = first ? monthEndsBetween(first, referenceDate) : [];
  if (!monthEnds.length) return { monthEnds, rows: [] };
  const sql = emptySql();
  inList(sql, 'c.kecamatan', filter?.kecamatans);
  inList(sql, 'c.target_occupation', filter?.occupations);
  const bound = `((mo.m_end + 1)::timestamp at time zone 'Asia/Jakarta')`;
  const rows = await em.getConnection().execute<Array<Record<string, unknown>>>(
    `with mo(m_end) as (values ${monthEnds.map(() => '(?::date)').join(', ')}),
     x as (
       select to_char(mo.m_end, 'YYYY-MM-DD') as m, ${stageOnSql('c', bound)} as stage, c.kecamatan, c.target_occupation, c.sex,
              case when c.birth_date is null then null else date_part('year', mo.m_end) - date_part('year', c.birth_date) end as age
         from mo join candidate c on ${registeredAtSql('c')} < ${bound}
         ${where(sql)})
     select m, stage, kecamatan, target_occupation, sex, ${ageBandSql('age')} as age_band, count(*) as n
       from x
      group by 1, 2, 3, 4, 5, 6
      order by 1, 2, 3, 4, 5, 6`,
    [...monthEnds, ...sql.values],
  );
  return {
    monthEnds,
    rows: rows.map((r) => ({
      monthEnd: r.m as IsoDate,
      stage: r.stage as string,
      kecamatan: (r.kecamatan ?? null) as string | null,
      occupation: (r.target_occupation ?? null) as string | null,
      sex: (r.sex ?? null) as string | null,
      ageBand: r.age_band as string,
      n: Number(r.n),
    })),
  };
}
