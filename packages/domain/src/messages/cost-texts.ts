/**
 * The texts of the cost estimate (issue 14): the lines' labels, its input errors, the BPJS bracket
 * notes and the estimate's warnings, by key. The lean estimate (`leanEstimateCosts`) refers to them; the
 * main entry's `estimateCosts` returns them rendered.
 */
import type { Messages } from '../shared/domain-error';
import type { TextValue } from './text-value';

/** The standard lines' labels (and the passport's two variants), by line id. */
export const COST_LINE_LABELS = {
  epsTopikFee: { id: 'Biaya ujian EPS-TOPIK', en: 'EPS-TOPIK test fee' },
  koreanCourse: { id: 'Kursus bahasa Korea (LPK)', en: 'Korean language course (LPK)' },
  koreanCourseRegistration: { id: 'Pendaftaran kursus bahasa Korea', en: 'Korean course registration' },
  koreanTestFee: { id: 'Ujian bahasa Korea program percontohan (TOPIK-1 dan wawancara)', en: 'Pilot Korean test (TOPIK-1 level and speaking)' },
  skillsTestFee: { id: 'Uji keterampilan / sertifikasi kompetensi (KOSHIPA, BNSP)', en: 'Skills test / competency certification (KOSHIPA, BNSP)' },
  medicalCheckup: { id: 'Pemeriksaan kesehatan dan psikologi', en: 'Medical and psychological check-up' },
  passportElectronic: { id: 'Paspor elektronik 5 tahun', en: 'Electronic passport, 5 years' },
  passportRegular: { id: 'Paspor biasa (non-elektronik) 5 tahun', en: 'Regular (non-electronic) passport, 5 years' },
  skck: { id: 'SKCK (surat keterangan catatan kepolisian)', en: 'Police certificate (SKCK)' },
  visa: { id: 'Visa kerja', en: 'Work visa' },
  flight: { id: 'Tiket pesawat Jakarta–Korea', en: 'Flight Jakarta–Korea' },
  orientation: { id: 'Orientasi pra-pemberangkatan (OPP)', en: 'Pre-departure orientation (OPP)' },
  bpjsBeforeWork: { id: 'BPJS Ketenagakerjaan sebelum bekerja', en: 'BPJS Ketenagakerjaan before work' },
  bpjsDuringWork: { id: 'BPJS Ketenagakerjaan selama bekerja', en: 'BPJS Ketenagakerjaan during work' },
  p3miServiceFee: { id: 'Jasa perusahaan penempatan (P3MI)', en: 'Placement company (P3MI) service fee' },
  returnCostInsurance: { id: 'Asuransi biaya kepulangan (dibayar di Korea)', en: 'Return-cost insurance (paid in Korea)' },
  contractLegalisation: { id: 'Legalisasi perjanjian kerja', en: 'Employment contract legalisation' },
  localTransport: { id: 'Transportasi lokal (ke tempat tes, pelatihan, keberangkatan)', en: 'Local transport (to tests, training, departure)' },
  accommodation: { id: 'Akomodasi selama proses sebelum berangkat', en: 'Accommodation during the pre-departure process' },
  returnTicket: { id: 'Tiket pulang Korea–Indonesia (akhir kontrak)', en: 'Return ticket Korea–Indonesia (end of contract)' },
} satisfies Record<string, Messages>;
export type CostLineLabelKey = keyof typeof COST_LINE_LABELS;

const LINE_TEXTS = Object.fromEntries(Object.entries(COST_LINE_LABELS).map(([k, v]) => [`costs.line.${k}`, v])) as {
  readonly [K in CostLineLabelKey as `costs.line.${K}`]: Messages;
};

