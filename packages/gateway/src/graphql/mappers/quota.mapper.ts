/** Quota records → the GraphQL `Quota`. */
import { QuotaRecord } from '../../persistence/opening.schema';
import { Quota } from '../types/mou.type';

export function toQuotaGql(r: QuotaRecord): Quota {
  return {
    id: r.id,
    mouId: r.mouId,
    occupation: r.occupation,
    route: r.route,
    seats: r.seats,
    allocated: r.allocated,
    remaining: r.seats - r.allocated,
    note: r.note,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}
