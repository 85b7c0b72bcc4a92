/** Eligibility: the candidate profile, its validator, rules, rule sets per route, evaluation and ranking. */
export * from './candidate-profile';
export * from './validate-candidate-profile';
export * from './rule';
export * from './rule-sets';
export * from './rule-catalog';
export * from './korean-tests';
export * from './skill-verifications';
export * from './evaluate-eligibility';
export * from './rank-candidates';
export * from './compile-eligibility';
export * from './rank-candidates-quick';
export { prepareCandidateProfiles, type PreparedCandidateProfiles, type PreparedColumns, type PreparedRankingFields } from './prepared-profiles';
export { PREPARED_SELECTION_STATUSES, PREPARED_DEPARTURE_STATUSES, type PreparedVerdicts } from './prepared-verdicts';
