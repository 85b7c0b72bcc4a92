/**
 * Writing a candidate: the stored selection verdict (for filters), NIK uniqueness, the rows and the
 * audit row. Shared by the candidate use cases.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  DomainError,
  evaluateEligibility,
  type Candidate,
  type CandidateProfile,
  type IsoDate,
  type JobOpening,
  type Occupation,
  type Route,
} from '../domain';
import { applyCandidateSnapshot, derivedColumns, type CandidateRows } from '../persistence/candidate.mapper';
import { CandidateRecord, type StoredSelectionStatus } from '../persistence/candidate.schema';
import { recordChange } from './audit';
import { loadOpening } from './load-for-change';
import { dateOf, type UseCaseDeps } from './use-case';
import { rejected } from './use-case-error';

export type StoredVerdict = { status: StoredSelectionStatus; asOf: IsoDate } | null;

/**
 * The selection verdict stored with the candidate: for its opening, else its target route and
 * occupation; none without a route, or when the profile cannot be evaluated on `asOf` (e.g. no
 * parameters for that date): the filters then treat the candidate as not evaluated.
 */
export function storedEligibility(
  profile: CandidateProfile,
  target: { route: Route | null; occupation: Occupation | null },
  opening: JobOpening | undefined,
  asOf: IsoDate,
): StoredVerdict {
  const route = opening?.route ?? target.route;
  if (!route) return null;
  try {
    const e = evaluateEligibility({
      profile,
      route,
      asOf,
      ...(opening ? { opening: opening.toEligibilityOpening() } : target.occupation ? { opening: { occupation: target.occupation } } : {}),
    });
    return { status: e.verdict.selection, asOf };
  } catch (e) {
    if (e instanceof DomainError) return null;
    throw e;
  }
}

/** CONFLICT when another candidate has this NIK (the unique index backs it; this names the field). */
export async function assertNikFree(em: EntityManager, nik: string | null, exceptId: string | undefined): Promise<void> {
  if (!nik) return;
  const other = await em.findOne(CandidateRecord, { nik, ...(exceptId ? { id: { $ne: exceptId } } : {}) }, { fields: ['id'] });
  if (other) {
    throw rejected(
      'CONFLICT',
      { id: 'NIK ini sudah terdaftar.', en: 'This NIK is already registered.' },
      { field: ['input', 'profile', 'nik'], domainCode: 'CANDIDATE.DUPLICATE_NIK' },
    );
  }
}

/** Most NIKs looked up in one statement by assertNiksFree. */
const NIKS_PER_LOOKUP = 1000;

/**
 * assertNikFree for a batch of new candidates (registerCandidates): the same CONFLICT when any of
 * `niks` is registered, one statement per NIKS_PER_LOOKUP NIKs, no entity loaded.
 */
export async function assertNiksFree(em: EntityManager, niks: readonly (string | null)[]): Promise<void> {
  const given = niks.filter((n): n is string => !!n);
  for (let i = 0; i < given.length; i += NIKS_PER_LOOKUP) {
    const taken = await em
      .createQueryBuilder(CandidateRecord)
      .select('id')
      .where({ nik: { $in: given.slice(i, i + NIKS_PER_LOOKUP) } })
      .limit(1)
      .execute('all');
    if (taken.length > 0) {
      throw rejected(
        'CONFLICT',
        { id: 'NIK ini sudah terdaftar.', en: 'This NIK is already registered.' },
        { field: ['input', 'profile', 'nik'], domainCode: 'CANDIDATE.DUPLICATE_NIK' },
      );
    }
  }
}

/** Write a new (`rows` undefined) or changed candidate (NIK checked, verdict recomputed), its audit row, and flush. */
export async function saveCandidate(
  em: EntityManager,
  deps: UseCaseDeps,
  rows: CandidateRows | undefined,
  candidate: Candidate,
  at: string,
  change: { readonly action: string; readonly before: unknown },
  opening?: JobOpening,
): Promise<CandidateRecord> {
  const snapshot = candidate.toSnapshot();
  const asOf = dateOf(at);
  const op = opening ?? (await loadOpening(em, snapshot.openingId));
  await assertNikFree(em, derivedColumns(snapshot, asOf).nik, snapshot.id);
  const written = applyCandidateSnapshot(
    em,
    rows,
    snapshot,
    deps.clock.now(),
    storedEligibility(snapshot.profile, { route: snapshot.targetRoute, occupation: snapshot.targetOccupation }, op, asOf),
    asOf,
  );
  await recordChange(em, deps, { action: change.action, entityType: 'Candidate', entityId: snapshot.id, before: change.before, after: snapshot });
  await em.flush();
  return written.candidate;
}
