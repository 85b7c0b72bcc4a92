/**
 * Extra requirements of a job opening (`opening.extraRequirements`), on top of the route's rules.
 * Each rule is skipped when the opening does not ask for it. Clause `OPENING/<requirement>`: the
 * source is the job order, verified by the labour attaché (UU 18/2017 Pasal 9–10).
 */
import type { Messages } from '../../shared/domain-error';
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

function notAsked(field: keyof OpeningRequirements) {
  return (ctx: RuleContext): Messages | undefined =>
    ctx.opening?.extraRequirements?.[field] === undefined
      ? { id: 'Lowongan tidak menetapkan syarat ini.', en: 'The opening does not set this requirement.' }
      : undefined;
}

export const openingAgeRule: EligibilityRule = {
  id: 'opening.ageRange',
  clause: 'OPENING/age',
  title: { id: 'Rentang usia lowongan', en: "Opening's age range" },
  inputs: ['declaredBirthDate', 'nik', 'opening.extraRequirements.minAge', 'opening.extraRequirements.maxAge'],
  parameters: [],
  notApplicable: (ctx) =>
    ctx.opening?.extraRequirements?.minAge === undefined && ctx.opening?.extraRequirements?.maxAge === undefined
      ? { id: 'Lowongan tidak menetapkan syarat ini.', en: 'The opening does not set this requirement.' }
      : undefined,
  evaluate(ctx) {
    const { minAge, maxAge } = ctx.opening!.extraRequirements!;
    const b = candidateBirthDate(ctx);
    if (b === undefined) return birthDateMissing();
    const age = ageOn(b.birthDate, ctx.asOf);
    const range = `${minAge ?? '-'}–${maxAge ?? '-'}`;
    const details = { minAge: minAge ?? null, maxAge: maxAge ?? null };
    if (maxAge !== undefined && age > maxAge) {
      return finalFail('OPENING.AGE_ABOVE_MAXIMUM', `Lowongan ini untuk usia ${range} tahun.`, `This opening is for ages ${range}.`, details);
    }
    if (minAge !== undefined && age < minAge) {
      return fixableFail(
        'OPENING.AGE_BELOW_MINIMUM',
        `Lowongan ini untuk usia ${range} tahun.`,
        `This opening is for ages ${range}.`,
        action('WAIT', `Lamar lowongan serupa setelah berusia ${minAge} tahun.`, `Apply for a similar opening once you are ${minAge}.`, { key: 'age.wait' }),
        details,
      );
    }
    return passed('OPENING.AGE_OK', `Usia sesuai lowongan (${range} tahun).`, `Age fits the opening (${range}).`, details);
  },
};

export const openingEducationRule: EligibilityRule = {
  id: 'opening.minEducation',
  clause: 'OPENING/education',
  title: { id: 'Pendidikan minimal lowongan', en: "Opening's minimum education" },
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
        `Lowongan ini mensyaratkan pendidikan minimal ${label.id}.`,
        `This opening requires at least ${label.en}.`,
        action('OBTAIN', `Selesaikan ${label.id} atau program kesetaraan yang setara.`, `Complete ${label.en} or an equivalent equivalency programme.`, {
          key: 'education.obtain',
        }),
        { minEducation: min },
      );
    }
    return passed('OPENING.EDUCATION_OK', `Pendidikan memenuhi syarat lowongan (${label.id}).`, `Education meets the opening's requirement (${label.en}).`, { minEducation: min });
  },
};

