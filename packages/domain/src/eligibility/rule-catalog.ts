/** Every eligibility rule, by id. Rule sets (rule-sets.ts) refer to these ids. */
import type { Text } from '../shared/text';
import type { EligibilityRule } from './rule';
import { competenceRule, koshipaVerificationRule } from './rules/competence.rule';
import {
  ak1DocumentRule,
  competencyCertificateDocumentRule,
  employmentContractDocumentRule,
  kkDocumentRule,
  ktpDocumentRule,
  maritalStatusDocumentRule,
  medicalCertificateDocumentRule,
  passportDocumentRule,
  placementAgreementDocumentRule,
  skckDocumentRule,
  workVisaDocumentRule,
} from './rules/document.rule';
import { epsAgeBandRule } from './rules/eps-age-band.rule';
import { epsCriminalRecordRule } from './rules/eps-criminal-record.rule';
import { epsEducationRule } from './rules/eps-education.rule';
import { epsColourVisionRule, epsCompleteFingersRule, epsExcludedDiseasesRule } from './rules/eps-medical.rule';
import { epsTopikRule } from './rules/eps-topik.rule';
import { familyConsentRule } from './rules/family-consent.rule';
import { healthRule } from './rules/health.rule';
import { epsNoDeportationRule, epsPriorStayRule, noEntryBanRule } from './rules/korea-history.rule';
import { minimumAgeRule } from './rules/minimum-age.rule';
import { nikRule } from './rules/nik.rule';
import {
  openingAgeRule,
  openingEducationRule,
  openingEpsTopikRule,
  openingSkillQualificationRule,
  openingTopikLevelRule,
} from './rules/opening.rule';
import { pilotKoreanRule } from './rules/pilot-korean.rule';
import { residencyRule } from './rules/residency.rule';
import { routeOccupationRule } from './rules/route-occupation.rule';
import { routeOpenRule } from './rules/route-open.rule';
import { socialSecurityRule } from './rules/social-security.rule';

const ALL: readonly EligibilityRule<Text>[] = [
  routeOpenRule,
  routeOccupationRule,
  nikRule,
  residencyRule,
  minimumAgeRule,
  epsAgeBandRule,
  epsEducationRule,
  epsTopikRule,
  pilotKoreanRule,
  competenceRule,
  koshipaVerificationRule,
  healthRule,
  epsColourVisionRule,
  epsCompleteFingersRule,
  epsExcludedDiseasesRule,
  epsCriminalRecordRule,
  epsNoDeportationRule,
  epsPriorStayRule,
  noEntryBanRule,
  socialSecurityRule,
  familyConsentRule,
  maritalStatusDocumentRule,
  competencyCertificateDocumentRule,
  medicalCertificateDocumentRule,
  passportDocumentRule,
  workVisaDocumentRule,
  placementAgreementDocumentRule,
  employmentContractDocumentRule,
  ktpDocumentRule,
  kkDocumentRule,
  skckDocumentRule,
  ak1DocumentRule,
  openingAgeRule,
  openingEducationRule,
  openingEpsTopikRule,
  openingTopikLevelRule,
  openingSkillQualificationRule,
];

export const ELIGIBILITY_RULES: Readonly<Record<string, EligibilityRule<Text>>> = Object.freeze(
  Object.fromEntries(ALL.map((r) => [r.id, r])),
);

export const ELIGIBILITY_RULE_IDS: readonly string[] = Object.freeze(ALL.map((r) => r.id));

export function isEligibilityRuleId(id: unknown): id is string {
  return typeof id === 'string' && Object.prototype.hasOwnProperty.call(ELIGIBILITY_RULES, id);
}
