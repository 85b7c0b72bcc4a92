/**
 * The candidate list (`candidates`: an officer's working list) in ONE statement: the page of
 * candidates, oldest registration first (`created_at`, then `id`: the keyset), and, when the query
 * selects `totalCount`, the count of every matching row in the same statement (a one-row `count(*)`
 * left-joined to the page, so an empty page still brings its count).
 *
 * Which rows match is said once for every reader of candidates:
 * - the filter is `candidateFilterSql` (read-models/sql-filter.ts), the clauses the aggregates, the
 *   exports and the MikroORM list filter (`candidateWhere`, whose date ranges are the same clauses)
 *   are built from, so the list, its `totalCount` and an aggregate over the same filter agree;
 * - the caller's row scope is `candidateRowScope` (graphql/access.ts), the one `candidateListWhere`
 *   is built from: a PARTNER's rows are filtered here, in SQL, never after the page was read.
 * The statement is constant text plus those clauses (`?` placeholders); every value is a pg
 * parameter. Rows are mapped to `CandidateRecord` with the ORM's own result mapper, exactly as
 * `selectRows` maps them; cursors are MikroORM's format (`Cursor.encode([createdAt, id])`), as for
 * every other list.
 */
import { Cursor } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { CandidateRowScope } from '../graphql/access';
import type { CandidateFilter } from '../graphql/inputs/candidate-filter.input';
import { CandidateRecord } from '../persistence/candidate.schema';
import { mapRecord, metadataOf, runStatement, storedColumns } from './compiled-select';
import { decodeKeysetAfter, type KeysetPage } from './rows';
import { candidateFilterSql, emptySql, type Sql } from './sql-filter';

export interface CandidateListRequest {
  readonly filter: CandidateFilter | undefined;
  /** The caller's rows (`candidateRowScope`, never null here: a caller with none gets no list). */
  readonly scope: CandidateRowScope;
  readonly first: number;
  /** A cursor from `pageInfo.endCursor` (already checked by `checkedCursor`). */
  readonly after?: string | undefined;
  /** Whether the query selects `totalCount` (then it is counted in the same statement). */
  readonly withTotal: boolean;
}

/** The caller's row scope over `candidate` aliased `alias` (no clause for `all`). */
export function candidateScopeSql(scope: CandidateRowScope, alias = 'c'): Sql {
  const sql = emptySql();
  if (scope.all) return sql;
  const or: string[] = [];
  if (scope.ownId !== undefined) {
    or.push(`${alias}.id = ?`);
    sql.values.push(scope.ownId);
  }
  if (scope.partyIds.length > 0) {
    or.push(
      `${alias}.id in (select f_sp.candidate_id from placement f_sp join mou_party f_mp on f_mp.mou_id = f_sp.mou_id where f_mp.party_id = any(?) and f_sp.status <> ?)`,
    );
    sql.values.push([...scope.partyIds], 'CANCELLED');
  }
  // a scope that is not `all` always names someone (candidateRowScope returns null otherwise); an
  // empty one here would be a bug: it matches nothing rather than everything
  sql.clauses.push(or.length === 0 ? 'false' : `(${or.join(' or ')})`);
  return sql;
}


/** The page's column list (`c.<column>` for every stored column: what `select *` returns), built once. */
let columns: { readonly list: string; readonly names: readonly string[] } | undefined;

function columnsOf(em: EntityManager): { readonly list: string; readonly names: readonly string[] } {
  if (!columns) {
    const names = storedColumns(metadataOf(em, CandidateRecord));
    // identifiers from the entity metadata (never from a request), quoted
    columns = { names, list: names.map((n) => `c."${n.replace(/"/g, '""')}"`).join(', ') };
  }
  return columns;
}

const TOTAL = 'c__total';

/** One page of candidates (and their count when asked for), in one SQL statement. */
export async function candidateListPage(em: EntityManager, request: CandidateListRequest): Promise<KeysetPage<CandidateRecord>> {
  const after = decodeKeysetAfter(request.after);
  const cols = columnsOf(em);
  const filter = candidateFilterSql(request.filter, 'c');
  const scope = candidateScopeSql(request.scope, 'c');
  const matching = [...filter.clauses, ...scope.clauses];
  const matchingValues = [...filter.values, ...scope.values];
  const pageClauses = after ? [...matching, '(c.created_at, c.id) > (?, ?)'] : matching;
  const pageValues = after ? [...matchingValues, after[0], after[1]] : matchingValues;
  const whereOf = (clauses: readonly string[]) => (clauses.length ? ` where ${clauses.join(' and ')}` : '');
  const page = `select ${cols.list} from candidate c${whereOf(pageClauses)} order by c.created_at asc, c.id asc limit ?`;
  const [text, bindings] = request.withTotal
    ? [
        `select t.${TOTAL}, p.* from (select count(*) as ${TOTAL} from candidate c${whereOf(matching)}) t left join (${page}) p on true order by p.created_at asc, p.id asc`,
        [...matchingValues, ...pageValues, request.first + 1],
      ]
    : [page, [...pageValues, request.first + 1]];
  const raw = await runStatement(em, text, bindings);
  const total = request.withTotal ? Number(raw[0]?.[TOTAL] ?? 0) : undefined;
  // with the count, an empty page is one row of NULL candidate columns
  const found = request.withTotal ? raw.filter((r) => r['id'] !== null && r['id'] !== undefined) : raw;
  const hasNextPage = found.length > request.first;
  if (hasNextPage) found.length = request.first;
  const meta = metadataOf(em, CandidateRecord);
  const rows = found.map((r) => {
    if (!request.withTotal) return mapRecord(em, meta, r);
    const own: Record<string, unknown> = {};
    for (const n of cols.names) own[n] = r[n];
    return mapRecord(em, meta, own);
  });
  let counted: Promise<number> | undefined;
  const count = async (): Promise<number> => {
    const [row] = await runStatement(em, `select count(*) as ${TOTAL} from candidate c${whereOf(matching)}`, matchingValues);
    return Number(row?.[TOTAL] ?? 0);
  };
  return {
    rows,
    hasNextPage,
    hasPreviousPage: after !== undefined,
    cursorOf: (row) => Cursor.encode([row.createdAt, row.id]),
    // counted in the page's statement when the query selects it; otherwise (never, from the resolver) once, on its own
    totalCount: () => (counted ??= total === undefined ? count() : Promise.resolve(total)),
  };
}
