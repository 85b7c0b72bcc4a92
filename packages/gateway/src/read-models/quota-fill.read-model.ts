/**
 * Quota fill: seats, allocated and left per MoU × occupation × route, summed in PostgreSQL (one
 * statement, a knex query: identifiers and values are bound, never concatenated).
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Occupation, Route } from '../domain';

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
}

export interface QuotaFillView {
  readonly rows: QuotaFillRowView[];
  readonly seats: number;
  readonly allocated: number;
  readonly left: number;
}

interface Row {
  mou_id: string;
  occupation: Occupation;
  route: Route;
  seats: string | number | null;
  allocated: string | number | null;
}

export async function readQuotaFill(em: EntityManager, filter: QuotaFillFilterValues = {}): Promise<QuotaFillView> {
  const qb = em
    .getKnex()('quota as q')
    .select('q.mou_id', 'q.occupation', 'q.route')
    .sum({ seats: 'q.seats', allocated: 'q.allocated' })
    .groupBy('q.mou_id', 'q.occupation', 'q.route')
    .orderBy([{ column: 'q.mou_id' }, { column: 'q.occupation' }, { column: 'q.route' }]);
  if (filter.mouId) qb.where('q.mou_id', filter.mouId.toLowerCase());
  if (filter.occupations?.length) qb.whereIn('q.occupation', [...filter.occupations]);
  if (filter.routes?.length) qb.whereIn('q.route', [...filter.routes]);
  const rows = await em.getConnection().execute<Row[]>(qb);
  let seats = 0;
  let allocated = 0;
  const out = rows.map((r) => {
    const s = Number(r.seats ?? 0);
    const a = Number(r.allocated ?? 0);
    seats += s;
    allocated += a;
    return { mouId: r.mou_id, occupation: r.occupation, route: r.route, seats: s, allocated: a, left: s - a };
  });
  return { rows: out, seats, allocated, left: seats - allocated };
}
