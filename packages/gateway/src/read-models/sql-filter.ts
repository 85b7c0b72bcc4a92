/**
 * WHERE clauses for the raw-SQL aggregates (`?` placeholders and their values, MikroORM/knex raw
 * bindings; never string-built values). One definition of how a `CandidateFilter` becomes SQL over
 * `candidate` (alias `c` by default), shared by every aggregate over candidates — and, for the date
 * ranges, by the MikroORM list filter too (`candidateWhere` embeds `candidateRangeSql`).
 *
 * Dates are WIB (Asia/Jakarta, +07:00): the day `d` is the instants from `d`T00:00+07:00 (inclusive)
 * to the next day's 00:00+07:00 (exclusive). The date-range filters and the point-in-time option need
 * no join from the caller: they are `exists (…)` / scalar sub-queries correlated on `${alias}.id`, with
 * inner aliases prefixed `f_` so they never shadow the caller's.
 *
 * Point in time (`{ asOf }`): the candidate set as the histories knew it at the end of `asOf` (WIB):
 * only candidates registered by then, `stages` meaning the stage on that date (the last
 * `candidate_stage_change` with `at` before the end of the day), and every range cut at that instant
 * (a stage entered or a departure after `asOf` was not known on `asOf`). Profile dimensions
 * (kecamatan, occupation, route, stored verdict) are the current values here; the protected view
 * reads closed periods with the values of that time (`profileAtJoin`, option `profile`).
 */
import { isIsoDate, type IsoDate } from '../domain';
import type { CandidateFilter } from '../graphql/inputs/candidate-filter.input';
import { GatewayError } from '../graphql/errors';
import { isoDateOf } from '../graphql/scalars';

/** A WHERE clause with `?` placeholders and its values. */
export interface Sql {
  readonly clauses: string[];
  readonly values: unknown[];
}

export function emptySql(): Sql {
  return { clauses: [], values: [] };
}

export function inList(sql: Sql, column: string, values: readonly string[] | undefined | null): void {
  if (!values?.length) return;
  sql.clauses.push(`${column} in (${values.map(() => '?').join(', ')})`);
  sql.values.push(...values);
}

export function equals(sql: Sql, column: string, value: string | undefined | null): void {
  if (value === undefined || value === null) return;
  sql.clauses.push(`${column} = ?`);
  sql.values.push(value.toLowerCase());
}

/** `where a and b …`, or nothing. */
export function where(sql: Sql): string {
  return sql.clauses.length ? `where ${sql.clauses.join(' and ')}` : '';
}

/** `and a and b …`, or nothing (for a query that already has a WHERE). */
export function andWhere(sql: Sql): string {
  return sql.clauses.length ? `and ${sql.clauses.join(' and ')}` : '';
}

// ---------------------------------------------------------------- WIB days

/** The day after `d` (null after 9999-12-31). */
export function nextDay(d: IsoDate): IsoDate | null {
  const [y, m, day] = d.split('-').map(Number) as [number, number, number];
  const t = new Date(0);
  t.setUTCFullYear(y, m - 1, day + 1);
  const year = t.getUTCFullYear();
  if (year > 9999) return null;
  return `${String(year).padStart(4, '0')}-${String(t.getUTCMonth() + 1).padStart(2, '0')}-${String(t.getUTCDate()).padStart(2, '0')}` as IsoDate;
}

/** The first instant of the WIB day `d` (ISO 8601 with offset, for `?::timestamptz`). */
export function wibDayStart(d: IsoDate): string {
  return `${d}T00:00:00+07:00`;
}

/** The end of the WIB day `d`, exclusive: the first instant of the next day (`at < wibDayEnd(d)`); `infinity` after 9999-12-31. */
export function wibDayEnd(d: IsoDate): string {
  const next = nextDay(d);
  return next === null ? 'infinity' : wibDayStart(next);
}

// ---------------------------------------------------------------- history expressions

/**
 * The registration instant of candidate `alias`: its first stage change, or `created_at` when it has
 * no history. Stored as `candidate.registered_at`, which database triggers derive from exactly that
 * (migration 20261203180000; before it, this was a sub-query per candidate:
 * `coalesce((select min(at) from candidate_stage_change …), created_at)`).
 */
export function registeredAtSql(alias: string): string {
  return `${alias}.registered_at`;
}

/**
 * The stage of candidate `alias` at an instant (one `?`, an exclusive bound such as `wibDayEnd(asOf)`):
 * the last stage change before it; the current stage for a record without history. Null when the
 * candidate had no stage change yet (not registered then). `bound` replaces the `?` with a SQL
 * expression (e.g. a column of month ends).
 */
