/** The texts of the eligibility evaluation itself (issue 14): its input errors, the verdict's summary and the checklist. */
import type { Messages } from '../shared/domain-error';
import type { TextValue } from './text-value';

/** The distinct texts, in order, joined by a space (one checklist item for several rules' actions). */
function joinDistinct(texts: readonly string[]): string {
  return texts.filter((t, i) => texts.indexOf(t) === i).join(' ');
}

export const ELIGIBILITY_TEXTS = {
  // invalid input of the evaluation (thrown)
  'ELIGIBILITY.INVALID_OPENING.notObject': { id: 'Lowongan harus berupa objek.', en: 'The opening must be an object.' },
  'ELIGIBILITY.INVALID_OPENING.unknownField': { id: 'Kolom lowongan tidak dikenal.', en: 'Unknown opening field.' },
  'ELIGIBILITY.UNKNOWN_OCCUPATION': { id: 'Jabatan tidak dikenal.', en: 'Unknown occupation.' },
  'ELIGIBILITY.INVALID_OPENING.plannedDeparture': { id: 'Tanggal keberangkatan tidak valid (TTTT-BB-HH).', en: 'Invalid planned departure (YYYY-MM-DD).' },
  'ELIGIBILITY.INVALID_OPENING.extraRequirements': { id: 'Syarat tambahan harus berupa objek.', en: 'Extra requirements must be an object.' },
  'ELIGIBILITY.INVALID_OPENING.unknownRequirement': { id: 'Syarat tambahan tidak dikenal.', en: 'Unknown extra requirement.' },
  'ELIGIBILITY.INVALID_OPENING.wholeNumber': (min: TextValue, max: TextValue): Messages => ({
    id: `Harus bilangan bulat ${min}–${max}.`,
    en: `Must be a whole number from ${min} to ${max}.`,
  }),
  'ELIGIBILITY.INVALID_OPENING.maxAgeBelowMin': {
    id: 'Usia maksimal tidak boleh di bawah usia minimal.',
    en: 'The maximum age cannot be below the minimum age.',
  },
  'ELIGIBILITY.INVALID_OPENING.education': { id: 'Jenjang pendidikan tidak dikenal.', en: 'Unknown education level.' },
  'ELIGIBILITY.INVALID_OPENING.qualification': { id: 'Kualifikasi harus berupa teks yang tidak kosong.', en: 'The qualification must be a non-empty text.' },
  'ELIGIBILITY.INVALID_OVERLAY': { id: 'Overlay aturan harus punya nama.', en: 'A rule overlay needs a name.' },
  'ELIGIBILITY.UNKNOWN_RULE': { id: 'Aturan tidak dikenal.', en: 'Unknown rule.' },
  'ELIGIBILITY.INVALID_OVERLAY.stage': { id: 'Tahap tidak dikenal.', en: 'Unknown stage.' },
  'ELIGIBILITY.SNAPSHOT_DATE_MISMATCH': {
    id: 'Tanggal snapshot parameter harus sama dengan tanggal acuan.',
    en: 'The parameter snapshot must be taken on the as-of date.',
  },
  'ELIGIBILITY.INVALID_INPUT': { id: 'Masukan harus berupa objek.', en: 'The input must be an object.' },
  'ELIGIBILITY.INVALID_MARGIN': {
    id: 'Margin masa berlaku paspor harus bilangan bulat bulan ≥ 0.',
    en: 'The passport margin must be a whole number of months ≥ 0.',
  },
  // the verdict and the checklist
  'VERDICT.INELIGIBLE': (n: TextValue): Messages => ({
    id: `Tidak memenuhi syarat: ${n} syarat tidak terpenuhi dan tidak dapat diperbaiki.`,
    en: `Not eligible: ${n} requirement(s) fail and cannot be fixed.`,
  }),
  'VERDICT.SELECTION_ACTION_NEEDED': (n: TextValue): Messages => ({
    id: `Belum dapat diseleksi: ${n} langkah perlu diselesaikan.`,
    en: `Not yet ready for selection: ${n} action(s) to complete.`,
  }),
  'VERDICT.DEPARTURE_ACTION_NEEDED': (n: TextValue): Messages => ({
    id: `Memenuhi syarat untuk diseleksi; ${n} langkah sebelum berangkat.`,
    en: `Eligible to be selected; ${n} action(s) before departure.`,
  }),
  'VERDICT.READY': { id: 'Memenuhi syarat dan siap berangkat.', en: 'Eligible and ready to depart.' },
  'CHECKLIST.ACTIONS': (...actions: Messages[]): Messages => ({ id: joinDistinct(actions.map((a) => a.id)), en: joinDistinct(actions.map((a) => a.en)) }),
} as const;
