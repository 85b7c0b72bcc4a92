/** MoU records → the GraphQL `Mou` (one home for the mapping; resolvers import it, never each other). */
import { MOU_TRANSITIONS } from '../../domain';
import { MouRecord } from '../../persistence/mou.schema';
import { Mou } from '../types/mou.type';

export function toMouGql(r: MouRecord): Mou {
  return {
    id: r.id,
    title: { id: r.titleId, en: r.titleEn },
    reference: r.reference,
    status: r.status,
    allowedTransitions: [...MOU_TRANSITIONS[r.status]],
    parentMouId: r.parentMouId,
    renewalOfMouId: r.renewalOfMouId,
    renewedByMouId: r.renewedByMouId,
    signedOn: r.signedOn,
    validFrom: r.validFrom,
    validUntil: r.validUntil,
    endedOn: r.endedOn,
    note: r.note,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}
