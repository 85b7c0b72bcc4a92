/**
 * What a course prepares for (issue 10): an EPS-TOPIK score, a TOPIK I/II level, the provincial
 * pilot's Korean test level, or a skill certificate (KOSHIPA for shipbuilding, an LSP under BNSP).
 * A Korean-language course has a Korean target, a skill course a certificate target; safety and
 * orientation courses have none. Scores and levels are checked on the official scales of the
 * parameter snapshot (korean-scales.ts).
 */
import type { DomainErrorData } from '../shared/domain-error';
import { OCCUPATIONS, type Occupation } from '../shared/vocabulary';
import { TOPIK_TESTS, type ParameterSnapshot, type TopikTest } from '../parameters';
import { checkEnum, checkInteger, checkNullableText, checkObject, FieldChecks, type Path } from '../entities/entity-validation';
import { practiceScale, scaleProblem, topikLevelScale } from './korean-scales';
import type { CourseKind } from './training-vocabulary';
import { TrainingErrors } from './training.errors';

/** Certifiers of a skill target (DOMAIN.md §2: LSP under BNSP, KOSHIPA). */
export const SKILL_TARGET_CERTIFIERS = ['KOSHIPA', 'BNSP_LSP'] as const;
export type SkillTargetCertifier = (typeof SKILL_TARGET_CERTIFIERS)[number];

export type CourseTarget =
  | { readonly kind: 'EPS_TOPIK'; readonly score: number }
  | { readonly kind: 'TOPIK'; readonly test: TopikTest; readonly level: number }
  | { readonly kind: 'PILOT_KOREAN'; readonly level: number }
  | {
      readonly kind: 'SKILL_CERTIFICATE';
      readonly certifier: SkillTargetCertifier;
      readonly occupation: Occupation;
      /** e.g. "FCAW 3G (X-ray)"; null when the course does not name one. */
      readonly qualification: string | null;
    };

export const COURSE_TARGET_KINDS = ['EPS_TOPIK', 'TOPIK', 'PILOT_KOREAN', 'SKILL_CERTIFICATE'] as const;
export type CourseTargetKind = (typeof COURSE_TARGET_KINDS)[number];

const AREA = 'TRAINING';
const KOREAN_TARGETS: readonly CourseTargetKind[] = ['EPS_TOPIK', 'TOPIK', 'PILOT_KOREAN'];
/** Sanity bound for stored snapshots (the real scale is checked against the parameters on create). */
const MAX_STORED_POINTS = 1000;

/** Check the shape of a target (no scale: that needs parameters, see `targetScaleProblem`). */
export function takeCourseTarget(v: FieldChecks, input: unknown, path: Path): CourseTarget | null {
  if (input === null || input === undefined) return null;
  const head = v.take(checkObject(AREA, input, path, ['kind', 'score', 'test', 'level', 'certifier', 'occupation', 'qualification']));
  if (v.failed) return null;
  const kind = v.take(checkEnum(AREA, COURSE_TARGET_KINDS, head['kind'], [...path, 'kind']));
  if (v.failed) return null;
  const fields: Record<CourseTargetKind, string[]> = {
    EPS_TOPIK: ['kind', 'score'],
    TOPIK: ['kind', 'test', 'level'],
    PILOT_KOREAN: ['kind', 'level'],
    SKILL_CERTIFICATE: ['kind', 'certifier', 'occupation', 'qualification'],
  };
  const o = v.take(checkObject(AREA, input, path, fields[kind]));
  if (v.failed) return null;
  const int = (k: string) => v.take(checkInteger(AREA, o[k], [...path, k], 0, MAX_STORED_POINTS));
  switch (kind) {
    case 'EPS_TOPIK':
      return { kind, score: int('score') };
    case 'TOPIK':
      return { kind, test: v.take(checkEnum(AREA, TOPIK_TESTS, o['test'], [...path, 'test'])), level: int('level') };
    case 'PILOT_KOREAN':
      return { kind, level: int('level') };
    case 'SKILL_CERTIFICATE':
      return {
        kind,
        certifier: v.take(checkEnum(AREA, SKILL_TARGET_CERTIFIERS, o['certifier'], [...path, 'certifier'])),
        occupation: v.take(checkEnum(AREA, OCCUPATIONS, o['occupation'], [...path, 'occupation'])),
        qualification: v.take(checkNullableText(AREA, o['qualification'], [...path, 'qualification'])),
      };
  }
}

/** The course kind and its target fit: Korean ↔ a Korean test, skill ↔ a certificate, safety/orientation ↔ none. */
export function targetKindProblem(courseKind: CourseKind, target: CourseTarget | null): DomainErrorData | undefined {
  const fits =
    courseKind === 'KOREAN_LANGUAGE'
      ? target !== null && KOREAN_TARGETS.includes(target.kind)
      : courseKind === 'SKILL'
        ? target !== null && target.kind === 'SKILL_CERTIFICATE'
        : target === null;
  return fits ? undefined : TrainingErrors.targetMismatch(courseKind);
}

/** The target's score or level is on the official scale of `params`. */
export function targetScaleProblem(target: CourseTarget | null, params: ParameterSnapshot, path: Path = ['target']): DomainErrorData | undefined {
  if (target === null) return undefined;
  switch (target.kind) {
    case 'EPS_TOPIK':
      return scaleProblem(target.score, practiceScale('EPS_TOPIK', params), [...path, 'score']);
    case 'TOPIK':
      return scaleProblem(target.level, topikLevelScale(target.test, params), [...path, 'level']);
    case 'PILOT_KOREAN':
      return scaleProblem(target.level, { min: 1, max: practiceScale('PILOT_KOREAN', params).max }, [...path, 'level']);
    case 'SKILL_CERTIFICATE':
      return undefined;
  }
}