export function stageOnSql(alias: string, bound = '?::timestamptz'): string {
  return `(case when exists (select 1 from candidate_stage_change f_sx where f_sx.candidate_id = ${alias}.id)
     then (select f_so.to_stage from candidate_stage_change f_so where f_so.candidate_id = ${alias}.id and f_so.at < ${bound} order by f_so.sequence desc limit 1)
     else ${alias}.stage end)`;
}

// ---------------------------------------------------------------- profile dimensions at an instant

/** The profile dimensions kept with their history in `candidate_attribute_history` (migration 20261203150000). */
export const PROFILE_DIMENSIONS = ['sex', 'birth_date', 'kecamatan', 'education', 'target_occupation', 'target_route'] as const;
export type ProfileDimension = (typeof PROFILE_DIMENSIONS)[number];

/** The profile dimensions of one candidate alias as they stood at an instant (`profileAtJoin`). */
export interface ProfileAt {
  /** The joins (`cross join lateral (select <bound>) <as>_t left join (…) <as> on …`): put them after the FROM item that holds the candidate alias. */
  readonly join: string;
  /** The SQL expression of a dimension at the instant. */
  column(d: ProfileDimension): string;
}

/**
 * The profile dimensions of candidate `alias` as the gateway knew them at `bound` (an exclusive
 * instant: a SQL expression, e.g. `((mo.m_end + 1)::timestamp at time zone 'Asia/Jakarta')`, or one
 * `?` whose value the caller binds once, where the join stands): the values of the candidate's latest
 * `candidate_attribute_history` row with `valid_from` before it. The first row counts from the
 * beginning (the values the person registered with, whatever their registration was backdated to);
 * a candidate without any row (none: triggers write them) falls back to the current columns.
 *
 * The protected view reads a closed period with these, so that a later change of one person's
 * kecamatan, sex, birth date or target occupation / route never moves a figure published for it.
 */
export function profileAtJoin(alias: string, bound: string, as = `${alias}_at`): ProfileAt {
  // each row's interval (v_from, v_to]: from its valid_from (the first row: from the beginning) to the
  // next row's; the row in force at an exclusive bound t is the one with v_from < t <= v_to. One
  // window over the table and a hash join, rather than a sorted look-up per candidate and instant.
  const dims = PROFILE_DIMENSIONS.map((d) => `f_ah.${d}`).join(', ');
  const join = `cross join lateral (select ${bound} as t) ${as}_t
       left join (
         select f_ah.candidate_id, ${dims},
                case when row_number() over f_w = 1 then '-infinity'::timestamptz else f_ah.valid_from end as v_from,
                coalesce(lead(f_ah.valid_from) over f_w, 'infinity'::timestamptz) as v_to
           from candidate_attribute_history f_ah
         window f_w as (partition by f_ah.candidate_id order by f_ah.valid_from, f_ah.id)) ${as}
         on ${as}.candidate_id = ${alias}.id and ${as}.v_from < ${as}_t.t and ${as}_t.t <= ${as}.v_to`;
  return { join, column: (d) => `(case when ${as}.candidate_id is not null then ${as}.${d} else ${alias}.${d} end)` };
}

// ---------------------------------------------------------------- date ranges

type DateInput = Date | string;
interface RangeInput {
  readonly from: DateInput;
  readonly to: DateInput;
}

function invalidDate(path: readonly string[]): GatewayError {
  return new GatewayError(
    'BAD_USER_INPUT',
    { id: `Tanggal pada isian ${path.join('.')} tidak valid (YYYY-MM-DD).`, en: `The date in the field ${path.join('.')} is not valid (YYYY-MM-DD).` },
    { field: [...path], domainCode: 'DATE.INVALID' },
  );
}

/** A range bound as an ISO date (the `Date` scalar gives a JS Date at UTC midnight; a caller may pass 'YYYY-MM-DD'). */
function isoOf(v: DateInput | undefined | null, path: readonly string[]): IsoDate {
  if (v instanceof Date) {
    const year = v.getUTCFullYear();
    if (!Number.isFinite(v.getTime()) || year < 1 || year > 9999) throw invalidDate(path);
    return isoDateOf(v);
  }
  if (typeof v === 'string' && isIsoDate(v)) return v;
  throw invalidDate(path);
}

