import type { Messages } from '../../shared/domain-error';
import { OCCUPATION_LABELS, type Occupation } from '../../shared/vocabulary';
import type { SkillCertifier } from '../candidate-profile';
import type { EligibilityRule, RuleContext, RuleOutcome } from '../rule';
import { action, fixableFail, missing, passed } from '../rule-outcome';
import { skillVerificationStatus } from '../skill-verifications';

const CERTIFIER_LABELS: Record<SkillCertifier, Messages> = {
  KOSHIPA: { id: 'KOSHIPA', en: 'KOSHIPA' },
  BNSP_LSP: { id: 'LSP berlisensi BNSP', en: 'a BNSP-licensed LSP' },
  HRD_KOREA: { id: 'HRD Korea', en: 'HRD Korea' },
  OTHER: { id: 'lembaga lain', en: 'another body' },
};

/** The occupations a verification may cover: the opening's, else any of the route's sectors. */
function targetOccupations(ctx: RuleContext): readonly Occupation[] {
  return ctx.opening ? [ctx.opening.occupation] : ctx.routeDefinition.sectors;
}

function occupationText(occupations: readonly Occupation[]): Messages {
  return {
    id: occupations.map((o) => OCCUPATION_LABELS[o].id).join(' / '),
    en: occupations.map((o) => OCCUPATION_LABELS[o].en).join(' / '),
  };
}

function evaluateVerification(ctx: RuleContext, certifiers: readonly SkillCertifier[], codeArea: string): RuleOutcome {
  const occupations = targetOccupations(ctx);
  const occ = occupationText(occupations);
  const by: Messages = {
    id: certifiers.map((c) => CERTIFIER_LABELS[c].id).join(' atau '),
    en: certifiers.map((c) => CERTIFIER_LABELS[c].en).join(' or '),
  };
  const s = skillVerificationStatus(ctx.profile, occupations, certifiers, ctx.asOf);
  const key = { key: `competence:${occupations.join(',')}` };
  const first = s.valid[0];
  if (first !== undefined) {
    return passed(
      `${codeArea}.OK`,
      `Kompetensi ${occ.id} terverifikasi oleh ${CERTIFIER_LABELS[first.certifier].id}.`,
      `${occ.en} competence verified by ${CERTIFIER_LABELS[first.certifier].en}.`,
      { certifier: first.certifier, occupation: first.occupation },
    );
  }
  const lastExpired = [...s.expired].sort((a, b) => (a.expiresOn! < b.expiresOn! ? 1 : -1))[0];
  if (lastExpired !== undefined) {
    return fixableFail(
      `${codeArea}.EXPIRED`,
      `Sertifikat kompetensi ${occ.id} sudah kedaluwarsa (${lastExpired.expiresOn}).`,
      `The ${occ.en} competency certificate has expired (${lastExpired.expiresOn}).`,
      action('RENEW', `Perpanjang atau ulangi uji kompetensi ${occ.id} oleh ${by.id}.`, `Renew or retake the ${occ.en} skills test with ${by.en}.`, key),
    );
  }
  if (s.notPassed.length > 0) {
    return fixableFail(
      `${codeArea}.NOT_PASSED`,
      `Uji kompetensi ${occ.id} belum lulus.`,
      `The ${occ.en} skills test has not been passed.`,
      action('RETAKE', `Ikuti pelatihan dan uji ulang kompetensi ${occ.id} oleh ${by.id}.`, `Train and retake the ${occ.en} skills test with ${by.en}.`, key),
    );
  }
  return missing(
    `${codeArea}.MISSING`,
    `Belum ada verifikasi kompetensi ${occ.id} oleh ${by.id}.`,
    `No ${occ.en} skill verification by ${by.en} yet.`,
    action('OBTAIN', `Ikuti uji kompetensi ${occ.id} oleh ${by.id}.`, `Take the ${occ.en} skills test with ${by.en}.`, key),
  );
}

/**
 * UU 18/2017 Pasal 5 huruf b: competence, shown by a passed and unexpired skill verification for the
 * occupation (or any of the route's sectors when no opening is given) by a certifier the route
 * accepts (`competenceCertifiers` of the rule set).
 */
export const competenceRule: EligibilityRule = {
  id: 'law.competence',
  clause: 'UU-18-2017/5b',
  title: { id: 'Memiliki kompetensi (UU 18/2017 Pasal 5b)', en: 'Competence (UU 18/2017 Article 5b)' },
  inputs: ['skillVerifications', 'opening.occupation'],
  parameters: [],
  evaluate: (ctx) => evaluateVerification(ctx, ctx.routeDefinition.competenceCertifiers, 'COMPETENCE'),
};

/**
 * E-7-3 shipbuilding: skill verification by KOSHIPA for the occupation (welders: a shipbuilding
 * welder qualification such as FCAW 3G with X-ray; an opening may name the qualification).
 */
export const koshipaVerificationRule: EligibilityRule = {
  id: 'e73.skillVerification',
  clause: 'KOSHIPA/E-7-3',
  title: { id: 'Verifikasi keterampilan KOSHIPA (E-7-3)', en: 'KOSHIPA skill verification (E-7-3)' },
  inputs: ['skillVerifications', 'opening.occupation'],
  parameters: [],
  evaluate: (ctx) => evaluateVerification(ctx, ['KOSHIPA'], 'SKILL_VERIFICATION'),
};
