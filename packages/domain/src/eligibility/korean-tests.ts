/**
 * Reading Korean test results: EPS-TOPIK validity and TOPIK levels.
 *
 * EPS-TOPIK validity: a result taken on day D with a validity of N months (`eps.topikValidityMonths`)
 * is valid from D up to and excluding D + N months (`addMonths`, day clamped at month end): a result
 * of 2023-05-12 is valid through 2025-05-11 and has expired on 2025-05-12.
 *
 * TOPIK level: the band of `topik.levels` that contains the score for that test; a score below every
 * band is level 0. No validity period is applied to TOPIK or to the pilot's test: DOMAIN.md gives
 * none (an opening may still ask for a minimum level).
 */
import { addMonths, compareDates, type IsoDate } from '../shared/local-date';
import type { TopikLevelBand } from '../parameters';
import type { CandidateProfile, EpsTopikResult, TopikResult } from './candidate-profile';

export interface DatedEpsTopik {
  readonly result: EpsTopikResult;
  /** First day on which the result is no longer valid. */
  readonly expiresOn: IsoDate;
}

export function epsTopikExpiresOn(result: EpsTopikResult, validityMonths: number): IsoDate {
  return addMonths(result.takenOn, validityMonths);
}

export function isEpsTopikValidOn(result: EpsTopikResult, asOf: IsoDate, validityMonths: number): boolean {
  return compareDates(result.takenOn, asOf) <= 0 && compareDates(asOf, epsTopikExpiresOn(result, validityMonths)) < 0;
}

/** The valid result with the highest score (ties: later expiry, then later test), or undefined. */
export function bestValidEpsTopik(profile: CandidateProfile, asOf: IsoDate, validityMonths: number): DatedEpsTopik | undefined {
  let best: DatedEpsTopik | undefined;
  for (const result of profile.epsTopikResults ?? []) {
    if (!isEpsTopikValidOn(result, asOf, validityMonths)) continue;
    const d = { result, expiresOn: epsTopikExpiresOn(result, validityMonths) };
    if (
      best === undefined ||
      result.score > best.result.score ||
      (result.score === best.result.score && compareDates(d.expiresOn, best.expiresOn) > 0)
    ) {
      best = d;
    }
  }
  return best;
}

/** The most recently expired result (the one to mention in "your 2023 result expired on …"). */
export function latestExpiredEpsTopik(profile: CandidateProfile, asOf: IsoDate, validityMonths: number): DatedEpsTopik | undefined {
  let latest: DatedEpsTopik | undefined;
  for (const result of profile.epsTopikResults ?? []) {
    const expiresOn = epsTopikExpiresOn(result, validityMonths);
    if (compareDates(expiresOn, asOf) > 0) continue;
    if (latest === undefined || compareDates(expiresOn, latest.expiresOn) > 0) latest = { result, expiresOn };
  }
  return latest;
}

/** The TOPIK level a result reaches (0 when below every band of its test). */
export function topikLevelOf(result: TopikResult, bands: readonly TopikLevelBand[]): number {
  let level = 0;
  for (const b of bands) {
    if (b.test === result.test && result.score >= b.min && result.score <= b.max && b.level > level) level = b.level;
  }
  return level;
}

/** The highest TOPIK-scale level shown by TOPIK results or the pilot's test (0 when none reaches level 1). */
export function bestKoreanLevel(profile: CandidateProfile, bands: readonly TopikLevelBand[]): number {
  let level = 0;
  for (const r of profile.topikResults ?? []) level = Math.max(level, topikLevelOf(r, bands));
  for (const t of profile.pilotKoreanTests ?? []) level = Math.max(level, t.level);
  return level;
}

/** The highest level on the TOPIK scale (6 with the NIIED bands). */
export function maxTopikLevel(bands: readonly TopikLevelBand[]): number {
  return bands.reduce((m, b) => Math.max(m, b.level), 0);
}
