/**
 * The vacancy board's page (`jobOpenings`) in ONE statement: the openings of the page, oldest first
 * (`created_at`, then `id`: the keyset), joined to their MoU and employer when the query selects
 * them. The statement is compiled once per shape (which filters are present, whether a cursor is,
 * which relations are selected: compiled-select.ts) and executed with pg parameters; the rows are
 * mapped to the same records `selectRows` returns (`JobOpeningRecord`, `MouRecord`, `PartyRecord`),
 * so everything above sees exactly what the batched loaders would have loaded.
 *
 * The criteria are `openingCriteria` (graphql/inputs/job-opening-filter.input.ts), the same ones the
 * count (`totalCount`) and the exports turn into a MikroORM filter: one definition of the board's
 * rows, visibility included (the public sees OPEN openings only). Cursors are MikroORM's format
 * (`Cursor.encode([createdAt, id])`), as for every other list, so a cursor from an earlier release
 * keeps working.
 */
import { Cursor } from '@mikro-orm/core';
import type { EntityManager, Knex } from '@mikro-orm/postgresql';
import type { OpeningCriteria } from '../graphql/inputs/job-opening-filter.input';
import { MouRecord } from '../persistence/mou.schema';
import { JobOpeningRecord } from '../persistence/opening.schema';
import { PartyRecord } from '../persistence/party.schema';
import {
  CompiledSelectCache,
  compileSelect,
  joined,
  joinedRecords,
  joinedRow,
  LIMIT_PLACEHOLDER,
  mapRecord,
  metadataOf,
  runCompiled,
  slot as slotValue,
  storedColumns,
  type CompiledSelect,
  type Joined,
} from './compiled-select';
import { countRows, decodeKeysetAfter, type KeysetPage } from './rows';
import { criteriaWhere } from '../graphql/inputs/job-opening-filter.input';

/** Which relations of each opening the query selects (those are fetched in the same statement). */
export interface JobBoardRelations {
  readonly mou: boolean;
  readonly employer: boolean;
}

export interface JobBoardRequest {
  readonly criteria: OpeningCriteria;
  readonly first: number;
  /** A cursor from `pageInfo.endCursor` (already checked by `checkedCursor`). */
  readonly after?: string | undefined;
  readonly relations: JobBoardRelations;
}

/** One opening of the page, with the relations that were asked for (undefined otherwise). */
export interface JobBoardRow {
  readonly opening: JobOpeningRecord;
  readonly mou: MouRecord | undefined;
  readonly employer: PartyRecord | undefined;
}

type SlotName = 'routes' | 'occupations' | 'statuses' | 'mouId' | 'employerPartyId' | 'afterCreatedAt' | 'afterId' | 'limit';

interface Shape {
  readonly routes: boolean;
  readonly occupations: boolean;
  readonly statuses: boolean;
  readonly mouId: boolean;
  readonly employerPartyId: boolean;
  readonly after: boolean;
  readonly mou: boolean;
  readonly employer: boolean;
}

const SHAPE_KEYS = ['routes', 'occupations', 'statuses', 'mouId', 'employerPartyId', 'after', 'mou', 'employer'] as const satisfies ReadonlyArray<keyof Shape>;

/** Column prefixes of the joined tables: `m__row`, `e__row` (never a job_opening column). */
const MOU_PREFIX = 'm__';
const EMPLOYER_PREFIX = 'e__';
/** The opening's number within its MoU / employer on the page (the join carries the columns on 1 only). */
const MOU_FIRST = 'm__first';
const EMPLOYER_FIRST = 'e__first';

interface Tables {
  readonly opening: string;
  /** job_opening's stored columns (selected by name, unprefixed: the row's own keys). */
  readonly openingColumns: readonly string[];
  readonly mou: Joined;
  readonly party: Joined;
}

function tablesOf(em: EntityManager): Tables {
  const opening = metadataOf(em, JobOpeningRecord);
  const mou = metadataOf(em, MouRecord);
  const party = metadataOf(em, PartyRecord);
  return {
    opening: opening.tableName,
    openingColumns: storedColumns(opening),
    mou: joined(mou.tableName, MOU_PREFIX),
    party: joined(party.tableName, EMPLOYER_PREFIX),
  };
}

const PAGE_ORDER = [{ column: 'o.created_at', order: 'asc' }, { column: 'o.id', order: 'asc' }] as const;

/** The page of openings alone: filters, keyset, order, limit (`first + 1`). */
function pageQuery(knex: Knex, shape: Shape, tables: Tables): Knex.QueryBuilder {
  const slot = (name: SlotName) => slotValue(name);
  const q = knex({ o: tables.opening }).select(tables.openingColumns.map((c) => `o.${c}`));
  // a list of values is ONE parameter (a PostgreSQL array): the text does not depend on how many
  if (shape.routes) q.where('o.route', '=', knex.raw('any(?)', [slot('routes')]));
  if (shape.occupations) q.where('o.occupation', '=', knex.raw('any(?)', [slot('occupations')]));
  if (shape.statuses) q.where('o.status', '=', knex.raw('any(?)', [slot('statuses')]));
  if (shape.mouId) q.where('o.mou_id', '=', slot('mouId'));
  if (shape.employerPartyId) q.where('o.employer_party_id', '=', slot('employerPartyId'));
  // (created_at, id) > (v1, v2): the keyset, as `created_at > v1 or (created_at = v1 and id > v2)`
  if (shape.after) q.whereRaw('(??, ??) > (?, ?)', ['o.created_at', 'o.id', slot('afterCreatedAt'), slot('afterId')]);
  return q.orderBy([...PAGE_ORDER]).limit(LIMIT_PLACEHOLDER);
}

