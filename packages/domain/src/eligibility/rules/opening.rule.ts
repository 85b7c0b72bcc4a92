/**
 * Extra requirements of a job opening (`opening.extraRequirements`), on top of the route's rules.
 * Each rule is skipped when the opening does not ask for it. Clause `OPENING/<requirement>`: the
 * source is the job order, verified by the labour attaché (UU 18/2017 Pasal 9–10).
 */
import { ageOn } from '../../shared/local-date';
import { OCCUPATION_LABELS } from '../../shared/vocabulary';
import { EDUCATION_LEVEL_LABELS, educationRank } from '../../parameters';
import type { EligibilityRule, OpeningRequirements, RuleContext } from '../rule';
import { action, finalFail, fixableFail, missing, passed } from '../rule-outcome';
import { bestKoreanLevel, bestValidEpsTopik } from '../korean-tests';
import { qualificationMatches, skillVerificationStatus } from '../skill-verifications';
import { candidateBirthDate } from './birth-date';
import { educationMissing } from './eps-education.rule';
import { birthDateMissing } from './minimum-age.rule';
import { textRef, type Text } from '../../shared/text';

function notAsked(field: keyof OpeningRequirements) {
  return (ctx: RuleContext): Text | undefined =>
    ctx.opening?.extraRequirements?.[field] === undefined
      ? textRef('opening.notAsked')
      : undefined;
}

export const openingAgeRule: EligibilityRule<Text> = {
  id: 'opening.ageRange',
  clause: 'OPENING/age',
  title: textRef('opening.ageRange.title'),
  inputs: ['declaredBirthDate', 'nik', 'opening.extraRequirements.minAge', 'opening.extraRequirements.maxAge'],
  parameters: [],
  notApplicable: (ctx) =>
    ctx.opening?.extraRequirements?.minAge === undefined && ctx.opening?.extraRequirements?.maxAge === undefined
      ? textRef('opening.notAsked')
      : undefined,
  evaluate(ctx) {
    const { minAge, maxAge } = ctx.opening!.extraRequirements!;
    const b = candidateBirthDate(ctx);
    if (b === undefined) return birthDateMissing();
    const age = ageOn(b.birthDate, ctx.asOf);
    const range = `${minAge ?? '-'}–${maxAge ?? '-'}`;
    const details = { minAge: minAge ?? null, maxAge: maxAge ?? null };
    if (maxAge !== undefined && age > maxAge) {
      return finalFail('OPENING.AGE_ABOVE_MAXIMUM', textRef('OPENING.AGE_ABOVE_MAXIMUM', range), details);
    }
    if (minAge !== undefined && age < minAge) {
      return fixableFail(
        'OPENING.AGE_BELOW_MINIMUM',
        textRef('OPENING.AGE_BELOW_MINIMUM', range),
        action('WAIT', textRef('OPENING.AGE_BELOW_MINIMUM.action', minAge), { key: 'age.wait' }),
        details,
      );
    }
    return passed('OPENING.AGE_OK', textRef('OPENING.AGE_OK', range), details);
  },
};

export const openingEducationRule: EligibilityRule<Text> = {
  id: 'opening.minEducation',
  clause: 'OPENING/education',
  title: textRef('opening.minEducation.title'),
  inputs: ['education', 'opening.extraRequirements.minEducation'],
  parameters: [],
  notApplicable: notAsked('minEducation'),
  evaluate(ctx) {
    const min = ctx.opening!.extraRequirements!.minEducation!;
    const label = EDUCATION_LEVEL_LABELS[min];
    const level = ctx.profile.education;
    if (level === undefined) return educationMissing();
    if (educationRank(level) < educationRank(min)) {
      return fixableFail(
        'OPENING.EDUCATION_BELOW_MINIMUM',
        textRef('OPENING.EDUCATION_BELOW_MINIMUM', label),
        action('OBTAIN', textRef('OPENING.EDUCATION_BELOW_MINIMUM.action', label), {
          key: 'education.obtain',
        }),
        { minEducation: min },
      );
    }
    return passed('OPENING.EDUCATION_OK', textRef('OPENING.EDUCATION_OK', label), { minEducation: min });
  },
};

