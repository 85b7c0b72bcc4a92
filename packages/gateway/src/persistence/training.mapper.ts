/** Training records ⇄ domain snapshots (`CourseSnapshot`, `CohortSnapshot`). */
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { CohortSnapshot, CourseSnapshot, IsoDate, SessionAttendance, Timestamp } from '../domain';
import {
  TrainingAttendanceMarkRecord,
  TrainingCohortRecord,
  TrainingCohortStatusChangeRecord,
  TrainingCourseRecord,
  TrainingEnrolmentRecord,
  TrainingFinalAssessmentRecord,
  TrainingPracticeScoreRecord,
  TrainingSessionRecord,
} from './training.schema';
import type { Columns } from './columns';
import { syncChildren } from './sync';

const ts = (d: Date): Timestamp => d.toISOString() as Timestamp;
const tsOrNull = (d: Date | null): Timestamp | null => (d === null ? null : ts(d));

// ------------------------------------------------------------------ course

export function courseSnapshotOf(c: TrainingCourseRecord): CourseSnapshot {
  return {
    id: c.id,
    title: { id: c.titleId, en: c.titleEn },
    kind: c.kind,
    provider: {
      partyId: c.providerPartyId,
      type: c.providerType,
      licence:
        c.licenceNumber === null || c.licenceValidFrom === null
          ? null
          : { number: c.licenceNumber, validFrom: c.licenceValidFrom as IsoDate, validUntil: c.licenceValidUntil as IsoDate | null },
    },
    target: c.target,
    hours: c.hours,
    fee: { amount: Number(c.feeIdr), currency: 'IDR' },
    attendanceRule: { requiredShare: c.attendanceRequiredShare, excused: c.attendanceExcused, statedBy: c.attendanceStatedBy },
    hasFinalAssessment: c.hasFinalAssessment,
    note: c.note,
  };
}

/** A new course row (courses never change after creation). */
export function insertCourse(em: EntityManager, s: CourseSnapshot, now: Date): TrainingCourseRecord {
  const c = Object.assign(new TrainingCourseRecord(), {
    id: s.id,
    providerPartyId: s.provider.partyId,
    providerType: s.provider.type,
    licenceNumber: s.provider.licence?.number ?? null,
    licenceValidFrom: s.provider.licence?.validFrom ?? null,
    licenceValidUntil: s.provider.licence?.validUntil ?? null,
    kind: s.kind,
    titleId: s.title.id,
    titleEn: s.title.en,
    target: s.target,
    hours: s.hours,
    feeIdr: String(s.fee.amount),
    attendanceRequiredShare: s.attendanceRule.requiredShare,
    attendanceExcused: s.attendanceRule.excused,
    attendanceStatedBy: s.attendanceRule.statedBy,
    hasFinalAssessment: s.hasFinalAssessment,
    note: s.note,
    createdAt: now,
    updatedAt: now,
  } satisfies Columns<TrainingCourseRecord>);
  em.persist(c);
  return c;
}

// ------------------------------------------------------------------ cohort

export interface CohortRows {
  readonly cohort: TrainingCohortRecord;
  readonly history: readonly TrainingCohortStatusChangeRecord[];
  readonly sessions: readonly TrainingSessionRecord[];
  readonly marks: readonly TrainingAttendanceMarkRecord[];
  readonly enrolments: readonly TrainingEnrolmentRecord[];
  readonly practiceScores: readonly TrainingPracticeScoreRecord[];
  readonly finalAssessments: readonly TrainingFinalAssessmentRecord[];
}

function attendanceOf(rows: Pick<CohortRows, 'sessions' | 'marks'>): SessionAttendance[] {
  return [...rows.sessions]
    .filter((s) => s.attendanceRecordedAt !== null)
    .sort((a, b) => a.number - b.number)
    .map((s) => ({
      sessionNumber: s.number,
      recordedAt: ts(s.attendanceRecordedAt!),
      actor: s.attendanceActor ?? '',
      marks: rows.marks
        .filter((m) => m.sessionNumber === s.number)
        .sort((a, b) => a.id - b.id)
        .map((m) => ({ candidateId: m.candidateId, mark: m.mark })),
    }));
}