/**
 * The page, each opening numbered within its MoU and within its employer (1 = its first opening on
 * the page), then joined to the MoU and the employer on the first opening of each only: a page of 50
 * openings under 3 MoUs carries each MoU's columns once, not 50 times (the rest read NULL, and the
 * mapper takes the record of the opening's `mou_id` from the row that carried it). The page is a
 * prefix of the ordered rows, so the first opening of any MoU on it is on it.
 */
function compileBoard(knex: Knex, shape: Shape, tables: Tables): CompiledSelect<SlotName> {
  const page = pageQuery(knex, shape, tables);
  if (!shape.mou && !shape.employer) return compileSelect<SlotName>(page, 'limit');
  const firstOf = (column: string, as: string) =>
    knex.raw('row_number() over (partition by ?? order by ??, ??) as ??', [`p.${column}`, 'p.created_at', 'p.id', as]);
  const numbered = knex.from(page.as('p')).select('p.*');
  if (shape.mou) numbered.select(firstOf('mou_id', MOU_FIRST));
  if (shape.employer) numbered.select(firstOf('employer_party_id', EMPLOYER_FIRST));
  const q = knex.from(numbered.as('o')).select(tables.openingColumns.map((c) => `o.${c}`));
  if (shape.mou) {
    q.select(joinedRow(knex, 'm', tables.mou)).leftJoin({ m: tables.mou.table }, (on) => on.on('m.id', '=', 'o.mou_id').andOn(`o.${MOU_FIRST}`, '=', knex.raw('1')));
  }
  if (shape.employer) {
    q.select(joinedRow(knex, 'e', tables.party)).leftJoin({ e: tables.party.table }, (on) => on.on('e.id', '=', 'o.employer_party_id').andOn(`o.${EMPLOYER_FIRST}`, '=', knex.raw('1')));
  }
  return compileSelect<SlotName>(q.orderBy([...PAGE_ORDER]), 'limit');
}

let tables: Tables | undefined;
const compiled = new CompiledSelectCache<Shape, SlotName>(
  (shape) => SHAPE_KEYS.map((k) => (shape[k] ? '1' : '0')).join(''),
  (knex, shape) => compileBoard(knex, shape, tables as Tables),
);

/** How many statement shapes have been compiled so far (tests). */
export function compiledJobBoardShapes(): number {
  return compiled.size;
}


/** The columns of `names` out of a row, under the names `as` (same order). */
function pick(row: Record<string, unknown>, names: readonly string[], as: readonly string[]): Record<string, unknown> {
  const part: Record<string, unknown> = {};
  for (let i = 0; i < names.length; i += 1) part[as[i] as string] = row[names[i] as string];
  return part;
}

/** One page of the job board, with the selected relations, in one SQL statement. */
export async function jobBoardPage(em: EntityManager, request: JobBoardRequest): Promise<KeysetPage<JobBoardRow>> {
  tables ??= tablesOf(em);
  const t = tables;
  const { criteria: c, relations } = request;
  const after = decodeKeysetAfter(request.after);
  const shape: Shape = {
    routes: c.routes !== undefined,
    occupations: c.occupations !== undefined,
    statuses: c.statuses !== undefined,
    mouId: c.mouId !== undefined,
    employerPartyId: c.employerPartyId !== undefined,
    after: after !== undefined,
    mou: relations.mou,
    employer: relations.employer,
  };
  const statement = compiled.get(em.getKnex(), shape);
  const raw = await runCompiled(em, statement, {
    routes: c.routes,
    occupations: c.occupations,
    statuses: c.statuses,
    mouId: c.mouId,
    employerPartyId: c.employerPartyId,
    afterCreatedAt: after?.[0],
    afterId: after?.[1],
    limit: request.first + 1,
  });
  const hasNextPage = raw.length > request.first;
  if (hasNextPage) raw.length = request.first;
  const openingMeta = metadataOf(em, JobOpeningRecord);
  const mouOf = joinedRecords(em, relations.mou ? metadataOf(em, MouRecord) : undefined, t.mou, 'mou_id');
  const employerOf = joinedRecords(em, relations.employer ? metadataOf(em, PartyRecord) : undefined, t.party, 'employer_party_id');
  const joins = relations.mou || relations.employer;
  const rows = raw.map(
    (row): JobBoardRow => ({
      opening: mapRecord(em, openingMeta, joins ? pick(row, t.openingColumns, t.openingColumns) : row),
      mou: mouOf(row),
      employer: employerOf(row),
    }),
  );
  let counted: Promise<number> | undefined;
  return {
    rows,
    hasNextPage,
    hasPreviousPage: after !== undefined,
    cursorOf: (row) => Cursor.encode([row.opening.createdAt, row.opening.id]),
    totalCount: () => (counted ??= countRows(em, JobOpeningRecord, criteriaWhere(c))),
  };
}
