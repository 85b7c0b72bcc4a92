/**
 * Loading and writing training aggregates inside a use case's transaction. Lock order: the cohort
 * row first (`SELECT … FOR UPDATE`, so every change of one cohort — enrolments, withdrawals,
 * attendance — runs one after another, like the seat race of allocate-seat.use-case.ts), then the
 * candidates it changes, in id order. No other change locks a candidate before a cohort.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  Candidate,
  Cohort,
  Course,
  parameterSnapshot,
  Quota,
  stageChangeForEnrolment,
  type EnrolmentStageChange,
  type TrainingRecordRef,
} from '../domain';
import { candidateSnapshotOf, loadCandidateRows, type CandidateRows } from '../persistence/candidate.mapper';
import { quotaSnapshotOf } from '../persistence/opening.mapper';
import { QuotaRecord, SeatAllocationRecord } from '../persistence/opening.schema';
import { applyCohortSnapshot, cohortSnapshotOf, courseSnapshotOf, loadCohortRows, type CohortRows } from '../persistence/training.mapper';
import { TrainingCohortRecord, TrainingCourseRecord, TrainingEnrolmentRecord } from '../persistence/training.schema';
import { recordChange } from './audit';
import { saveCandidate } from './candidate-writes';
import { loadOpening } from './load-for-change';
import { dateOf, type UseCaseDeps } from './use-case';
import { inconsistent, notFound, unwrap, type FieldPath } from './use-case-error';

/** A course (never locked: courses do not change); NOT_FOUND at `field` when there is none. */
export async function loadCourse(em: EntityManager, id: string, field: FieldPath): Promise<Course> {
  const record = await em.findOne(TrainingCourseRecord, { id });
  if (!record) throw notFound('Course', field);
  return Course.fromSnapshot(courseSnapshotOf(record));
}

/**
 * The cohort for a change, its row locked for the transaction; NOT_FOUND at `field` when there is none
 * and, alike, when `providerScope` is given and the cohort's provider is not in it (a TRAINER's
 * providers: another provider's cohort answers exactly like a missing one, and nothing is written).
 */
export async function lockCohort(
  em: EntityManager,
  id: string,
  field: FieldPath,
  providerScope?: readonly string[],
): Promise<{ rows: CohortRows; cohort: Cohort }> {
  const rows = await loadCohortRows(em, id, true);
  if (!rows || (providerScope !== undefined && !providerScope.includes(rows.cohort.providerPartyId))) throw notFound('Training cohort', field);
  return { rows, cohort: Cohort.fromSnapshot(cohortSnapshotOf(rows)) };
}

/** Write the cohort's rows from its snapshot and its audit row (no flush: the caller flushes once). */
export async function writeCohort(
  em: EntityManager,
  deps: UseCaseDeps,
  rows: CohortRows | undefined,
  cohort: Cohort,
  change: { readonly action: string; readonly before: unknown; readonly providerPartyId?: string },
): Promise<CohortRows> {
  const after = cohort.toSnapshot();
  const providerPartyId = rows?.cohort.providerPartyId ?? change.providerPartyId;
  if (providerPartyId === undefined) throw new Error('writeCohort: a new cohort needs its provider');
  const written = applyCohortSnapshot(em, rows, after, providerPartyId, deps.clock.now());
  await recordChange(em, deps, { action: change.action, entityType: 'TrainingCohort', entityId: cohort.id, before: change.before, after });
  return written;
}

/** Write the cohort, its audit row, and flush. */
export async function saveCohort(
  em: EntityManager,
  deps: UseCaseDeps,
  rows: CohortRows | undefined,
  cohort: Cohort,
  change: { readonly action: string; readonly before: unknown; readonly providerPartyId?: string },
): Promise<TrainingCohortRecord> {
  const written = await writeCohort(em, deps, rows, cohort, change);
  await em.flush();
  return written.cohort;
}

