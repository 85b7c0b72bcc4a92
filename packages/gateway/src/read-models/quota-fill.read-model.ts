/**
 * Quota fill: seats, allocated and left per MoU × occupation × route, summed in PostgreSQL, in ONE
 * statement: the `GROUP BY` and, when the query selects each row's MoU, the MoU's columns joined on
 * the first row of each MoU (as the job board does: read-models/job-board.read-model.ts). The
 * statement is compiled once per shape (which filters are present, whether the MoU is joined:
 * compiled-select.ts) and run with pg parameters: identifiers and values are bound, never concatenated.
 *
 * Before (npm run bench, `--cpu-prof`), a quotaFill request built its SQL through knex, then loaded
 * the MoUs with a second statement through MikroORM's QueryBuilder (the row's `mou` field resolver):
 * two pool checkouts and two SQL compilations for three rows.
 */
import type { EntityManager, Knex } from '@mikro-orm/postgresql';
import type { Occupation, Route } from '../domain';
import { MouRecord } from '../persistence/mou.schema';
import { QuotaRecord } from '../persistence/opening.schema';
import { CompiledSelectCache, compileSelect, joined, joinedRecords, joinedRow, metadataOf, runCompiled, slot, type CompiledSelect, type Joined } from './compiled-select';

export interface QuotaFillFilterValues {
  readonly mouId?: string | null | undefined;
  readonly occupations?: readonly Occupation[] | null | undefined;
  readonly routes?: readonly Route[] | null | undefined;
}

export interface QuotaFillRowView {
  readonly mouId: string;
  readonly occupation: Occupation;
  readonly route: Route;
  readonly seats: number;
  readonly allocated: number;
  readonly left: number;
  /** The row's MoU, when it was asked for (`{ mou: true }`) and found; undefined otherwise. */
  readonly mou?: MouRecord | undefined;
}

export interface QuotaFillView {
  readonly rows: QuotaFillRowView[];
  readonly seats: number;
  readonly allocated: number;
  readonly left: number;
}

/** What the query selects below each row (fetched in the same statement). */
export interface QuotaFillRelations {
  readonly mou: boolean;
}

type SlotName = 'mouId' | 'occupations' | 'routes';

interface Shape {
  readonly mouId: boolean;
  readonly occupations: boolean;
  readonly routes: boolean;
  readonly mou: boolean;
}

const SHAPE_KEYS = ['mouId', 'occupations', 'routes', 'mou'] as const satisfies ReadonlyArray<keyof Shape>;

/** The row's number within its MoU (the MoU's columns come on row 1 only). */
const MOU_FIRST = 'm__first';

interface Tables {
  readonly quota: string;
  readonly mou: Joined;
}

function tablesOf(em: EntityManager): Tables {
  return { quota: metadataOf(em, QuotaRecord).tableName, mou: joined(metadataOf(em, MouRecord).tableName, 'm__') };
}

const ROW_ORDER = ['mou_id', 'occupation', 'route'] as const;

/** The `GROUP BY` alone: filters, sums, (numbered within the MoU when it is joined). */
function groupedQuery(knex: Knex, shape: Shape, tables: Tables): Knex.QueryBuilder {
  const q = knex({ q: tables.quota })
    .select(ROW_ORDER.map((c) => `q.${c}`))
    .sum({ seats: 'q.seats', allocated: 'q.allocated' });
  if (shape.mouId) q.where('q.mou_id', '=', slot('mouId'));
  // a list of values is ONE parameter (a PostgreSQL array): the text does not depend on how many
  if (shape.occupations) q.where('q.occupation', '=', knex.raw('any(?)', [slot('occupations')]));
  if (shape.routes) q.where('q.route', '=', knex.raw('any(?)', [slot('routes')]));
  if (shape.mou) q.select(knex.raw('row_number() over (partition by ?? order by ??, ??) as ??', ['q.mou_id', 'q.occupation', 'q.route', MOU_FIRST]));
  return q.groupBy(ROW_ORDER.map((c) => `q.${c}`));
}

function compileFill(knex: Knex, shape: Shape, tables: Tables): CompiledSelect<SlotName> {
  const grouped = groupedQuery(knex, shape, tables);
  if (!shape.mou) return compileSelect<SlotName>(grouped.orderBy(ROW_ORDER.map((c) => ({ column: `q.${c}`, order: 'asc' }))));
  const q = knex
    .from(grouped.as('r'))
    .select([...ROW_ORDER, 'seats', 'allocated'].map((c) => `r.${c}`))
    .select(joinedRow(knex, 'm', tables.mou))
    .leftJoin({ m: tables.mou.table }, (on) => on.on('m.id', '=', 'r.mou_id').andOn(`r.${MOU_FIRST}`, '=', knex.raw('1')))
    .orderBy(ROW_ORDER.map((c) => ({ column: `r.${c}`, order: 'asc' })));
  return compileSelect<SlotName>(q);
}

let tables: Tables | undefined;
const compiled = new CompiledSelectCache<Shape, SlotName>(
  (shape) => SHAPE_KEYS.map((k) => (shape[k] ? '1' : '0')).join(''),
  (knex, shape) => compileFill(knex, shape, tables as Tables),
);

/** How many statement shapes have been compiled so far (tests). */
export function compiledQuotaFillShapes(): number {
  return compiled.size;
}

/** The quota fill, with each row's MoU when `relations.mou`, in one SQL statement. */
export async function readQuotaFill(em: EntityManager, filter: QuotaFillFilterValues = {}, relations: QuotaFillRelations = { mou: false }): Promise<QuotaFillView> {
  tables ??= tablesOf(em);
  const t = tables;
  const shape: Shape = {
    mouId: Boolean(filter.mouId),
    occupations: Boolean(filter.occupations?.length),
    routes: Boolean(filter.routes?.length),
    mou: relations.mou,
  };
  const raw = await runCompiled(em, compiled.get(em.getKnex(), shape), {
    mouId: filter.mouId?.toLowerCase(),
    occupations: filter.occupations ? [...filter.occupations] : undefined,
    routes: filter.routes ? [...filter.routes] : undefined,
  });
  const mouOf = joinedRecords(em, relations.mou ? metadataOf(em, MouRecord) : undefined, t.mou, 'mou_id');
  let seats = 0;
  let allocated = 0;
  const rows = raw.map((r): QuotaFillRowView => {
    const s = Number(r['seats'] ?? 0);
    const a = Number(r['allocated'] ?? 0);
    seats += s;
    allocated += a;
    const row = { mouId: String(r['mou_id']), occupation: r['occupation'] as Occupation, route: r['route'] as Route, seats: s, allocated: a, left: s - a };
    return relations.mou ? { ...row, mou: mouOf(r) } : row;
  });
  return { rows, seats, allocated, left: seats - allocated };
}
