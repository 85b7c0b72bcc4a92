/**
 * Shape check for a job opening's extra requirements (the eligibility module's
 * `OpeningRequirements`: requirements an opening adds on top of its route's rules).
 */
import { err, errorData, ok, type Result } from '../shared/domain-error';
import { EDUCATION_LEVELS } from '../parameters';
import type { OpeningRequirements } from '../eligibility/rule';
import { checkEnum, checkInteger, checkObject, checkText, FieldChecks, keysOf, type Path } from './entity-validation';

const FIELDS = keysOf<OpeningRequirements>()('minEpsTopikScore', 'minTopikLevel', 'minEducation', 'minAge', 'maxAge', 'skillQualification');

/** Sanity bounds for the shape check (the tests' own maxima are parameters, checked by eligibility). */
const MAX_SCORE = 1000;
const MAX_AGE = 100;

export function validateOpeningRequirements(area: string, input: unknown, base: Path = ['extraRequirements']): Result<OpeningRequirements> {
  if (input === undefined || input === null) return ok({});
  const v = new FieldChecks();
  const o = v.take(checkObject(area, input, base, FIELDS));
  if (v.failed) return err(v.error);
  const out: {
    minEpsTopikScore?: number;
    minTopikLevel?: number;
    minEducation?: (typeof EDUCATION_LEVELS)[number];
    minAge?: number;
    maxAge?: number;
    skillQualification?: string;
  } = {};
  const present = (k: (typeof FIELDS)[number]) => o[k] !== undefined && o[k] !== null;
  if (present('minEpsTopikScore')) out.minEpsTopikScore = v.take(checkInteger(area, o['minEpsTopikScore'], [...base, 'minEpsTopikScore'], 0, MAX_SCORE));
  if (present('minTopikLevel')) out.minTopikLevel = v.take(checkInteger(area, o['minTopikLevel'], [...base, 'minTopikLevel'], 1, 6));
  if (present('minEducation')) out.minEducation = v.take(checkEnum(area, EDUCATION_LEVELS, o['minEducation'], [...base, 'minEducation']));
  if (present('minAge')) out.minAge = v.take(checkInteger(area, o['minAge'], [...base, 'minAge'], 0, MAX_AGE));
  if (present('maxAge')) out.maxAge = v.take(checkInteger(area, o['maxAge'], [...base, 'maxAge'], 0, MAX_AGE));
  if (present('skillQualification')) out.skillQualification = v.take(checkText(area, o['skillQualification'], [...base, 'skillQualification'], 100));
  if (v.failed) return err(v.error);
  if (out.minAge !== undefined && out.maxAge !== undefined && out.minAge > out.maxAge) {
    return err(
      errorData(`${area}.INVALID_REQUIREMENTS`, 'Usia minimum melebihi usia maksimum.', 'The minimum age is above the maximum age.', {
        path: [...base, 'maxAge'],
      }),
    );
  }
  return ok(out);
}