/** The candidate for a change, its row locked; NOT_FOUND at `field` when there is none. */
export async function lockCandidate(em: EntityManager, id: string, field: FieldPath): Promise<{ rows: CandidateRows; candidate: Candidate }> {
  const rows = await loadCandidateRows(em, id, true);
  if (!rows) throw notFound('Candidate', field);
  return { rows, candidate: Candidate.fromSnapshot(candidateSnapshotOf(rows)) };
}

async function loadQuota(em: EntityManager, quotaId: string | null): Promise<Quota | undefined> {
  if (!quotaId) return undefined;
  const q = await em.findOne(QuotaRecord, { id: quotaId });
  if (!q) return undefined;
  return Quota.fromSnapshot(quotaSnapshotOf({ quota: q, allocations: await em.find(SeatAllocationRecord, { quotaId: q.id }) }));
}

/**
 * A seat in a cohort (enrolled at once, or promoted from the waitlist) moves the candidate to TRAINING
 * when the domain says so (`stageChangeForEnrolment`), through the candidate's own stage machine and
 * gates; the candidate is then written with its stored eligibility and audit row (and flushed).
 * Returns the stage change the domain decided.
 */
export async function followEnrolmentOnStage(
  em: EntityManager,
  deps: UseCaseDeps,
  locked: { rows: CandidateRows; candidate: Candidate },
  stamp: { readonly at: string; readonly note: string | null; readonly action: string },
): Promise<EnrolmentStageChange> {
  const { rows, candidate } = locked;
  const change = stageChangeForEnrolment(candidate.stage, 'ENROLLED');
  if (change.change !== 'ADVANCE') return change;
  const before = candidate.toSnapshot();
  const opening = await loadOpening(em, candidate.openingId);
  const quota = await loadQuota(em, candidate.quotaId);
  unwrap(
    candidate.advance(change.to, {
      at: stamp.at,
      actor: deps.actor,
      note: stamp.note,
      ...(opening ? { opening } : {}),
      ...(quota ? { quota } : {}),
      params: parameterSnapshot(dateOf(stamp.at)),
    }),
    [],
  );
  await saveCandidate(em, deps, rows, candidate, stamp.at, { action: stamp.action, before }, opening);
  return change;
}

/**
 * Every enrolment of a candidate, as the domain's TRAINING exit gate reads it (`decideTrainingExit`):
 * with its cohort's status, its course's id and title, and whether it ever held a seat. Three plain
 * reads (no lock: the caller holds the candidate's row, and every enrolment locks the candidate too).
 */
export async function trainingRecordsOf(em: EntityManager, candidateId: string): Promise<TrainingRecordRef[]> {
  const enrolments = await em.find(TrainingEnrolmentRecord, { candidateId }, { orderBy: { requestedAt: 'asc', id: 'asc' } });
  if (enrolments.length === 0) return [];
  const cohorts = await em.find(TrainingCohortRecord, { id: { $in: [...new Set(enrolments.map((e) => e.cohortId))] } }, { fields: ['id', 'courseId', 'status'] });
  const cohortById = new Map(cohorts.map((c) => [c.id, c]));
  const courses = await em.find(TrainingCourseRecord, { id: { $in: [...new Set(cohorts.map((c) => c.courseId))] } }, { fields: ['id', 'titleId', 'titleEn'] });
  const courseById = new Map(courses.map((c) => [c.id, c]));
  return enrolments.map((e) => {
    const cohort = cohortById.get(e.cohortId);
    const course = cohort ? courseById.get(cohort.courseId) : undefined;
    if (!cohort || !course) throw inconsistent();
    return {
      cohortId: e.cohortId,
      courseKind: e.courseKind,
      status: e.status,
      courseId: course.id,
      courseTitle: { id: course.titleId, en: course.titleEn },
      cohortStatus: cohort.status,
      seated: e.seatedAt !== null,
    };
  });
}
