/**
 * NIK (Nomor Induk Kependudukan), the 16-digit Indonesian population number (DOMAIN.md §4):
 *
 * ```
 *   PP RR KK DDMMYY SSSS
 *   │  │  │  │      └── sequence 0001–9999
 *   │  │  │  └── birth date; women add 40 to the day (41–71)
 *   │  │  └── kecamatan code (01–99)
 *   │  └── regency/city code (01–99; cities are conventionally 71 and up, e.g. Kota Serang 73)
 *   └── province code (one of the 38 Kemendagri codes, see province-codes.ts)
 * ```
 *
 * Regency and kecamatan codes are checked for structure only (two digits, not 00): no official
 * list is part of the domain (see province-codes.ts). The NIK records where a person was *first*
 * registered and never changes, so it is never used to decide residency (see residency.ts).
 *
 * Century rule (`parseNik` needs an `asOf` date because the NIK has a two-digit year):
 * the birth year is the latest year ending in YY whose date DD-MM is a real date on or before
 * `asOf`, looking in the century of `asOf` and the one before (for an `asOf` in 2026: 20YY if that
 * date is not after `asOf`, else 19YY); otherwise the birth date is invalid. So the inferred age is
 * always 0–99 years: a person aged 100 or more is given the wrong century. The consistency check
 * against a declared birth date (nik-consistency.ts) compares day, month and the two-digit year
 * only, so it never reports a false mismatch for them.
 *
 * Invalid NIKs are expected input from forms: every check returns a `Result` with a stable code
 * (`NIK.NOT_A_STRING`, `NIK.NOT_DIGITS`, `NIK.INVALID_LENGTH`, `NIK.INVALID_PROVINCE`,
 * `NIK.INVALID_REGENCY`, `NIK.INVALID_KECAMATAN`, `NIK.INVALID_BIRTH_DATE`, `NIK.INVALID_SEQUENCE`).
 * Messages never contain the submitted number.
 */
import { err, ok, type DomainErrorData, type Result } from '../shared/domain-error';
import { textErrorData, textRef, type Text } from '../shared/text';
import { renderTexts } from '../messages/render';
import { compareDates, fromParts, isValidDateParts, parseIsoDate, toParts, type IsoDate } from '../shared/local-date';
import type { Sex } from '../shared/vocabulary';
import { isIndonesianProvinceCode } from './province-codes';

export const NIK_LENGTH = 16;
/** Added to the day of birth for women. */
export const NIK_FEMALE_DAY_OFFSET = 40;

/** What the 16 digits say without knowing the century. */
export interface NikStructure {
  /** The NIK as 16 digits (spaces, dots and hyphens removed). */
  readonly nik: string;
  /** Two digits, e.g. '36' (Banten). */
  readonly provinceCode: string;
  /** Four digits, province + regency/city, e.g. '3673' (Kota Serang). */
  readonly regencyCode: string;
  /** Six digits, province + regency + kecamatan, e.g. '367301'. */
  readonly kecamatanCode: string;
  readonly sex: Sex;
  /** Day of birth with the +40 for women removed (1–31). */
  readonly birthDay: number;
  readonly birthMonth: number;
  /** Two-digit year of birth (0–99). */
  readonly birthYearTwoDigits: number;
  /** Four digits, 0001–9999. */
  readonly sequence: string;
}

export interface ParsedNik extends NikStructure {
  /** Birth date with the century inferred from `asOf` (see the century rule above). */
  readonly birthDate: IsoDate;
}

function nikError(code: string, text: Text, details?: DomainErrorData['details']): Result<never, DomainErrorData<Text>> {
  return err(textErrorData(code, text, { path: ['nik'], ...(details ? { details } : {}) }));
}

/** Remove the separators people type inside a NIK: whitespace, dots and hyphens. */
export function compactNik(input: string): string {
  return input.replace(/[\s.\-]/g, '');
}

/**
 * Check the structure of a NIK: digits, length, province, regency and kecamatan codes, a day and
 * month that exist in at least one century, and a non-zero sequence.
 */
export function checkNikStructure(input: unknown): Result<NikStructure> {
  return renderTexts(leanCheckNikStructure(input));
}

