/**
 * Every text a lean calculator refers to (issue 14), by key: a `Messages` or a template that makes
 * one from the reference's args. Only `@jembatan/domain/messages` (and the main entry, which renders
 * the calculators' results) imports it; the calculators' code imports its type only.
 */
import { ELIGIBILITY_RULE_TEXTS } from './eligibility-rule-texts';
import { ELIGIBILITY_TEXTS } from './eligibility-texts';
import { COST_TEXTS } from './cost-texts';
import { FINANCING_TEXTS } from './financing-texts';
import { PROFILE_TEXTS } from './profile-texts';
import { IDENTITY_TEXTS } from './identity-texts';

export const TEXTS = { ...ELIGIBILITY_RULE_TEXTS, ...ELIGIBILITY_TEXTS, ...COST_TEXTS, ...FINANCING_TEXTS, ...PROFILE_TEXTS, ...IDENTITY_TEXTS } as const;
export type TextKey = keyof typeof TEXTS;
