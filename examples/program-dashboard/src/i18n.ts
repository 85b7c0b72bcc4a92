/**
 * The dashboard's words, in Bahasa Indonesia (the default) and English. Occupation and route names
 * come from the SDK's vocabulary (`OCCUPATION_LABELS`, `ROUTE_LABELS`); the rest is here.
 */
import { OCCUPATION_LABELS, ROUTE_LABELS, type Occupation, type Route } from '@jembatan/sdk';

export type Lang = 'id' | 'en';
export const LANGS: readonly Lang[] = ['id', 'en'];

export interface Text {
  readonly id: string;
  readonly en: string;
}

/** Texts of the page, by key; `{name}` placeholders are filled by `t`. */
export const MESSAGES = {
  title: { id: 'Dasbor Program Penempatan Kota Serang', en: 'Kota Serang Placement Program Dashboard' },
  subtitle: {
    id: 'Pengisian kuota, corong tahapan, tren bulanan dan biaya per penempatan, dibaca dari gateway Jembatan.',
    en: 'Quota fill, the stage funnel, monthly trends and cost per placement, read from the Jembatan gateway.',
  },
  language: { id: 'Bahasa', en: 'Language' },
  keyLabel: { id: 'Kunci API ANALYST', en: 'ANALYST API key' },
  keyHint: {
    id: 'Disimpan hanya di sessionStorage tab ini dan dihapus saat tab ditutup.',
    en: 'Kept in this tab’s sessionStorage only, and gone when the tab closes.',
  },
  gatewayLabel: { id: 'URL gateway GraphQL', en: 'GraphQL gateway URL' },
  load: { id: 'Muat dasbor', en: 'Load dashboard' },
  forget: { id: 'Lupakan kunci', en: 'Forget key' },
  loading: { id: 'Memuat…', en: 'Loading…' },
  loaded: { id: 'Dimuat pukul {time}.', en: 'Loaded at {time}.' },
  needKey: { id: 'Masukkan kunci API ANALYST.', en: 'Enter an ANALYST API key.' },
  forgotten: { id: 'Kunci dihapus dari sesi ini.', en: 'The key was removed from this session.' },
  failed: { id: 'Gagal memuat', en: 'Could not load' },
  requestId: { id: 'id permintaan', en: 'request id' },
  unavailable: { id: 'Belum tersedia di gateway ini.', en: 'Not available on this gateway yet.' },
  suppressed: { id: 'disembunyikan', en: 'suppressed' },
  noData: { id: 'Tidak ada data.', en: 'No data.' },
  protectedView: {
    id: 'Tampilan terlindungi: sel dengan kurang dari {min} orang disembunyikan; angka sampai {date}.',
    en: 'Protected view: cells of fewer than {min} people are suppressed; figures up to {date}.',
  },
  exactView: { id: 'Angka tepat (tanpa penyembunyian).', en: 'Exact figures (no suppression).' },
  suppressedCells: { id: 'Sel disembunyikan: {n}.', en: 'Suppressed cells: {n}.' },
  dataTable: { id: 'Tabel data', en: 'Data table' },
  category: { id: 'Kategori', en: 'Category' },
  total: { id: 'Jumlah', en: 'Total' },

  quotaFill: { id: 'Pengisian kuota', en: 'Quota fill' },
  quotaFillDesc: { id: 'Kursi terisi dan tersisa per MoU × jabatan × skema.', en: 'Seats allocated and left per MoU × occupation × route.' },
  seats: { id: 'Kursi', en: 'Seats' },
  allocated: { id: 'Terisi', en: 'Allocated' },
  left: { id: 'Tersisa', en: 'Left' },

  funnel: { id: 'Corong tahapan', en: 'Stage funnel' },
  funnelDesc: {
    id: 'Kohort yang terdaftar pada periode ini: berapa yang mencapai tiap tahap, konversi dari tahap sebelumnya, dan lama langkahnya (hari).',
    en: 'The cohort registered in the period: how many reached each stage, the conversion from the stage before, and how long the step took (days).',
  },
  reached: { id: 'Mencapai tahap', en: 'Reached the stage' },
  conversion: { id: 'Konversi', en: 'Conversion' },
  medianDays: { id: 'Median hari', en: 'Median days' },
  p90Days: { id: 'Hari p90', en: 'p90 days' },
  cohort: { id: 'Kohort: terdaftar {from} s.d. {to}', en: 'Cohort: registered {from} to {to}' },

  trends: { id: 'Tren bulanan', en: 'Monthly trends' },
  trendsDesc: { id: 'Pendaftaran, masuk pelatihan dan keberangkatan per bulan (WIB).', en: 'Registrations, training entries and departures per month (WIB).' },
  month: { id: 'Bulan', en: 'Month' },

  costPerPlacement: { id: 'Biaya per penempatan', en: 'Cost per placement' },
  costPerPlacementDesc: {
    id: 'Rata-rata biaya per penempatan, dari estimasi yang disimpan saat alokasi kursi.',
    en: 'Average cost per placement, from the estimates stored when seats were allocated.',
  },
  placementCosts: { id: 'Biaya penempatan menurut pembayar', en: 'Placement costs by payer' },
  placementCostsDesc: {
    id: 'Jumlah biaya semua penempatan, menurut siapa yang membayar.',
    en: 'Total cost of all placements, by who pays.',
  },
  placements: { id: 'Penempatan', en: 'Placements' },
  perPlacement: { id: 'Per penempatan', en: 'Per placement' },
  beforeDeparture: { id: 'Sebelum berangkat', en: 'Before departure' },
  inKorea: { id: 'Di Korea', en: 'In Korea' },
  totalCost: { id: 'Total biaya', en: 'Total cost' },
  groupBy: { id: 'Menurut', en: 'By' },
  byOccupation: { id: 'Jabatan', en: 'Occupation' },
  byRoute: { id: 'Skema', en: 'Route' },
  byKecamatan: { id: 'Kecamatan', en: 'Kecamatan' },
  byPayer: { id: 'Pembayar', en: 'Payer' },
} as const satisfies Record<string, Text>;

