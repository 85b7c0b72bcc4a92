/**
 * The protected view of `candidateCounts` (issue 12): the point-in-time table at every month end from
 * the first registration up to the reference date, one SQL statement (`GROUP BY` month end × stage ×
 * kecamatan × occupation × sex × age band), so that each cell's value at the reference date can be
 * checked against its values at the earlier month ends (the domain's `protectSeries`): two answers
 * for two month ends never differ, in any cell, by 1 to minCellCount − 1 people.
 *
 * The month ends are WIB dates; a candidate counts at a month end when registered before the end of
 * that day (WIB), in the stage of that instant (sql-filter.ts `registeredAtSql`, `stageOnSql`), with
 * the kecamatan, target occupation, sex and birth date the gateway knew then (`profileAtJoin`, from
 * `candidate_attribute_history`): a closed month end's cells never move when a profile changes later.
 * Ages are the protected view's: whole years reached in the month end's calendar year.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { daysInMonth, wibDateOf, type IsoDate } from '../domain';
import { emptySql, inList, profileAtJoin, where } from './sql-filter';

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

/**
 * `stage_period`: every stage change as the period (v_from, v_to] of instants t at which it is the
 * candidate's stage by `stageOnSql` (the last change by sequence with `at` < t): from its `at` to the
 * earliest `at` of the later changes (infinity: none), so that a backdated change gives the same
 * answer; empty when a later change is earlier. One window pass over the table, joined by range,
 * instead of correlated sub-queries per candidate and instant.
 */
export const STAGE_PERIODS_CTE = `stage_period as (
       select f_sp.candidate_id, f_sp.to_stage, f_sp.at as v_from,
              coalesce(min(f_sp.at) over (partition by f_sp.candidate_id order by f_sp.sequence rows between 1 following and unbounded following), 'infinity'::timestamptz) as v_to
         from candidate_stage_change f_sp
     )`;

/** The first registration (WIB date), or null when there is no candidate. */
async function firstRegistration(em: EntityManager): Promise<IsoDate | null> {
  // min over candidates of `registeredAtSql` (the stored registration instant, indexed)
  const rows = await em.getConnection().execute<Array<{ first: Date | string | null }>>(`select min(c.registered_at) as first from candidate c`);
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
  const bound = `((mo.m_end + 1)::timestamp at time zone 'Asia/Jakarta')`;
  // the profile as known at each month end: a later change of one person's kecamatan, occupation,
  // sex or birth date never moves a month end's cells
  // (bound once per month end, in `mb`: the time-zone conversion per candidate × month end was a third of the time)
  const at = profileAtJoin('c', 'mo.b', 'ca');
  const sql = emptySql();
  inList(sql, at.column('kecamatan'), filter?.kecamatans);
  inList(sql, at.column('target_occupation'), filter?.occupations);
  const rows = await em.getConnection().execute<Array<Record<string, unknown>>>(
    `with mo(m_end) as (values ${monthEnds.map(() => '(?::date)').join(', ')}),
     mb as (select mo.m_end, ${bound} as b from mo),
     ${STAGE_PERIODS_CTE},
     st as (
       -- who was registered at each month end, in the stage of that instant (registeredAtSql < b, stageOnSql at b):
       -- the one period of the candidate's history in force at b, or a record without history created before b
       select mb.m_end, mb.b, sp.candidate_id, sp.to_stage as stage from mb join stage_period sp on sp.v_from < mb.b and mb.b <= sp.v_to
       union all
       select mb.m_end, mb.b, c.id, c.stage from mb join candidate c on c.created_at < mb.b
        where not exists (select 1 from candidate_stage_change f_sx where f_sx.candidate_id = c.id)
     ),
     x as (
       select to_char(mo.m_end, 'YYYY-MM-DD') as m, mo.stage, ${at.column('kecamatan')} as kecamatan,
              ${at.column('target_occupation')} as target_occupation, ${at.column('sex')} as sex,
              date_part('year', mo.m_end) - date_part('year', ${at.column('birth_date')}) as age
         from st mo join candidate c on c.id = mo.candidate_id
         ${at.join}
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
