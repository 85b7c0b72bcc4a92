/**
 * The access policy of the gateway in one place: which roles each kind of field needs. Resolvers and
 * GraphQL types use these lists with type-graphql's `@Authorized(...RULE)`; `ADMIN` passes every rule
 * (auth-checker.ts). The schema walk test (test/security-schema.test.ts) fails when a query, a
 * mutation or a field of a personal type has no rule.
 *
 * | rule                 | roles                                   | used for                                                        |
 * | -------------------- | --------------------------------------- | --------------------------------------------------------------- |
 * | `PUBLIC_RULE`        | anybody                                 | vacancy board (OPEN openings), parties, MoUs, quotas, quota fill, parameters, calculators, vocabulary |
 * | `STAFF_RULE`         | OFFICER, PARTNER, ANALYST               | who recorded a status change (`actor`), openings not yet published |
 * | `CANDIDATE_LOOKUP_RULE` | CANDIDATE, OFFICER, PARTNER, ANALYST | who may ask `candidates` / `candidate(id)`: rows decided per record; a caller whose only right is ANALYST gets the list refused (ANALYST_USE_AGGREGATES) and `null` by id |
 * | `PERSONAL_RULE`      | CANDIDATE, OFFICER, PARTNER             | every field of a candidate record and of what hangs below it (row scope decided per record) |
 * | `RANKING_RULE`       | OFFICER, PARTNER                        | candidates ranked for an opening (filtered per record)           |
 * | `AGGREGATE_RULE`     | OFFICER, ANALYST                        | candidate counts, stage durations, placement costs               |
 * | `WRITE_RULE`         | OFFICER                                 | every mutation of the program                                    |
 * | `AUDIT_RULE`         | OFFICER                                 | reading the audit log                                            |
 * | `ADMIN_RULE`         | ADMIN                                   | API keys                                                         |
 * | `TRAINING_ROSTER_RULE` | OFFICER, TRAINER                      | a training cohort's member list (`TrainingCohort.enrolments`); a TRAINER's rows: their providers' cohorts only (graphql/access.ts) |
 * | `TRAINEE_RULE`       | CANDIDATE, OFFICER, PARTNER, TRAINER    | a member's enrolment, attendance share and practice scores (the types below a roster) |
 * | `TRAINING_RECORD_RULE` | OFFICER, TRAINER                      | `recordAttendance`, `recordAssessment`; a TRAINER: their providers' cohorts only (another cohort answers like a missing one) |
 *
 * TRAINER (issue 10) is staff of a training provider; the principal's `partyIds` are the providers.
 * Everything a TRAINER reads hangs below a cohort of their providers (`TrainingCohort.enrolments`);
 * no rule of a candidate record (`PERSONAL_RULE`, `CANDIDATE_LOOKUP_RULE`) names TRAINER, so health,
 * criminal record, financing, NIK, documents and the rest of the profile are out of reach, and
 * `candidate(id)` answers null, as for a missing id. Official test results (`recordTestResult`),
 * enrolment and the cohort lifecycle stay with the officers (WRITE_RULE).
 *
 * ANALYST has no record-level right to candidates (issue 8): record fields (stage, kecamatan, sex,
 * occupation, age band, `stageSince`) and list counts (`totalCount`) are the dimensions of the
 * protected aggregates (packages/domain/src/disclosure), so any record view would let an analyst
 * rebuild a suppressed cell. Analysts read the aggregates; a caller who is ANALYST and PARTNER (or
 * CANDIDATE) sees, through that other role, exactly the records it gives, in full, and no others.
 */
import type { Role } from './role';

export const PUBLIC_RULE: readonly Role[] = ['PUBLIC'];
export const STAFF_RULE: readonly Role[] = ['OFFICER', 'PARTNER', 'ANALYST'];
export const CANDIDATE_LOOKUP_RULE: readonly Role[] = ['CANDIDATE', 'OFFICER', 'PARTNER', 'ANALYST'];
export const PERSONAL_RULE: readonly Role[] = ['CANDIDATE', 'OFFICER', 'PARTNER'];
export const RANKING_RULE: readonly Role[] = ['OFFICER', 'PARTNER'];
export const AGGREGATE_RULE: readonly Role[] = ['OFFICER', 'ANALYST'];
export const WRITE_RULE: readonly Role[] = ['OFFICER'];
export const AUDIT_RULE: readonly Role[] = ['OFFICER'];
export const ADMIN_RULE: readonly Role[] = ['ADMIN'];
/**
 * A cohort's member list (who is enrolled, waitlisted, their marks): the officers who run training,
 * and the trainers of the cohort's provider (the resolver checks the provider).
 */
export const TRAINING_ROSTER_RULE: readonly Role[] = ['OFFICER', 'TRAINER'];
/** A member's enrolment, attendance share and practice scores: whoever reads the record, and the cohort's trainers. */
export const TRAINEE_RULE: readonly Role[] = ['CANDIDATE', 'OFFICER', 'PARTNER', 'TRAINER'];
/** Recording attendance and assessments: officers, and the trainers of the cohort's provider (checked in the use case). */
export const TRAINING_RECORD_RULE: readonly Role[] = ['OFFICER', 'TRAINER'];

/**
 * The GraphQL object types that hold personal data (every field needs a rule, and none may be
 * PUBLIC). The schema walk test also checks that every type reachable from a candidate's profile is
 * listed here.
 */
export const PERSONAL_TYPES: readonly string[] = [
  'Candidate',
  'CandidateProfileGql',
  'ResidentialAddressGql',
  'EpsTopikResultGql',
  'TopikResultGql',
  'PilotKoreanTestGql',
  'SkillVerificationGql',
  'MedicalRecordGql',
  'MedicalConditionsGql',
  'CriminalRecordGql',
  'KoreaHistoryGql',
  'FamilyConsentGql',
  'DocumentRecordGql',
  'CandidateExternalReferenceGql',
  'CandidateStageChange',
  'Placement',
  'RankedCandidate',
  'RankingScore',
  'SeatAllocationResult',
  'FinancingPlan',
  'FinancingFacility',
  'CandidateTraining',
  'TrainingEnrolment',
  'TrainingAttendanceShare',
  'TrainingPracticeScore',
  'TrainingReadiness',
  'TrainingReadinessItem',
  'EnrolmentResult',
  'EnrolmentStageChange',
  'EnrolmentWithdrawal',
  'AuditLogEntry',
  'ApiKey',
  'CreatedApiKey',
];
