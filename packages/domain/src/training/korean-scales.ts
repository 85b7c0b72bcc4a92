/**
 * The official scales Korean scores are checked on, read from the parameters that eligibility uses
 * (korean-tests.ts): EPS-TOPIK 0–`eps.topikMaxScore` points; TOPIK I and TOPIK II 0 up to the top of
 * their `topik.levels` bands (200 and 300 with the NIIED bands); the provincial pilot's test as a
 * level on the TOPIK scale, 0 (below level 1) up to the highest level of `topik.levels`.
 */
import type { DomainErrorData } from '../shared/domain-error';
import type { ParameterSnapshot, TopikTest } from '../parameters';
import { maxTopikLevel } from '../eligibility/korean-tests';
import type { PracticeTest } from './training-vocabulary';
import { TrainingErrors } from './training.errors';

export interface ScoreScale {
  readonly min: number;
  readonly max: number;
}

/** The scale of a practice score (points, or a level for the pilot's test). */
export function practiceScale(test: PracticeTest, params: ParameterSnapshot): ScoreScale {
  const bands = params.get('topik.levels');
  switch (test) {
    case 'EPS_TOPIK':
      return { min: 0, max: params.get('eps.topikMaxScore') };
    case 'TOPIK_I':
    case 'TOPIK_II':
      return { min: 0, max: bands.filter((b) => b.test === test).reduce((m, b) => Math.max(m, b.max), 0) };
    case 'PILOT_KOREAN':
      return { min: 0, max: maxTopikLevel(bands) };
  }
}

/** The levels a TOPIK test certifies (TOPIK I: 1–2, TOPIK II: 3–6 with the NIIED bands). */
export function topikLevelScale(test: TopikTest, params: ParameterSnapshot): ScoreScale {
  const levels = params.get('topik.levels').filter((b) => b.test === test).map((b) => b.level);
  return { min: Math.min(...levels), max: Math.max(...levels) };
}

/** `undefined` when `value` is a whole number on the scale, else the error (with the path). */
export function scaleProblem(value: unknown, scale: ScoreScale, path: readonly string[]): DomainErrorData | undefined {
  if (typeof value === 'number' && Number.isInteger(value) && value >= scale.min && value <= scale.max) return undefined;
  return TrainingErrors.scoreOutOfScale(path, scale.min, scale.max);
}