export const openingEpsTopikRule: EligibilityRule<Text> = {
  id: 'opening.minEpsTopikScore',
  clause: 'OPENING/eps-topik',
  title: textRef('opening.minEpsTopikScore.title'),
  inputs: ['epsTopikResults', 'opening.extraRequirements.minEpsTopikScore'],
  parameters: ['eps.topikValidityMonths', 'eps.topikMaxScore'],
  notApplicable: notAsked('minEpsTopikScore'),
  evaluate(ctx) {
    const min = ctx.opening!.extraRequirements!.minEpsTopikScore!;
    const max = ctx.params.get('eps.topikMaxScore');
    const validity = ctx.params.get('eps.topikValidityMonths');
    const key = { key: 'korean.epsTopik' };
    if ((ctx.profile.epsTopikResults ?? []).length === 0) {
      return missing('EPS_TOPIK.MISSING', textRef('EPS_TOPIK.MISSING'), action('OBTAIN', textRef('opening.minEpsTopikScore.MISSING.action', min, max), key));
    }
    const best = bestValidEpsTopik(ctx.profile, ctx.asOf, validity);
    const score = best?.result.score ?? 0;
    if (best === undefined || score < min) {
      return fixableFail(
        'OPENING.EPS_TOPIK_BELOW_MINIMUM',
        textRef('OPENING.EPS_TOPIK_BELOW_MINIMUM', min, max),
        action('RETAKE', textRef('OPENING.EPS_TOPIK_BELOW_MINIMUM.action', min, max), key),
        { minScore: min, bestValidScore: best?.result.score ?? null },
      );
    }
    return passed('OPENING.EPS_TOPIK_OK', textRef('OPENING.EPS_TOPIK_OK', score, min), { minScore: min });
  },
};

export const openingTopikLevelRule: EligibilityRule<Text> = {
  id: 'opening.minTopikLevel',
  clause: 'OPENING/topik-level',
  title: textRef('opening.minTopikLevel.title'),
  inputs: ['topikResults', 'pilotKoreanTests', 'opening.extraRequirements.minTopikLevel'],
  parameters: ['topik.levels'],
  notApplicable: notAsked('minTopikLevel'),
  evaluate(ctx) {
    const min = ctx.opening!.extraRequirements!.minTopikLevel!;
    const key = { key: 'korean.topik' };
    if ((ctx.profile.topikResults ?? []).length === 0 && (ctx.profile.pilotKoreanTests ?? []).length === 0) {
      return missing('TOPIK.MISSING', textRef('TOPIK.MISSING'), action('OBTAIN', textRef('TOPIK.MISSING.action', min), key));
    }
    const level = bestKoreanLevel(ctx.profile, ctx.params.get('topik.levels'));
    if (level < min) {
      return fixableFail(
        'OPENING.TOPIK_LEVEL_BELOW_MINIMUM',
        textRef('OPENING.TOPIK_LEVEL_BELOW_MINIMUM', min, level),
        action('RETAKE', textRef('OPENING.TOPIK_LEVEL_BELOW_MINIMUM.action', min), key),
        { minLevel: min, level },
      );
    }
    return passed('OPENING.TOPIK_LEVEL_OK', textRef('OPENING.TOPIK_LEVEL_OK', level, min), { minLevel: min, level });
  },
};

export const openingSkillQualificationRule: EligibilityRule<Text> = {
  id: 'opening.skillQualification',
  clause: 'OPENING/skill-qualification',
  title: textRef('opening.skillQualification.title'),
  inputs: ['skillVerifications', 'opening.occupation', 'opening.extraRequirements.skillQualification'],
  parameters: [],
  notApplicable: notAsked('skillQualification'),
  evaluate(ctx) {
    const opening = ctx.opening!;
    const required = opening.extraRequirements!.skillQualification!;
    const occ = OCCUPATION_LABELS[opening.occupation];
    const all = (ctx.profile.skillVerifications ?? []).filter((v) => v.occupation === opening.occupation);
    const key = { key: `competence:${opening.occupation}` };
    if (all.length === 0) {
      return missing(
        'SKILL_VERIFICATION.MISSING',
        textRef('SKILL_VERIFICATION.MISSING', occ),
        action('OBTAIN', textRef('SKILL_VERIFICATION.MISSING.action', occ, required), key),
      );
    }
    const s = skillVerificationStatus(ctx.profile, [opening.occupation], ['KOSHIPA', 'BNSP_LSP', 'HRD_KOREA', 'OTHER'], ctx.asOf);
    if (s.valid.some((v) => v.qualification !== undefined && qualificationMatches(v.qualification, required))) {
      return passed('OPENING.QUALIFICATION_OK', textRef('OPENING.QUALIFICATION_OK', required));
    }
    return fixableFail(
      'OPENING.QUALIFICATION_MISSING',
      textRef('OPENING.QUALIFICATION_MISSING', required),
      action('OBTAIN', textRef('OPENING.QUALIFICATION_MISSING.action', occ, required), key),
    );
  },
};
