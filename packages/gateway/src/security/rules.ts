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
 * | `PERSONAL_RULE`      | CANDIDATE, OFFICER, PARTNER, ANALYST    | candidate records (row scope decided per record; ANALYST sees them masked) |
 * | `UNMASKED_RULE`      | CANDIDATE, OFFICER, PARTNER             | what the analyst view leaves out: birth date, health, criminal record, document numbers, kelurahan, consent date, stage notes, per-rule eligibility |
 * | `RANKING_RULE`       | OFFICER, PARTNER, ANALYST               | candidates ranked for an opening (filtered per record)           |
 * | `AGGREGATE_RULE`     | OFFICER, ANALYST                        | candidate counts, stage durations, placement costs               |
 * | `WRITE_RULE`         | OFFICER                                 | every mutation of the program                                    |
 * | `AUDIT_RULE`         | OFFICER                                 | reading the audit log                                            |
 * | `ADMIN_RULE`         | ADMIN                                   | API keys                                                         |
 *
 * A field whose rule names `ANALYST` is served on a masked record (with a masked value where
 * masking.ts defines one); a field whose rule does not is refused (FORBIDDEN) on a masked record,
 * whatever other role the caller holds.
 */
import type { Role } from './role';

export const PUBLIC_RULE: readonly Role[] = ['PUBLIC'];
export const STAFF_RULE: readonly Role[] = ['OFFICER', 'PARTNER', 'ANALYST'];
export const PERSONAL_RULE: readonly Role[] = ['CANDIDATE', 'OFFICER', 'PARTNER', 'ANALYST'];
export const UNMASKED_RULE: readonly Role[] = ['CANDIDATE', 'OFFICER', 'PARTNER'];
export const RANKING_RULE: readonly Role[] = ['OFFICER', 'PARTNER', 'ANALYST'];
export const AGGREGATE_RULE: readonly Role[] = ['OFFICER', 'ANALYST'];
export const WRITE_RULE: readonly Role[] = ['OFFICER'];
export const AUDIT_RULE: readonly Role[] = ['OFFICER'];
export const ADMIN_RULE: readonly Role[] = ['ADMIN'];

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
  'AuditLogEntry',
  'ApiKey',
  'CreatedApiKey',
];
