/**
 * Does the NIK agree with the birth date and sex the candidate declared (DOMAIN.md §4)?
 *
 * The birth date is compared on day, month and two-digit year, because the NIK does not carry
 * the century (see the century rule in nik.ts): a declared 1925-03-04 agrees with a NIK holding
 * 040325 whatever the as-of date.
 */
import { err, errorData, invalid, ok, type Result } from '../shared/domain-error';
import { parseIsoDate, toParts, type IsoDate } from '../shared/local-date';
import { isOneOf, SEXES, type Sex } from '../shared/vocabulary';
import { checkNikStructure, type NikStructure } from './nik';

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
  if (declared.birthDate !== undefined) parseIsoDate(declared.birthDate, ['declaredBirthDate']);
  if (declared.sex !== undefined && !isOneOf(SEXES, declared.sex)) {
    invalid('IDENTITY.INVALID_SEX', "Jenis kelamin harus 'M' atau 'F'.", "Sex must be 'M' or 'F'.", {
      path: ['declaredSex'],
    });
  }
  const parsed = checkNikStructure(nik);
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
      errorData(
        'NIK.BIRTH_DATE_AND_SEX_MISMATCH',
        'Tanggal lahir dan jenis kelamin pada NIK tidak sesuai dengan data yang dinyatakan.',
        'The birth date and sex encoded in the NIK do not match the declared ones.',
        { path: ['nik'], details },
      ),
    );
  }
  if (birthDateMatches === false) {
    return err(
      errorData(
        'NIK.BIRTH_DATE_MISMATCH',
        'Tanggal lahir pada NIK tidak sesuai dengan tanggal lahir yang dinyatakan.',
        'The birth date encoded in the NIK does not match the declared birth date.',
        { path: ['nik'], details },
      ),
    );
  }
  if (sexMatches === false) {
    return err(
      errorData(
        'NIK.SEX_MISMATCH',
        'Jenis kelamin pada NIK (tanggal +40 untuk perempuan) tidak sesuai dengan yang dinyatakan.',
        'The sex encoded in the NIK (day + 40 for women) does not match the declared sex.',
        { path: ['nik'], details },
      ),
    );
  }
  return ok({
    nik: s,
    ...(birthDateMatches === undefined ? {} : { birthDateMatches }),
    ...(sexMatches === undefined ? {} : { sexMatches }),
  });
}
