import type { EligibilityRule } from '../rule';
import { action, finalFail, missing, passed } from '../rule-outcome';
import { textRef, type Text } from '../../shared/text';

const HISTORY_ACTION = action('PROVIDE', textRef('koreaHistory.provide.action'), { key: 'korea.history' });

/** E-9: no deportation from, and no entry ban to, Korea. */
export const epsNoDeportationRule: EligibilityRule<Text> = {
  id: 'eps.noDeportation',
  clause: 'HRD-KOREA-EPS-2025/korea-history',
  title: textRef('eps.noDeportation.title'),
  inputs: ['koreaHistory.deported', 'koreaHistory.entryBanned'],
  parameters: [],
  evaluate(ctx) {
    const h = ctx.profile.koreaHistory;
    if (h?.deported === true || h?.entryBanned === true) {
      return finalFail('KOREA_HISTORY.DEPORTED_OR_BANNED', textRef('KOREA_HISTORY.DEPORTED_OR_BANNED'));
    }
    if (h?.deported !== false || h.entryBanned !== false) {
      return missing('KOREA_HISTORY.MISSING', textRef('KOREA_HISTORY.MISSING'), HISTORY_ACTION);
    }
    return passed('KOREA_HISTORY.CLEAR', textRef('KOREA_HISTORY.CLEAR'));
  },
};

/** E-9: previous work in Korea on E-9 and E-10 together at most `eps.maxPriorMonthsInKorea` (60) months. */
export const epsPriorStayRule: EligibilityRule<Text> = {
  id: 'eps.priorStay',
  clause: 'HRD-KOREA-EPS-2025/korea-history',
  title: textRef('eps.priorStay.title'),
  inputs: ['koreaHistory.priorMonthsE9', 'koreaHistory.priorMonthsE10'],
  parameters: ['eps.maxPriorMonthsInKorea'],
  evaluate(ctx) {
    const max = ctx.params.get('eps.maxPriorMonthsInKorea');
    const h = ctx.profile.koreaHistory;
    const e9 = h?.priorMonthsE9;
    const e10 = h?.priorMonthsE10;
    if ((e9 ?? 0) + (e10 ?? 0) > max) {
      return finalFail('KOREA_HISTORY.PRIOR_STAY_TOO_LONG', textRef('KOREA_HISTORY.PRIOR_STAY_TOO_LONG', max), { maxMonths: max });
    }
    if (e9 === undefined || e10 === undefined) {
      return missing('KOREA_HISTORY.PRIOR_STAY_MISSING', textRef('KOREA_HISTORY.PRIOR_STAY_MISSING'), HISTORY_ACTION);
    }
    return passed('KOREA_HISTORY.PRIOR_STAY_OK', textRef('KOREA_HISTORY.PRIOR_STAY_OK', max), { maxMonths: max });
  },
};

/**
 * Other routes: no entry ban to Korea (an entry ban under the Korean Immigration Act, Article 11,
 * bars any visa). A past deportation alone is not listed for these routes in DOMAIN.md.
 */
export const noEntryBanRule: EligibilityRule<Text> = {
  id: 'korea.noEntryBan',
  clause: 'KR-IMMIGRATION-ACT/11',
  title: textRef('korea.noEntryBan.title'),
  inputs: ['koreaHistory.entryBanned'],
  parameters: [],
  evaluate(ctx) {
    const v = ctx.profile.koreaHistory?.entryBanned;
    if (v === undefined) {
      return missing('KOREA_HISTORY.MISSING', textRef('KOREA_HISTORY.MISSING.entryBan'), HISTORY_ACTION);
    }
    if (v) return finalFail('KOREA_HISTORY.ENTRY_BANNED', textRef('KOREA_HISTORY.ENTRY_BANNED'));
    return passed('KOREA_HISTORY.NOT_BANNED', textRef('KOREA_HISTORY.NOT_BANNED'));
  },
};