/** `checkNikStructure` with the error's text by reference (`TextRef`, issue 14). */
export function leanCheckNikStructure(input: unknown): Result<NikStructure, DomainErrorData<Text>> {
  if (typeof input !== 'string') {
    return nikError('NIK.NOT_A_STRING', textRef('NIK.NOT_A_STRING'));
  }
  const nik = compactNik(input);
  if (!/^\d*$/.test(nik)) {
    return nikError('NIK.NOT_DIGITS', textRef('NIK.NOT_DIGITS'));
  }
  if (nik.length !== NIK_LENGTH) {
    return nikError('NIK.INVALID_LENGTH', textRef('NIK.INVALID_LENGTH'), { expected: NIK_LENGTH, actual: nik.length });
  }
  const provinceCode = nik.slice(0, 2);
  if (!isIndonesianProvinceCode(provinceCode)) {
    return nikError('NIK.INVALID_PROVINCE', textRef('NIK.INVALID_PROVINCE'));
  }
  if (nik.slice(2, 4) === '00') {
    return nikError('NIK.INVALID_REGENCY', textRef('NIK.INVALID_REGENCY'));
  }
  if (nik.slice(4, 6) === '00') {
    return nikError('NIK.INVALID_KECAMATAN', textRef('NIK.INVALID_KECAMATAN'));
  }
  const rawDay = Number(nik.slice(6, 8));
  const birthMonth = Number(nik.slice(8, 10));
  const birthYearTwoDigits = Number(nik.slice(10, 12));
  const female = rawDay > NIK_FEMALE_DAY_OFFSET;
  const birthDay = female ? rawDay - NIK_FEMALE_DAY_OFFSET : rawDay;
  const existsInSomeCentury =
    rawDay >= 1 &&
    rawDay <= 31 + NIK_FEMALE_DAY_OFFSET &&
    !(rawDay > 31 && rawDay <= NIK_FEMALE_DAY_OFFSET) &&
    (isValidDateParts({ year: 2000 + birthYearTwoDigits, month: birthMonth, day: birthDay }) ||
      isValidDateParts({ year: 1900 + birthYearTwoDigits, month: birthMonth, day: birthDay }));
  if (!existsInSomeCentury) {
    return nikError('NIK.INVALID_BIRTH_DATE', textRef('NIK.INVALID_BIRTH_DATE'));
  }
  const sequence = nik.slice(12, 16);
  if (sequence === '0000') {
    return nikError('NIK.INVALID_SEQUENCE', textRef('NIK.INVALID_SEQUENCE'));
  }
  return ok({
    nik,
    provinceCode,
    regencyCode: nik.slice(0, 4),
    kecamatanCode: nik.slice(0, 6),
    sex: female ? 'F' : 'M',
    birthDay,
    birthMonth,
    birthYearTwoDigits,
    sequence,
  });
}

/**
 * Parse and validate a NIK, inferring the century of the birth date from `asOf`
 * (see the century rule at the top of this file). `asOf` must be a valid ISO date (throws DATE.INVALID).
 */
export function parseNik(input: unknown, asOf: IsoDate): Result<ParsedNik> {
  return renderTexts(leanParseNik(input, asOf));
}

/** `parseNik` with the error's text by reference (`TextRef`, issue 14). */
export function leanParseNik(input: unknown, asOf: IsoDate): Result<ParsedNik, DomainErrorData<Text>> {
  parseIsoDate(asOf, ['asOf']);
  const structure = leanCheckNikStructure(input);
  if (!structure.ok) return structure;
  const s = structure.value;
  const currentCentury = Math.floor(toParts(asOf).year / 100) * 100;
  for (const century of [currentCentury, currentCentury - 100]) {
    const parts = { year: century + s.birthYearTwoDigits, month: s.birthMonth, day: s.birthDay };
    if (!isValidDateParts(parts)) continue;
    const birthDate = fromParts(parts);
    if (compareDates(birthDate, asOf) <= 0) return ok({ ...s, birthDate });
  }
  return nikError('NIK.INVALID_BIRTH_DATE', textRef('NIK.INVALID_BIRTH_DATE.afterAsOf'));
}

/** `true` when `input` is a structurally valid NIK (century-independent). */
export function isValidNik(input: unknown): boolean {
  return leanCheckNikStructure(input).ok;
}

/**
 * Mask a NIK for display or logs: keeps the regency code and the last two digits
 * ("3673**********01"). Anything that is not 16 digits is masked entirely.
 */
export function maskNik(input: string): string {
  const nik = compactNik(input);
  if (!/^\d{16}$/.test(nik)) return '*'.repeat(Math.min(nik.length, NIK_LENGTH));
  return `${nik.slice(0, 4)}${'*'.repeat(10)}${nik.slice(14)}`;
}
