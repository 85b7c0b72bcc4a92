/** Training records and domain results → their GraphQL types. */
import type { AttendanceShare, CourseTarget, EnrolmentStageChange as DomainStageChange, Readiness, TrainingPlan } from '../../domain';
import type {
  TrainingCohortRecord,
  TrainingCohortStatusChangeRecord,
  TrainingCourseRecord,
  TrainingEnrolmentRecord,
  TrainingPracticeScoreRecord,
  TrainingSessionRecord,
} from '../../persistence/training.schema';
import { moneyFromMinor } from '../types/money.type';
import {
  Course,
  CourseTargetGql,
  EnrolmentStageChange,
  TrainingAttendanceShareGql,
  TrainingCohort,
  TrainingCohortStatusChange,
  TrainingEnrolment,
  TrainingPlanGql,
  TrainingPracticeScoreGql,
  TrainingReadinessGql,
  TrainingSession,
} from '../types/training.type';

function toTargetGql(t: CourseTarget | null): CourseTargetGql | null {
  if (t === null) return null;
  const none = { score: null, test: null, level: null, certifier: null, occupation: null, qualification: null };
  switch (t.kind) {
    case 'EPS_TOPIK':
      return { ...none, kind: t.kind, score: t.score };
    case 'TOPIK':
      return { ...none, kind: t.kind, test: t.test, level: t.level };
    case 'PILOT_KOREAN':
      return { ...none, kind: t.kind, level: t.level };
    case 'SKILL_CERTIFICATE':
      return { ...none, kind: t.kind, certifier: t.certifier, occupation: t.occupation, qualification: t.qualification };
  }
}

export function toCourseGql(r: TrainingCourseRecord): Course {
  return {
    id: r.id,
    title: { id: r.titleId, en: r.titleEn },
    kind: r.kind,
    providerType: r.providerType,
    licence: r.licenceNumber === null || r.licenceValidFrom === null ? null : { number: r.licenceNumber, validFrom: r.licenceValidFrom, validUntil: r.licenceValidUntil },
    target: toTargetGql(r.target),
    hours: r.hours,
    fee: moneyFromMinor(r.feeIdr, 'IDR'),
    attendanceRule: { requiredShare: r.attendanceRequiredShare, excused: r.attendanceExcused, statedBy: r.attendanceStatedBy },
    hasFinalAssessment: r.hasFinalAssessment,
    note: r.note,
    createdAt: r.createdAt,
    providerPartyId: r.providerPartyId,
  };
}

export function toCohortGql(r: TrainingCohortRecord): TrainingCohort {
  return {
    id: r.id,
    courseKind: r.courseKind,
    venue: { kind: r.venueKind, name: r.venueName, kecamatan: r.kecamatan, kelurahan: r.kelurahan },
    capacity: r.capacity,
    seatsTaken: r.enrolledCount,
    seatsLeft: r.capacity - r.enrolledCount,
    waitlisted: r.waitlistedCount,
    startDate: r.startDate,
    endDate: r.endDate,
    promotionWindowDays: r.promotionWindowDays,
    attendanceRule: { ...r.rules.attendanceRule },
    hasFinalAssessment: r.rules.hasFinalAssessment,
    status: r.status,
    note: r.note,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    courseId: r.courseId,
    providerPartyId: r.providerPartyId,
  };
}

export function toSessionGql(r: TrainingSessionRecord): TrainingSession {
  return { number: r.number, date: r.date, topic: r.topic, attendanceRecordedAt: r.attendanceRecordedAt };
}

export function toCohortChangeGql(r: TrainingCohortStatusChangeRecord): TrainingCohortStatusChange {
  return { sequence: r.sequence, from: r.fromStatus, to: r.toStatus, at: r.at, actor: r.actor, note: r.note };
}

export function toEnrolmentGql(r: TrainingEnrolmentRecord): TrainingEnrolment {
  return {
    cohortId: r.cohortId,
    candidateId: r.candidateId,
    sequence: r.sequence,
    status: r.status,
    requestedAt: r.requestedAt,
    seatedAt: r.seatedAt,
    endedAt: r.endedAt,
    reason: r.reason,
    note: r.note,
  };
}

export function toPracticeScoreGql(r: Pick<TrainingPracticeScoreRecord, 'cohortId' | 'test' | 'takenOn' | 'score'>): TrainingPracticeScoreGql {
  return { cohortId: r.cohortId, test: r.test, takenOn: r.takenOn, score: r.score };
}

export function toAttendanceShareGql(a: AttendanceShare): TrainingAttendanceShareGql {
  return {
    sessions: a.sessions,
    present: a.present,
    excused: a.excused,
    absent: a.absent,
    attended: a.attended,
    counted: a.counted,
    share: a.shareDecimal,
    requiredShare: a.requiredShare,
    meetsRule: a.meetsRule,
  };
}

export function toStageChangeGql(c: DomainStageChange): EnrolmentStageChange {
  return { change: c.change, reason: c.change === 'NONE' ? c.reason : null, message: { ...c.message } };
}

export function toReadinessGql(r: Readiness): TrainingReadinessGql {
  const req = r.requirement;
  return {
    asOf: r.asOf,
    route: r.route,
    requirement: req === null ? null : req.kind,
    requiredValue: req === null ? null : req.kind === 'EPS_TOPIK' ? req.minScore : req.minLevel,
    ruleIds: req === null ? [] : [...req.ruleIds],
    latestPracticeTest: r.latestPractice?.test ?? null,
    latestPracticeTakenOn: r.latestPractice?.takenOn ?? null,
    latestPracticeScore: r.latestPractice?.score ?? null,
    latestLevel: r.latestPractice?.level ?? null,
    gap: r.gap,
    status: r.status,
    nextOfficialTestDate: r.nextOfficialTestDate,
    courseEndsAfterTest: r.courseEndsAfterTest,
    checklist: r.checklist.map((i) => ({ key: i.key, kind: i.kind, message: { ...i.message }, dueBy: i.dueBy ?? null })),
  };
}

/** The plan's figures (the resolver adds the rates it used and their sources). */
export function toTrainingPlanGql(p: TrainingPlan): Omit<TrainingPlanGql, 'dropoutRate' | 'passRate'> {
  return {
    reachable: p.reachable,
    bindingConstraint: p.bindingConstraint,
    explanation: { ...p.explanation },
    completersPerCohort: p.completersPerCohort,
    passersPerCohort: p.passersPerCohort,
    cohortsNeeded: p.cohortsNeeded,
    maxCohorts: p.maxCohorts,
    maxPlacements: p.maxPlacements,
    latestUsableTestDate: p.latestUsableTestDate,
    latestStartDate: p.latestStartDate,
    waves: p.waves.map((w) => ({ ...w })),
  };
}
