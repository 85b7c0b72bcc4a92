/** Which skill verifications count for an occupation, a set of certifiers and a date. */
import { compareDates, type IsoDate } from '../shared/local-date';
import type { Occupation } from '../shared/vocabulary';
import type { CandidateProfile, SkillCertifier, SkillVerification } from './candidate-profile';

export interface SkillVerificationStatus {
  /** Passed, tested on or before asOf, and not expired on asOf (expiry date = last valid day). */
  readonly valid: readonly SkillVerification[];
  readonly expired: readonly SkillVerification[];
  readonly notPassed: readonly SkillVerification[];
}

/** Sort the candidate's verifications for these occupations and certifiers into valid / expired / not passed. */
export function skillVerificationStatus(
  profile: CandidateProfile,
  occupations: readonly Occupation[],
  certifiers: readonly SkillCertifier[],
  asOf: IsoDate,
): SkillVerificationStatus {
  const valid: SkillVerification[] = [];
  const expired: SkillVerification[] = [];
  const notPassed: SkillVerification[] = [];
  for (const v of profile.skillVerifications ?? []) {
    if (!occupations.includes(v.occupation) || !certifiers.includes(v.certifier)) continue;
    if (compareDates(v.testedOn, asOf) > 0) continue;
    if (!v.passed) notPassed.push(v);
    else if (v.expiresOn !== undefined && compareDates(v.expiresOn, asOf) < 0) expired.push(v);
    else valid.push(v);
  }
  return { valid, expired, notPassed };
}

/**
 * Does a held qualification satisfy a required one? Compared ignoring case, spaces and punctuation;
 * the held label must contain the required one ("FCAW 3G (X-ray)" satisfies "fcaw-3g").
 */
export function qualificationMatches(held: string, required: string): boolean {
  const n = (s: string) => s.toUpperCase().replace(/[^A-Z0-9]/g, '');
  return n(required) !== '' && n(held).includes(n(required));
}