export function cohortSnapshotOf(rows: CohortRows): CohortSnapshot {
  const c = rows.cohort;
  return {
    id: c.id,
    courseId: c.courseId,
    courseKind: c.courseKind,
    venue: { kind: c.venueKind, name: c.venueName, kecamatan: c.kecamatan, kelurahan: c.kelurahan },
    capacity: c.capacity,
    startDate: c.startDate as IsoDate,
    endDate: c.endDate as IsoDate,
    promotionWindowDays: c.promotionWindowDays,
    rules: c.rules,
    sessions: [...rows.sessions].sort((a, b) => a.number - b.number).map((s) => ({ number: s.number, date: s.date as IsoDate, topic: s.topic })),
    enrolments: [...rows.enrolments]
      .sort((a, b) => a.sequence - b.sequence)
      .map((e) => ({
        sequence: e.sequence,
        candidateId: e.candidateId,
        status: e.status,
        requestedAt: ts(e.requestedAt),
        seatedAt: tsOrNull(e.seatedAt),
        endedAt: tsOrNull(e.endedAt),
        reason: e.reason,
        note: e.note,
      })),
    attendance: attendanceOf(rows),
    practiceScores: [...rows.practiceScores]
      .sort((a, b) => a.position - b.position)
      .map((p) => ({ candidateId: p.candidateId, test: p.test, takenOn: p.takenOn as IsoDate, score: p.score })),
    finalAssessments: [...rows.finalAssessments]
      .sort((a, b) => a.id - b.id)
      .map((f) => ({ candidateId: f.candidateId, passed: f.passed, assessedOn: f.assessedOn as IsoDate })),
    status: c.status,
    note: c.note,
    history: [...rows.history]
      .sort((a, b) => a.sequence - b.sequence)
      .map((h) => ({ sequence: h.sequence, from: h.fromStatus, to: h.toStatus, at: ts(h.at), actor: h.actor, note: h.note })),
  };
}

/**
 * Load a cohort with its children (one statement each, one after another: inside a transaction they
 * share one connection); `lock` takes the cohort row FOR UPDATE first, so every change of one cohort
 * (enrolment, withdrawal, attendance) runs one after another.
 */
export async function loadCohortRows(em: EntityManager, id: string, lock = false): Promise<CohortRows | undefined> {
  const cohort = await em.findOne(TrainingCohortRecord, { id }, lock ? { lockMode: LockMode.PESSIMISTIC_WRITE } : {});
  if (!cohort) return undefined;
  const history = await em.find(TrainingCohortStatusChangeRecord, { cohortId: id });
  const sessions = await em.find(TrainingSessionRecord, { cohortId: id });
  const marks = await em.find(TrainingAttendanceMarkRecord, { cohortId: id });
  const enrolments = await em.find(TrainingEnrolmentRecord, { cohortId: id });
  const practiceScores = await em.find(TrainingPracticeScoreRecord, { cohortId: id });
  const finalAssessments = await em.find(TrainingFinalAssessmentRecord, { cohortId: id });
  return { cohort, history, sessions, marks, enrolments, practiceScores, finalAssessments };
}

function applyCohortRow(c: TrainingCohortRecord, s: CohortSnapshot, providerPartyId: string, now: Date): void {
  Object.assign(c, {
    id: s.id,
    courseId: s.courseId,
    providerPartyId,
    courseKind: s.courseKind,
    venueKind: s.venue.kind,
    venueName: s.venue.name,
    kecamatan: s.venue.kecamatan,
    kelurahan: s.venue.kelurahan,
    capacity: s.capacity,
    startDate: s.startDate,
    endDate: s.endDate,
    promotionWindowDays: s.promotionWindowDays,
    rules: s.rules,
    status: s.status,
    enrolledCount: s.enrolments.filter((e) => e.status === 'ENROLLED').length,
    waitlistedCount: s.enrolments.filter((e) => e.status === 'WAITLISTED').length,
    note: s.note,
    updatedAt: now,
  } satisfies Columns<TrainingCohortRecord, 'createdAt'>);
}

