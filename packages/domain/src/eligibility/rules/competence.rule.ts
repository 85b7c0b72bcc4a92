import { OCCUPATION_LABELS, type Occupation } from '../../shared/vocabulary';
import type { SkillCertifier } from '../candidate-profile';
import type { EligibilityRule, RuleContext, RuleOutcome } from '../rule';
import { action, fixableFail, missing, passed } from '../rule-outcome';
import { skillVerificationStatus } from '../skill-verifications';
import { textRef, type Text } from '../../shared/text';

const CERTIFIER_LABELS: Record<SkillCertifier, Text> = {
  KOSHIPA: textRef('competence.certifier.KOSHIPA'),
  BNSP_LSP: textRef('competence.certifier.BNSP_LSP'),
  HRD_KOREA: textRef('competence.certifier.HRD_KOREA'),
  OTHER: textRef('competence.certifier.OTHER'),
};

/** The occupations a verification may cover: the opening's, else any of the route's sectors. */
function targetOccupations(ctx: RuleContext): readonly Occupation[] {
  return ctx.opening ? [ctx.opening.occupation] : ctx.routeDefinition.sectors;
}

function occupationText(occupations: readonly Occupation[]): Text {
  return {
    id: occupations.map((o) => OCCUPATION_LABELS[o].id).join(' / '),
    en: occupations.map((o) => OCCUPATION_LABELS[o].en).join(' / '),
  };
}

function evaluateVerification(ctx: RuleContext, certifiers: readonly SkillCertifier[], codeArea: string): RuleOutcome<Text> {
  const occupations = targetOccupations(ctx);
  const occ = occupationText(occupations);
  const by = textRef('competence.certifiers', ...certifiers.map((c) => CERTIFIER_LABELS[c]));
  const s = skillVerificationStatus(ctx.profile, occupations, certifiers, ctx.asOf);
  const key = { key: `competence:${occupations.join(',')}` };
  const first = s.valid[0];
  if (first !== undefined) {
    return passed(
      `${codeArea}.OK`,
      textRef('competence.OK', occ, CERTIFIER_LABELS[first.certifier]),
      { certifier: first.certifier, occupation: first.occupation },
    );
  }
  const lastExpired = [...s.expired].sort((a, b) => (a.expiresOn! < b.expiresOn! ? 1 : -1))[0];
  if (lastExpired !== undefined) {
    return fixableFail(
      `${codeArea}.EXPIRED`,
      textRef('competence.EXPIRED', occ, lastExpired.expiresOn),
      action('RENEW', textRef('competence.EXPIRED.action', occ, by), key),
    );
  }
  if (s.notPassed.length > 0) {
    return fixableFail(
      `${codeArea}.NOT_PASSED`,
      textRef('competence.NOT_PASSED', occ),
      action('RETAKE', textRef('competence.NOT_PASSED.action', occ, by), key),
    );
  }
  return missing(`${codeArea}.MISSING`, textRef('competence.MISSING', occ, by), action('OBTAIN', textRef('competence.MISSING.action', occ, by), key));
}

/**
 * UU 18/2017 Pasal 5 huruf b: competence, shown by a passed and unexpired skill verification for the
 * occupation (or any of the route's sectors when no opening is given) by a certifier the route
 * accepts (`competenceCertifiers` of the rule set).
 */
export const competenceRule: EligibilityRule<Text> = {
  id: 'law.competence',
  clause: 'UU-18-2017/5b',
  title: textRef('law.competence.title'),
  inputs: ['skillVerifications', 'opening.occupation'],
  parameters: [],
  evaluate: (ctx) => evaluateVerification(ctx, ctx.routeDefinition.competenceCertifiers, 'COMPETENCE'),
};

/**
 * E-7-3 shipbuilding: skill verification by KOSHIPA for the occupation (welders: a shipbuilding
 * welder qualification such as FCAW 3G with X-ray; an opening may name the qualification).
 */
export const koshipaVerificationRule: EligibilityRule<Text> = {
  id: 'e73.skillVerification',
  clause: 'KOSHIPA/E-7-3',
  title: textRef('e73.skillVerification.title'),
  inputs: ['skillVerifications', 'opening.occupation'],
  parameters: [],
  evaluate: (ctx) => evaluateVerification(ctx, ['KOSHIPA'], 'SKILL_VERIFICATION'),
};
