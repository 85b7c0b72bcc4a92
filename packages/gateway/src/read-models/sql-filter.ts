/**
 * WHERE clauses for the raw-SQL aggregates (`?` placeholders and their values, MikroORM/knex raw
 * bindings; never string-built values). One definition of how a `CandidateFilter` becomes SQL over
 * `candidate` (alias `c` by default), shared by every aggregate over candidates.
 */
import type { CandidateFilter } from '../graphql/inputs/candidate-filter.input';

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

/** The candidate filter over `candidate` aliased `alias`. */
export function candidateFilterSql(filter: CandidateFilter | undefined, alias = 'c'): Sql {
  const sql = emptySql();
  inList(sql, `${alias}.stage`, filter?.stages);
  inList(sql, `${alias}.kecamatan`, filter?.kecamatans);
  inList(sql, `${alias}.target_occupation`, filter?.occupations);
  inList(sql, `${alias}.target_route`, filter?.routes);
  inList(sql, `${alias}.eligibility`, filter?.eligibility);
  return sql;
}
