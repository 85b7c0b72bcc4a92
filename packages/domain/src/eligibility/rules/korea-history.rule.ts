import type { EligibilityRule } from '../rule';
import { action, finalFail, missing, passed } from '../rule-outcome';

const HISTORY_ACTION = action(
  'PROVIDE',
  'Isi riwayat di Korea: pernah dideportasi/dicekal, dan lama bekerja dengan visa E-9 dan E-10 (bulan, 0 jika tidak pernah).',
  'Fill in your Korea history: any deportation or entry ban, and months worked on E-9 and E-10 visas (0 if never).',
  { key: 'korea.history' },
);

/** E-9: no deportation from, and no entry ban to, Korea. */
export const epsNoDeportationRule: EligibilityRule = {
  id: 'eps.noDeportation',
  clause: 'HRD-KOREA-EPS-2025/korea-history',
  title: { id: 'Tidak pernah dideportasi atau dicekal Korea (E-9)', en: 'No deportation or entry ban from Korea (E-9)' },
  inputs: ['koreaHistory.deported', 'koreaHistory.entryBanned'],
  parameters: [],
  evaluate(ctx) {
    const h = ctx.profile.koreaHistory;
    if (h?.deported === true || h?.entryBanned === true) {
      return finalFail(
        'KOREA_HISTORY.DEPORTED_OR_BANNED',
        'Jalur E-9 tidak terbuka bagi yang pernah dideportasi atau dicekal masuk Korea.',
        'The E-9 route is closed to people deported from or banned from entering Korea.',
      );
    }
    if (h?.deported !== false || h.entryBanned !== false) {
      return missing('KOREA_HISTORY.MISSING', 'Riwayat deportasi/cekal belum dinyatakan.', 'Deportation / entry-ban history has not been declared.', HISTORY_ACTION);
    }
    return passed('KOREA_HISTORY.CLEAR', 'Tidak pernah dideportasi atau dicekal.', 'Never deported or banned.');
  },
};

/** E-9: previous work in Korea on E-9 and E-10 together at most `eps.maxPriorMonthsInKorea` (60) months. */
export const epsPriorStayRule: EligibilityRule = {
  id: 'eps.priorStay',
  clause: 'HRD-KOREA-EPS-2025/korea-history',
  title: { id: 'Lama bekerja sebelumnya di Korea (E-9 + E-10)', en: 'Previous work in Korea (E-9 + E-10)' },
  inputs: ['koreaHistory.priorMonthsE9', 'koreaHistory.priorMonthsE10'],
  parameters: ['eps.maxPriorMonthsInKorea'],
  evaluate(ctx) {
    const max = ctx.params.get('eps.maxPriorMonthsInKorea');
    const h = ctx.profile.koreaHistory;
    const e9 = h?.priorMonthsE9;
    const e10 = h?.priorMonthsE10;
    if ((e9 ?? 0) + (e10 ?? 0) > max) {
      return finalFail(
        'KOREA_HISTORY.PRIOR_STAY_TOO_LONG',
        `Total kerja sebelumnya di Korea (E-9 + E-10) melebihi ${max} bulan.`,
        `Previous work in Korea (E-9 + E-10) exceeds ${max} months in total.`,
        { maxMonths: max },
      );
    }
    if (e9 === undefined || e10 === undefined) {
      return missing('KOREA_HISTORY.PRIOR_STAY_MISSING', 'Lama kerja sebelumnya di Korea belum diisi.', 'Months previously worked in Korea have not been provided.', HISTORY_ACTION);
    }
    return passed('KOREA_HISTORY.PRIOR_STAY_OK', `Total kerja sebelumnya di Korea tidak melebihi ${max} bulan.`, `Previous work in Korea within ${max} months.`, { maxMonths: max });
  },
};

/**
 * Other routes: no entry ban to Korea (an entry ban under the Korean Immigration Act, Article 11,
 * bars any visa). A past deportation alone is not listed for these routes in DOMAIN.md.
 */
export const noEntryBanRule: EligibilityRule = {
  id: 'korea.noEntryBan',
  clause: 'KR-IMMIGRATION-ACT/11',
  title: { id: 'Tidak dicekal masuk Korea', en: 'No entry ban to Korea' },
  inputs: ['koreaHistory.entryBanned'],
  parameters: [],
  evaluate(ctx) {
    const v = ctx.profile.koreaHistory?.entryBanned;
    if (v === undefined) {
      return missing('KOREA_HISTORY.MISSING', 'Status cekal masuk Korea belum dinyatakan.', 'Whether there is an entry ban to Korea has not been declared.', HISTORY_ACTION);
    }
    if (v) return finalFail('KOREA_HISTORY.ENTRY_BANNED', 'Orang yang dicekal masuk Korea tidak dapat memperoleh visa.', 'A person banned from entering Korea cannot obtain a visa.');
    return passed('KOREA_HISTORY.NOT_BANNED', 'Tidak dicekal masuk Korea.', 'No entry ban to Korea.');
  },
};