function syncSessions(em: EntityManager, rows: Partial<CohortRows> | undefined, s: CohortSnapshot): TrainingSessionRecord[] {
  return syncChildren(em, rows?.sessions ?? [], s.sessions, (r) => String(r.number), (x) => String(x.number), (row, x) => {
    const a = s.attendance.find((r) => r.sessionNumber === x.number);
    return Object.assign(row ?? new TrainingSessionRecord(), {
      cohortId: s.id,
      number: x.number,
      date: x.date,
      topic: x.topic,
      attendanceRecordedAt: a ? new Date(a.recordedAt) : null,
      attendanceActor: a ? a.actor : null,
    } satisfies Columns<TrainingSessionRecord, 'id'>);
  });
}

function syncMarks(em: EntityManager, rows: Partial<CohortRows> | undefined, s: CohortSnapshot): TrainingAttendanceMarkRecord[] {
  const desired = s.attendance.flatMap((a) => a.marks.map((m) => ({ sessionNumber: a.sessionNumber, ...m })));
  const key = (x: { sessionNumber: number; candidateId: string }) => `${x.sessionNumber}/${x.candidateId}`;
  return syncChildren(em, rows?.marks ?? [], desired, key, key, (row, x) =>
    Object.assign(row ?? new TrainingAttendanceMarkRecord(), { cohortId: s.id, sessionNumber: x.sessionNumber, candidateId: x.candidateId, mark: x.mark } satisfies Columns<TrainingAttendanceMarkRecord, 'id'>),
  );
}

/** Write a snapshot onto the rows (new or loaded): the cohort row, then its children by key. */
export function applyCohortSnapshot(em: EntityManager, rows: Partial<CohortRows> | undefined, s: CohortSnapshot, providerPartyId: string, now: Date): CohortRows {
  const cohort = rows?.cohort ?? Object.assign(new TrainingCohortRecord(), { createdAt: now });
  applyCohortRow(cohort, s, providerPartyId, now);
  if (!rows?.cohort) em.persist(cohort);
  const history = syncChildren(em, rows?.history ?? [], s.history, (r) => String(r.sequence), (h) => String(h.sequence), (row, h) =>
    Object.assign(row ?? new TrainingCohortStatusChangeRecord(), {
      cohortId: s.id,
      sequence: h.sequence,
      fromStatus: h.from,
      toStatus: h.to,
      at: new Date(h.at),
      actor: h.actor,
      note: h.note,
    } satisfies Columns<TrainingCohortStatusChangeRecord, 'id'>),
  );
  const sessions = syncSessions(em, rows, s);
  const marks = syncMarks(em, rows, s);
  const enrolments = syncChildren(em, rows?.enrolments ?? [], s.enrolments, (r) => String(r.sequence), (e) => String(e.sequence), (row, e) =>
    Object.assign(row ?? new TrainingEnrolmentRecord(), {
      cohortId: s.id,
      candidateId: e.candidateId,
      courseKind: s.courseKind,
      sequence: e.sequence,
      status: e.status,
      requestedAt: new Date(e.requestedAt),
      seatedAt: e.seatedAt === null ? null : new Date(e.seatedAt),
      endedAt: e.endedAt === null ? null : new Date(e.endedAt),
      reason: e.reason,
      note: e.note,
    } satisfies Columns<TrainingEnrolmentRecord, 'id'>),
  );
  const scores = s.practiceScores.map((p, position) => ({ ...p, position }));
  const practiceScores = syncChildren(em, rows?.practiceScores ?? [], scores, (r) => String(r.position), (p) => String(p.position), (row, p) =>
    Object.assign(row ?? new TrainingPracticeScoreRecord(), { cohortId: s.id, candidateId: p.candidateId, position: p.position, test: p.test, takenOn: p.takenOn, score: p.score } satisfies Columns<TrainingPracticeScoreRecord, 'id'>),
  );
  const finalAssessments = syncChildren(em, rows?.finalAssessments ?? [], s.finalAssessments, (r) => r.candidateId, (f) => f.candidateId, (row, f) =>
    Object.assign(row ?? new TrainingFinalAssessmentRecord(), { cohortId: s.id, candidateId: f.candidateId, passed: f.passed, assessedOn: f.assessedOn } satisfies Columns<TrainingFinalAssessmentRecord, 'id'>),
  );
  return { cohort, history, sessions, marks, enrolments, practiceScores, finalAssessments };
}
