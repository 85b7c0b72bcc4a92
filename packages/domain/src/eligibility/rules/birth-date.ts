/** The birth date the age rules use: the declared one, else the one encoded in a valid NIK. */
import type { IsoDate } from '../../shared/local-date';
import { leanParseNik } from '../../identity/nik';
import type { RuleContext } from '../rule';

export interface CandidateBirthDate {
  readonly birthDate: IsoDate;
  readonly source: 'DECLARED' | 'NIK';
}

export function candidateBirthDate(ctx: RuleContext): CandidateBirthDate | undefined {
  if (ctx.profile.declaredBirthDate !== undefined) return { birthDate: ctx.profile.declaredBirthDate, source: 'DECLARED' };
  if (ctx.profile.nik !== undefined) {
    const parsed = leanParseNik(ctx.profile.nik, ctx.asOf);
    if (parsed.ok) return { birthDate: parsed.value.birthDate, source: 'NIK' };
  }
  return undefined;
}

/** The shared "provide your birth date" action (one checklist item for every age rule). */
export const BIRTH_DATE_ACTION_KEY = 'identity.birthDate';
