/** One-line builders for rule outcomes and actions, their texts by reference (issue 14). */
import type { IsoDate } from '../shared/local-date';
import type { Text } from '../shared/text';
import type {
  ChecklistActionKind,
  EligibilityAction,
  RuleDetails,
  RuleFinalFailOutcome,
  RuleFixableFailOutcome,
  RuleMissingOutcome,
  RulePassOutcome,
} from './rule';

export function passed(code: string, message: Text, details?: RuleDetails): RulePassOutcome<Text> {
  return { outcome: 'pass', code, message, ...(details ? { details } : {}) };
}

export function missing(code: string, message: Text, action: EligibilityAction<Text>, details?: RuleDetails): RuleMissingOutcome<Text> {
  return { outcome: 'missing', code, message, action, ...(details ? { details } : {}) };
}

export function fixableFail(code: string, message: Text, action: EligibilityAction<Text>, details?: RuleDetails): RuleFixableFailOutcome<Text> {
  return { outcome: 'fail', fixable: true, code, message, action, ...(details ? { details } : {}) };
}

export function finalFail(code: string, message: Text, details?: RuleDetails): RuleFinalFailOutcome<Text> {
  return { outcome: 'fail', fixable: false, code, message, ...(details ? { details } : {}) };
}

export function action(
  kind: ChecklistActionKind,
  message: Text,
  extra: { key?: string; dueBy?: IsoDate; notBefore?: IsoDate } = {},
): EligibilityAction<Text> {
  return {
    kind,
    message,
    ...(extra.key !== undefined ? { key: extra.key } : {}),
    ...(extra.dueBy !== undefined ? { dueBy: extra.dueBy } : {}),
    ...(extra.notBefore !== undefined ? { notBefore: extra.notBefore } : {}),
  };
}