export const openingEpsTopikRule: EligibilityRule = {
  id: 'opening.minEpsTopikScore',
  clause: 'OPENING/eps-topik',
  title: { id: 'Nilai EPS-TOPIK minimal lowongan', en: "Opening's minimum EPS-TOPIK score" },
  inputs: ['epsTopikResults', 'opening.extraRequirements.minEpsTopikScore'],
  parameters: ['eps.topikValidityMonths', 'eps.topikMaxScore'],
  notApplicable: notAsked('minEpsTopikScore'),
  evaluate(ctx) {
    const min = ctx.opening!.extraRequirements!.minEpsTopikScore!;
    const max = ctx.params.get('eps.topikMaxScore');
    const validity = ctx.params.get('eps.topikValidityMonths');
    const key = { key: 'korean.epsTopik' };
    if ((ctx.profile.epsTopikResults ?? []).length === 0) {
      return missing(
        'EPS_TOPIK.MISSING',
        'Belum ada hasil EPS-TOPIK.',
        'No EPS-TOPIK result yet.',
        action('OBTAIN', `Ikuti EPS-TOPIK dan raih minimal ${min} dari ${max}.`, `Take EPS-TOPIK and score at least ${min} of ${max}.`, key),
      );
    }
    const best = bestValidEpsTopik(ctx.profile, ctx.asOf, validity);
    const score = best?.result.score ?? 0;
    if (best === undefined || score < min) {
      return fixableFail(
        'OPENING.EPS_TOPIK_BELOW_MINIMUM',
        `Lowongan ini mensyaratkan EPS-TOPIK berlaku minimal ${min} dari ${max}.`,
        `This opening requires a valid EPS-TOPIK score of at least ${min} of ${max}.`,
        action('RETAKE', `Ikuti EPS-TOPIK lagi dan raih minimal ${min} dari ${max}.`, `Take EPS-TOPIK again and score at least ${min} of ${max}.`, key),
        { minScore: min, bestValidScore: best?.result.score ?? null },
      );
    }
    return passed('OPENING.EPS_TOPIK_OK', `EPS-TOPIK ${score} memenuhi syarat lowongan (${min}).`, `EPS-TOPIK ${score} meets the opening's ${min}.`, { minScore: min });
  },
};

export const openingTopikLevelRule: EligibilityRule = {
  id: 'opening.minTopikLevel',
  clause: 'OPENING/topik-level',
  title: { id: 'Level TOPIK minimal lowongan', en: "Opening's minimum TOPIK level" },
  inputs: ['topikResults', 'pilotKoreanTests', 'opening.extraRequirements.minTopikLevel'],
  parameters: ['topik.levels'],
  notApplicable: notAsked('minTopikLevel'),
  evaluate(ctx) {
    const min = ctx.opening!.extraRequirements!.minTopikLevel!;
    const key = { key: 'korean.topik' };
    if ((ctx.profile.topikResults ?? []).length === 0 && (ctx.profile.pilotKoreanTests ?? []).length === 0) {
      return missing(
        'TOPIK.MISSING',
        'Belum ada hasil TOPIK.',
        'No TOPIK result yet.',
        action('OBTAIN', `Ikuti TOPIK dan capai minimal level ${min}.`, `Take TOPIK and reach at least level ${min}.`, key),
      );
    }
    const level = bestKoreanLevel(ctx.profile, ctx.params.get('topik.levels'));
    if (level < min) {
      return fixableFail(
        'OPENING.TOPIK_LEVEL_BELOW_MINIMUM',
        `Lowongan ini mensyaratkan TOPIK minimal level ${min}; level tertinggi Anda ${level}.`,
        `This opening requires at least TOPIK level ${min}; your highest level is ${level}.`,
        action('RETAKE', `Ikuti TOPIK lagi dan capai minimal level ${min}.`, `Take TOPIK again and reach at least level ${min}.`, key),
        { minLevel: min, level },
      );
    }
    return passed('OPENING.TOPIK_LEVEL_OK', `TOPIK level ${level} memenuhi syarat lowongan (${min}).`, `TOPIK level ${level} meets the opening's ${min}.`, { minLevel: min, level });
  },
};

export const openingSkillQualificationRule: EligibilityRule = {
  id: 'opening.skillQualification',
  clause: 'OPENING/skill-qualification',
  title: { id: 'Kualifikasi keterampilan lowongan', en: "Opening's skill qualification" },
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
        `Belum ada verifikasi keterampilan ${occ.id}.`,
        `No ${occ.en} skill verification yet.`,
        action('OBTAIN', `Ikuti uji keterampilan ${occ.id} dengan kualifikasi ${required}.`, `Take the ${occ.en} skills test for the ${required} qualification.`, key),
      );
    }
    const s = skillVerificationStatus(ctx.profile, [opening.occupation], ['KOSHIPA', 'BNSP_LSP', 'HRD_KOREA', 'OTHER'], ctx.asOf);
    if (s.valid.some((v) => v.qualification !== undefined && qualificationMatches(v.qualification, required))) {
      return passed('OPENING.QUALIFICATION_OK', `Memiliki kualifikasi ${required}.`, `Holds the ${required} qualification.`);
    }
    return fixableFail(
      'OPENING.QUALIFICATION_MISSING',
      `Lowongan ini mensyaratkan kualifikasi ${required} yang berlaku.`,
      `This opening requires a valid ${required} qualification.`,
      action('OBTAIN', `Ikuti uji keterampilan ${occ.id} untuk kualifikasi ${required}.`, `Take the ${occ.en} skills test for the ${required} qualification.`, key),
    );
  },
};
