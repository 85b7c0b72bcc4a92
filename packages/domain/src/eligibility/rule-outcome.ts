/** One-line builders for rule outcomes and actions. */
import type { IsoDate } from '../shared/local-date';
import type {
  ChecklistActionKind,
  EligibilityAction,
  RuleDetails,
  RuleFinalFailOutcome,
  RuleFixableFailOutcome,
  RuleMissingOutcome,
  RulePassOutcome,
} from './rule';

export function passed(code: string, id: string, en: string, details?: RuleDetails): RulePassOutcome {
  return { outcome: 'pass', code, message: { id, en }, ...(details ? { details } : {}) };
}

export function missing(code: string, id: string, en: string, action: EligibilityAction, details?: RuleDetails): RuleMissingOutcome {
  return { outcome: 'missing', code, message: { id, en }, action, ...(details ? { details } : {}) };
}

export function fixableFail(code: string, id: string, en: string, action: EligibilityAction, details?: RuleDetails): RuleFixableFailOutcome {
  return { outcome: 'fail', fixable: true, code, message: { id, en }, action, ...(details ? { details } : {}) };
}

export function finalFail(code: string, id: string, en: string, details?: RuleDetails): RuleFinalFailOutcome {
  return { outcome: 'fail', fixable: false, code, message: { id, en }, ...(details ? { details } : {}) };
}

export function action(
  kind: ChecklistActionKind,
  id: string,
  en: string,
  extra: { key?: string; dueBy?: IsoDate; notBefore?: IsoDate } = {},
): EligibilityAction {
  return {
    kind,
    message: { id, en },
    ...(extra.key !== undefined ? { key: extra.key } : {}),
    ...(extra.dueBy !== undefined ? { dueBy: extra.dueBy } : {}),
    ...(extra.notBefore !== undefined ? { notBefore: extra.notBefore } : {}),
  };
}
