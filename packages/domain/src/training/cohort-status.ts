/**
 * Cohort status state machine (issue 10), guarded like the MoU's (entities/mou-transitions.ts): the
 * table below is the only source of allowed moves, each with the guards it must pass, in order; the
 * first guard that fails gives the error, and a move not in the table is
 * `TRAINING.ILLEGAL_TRANSITION`. Every move is kept in the history (from, to, at, actor, note).
 *
 * - PLANNED → ENROLLING (the LPK's licence covers the cohort's dates), or CANCELLED
 * - ENROLLING → RUNNING (sessions scheduled, at least one member enrolled, the start date reached,
 *   licence still covering), or CANCELLED
 * - RUNNING → COMPLETED (the end date reached, attendance recorded for every session), or CANCELLED
 * - COMPLETED and CANCELLED are final. Cancelling needs a note.
 * Entering COMPLETED closes the waitlist, entering CANCELLED ends every active enrolment
 * (`COHORT_ENTRY_EFFECTS`, applied by the cohort).
 */
import type { DomainErrorData, Messages } from '../shared/domain-error';
import { compareDates, type IsoDate } from '../shared/local-date';
import type { CohortSnapshot } from './cohort-snapshot';
import { TrainingErrors } from './training.errors';

export const COHORT_STATUSES = ['PLANNED', 'ENROLLING', 'RUNNING', 'COMPLETED', 'CANCELLED'] as const;
export type CohortStatus = (typeof COHORT_STATUSES)[number];

const TRANSITIONS = {
  PLANNED: ['ENROLLING', 'CANCELLED'],
  ENROLLING: ['RUNNING', 'CANCELLED'],
  RUNNING: ['COMPLETED', 'CANCELLED'],
  COMPLETED: [],
  CANCELLED: [],
} as const satisfies Record<CohortStatus, readonly CohortStatus[]>;

export type CohortTransitionTarget<F extends CohortStatus> = (typeof TRANSITIONS)[F][number];
export const COHORT_TRANSITIONS: Readonly<Record<CohortStatus, readonly CohortStatus[]>> = Object.freeze(TRANSITIONS);

export const COHORT_STATUS_LABELS: Readonly<Record<CohortStatus, Messages>> = Object.freeze({
  PLANNED: { id: 'Direncanakan', en: 'Planned' },
  ENROLLING: { id: 'Pendaftaran dibuka', en: 'Enrolling' },
  RUNNING: { id: 'Berjalan', en: 'Running' },
  COMPLETED: { id: 'Selesai', en: 'Completed' },
  CANCELLED: { id: 'Dibatalkan', en: 'Cancelled' },
});

/** Statuses in which the schedule (dates, capacity) may change. */
export const COHORT_SCHEDULE_EDITABLE: readonly CohortStatus[] = ['PLANNED', 'ENROLLING'];
/** Statuses in which sessions may be added or removed. */
export const COHORT_SESSIONS_EDITABLE: readonly CohortStatus[] = ['PLANNED', 'ENROLLING', 'RUNNING'];

export interface CohortTransitionContext {
  readonly cohort: CohortSnapshot;
  readonly note: string | null;
  /** The WIB date of the move's `at`. */
  readonly today: IsoDate;
}

export type CohortGuard = (c: CohortTransitionContext) => DomainErrorData | undefined;

type CohortTransitionTable = {
  readonly [F in CohortStatus]: { readonly [T in CohortTransitionTarget<F>]: readonly CohortGuard[] };
};

/** True when the provider needs no licence, or the LPK's licence is valid from the start to the end date. */
export function cohortLicenceCovered(c: Pick<CohortSnapshot, 'rules' | 'startDate' | 'endDate'>): boolean {
  const { providerType, providerLicence: l } = c.rules;
  if (providerType !== 'LPK') return true;
  return l !== null && compareDates(l.validFrom, c.startDate) <= 0 && (l.validUntil === null || compareDates(c.endDate, l.validUntil) <= 0);
}

/** Session numbers that have no attendance record. */
export function sessionsWithoutAttendance(c: Pick<CohortSnapshot, 'sessions' | 'attendance'>): number[] {
  return c.sessions.filter((s) => !c.attendance.some((a) => a.sessionNumber === s.number)).map((s) => s.number);
}

export const CohortGuards = {
  noteGiven: (c) => (c.note === null ? TrainingErrors.noteRequired() : undefined),
  licenceCovers: (c) => (cohortLicenceCovered(c.cohort) ? undefined : TrainingErrors.licenceNotValid(c.cohort.startDate)),
  hasSessions: (c) => (c.cohort.sessions.length === 0 ? TrainingErrors.noSessions() : undefined),
  hasMembers: (c) => (c.cohort.enrolments.some((e) => e.status === 'ENROLLED') ? undefined : TrainingErrors.noMembers()),
  startReached: (c) => (compareDates(c.today, c.cohort.startDate) < 0 ? TrainingErrors.notYetStarted(c.cohort.startDate) : undefined),
  endReached: (c) => (compareDates(c.today, c.cohort.endDate) < 0 ? TrainingErrors.notYetEnded(c.cohort.endDate) : undefined),
  attendanceRecorded: (c) => {
    const missing = sessionsWithoutAttendance(c.cohort);
    return missing.length > 0 ? TrainingErrors.attendanceNotRecorded(missing) : undefined;
  },
} satisfies Record<string, CohortGuard>;

const G = CohortGuards;
const CANCEL = [G.noteGiven];

export const COHORT_TRANSITION_TABLE = {
  PLANNED: { ENROLLING: [G.licenceCovers], CANCELLED: CANCEL },
  ENROLLING: { RUNNING: [G.hasSessions, G.hasMembers, G.startReached, G.licenceCovers], CANCELLED: CANCEL },
  RUNNING: { COMPLETED: [G.endReached, G.attendanceRecorded], CANCELLED: CANCEL },
  COMPLETED: {},
  CANCELLED: {},
} as const satisfies CohortTransitionTable;

/** The guards of `from → to`, or `undefined` when the move is not in the table. */
export function cohortTransitionGuards(from: CohortStatus, to: CohortStatus): readonly CohortGuard[] | undefined {
  const row: Readonly<Partial<Record<CohortStatus, readonly CohortGuard[]>>> = COHORT_TRANSITION_TABLE[from];
  return Object.prototype.hasOwnProperty.call(row, to) ? row[to] : undefined;
}