/** A checked range: both bounds valid dates, `from` not after `to` (else BAD_USER_INPUT `FILTER.DATE_RANGE_REVERSED` at `path`). */
export function checkedDateRange(range: RangeInput, path: readonly string[]): { from: IsoDate; to: IsoDate } {
  const from = isoOf(range.from, [...path, 'from']);
  const to = isoOf(range.to, [...path, 'to']);
  if (from > to) {
    throw new GatewayError(
      'BAD_USER_INPUT',
      {
        id: `Rentang tanggal ${path.join('.')} terbalik: "from" harus sama dengan atau sebelum "to".`,
        en: `The date range ${path.join('.')} is reversed: "from" must be on or before "to".`,
      },
      { field: [...path], domainCode: 'FILTER.DATE_RANGE_REVERSED' },
    );
  }
  return { from, to };
}

/** `[start, end)` instants of an inclusive WIB date range, cut at `until` (exclusive) when given. */
function instants(range: { from: IsoDate; to: IsoDate }, until: string | undefined): [string, string] {
  const end = wibDayEnd(range.to);
  const instant = (x: string) => (x === 'infinity' ? Number.POSITIVE_INFINITY : Date.parse(x));
  return [wibDayStart(range.from), until !== undefined && instant(until) < instant(end) ? until : end];
}

export interface CandidateFilterSqlOptions {
  /** Point in time: the candidate set as the histories knew it at the end of this WIB day (see above). */
  readonly asOf?: IsoDate;
  /** Filter kecamatans, occupations and routes on these values (`profileAtJoin`) instead of the current columns. */
  readonly profile?: ProfileAt;
}

/**
 * The date-range clauses of a filter over `candidate` aliased `alias` (registered, enteredStage,
 * departed), cut at the end of `asOf` when given; refuses a reversed range (field path `path` + key).
 */
export function candidateRangeSql(filter: CandidateFilter | undefined, alias: string, options: CandidateFilterSqlOptions = {}, path: readonly string[] = ['filter']): Sql {
  const sql = emptySql();
  const until = options.asOf ? wibDayEnd(options.asOf) : undefined;
  if (filter?.registered) {
    const [start, end] = instants(checkedDateRange(filter.registered, [...path, 'registered']), until);
    sql.clauses.push(`${registeredAtSql(alias)} >= ?::timestamptz and ${registeredAtSql(alias)} < ?::timestamptz`);
    sql.values.push(start, end);
  }
  if (filter?.enteredStage) {
    const e = filter.enteredStage;
    const [start, end] = instants(checkedDateRange(e, [...path, 'enteredStage']), until);
    sql.clauses.push(
      `exists (select 1 from candidate_stage_change f_es where f_es.candidate_id = ${alias}.id and f_es.to_stage = ? and f_es.at >= ?::timestamptz and f_es.at < ?::timestamptz)`,
    );
    sql.values.push(e.stage, start, end);
  }
  if (filter?.departed) {
    const r = checkedDateRange(filter.departed, [...path, 'departed']);
    const to = options.asOf && options.asOf < r.to ? options.asOf : r.to;
    sql.clauses.push(`exists (select 1 from placement f_dp where f_dp.candidate_id = ${alias}.id and f_dp.departed_on >= ?::date and f_dp.departed_on <= ?::date)`);
    sql.values.push(r.from, to);
  }
  return sql;
}

/**
 * The candidate filter over `candidate` aliased `alias`. With `{ asOf }`, the point-in-time candidate
 * set: registered by the end of `asOf` (WIB), `stages` tested against the stage on that date, ranges
 * cut at that instant.
 */
export function candidateFilterSql(filter: CandidateFilter | undefined, alias = 'c', options: CandidateFilterSqlOptions = {}): Sql {
  const sql = emptySql();
  if (options.asOf) {
    const until = wibDayEnd(options.asOf);
    sql.clauses.push(`${registeredAtSql(alias)} < ?::timestamptz`);
    sql.values.push(until);
    if (filter?.stages?.length) {
      sql.clauses.push(`${stageOnSql(alias)} in (${filter.stages.map(() => '?').join(', ')})`);
      sql.values.push(until, ...filter.stages);
    }
  } else {
    inList(sql, `${alias}.stage`, filter?.stages);
  }
  const column = (d: ProfileDimension) => (options.profile ? options.profile.column(d) : `${alias}.${d}`);
  inList(sql, column('kecamatan'), filter?.kecamatans);
  inList(sql, column('target_occupation'), filter?.occupations);
  inList(sql, column('target_route'), filter?.routes);
  inList(sql, `${alias}.eligibility`, filter?.eligibility);
  const ranges = candidateRangeSql(filter, alias, options);
  sql.clauses.push(...ranges.clauses);
  sql.values.push(...ranges.values);
  return sql;
}
