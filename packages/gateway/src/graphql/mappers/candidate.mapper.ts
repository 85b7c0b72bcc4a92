/** Candidate and placement records → their GraphQL types, cut to the view the caller has. */
import { maskNik, wibDateOf, type CandidateProfile, type IsoDate } from '../../domain';
import { CandidateRecord, PlacementRecord } from '../../persistence/candidate.schema';
import { ageBandOf } from '../../security/masking';
import { withView } from '../../security/record-view';
import { ForbiddenError } from '../../security/security-error';
import type { CandidateView } from '../../security/auth-checker';
import { timestampOf, type Clock } from '../../clock';
import { Candidate, Placement } from '../types/candidate.type';

/** A record as the caller may see it: `FULL` (there is no partial view: access.ts). */
export type VisibleView = Exclude<CandidateView, 'NONE'>;

/** The view, or FORBIDDEN (fail closed when a record the caller may not see reaches a mapper). */
export function visible(view: CandidateView | undefined): VisibleView {
  if (view === 'FULL') return view;
  throw new ForbiddenError();
}

/** The GraphQL shape of a candidate, tagged with its view (security/record-view.ts). */
/** `clock` dates the age band (clock.ts); a list passes its day once (`asOf`, the same day for every row). */
export function toCandidateGql(r: CandidateRecord, view: VisibleView, clock: Clock, asOf: IsoDate = todayOf(clock)): Candidate {
  const ageBand = r.birthDate ? ageBandOf(r.birthDate, asOf) : undefined;
  const stored = (r.profile ?? {}) as CandidateProfile;
  const profile = withView({ ...stored, ...(ageBand ? { ageBand } : {}) }, view);
  return withView(
    {
      id: r.id,
      stage: r.stage,
      stageSince: r.stageSince,
      targetRoute: r.targetRoute,
      targetOccupation: r.targetOccupation,
      nikMasked: r.nik ? maskNik(r.nik) : null,
      kecamatan: r.kecamatan,
      sex: r.sex,
      profile: profile as never,
      eligibilityStatus: r.eligibility,
      eligibilityAsOf: r.eligibilityAsOf,
      externalRefs: (r.externalRefs ?? []).map((x) =>
        withView({ system: x.system, reference: x.reference }, view),
      ),
      createdAt: r.createdAt,
      updatedAt: r.updatedAt,
      openingId: r.openingId,
      quotaId: r.quotaId,
      storedProfile: stored,
    },
    view,
  );
}

/** The day (WIB) the clock reads: what dates the age bands of a page of candidates. */
export function todayOf(clock: Clock): IsoDate {
  return wibDateOf(timestampOf(clock));
}

export function toPlacementGql(r: PlacementRecord): Placement {
  return {
    id: r.id,
    status: r.status,
    occupation: r.occupation,
    route: r.route,
    contractMonths: r.contractMonths,
    allocatedOn: r.allocatedOn,
    departedOn: r.departedOn,
    startedWorkOn: r.startedWorkOn,
    expectedEndOn: r.expectedEndOn,
    returnedOn: r.returnedOn,
    cancelledOn: r.cancelledOn,
    candidateId: r.candidateId,
    openingId: r.openingId,
    mouId: r.mouId,
    employerPartyId: r.employerPartyId,
  };
}
