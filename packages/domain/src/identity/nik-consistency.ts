/**
 * Does the NIK agree with the birth date and sex the candidate declared (DOMAIN.md §4)?
 *
 * The birth date is compared on day, month and two-digit year, because the NIK does not carry
 * the century (see the century rule in nik.ts): a declared 1925-03-04 agrees with a NIK holding
 * 040325 whatever the as-of date.
 */
import { err, ok, type DomainErrorData, type Result } from '../shared/domain-error';
import { invalidText, textErrorData, textRef, type Text } from '../shared/text';
import { rendered } from '../messages/render';
import { parseIsoDate, toParts, type IsoDate } from '../shared/local-date';
import { isOneOf, SEXES, type Sex } from '../shared/vocabulary';
import { leanCheckNikStructure, type NikStructure } from './nik';

export interface DeclaredIdentity {
  readonly birthDate?: IsoDate;
  readonly sex?: Sex;
}

export interface NikDeclaredCheck {
  readonly nik: NikStructure;
  /** `undefined` when nothing was declared to compare with. */
  readonly birthDateMatches?: boolean;
  readonly sexMatches?: boolean;
}

/**
 * Validate the NIK (structure) and compare it with the declared birth date and sex.
 * Errors: the NIK codes of `checkNikStructure`, then `NIK.BIRTH_DATE_MISMATCH` /
 * `NIK.SEX_MISMATCH` / `NIK.BIRTH_DATE_AND_SEX_MISMATCH` (details carry both booleans).
 * A declared value that is itself malformed throws (`DATE.INVALID`, `IDENTITY.INVALID_SEX`).
 */
export function checkNikAgainstDeclared(nik: unknown, declared: DeclaredIdentity): Result<NikDeclaredCheck> {
  return rendered(leanCheckNikAgainstDeclared, nik, declared);
}

/** `checkNikAgainstDeclared` with the error's text by reference (`TextRef`, issue 14; a thrown IDENTITY.INVALID_SEX too). */
export function leanCheckNikAgainstDeclared(nik: unknown, declared: DeclaredIdentity): Result<NikDeclaredCheck, DomainErrorData<Text>> {
  if (declared.birthDate !== undefined) parseIsoDate(declared.birthDate, ['declaredBirthDate']);
  if (declared.sex !== undefined && !isOneOf(SEXES, declared.sex)) {
    invalidText('IDENTITY.INVALID_SEX', textRef('IDENTITY.INVALID_SEX'), {
      path: ['declaredSex'],
    });
  }
  const parsed = leanCheckNikStructure(nik);
  if (!parsed.ok) return parsed;
  const s = parsed.value;

  let birthDateMatches: boolean | undefined;
  if (declared.birthDate !== undefined) {
    const d = toParts(declared.birthDate);
    birthDateMatches = d.day === s.birthDay && d.month === s.birthMonth && d.year % 100 === s.birthYearTwoDigits;
  }
  const sexMatches = declared.sex === undefined ? undefined : declared.sex === s.sex;

  const details = { birthDateMatches: birthDateMatches ?? null, sexMatches: sexMatches ?? null };
  if (birthDateMatches === false && sexMatches === false) {
    return err(
      textErrorData('NIK.BIRTH_DATE_AND_SEX_MISMATCH', textRef('NIK.BIRTH_DATE_AND_SEX_MISMATCH'), { path: ['nik'], details }),
    );
  }
  if (birthDateMatches === false) {
    return err(
      textErrorData('NIK.BIRTH_DATE_MISMATCH', textRef('NIK.BIRTH_DATE_MISMATCH'), { path: ['nik'], details }),
    );
  }
  if (sexMatches === false) {
    return err(
      textErrorData('NIK.SEX_MISMATCH', textRef('NIK.SEX_MISMATCH'), { path: ['nik'], details }),
    );
  }
  return ok({
    nik: s,
    ...(birthDateMatches === undefined ? {} : { birthDateMatches }),
    ...(sexMatches === undefined ? {} : { sexMatches }),
  });
}
