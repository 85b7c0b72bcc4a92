/** Job opening records → the GraphQL `JobOpening`. */
import { wageOf } from '../../persistence/opening.mapper';
import { JobOpeningRecord } from '../../persistence/opening.schema';
import { toMoneyGql } from '../types/money.type';
import { JobOpening } from '../types/mou.type';

export function toOpeningGql(r: JobOpeningRecord): JobOpening {
  const wage = wageOf(r);
  const req = r.extraRequirements ?? {};
  return {
    id: r.id,
    mouId: r.mouId,
    employerPartyId: r.employerPartyId,
    occupation: r.occupation,
    route: r.route,
    seats: r.seats,
    allocated: r.allocated,
    seatsLeft: r.seats - r.allocated,
    wage: { basis: wage.basis, monthly: wage.basis === 'FIXED' ? toMoneyGql(wage.monthly) : null },
    contractMonths: r.contractMonths,
    extraRequirements: {
      minEpsTopikScore: req.minEpsTopikScore ?? null,
      minTopikLevel: req.minTopikLevel ?? null,
      minEducation: req.minEducation ?? null,
      minAge: req.minAge ?? null,
      maxAge: req.maxAge ?? null,
      skillQualification: req.skillQualification ?? null,
    },
    plannedDeparture: r.plannedDeparture,
    verifiedByAttache: r.attacheVerifiedOn !== null,
    attacheVerifiedOn: r.attacheVerifiedOn,
    status: r.status,
    note: r.note,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}