export const COST_TEXTS = {
  ...LINE_TEXTS,
  // invalid input of the estimate (thrown)
  'COSTS.NEGATIVE_AMOUNT': { id: 'Jumlah biaya tidak boleh negatif.', en: 'A cost must not be negative.' },
  'COSTS.INVALID_PARAMETERS': { id: 'Snapshot parameter tidak valid.', en: 'Invalid parameter snapshot.' },
  'COSTS.INVALID_INPUT.input': { id: 'Masukan tidak valid.', en: 'Invalid input.' },
  'COSTS.UNKNOWN_ROUTE': (routes: TextValue): Messages => ({ id: `Jalur tidak dikenal; gunakan ${routes}.`, en: `Unknown route; use ${routes}.` }),
  'COSTS.UNKNOWN_OCCUPATION': { id: 'Jabatan tidak dikenal.', en: 'Unknown occupation.' },
  'COSTS.INVALID_OPTION.passport': { id: 'Jenis paspor: ELECTRONIC atau REGULAR.', en: 'Passport kind: ELECTRONIC or REGULAR.' },
  'COSTS.INVALID_OPTION.includeKoreanCourse': { id: 'includeKoreanCourse harus true atau false.', en: 'includeKoreanCourse must be true or false.' },
  'COSTS.INVALID_POLICY.list': { id: 'Daftar kebijakan tidak valid.', en: 'Invalid list of policies.' },
  'COSTS.INVALID_EXCHANGE_RATE.rates': { id: 'Kurs tidak valid.', en: 'Invalid exchange rates.' },
  'COSTS.INVALID_EXCHANGE_RATE.pair': (currency: TextValue): Messages => ({
    id: `Kurs harus menghubungkan ${currency} dan IDR.`,
    en: `The rate must link ${currency} and IDR.`,
  }),
  'COSTS.INVALID_INPUT.inputs': { id: 'inputs tidak valid.', en: 'Invalid inputs.' },
  'COSTS.INVALID_LINE.lines': { id: 'additionalLines harus berupa daftar.', en: 'additionalLines must be a list.' },
  'COSTS.INVALID_FINANCING.list': { id: 'financing harus berupa daftar.', en: 'financing must be a list.' },
  'COSTS.CURRENCY.cashThreshold': { id: 'Batas uang tunai harus dalam rupiah.', en: 'The cash threshold must be in rupiah.' },
  'COSTS.INVALID_LINE.line': { id: 'Baris biaya tidak valid.', en: 'Invalid cost line.' },
  'COSTS.INVALID_LINE.id': { id: 'Kode baris harus camelCase dan unik.', en: 'The line id must be camelCase and unique.' },
  'COSTS.INVALID_LINE.category': { id: 'Kategori biaya tidak dikenal.', en: 'Unknown cost category.' },
  'COSTS.INVALID_LINE.timing': { id: 'Waktu pembayaran tidak dikenal.', en: 'Unknown timing.' },
  'COSTS.INVALID_LINE.label': { id: 'Label harus dalam bahasa Indonesia dan Inggris.', en: 'The label needs Indonesian and English.' },
  'COSTS.INVALID_LINE.statedBy': { id: 'Sebutkan sumber jumlah biaya (statedBy).', en: 'State where the amount comes from (statedBy).' },
  'COSTS.INVALID_INPUT.koreanCourse': { id: 'koreanCourse tidak valid.', en: 'Invalid koreanCourse.' },
  'COSTS.INVALID_LINE.courseStatedBy': { id: 'Sebutkan kursus asal biaya (statedBy).', en: 'State the course the fee comes from (statedBy).' },
  'COSTS.CURRENCY.courseFee': { id: 'Biaya kursus harus dalam rupiah.', en: 'The course fee must be in rupiah.' },
  'COSTS.INVALID_FINANCING.product': { id: 'Pembiayaan harus menyebut produknya.', en: 'Financing must name its product.' },
  'COSTS.INVALID_FINANCING.kind': { id: 'Jenis pembiayaan: LOAN atau GRANT.', en: 'Financing kind: LOAN or GRANT.' },
  'COSTS.CURRENCY.financing': { id: 'Pembiayaan harus dalam rupiah.', en: 'Financing must be in rupiah.' },
  // invalid cost policies (thrown; defineCostPolicy)
  'COSTS.INVALID_POLICY.texts': { id: 'Teks harus tersedia dalam bahasa Indonesia (id) dan Inggris (en).', en: 'Texts need Indonesian (id) and English (en).' },
  'COSTS.INVALID_POLICY.emptyCriteria': { id: 'Daftar kriteria tidak boleh kosong.', en: 'A criteria list must not be empty.' },
  'COSTS.INVALID_POLICY.criteriaValue': { id: 'Nilai kriteria tidak dikenal.', en: 'Unknown criteria value.' },
  'COSTS.INVALID_POLICY.share': { id: 'Porsi harus angka desimal 0–1.', en: 'The share must be a decimal number 0–1.' },
  'COSTS.INVALID_POLICY.policy': { id: 'Kebijakan biaya tidak valid.', en: 'Invalid cost policy.' },
  'COSTS.INVALID_POLICY.id': {
    id: 'Kode kebijakan harus huruf besar, angka dan garis bawah.',
    en: 'The policy id must be upper case letters, digits and underscores.',
  },
  'COSTS.INVALID_POLICY.kind': { id: 'Jenis kebijakan tidak dikenal.', en: 'Unknown policy kind.' },
  'COSTS.INVALID_POLICY.legalBasis': { id: 'Dasar hukum harus teks atau null.', en: 'The legal basis must be a text or null.' },
  'COSTS.INVALID_POLICY.statedBy': { id: 'statedBy harus teks.', en: 'statedBy must be a text.' },
  'COSTS.INVALID_POLICY.overlayStatedBy': {
    id: 'Overlay tanpa dasar hukum harus menyebut siapa yang memutuskannya (statedBy).',
    en: 'An overlay without a legal basis must say who decided it (statedBy).',
  },
  'COSTS.INVALID_POLICY.rules': { id: 'Kebijakan harus memiliki aturan.', en: 'A policy needs rules.' },
  'COSTS.INVALID_POLICY.rule': { id: 'Aturan tidak valid.', en: 'Invalid rule.' },
  'COSTS.INVALID_POLICY.ruleId': {
    id: 'Kode aturan harus unik, huruf besar, angka dan garis bawah.',
    en: 'Rule ids must be unique upper case letters, digits and underscores.',
  },
  'COSTS.INVALID_POLICY.match': { id: 'Kriteria aturan tidak valid.', en: 'Invalid rule criteria.' },
  'COSTS.INVALID_POLICY.payer': { id: 'Pembayar tidak dikenal.', en: 'Unknown payer.' },
  'COSTS.INVALID_POLICY.cap': { id: 'Batas harus dalam rupiah dan tidak negatif.', en: 'The cap must be in rupiah and not negative.' },
  // the lines' notes and the estimate's warnings
  'costs.bpjs.beyond24': (extra: TextValue): Messages => ({
    id: `Tarif kontrak 24 bulan ditambah ${extra} bulan × tarif per bulan di atas 24 bulan (Permenaker 4/2023 Pasal 18).`,
    en: `24-month tariff plus ${extra} months × the monthly tariff beyond 24 months (Permenaker 4/2023 Art. 18).`,
  }),
  'costs.bpjs.bracket': (bracket: TextValue): Messages => ({
    id: `Tarif kontrak ${bracket} bulan (Permenaker 4/2023 Pasal 18).`,
    en: `${bracket}-month contract tariff (Permenaker 4/2023 Art. 18).`,
  }),
  'costs.bpjs.nextBracket': (months: TextValue, bracket: TextValue): Messages => ({
    id: `Kontrak ${months} bulan memakai tarif titik tabel berikutnya: ${bracket} bulan (Permenaker 4/2023 Pasal 18).`,
    en: `A ${months}-month contract uses the next table point up: ${bracket} months (Permenaker 4/2023 Art. 18).`,
  }),
  'COSTS.DEFAULT_EXCHANGE_RATE': (currency: TextValue): Messages => ({
    id: `Kurs ${currency}/IDR memakai nilai bawaan (bukan kurs resmi); berikan kurs bertanggal bila ada.`,
    en: `The ${currency}/IDR rate is a working default (not an official rate); give a dated rate when you have one.`,
  }),
  'COSTS.INPUT_NOT_APPLICABLE': {
    id: 'Masukan ini tidak berlaku untuk jalur tersebut dan diabaikan.',
    en: 'This input does not apply to the route and was ignored.',
  },
  'COSTS.INCOMPLETE': {
    id: 'Sebagian biaya belum diketahui; lengkapi masukan yang diminta. Total hanya mencakup biaya yang diketahui.',
    en: 'Some costs are unknown; give the required inputs. Totals cover the known costs only.',
  },
  'COSTS.ROUTE_NOT_OPEN': (status: TextValue): Messages => ({
    id: `Jalur ini berstatus ${status} pada tanggal tersebut.`,
    en: `This route is ${status} on that date.`,
  }),
} as const;
