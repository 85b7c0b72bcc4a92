/**
 * Indonesian education levels in ascending order: none, SD (primary), SLTP/SMP (junior secondary),
 * SLTA/SMA/SMK (senior secondary), D3 (diploma), S1 (bachelor), S2 (master), S3 (doctorate).
 */
import type { Messages } from '../shared/domain-error';
import { invalid } from '../shared/domain-error';

export const EDUCATION_LEVELS = ['NONE', 'SD', 'SLTP', 'SLTA', 'D3', 'S1', 'S2', 'S3'] as const;
export type EducationLevel = (typeof EDUCATION_LEVELS)[number];

export const EDUCATION_LEVEL_LABELS: Readonly<Record<EducationLevel, Messages>> = Object.freeze({
  NONE: { id: 'Tidak/belum tamat SD', en: 'No completed schooling' },
  SD: { id: 'SD (sekolah dasar)', en: 'Primary school (SD)' },
  SLTP: { id: 'SLTP/SMP (sekolah menengah pertama)', en: 'Junior secondary school (SLTP/SMP)' },
  SLTA: { id: 'SLTA/SMA/SMK (sekolah menengah atas)', en: 'Senior secondary school (SLTA/SMA/SMK)' },
  D3: { id: 'Diploma tiga (D3)', en: 'Three-year diploma (D3)' },
  S1: { id: 'Sarjana (S1)', en: "Bachelor's degree (S1)" },
  S2: { id: 'Magister (S2)', en: "Master's degree (S2)" },
  S3: { id: 'Doktor (S3)', en: 'Doctorate (S3)' },
});

export function isEducationLevel(value: unknown): value is EducationLevel {
  return typeof value === 'string' && (EDUCATION_LEVELS as readonly string[]).includes(value);
}

/** Position in the ordered list (NONE = 0 … S3 = 7); throws `EDUCATION.UNKNOWN_LEVEL`. */
export function educationRank(level: EducationLevel): number {
  if (!isEducationLevel(level)) {
    invalid(
      'EDUCATION.UNKNOWN_LEVEL',
      `Jenjang pendidikan tidak dikenal; gunakan salah satu dari ${EDUCATION_LEVELS.join(', ')}.`,
      `Unknown education level; use one of ${EDUCATION_LEVELS.join(', ')}.`,
      { path: ['education'], details: { allowed: EDUCATION_LEVELS.join(',') } },
    );
  }
  return EDUCATION_LEVELS.indexOf(level);
}

/** True when `level` is at least `minimum`. */
export function meetsEducation(level: EducationLevel, minimum: EducationLevel): boolean {
  return educationRank(level) >= educationRank(minimum);
}