export type MessageKey = keyof typeof MESSAGES;

/** The text of `key` in `lang`, with `{name}` placeholders replaced from `values`. */
export function t(lang: Lang, key: MessageKey, values: Readonly<Record<string, string | number>> = {}): string {
  return MESSAGES[key][lang].replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

export const pick = (lang: Lang, text: Text): string => text[lang];

export function langOf(value: string | null | undefined): Lang | undefined {
  return value === 'id' || value === 'en' ? value : undefined;
}

/** Candidate stages, as the program names them (the domain's CANDIDATE_STAGE_LABELS, shortened for a chart axis). */
export const STAGE_LABELS: Readonly<Record<string, Text>> = {
  REGISTERED: { id: 'Terdaftar', en: 'Registered' },
  SELECTED: { id: 'Terseleksi', en: 'Selected' },
  TRAINING: { id: 'Pelatihan', en: 'Training' },
  TESTING: { id: 'Uji', en: 'Testing' },
  MEDICAL: { id: 'Pemeriksaan kesehatan', en: 'Medical' },
  PLACEMENT_AGREEMENT: { id: 'Perjanjian penempatan', en: 'Placement agreement' },
  EMPLOYMENT_CONTRACT: { id: 'Perjanjian kerja', en: 'Employment contract' },
  VISA: { id: 'Visa kerja', en: 'Work visa' },
  ORIENTATION: { id: 'Orientasi pra-penempatan', en: 'Pre-departure orientation' },
  DEPARTED: { id: 'Berangkat', en: 'Departed' },
  PLACED: { id: 'Bekerja di negara tujuan', en: 'Placed' },
  RETURNED: { id: 'Kembali', en: 'Returned' },
  WITHDRAWN: { id: 'Mengundurkan diri', en: 'Withdrawn' },
  REJECTED: { id: 'Tidak lolos', en: 'Rejected' },
};

export const PAYER_LABELS: Readonly<Record<string, Text>> = {
  WORKER: { id: 'Pekerja (calon PMI)', en: 'Worker (candidate)' },
  EMPLOYER: { id: 'Pemberi kerja di Korea', en: 'Korean employer' },
  P3MI: { id: 'Perusahaan penempatan (P3MI)', en: 'Placement company (P3MI)' },
  CITY_SUBSIDY: { id: 'Subsidi Pemkot Serang', en: 'Kota Serang subsidy' },
  APJATI_FACILITY: { id: 'Fasilitas APJATI', en: 'APJATI facility' },
};

export const KECAMATAN_LABELS: Readonly<Record<string, Text>> = {
  SERANG: { id: 'Serang', en: 'Serang' },
  CIPOCOK_JAYA: { id: 'Cipocok Jaya', en: 'Cipocok Jaya' },
  CURUG: { id: 'Curug', en: 'Curug' },
  KASEMEN: { id: 'Kasemen', en: 'Kasemen' },
  TAKTAKAN: { id: 'Taktakan', en: 'Taktakan' },
  WALANTAKA: { id: 'Walantaka', en: 'Walantaka' },
};

/** A label for an enum value from one of the tables, else the value itself (a new code shows as is). */
export function labelOf(lang: Lang, table: Readonly<Record<string, Text>>, value: string | null | undefined): string {
  if (value === null || value === undefined) return '—';
  const text = table[value];
  return text ? text[lang] : value;
}

export const occupationLabel = (lang: Lang, o: string | null | undefined): string =>
  o && o in OCCUPATION_LABELS ? OCCUPATION_LABELS[o as Occupation][lang] : (o ?? '—');
export const routeLabel = (lang: Lang, r: string | null | undefined): string =>
  r && r in ROUTE_LABELS ? ROUTE_LABELS[r as Route][lang] : (r ?? '—');

const MONTHS: Readonly<Record<Lang, readonly string[]>> = {
  id: ['Jan', 'Feb', 'Mar', 'Apr', 'Mei', 'Jun', 'Jul', 'Agu', 'Sep', 'Okt', 'Nov', 'Des'],
  en: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
};

/** `2026-03` or `2026-03-01` as "Mar 2026" ("Mei 2026" in Bahasa Indonesia). */
export function monthLabel(lang: Lang, month: string): string {
  const m = /^(\d{4})-(\d{2})/.exec(month);
  if (!m) return month;
  const name = MONTHS[lang][Number(m[2]) - 1];
  return name ? `${name} ${m[1]}` : month;
}
