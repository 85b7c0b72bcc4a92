/**
 * What an import reports: problem rows (row as the officer sees it in the sheet, header = row 1;
 * column as written in the file; a stable code; Bahasa Indonesia + English), notices that block
 * nothing, and file errors that stop the import before any row is judged (exit code 2).
 *
 * Messages never contain the submitted values (a NIK, a birth date): the report may be shared.
 * Row problems use the domain's own codes (`NIK.*`, `PROFILE.*`) when the domain found them, and
 * `IMPORT.*` codes for what only a spreadsheet can get wrong.
 */
import type { Messages } from '../domain';
import { MAX_CELL_LENGTH, MAX_COLUMNS, MAX_DATA_ROWS, MAX_FILE_BYTES, MAX_XLSX_ENTRIES, MAX_XLSX_UNCOMPRESSED_BYTES } from './limits';

export type ProblemDetails = Readonly<Record<string, string | number | boolean | null>>;

export interface ImportProblem {
  /** Row number in the sheet (header = 1); `null` for the file as a whole. */
  readonly row: number | null;
  /** The column's header as written in the file; `null` when the problem is not about one column. */
  readonly column: string | null;
  readonly code: string;
  readonly message: Messages;
  readonly details?: ProblemDetails;
}

const ROW_MESSAGES = {
  'IMPORT.REQUIRED_VALUE': ['Kolom ini wajib diisi.', 'This column is required.'],
  'IMPORT.CELL_TOO_LONG': [`Isi sel lebih dari ${MAX_CELL_LENGTH} karakter.`, `The cell holds more than ${MAX_CELL_LENGTH} characters.`],
  'IMPORT.FORMULA_NOT_ALLOWED': [
    'Sel berisi rumus; rumus tidak pernah dihitung saat impor. Salin lalu tempel sebagai nilai (Paste Values).',
    'The cell holds a formula; formulas are never evaluated on import. Copy it and paste it as a value (Paste Values).',
  ],
  'IMPORT.CELL_ERROR': ['Sel berisi galat spreadsheet (mis. #N/A, #REF!).', 'The cell holds a spreadsheet error (e.g. #N/A, #REF!).'],
  'IMPORT.INVALID_DATE_FORMAT': [
    'Tanggal tidak dapat dibaca; gunakan TTTT-BB-HH (2001-02-28) atau HH/BB/TTTT (28/02/2001), atau sel bertipe tanggal.',
    'The date cannot be read; use YYYY-MM-DD (2001-02-28) or DD/MM/YYYY (28/02/2001), or a date cell.',
  ],
  'IMPORT.DATE_DOES_NOT_EXIST': ['Tanggal ini tidak ada di kalender (mis. 30 Februari, 31 April).', 'This date does not exist (e.g. 30 February, 31 April).'],
  'IMPORT.NIK_NOT_TEXT': [
    'NIK tersimpan sebagai angka, sehingga Excel hanya menyimpan 15 digit. Format kolom NIK sebagai Teks lalu ketik ulang NIK.',
    'The NIK is stored as a number, so Excel keeps only 15 digits. Format the NIK column as Text and type the NIK again.',
  ],
  'IMPORT.INVALID_SEX': ["Jenis kelamin harus L/P (Laki-laki/Perempuan) atau M/F.", "Sex must be L/P (Laki-laki/Perempuan) or M/F."],
  'IMPORT.INVALID_CHOICE': ['Nilai tidak termasuk pilihan yang diizinkan (lihat lembar Petunjuk templat).', 'The value is not one of the allowed values (see the template’s instructions sheet).'],
  'IMPORT.INVALID_NUMBER': ['Nilai harus bilangan bulat.', 'The value must be a whole number.'],
  'IMPORT.UNKNOWN_KECAMATAN': [
    'Kecamatan tidak dikenal: untuk alamat di Kota Serang gunakan Serang, Cipocok Jaya, Curug, Kasemen, Taktakan atau Walantaka.',
    'Unknown kecamatan: for an address in Kota Serang use Serang, Cipocok Jaya, Curug, Kasemen, Taktakan or Walantaka.',
  ],
  'IMPORT.DUPLICATE_NIK_IN_FILE': ['NIK ini muncul lebih dari sekali dalam berkas.', 'This NIK appears more than once in the file.'],
  'IMPORT.NIK_ALREADY_REGISTERED': [
    'NIK ini sudah terdaftar dengan data yang berbeda; ubah data kandidat itu di aplikasi, bukan lewat impor.',
    'This NIK is already registered with different data; change that candidate in the application, not through an import.',
  ],
  'IMPORT.EXTRA_CELLS': ['Baris ini berisi lebih banyak sel daripada judul kolom.', 'This row holds more cells than there are column headers.'],
  // training imports (import-training.ts): attendance and official test results
  'IMPORT.INVALID_CANDIDATE_ID': ['ID kandidat harus UUID (salin dari aplikasi).', 'The candidate id must be a UUID (copy it from the application).'],
  'IMPORT.UNKNOWN_CANDIDATE': ['Tidak ada kandidat terdaftar dengan NIK / ID ini.', 'No registered candidate has this NIK / id.'],
  'IMPORT.CANDIDATE_MISMATCH': ['NIK dan ID kandidat pada baris ini menunjuk kandidat yang berbeda.', 'The NIK and the candidate id of this row name different candidates.'],
  'IMPORT.SESSION_NOT_IN_COHORT': ['Sesi ini tidak ada di kelas (rombel) ini.', 'This session is not in this cohort.'],
  'IMPORT.SESSION_DATE_AMBIGUOUS': ['Ada lebih dari satu sesi pada tanggal ini; isi nomor sesi.', 'More than one session falls on this date; give the session number.'],
  'IMPORT.SESSION_MISMATCH': ['Nomor sesi dan tanggal sesi menunjuk sesi yang berbeda.', 'The session number and the session date name different sessions.'],
  'IMPORT.INVALID_MARK': [
    'Kehadiran harus HADIR, ALPA atau IZIN (juga SAKIT = izin; PRESENT, ABSENT, EXCUSED; H/A/I/S).',
    'The mark must be PRESENT, ABSENT or EXCUSED (HADIR, ALPA, IZIN, SAKIT = excused; H/A/I/S accepted).',
  ],
  'IMPORT.NOT_ENROLLED': ['Kandidat ini bukan peserta aktif (ENROLLED) kelas ini.', 'This candidate is not an active (ENROLLED) member of this cohort.'],
  'IMPORT.DUPLICATE_MARK_IN_FILE': ['Kandidat ini punya lebih dari satu baris untuk sesi yang sama.', 'This candidate has more than one row for the same session.'],
  'IMPORT.SESSION_INCOMPLETE': [
    'Kehadiran sesi ini dicatat untuk seluruh kelas: ada peserta aktif tanpa baris untuk sesi ini (lihat details.missing).',
    'A session’s attendance is recorded for the whole class: active members have no row for this session (see details.missing).',
  ],
  'IMPORT.INVALID_TEST': ['Jenis ujian harus EPS_TOPIK, TOPIK_I, TOPIK_II atau PILOT_KOREAN.', 'The test must be EPS_TOPIK, TOPIK_I, TOPIK_II or PILOT_KOREAN.'],
  'IMPORT.INVALID_BOOLEAN': ['Nilai harus YA atau TIDAK (juga Y/N, TRUE/FALSE, LULUS/TIDAK LULUS).', 'The value must be YES or NO (Y/N, TRUE/FALSE, YA/TIDAK accepted).'],
  'IMPORT.VALUE_NOT_APPLICABLE': ['Kolom ini tidak berlaku untuk jenis ujian ini; kosongkan.', 'This column does not apply to this test; leave it empty.'],
  'IMPORT.DUPLICATE_RESULT_IN_FILE': ['Hasil ujian yang sama (kandidat, ujian, tanggal) muncul lebih dari sekali dalam berkas.', 'The same result (candidate, test, date) appears more than once in the file.'],
  'IMPORT.RESULT_ALREADY_RECORDED': [
    'Kandidat ini sudah punya hasil ujian ini pada tanggal ini dengan nilai berbeda; koreksi di aplikasi, bukan lewat impor.',
    'This candidate already has a result of this test on this date with a different value; correct it in the application, not through an import.',
  ],
} as const satisfies Record<string, readonly [string, string]>;

export type RowProblemCode = keyof typeof ROW_MESSAGES;

export function rowProblem(row: number, column: string | null, code: RowProblemCode, details?: ProblemDetails): ImportProblem {
  const [id, en] = ROW_MESSAGES[code];
  return { row, column, code, message: { id, en }, ...(details ? { details } : {}) };
}

const MB = (n: number): string => `${Math.round(n / (1024 * 1024))} MB`;

const FILE_MESSAGES = {
  'IMPORT.USAGE': ['Perintah tidak lengkap atau salah.', 'The command is incomplete or wrong.'],
  'IMPORT.FILE_NOT_FOUND': ['Berkas tidak ditemukan atau tidak dapat dibaca.', 'The file does not exist or cannot be read.'],
  'IMPORT.FILE_TOO_LARGE': [`Berkas lebih besar dari ${MB(MAX_FILE_BYTES)}; bagi menjadi beberapa berkas.`, `The file is larger than ${MB(MAX_FILE_BYTES)}; split it into several files.`],
  'IMPORT.FILE_EXTENSION': ['Hanya berkas .csv atau .xlsx yang dapat diimpor.', 'Only .csv or .xlsx files can be imported.'],
  'IMPORT.FILE_CONTENT_MISMATCH': [
    'Isi berkas tidak sesuai dengan ekstensinya (mis. XLSX yang dinamai .csv, atau PDF yang dinamai .xlsx).',
    'The file’s content does not match its extension (e.g. an XLSX named .csv, or a PDF named .xlsx).',
  ],
  'IMPORT.FILE_ENCRYPTED': [
    'Buku kerja terenkripsi/berkata sandi atau berformat .xls lama; simpan tanpa kata sandi sebagai .xlsx atau CSV UTF-8.',
    'The workbook is encrypted/password-protected or in the old .xls format; save it without a password as .xlsx or CSV UTF-8.',
  ],
  'IMPORT.FILE_ZIP_BOMB': [
    `Berkas XLSX tidak wajar: lebih dari ${MAX_XLSX_ENTRIES} bagian atau isi lebih dari ${MB(MAX_XLSX_UNCOMPRESSED_BYTES)} setelah dibuka. Berkas ditolak sebelum dibaca.`,
    `The XLSX file is abnormal: more than ${MAX_XLSX_ENTRIES} parts or more than ${MB(MAX_XLSX_UNCOMPRESSED_BYTES)} once uncompressed. It was refused before being read.`,
  ],
  'IMPORT.FILE_CORRUPT': ['Berkas rusak atau tidak dapat dibaca sebagai CSV/XLSX.', 'The file is damaged or cannot be read as CSV/XLSX.'],
  'IMPORT.FILE_ENCODING': ['Berkas CSV bukan UTF-8; simpan sebagai "CSV UTF-8".', 'The CSV file is not UTF-8; save it as "CSV UTF-8".'],
  'IMPORT.FILE_EMPTY': ['Berkas atau lembar pertama kosong: tidak ada baris judul kolom.', 'The file or its first sheet is empty: there is no header row.'],
  'IMPORT.FILE_NO_DATA_ROWS': ['Berkas hanya berisi judul kolom, tanpa baris data.', 'The file holds the header row only, no data rows.'],
  'IMPORT.TOO_MANY_ROWS': [
    `Berkas berisi lebih dari ${MAX_DATA_ROWS.toLocaleString('id-ID')} baris data; bagi menjadi beberapa berkas.`,
    `The file holds more than ${MAX_DATA_ROWS.toLocaleString('en-US')} data rows; split it into several files.`,
  ],
  'IMPORT.TOO_MANY_COLUMNS': [`Baris judul berisi lebih dari ${MAX_COLUMNS} kolom.`, `The header row holds more than ${MAX_COLUMNS} columns.`],
  'IMPORT.MISSING_COLUMNS': ['Kolom wajib tidak ada di baris judul.', 'Required columns are missing from the header row.'],
  'IMPORT.DUPLICATE_COLUMN': ['Dua judul kolom berarti sama.', 'Two column headers mean the same thing.'],
  // over HTTP (http/imports-route.ts)
  'IMPORT.UNSUPPORTED_MEDIA_TYPE': [
    'Kirim berkas sebagai isi permintaan dengan Content-Type text/csv atau application/vnd.openxmlformats-officedocument.spreadsheetml.sheet (atau application/octet-stream dengan nama berkas .csv/.xlsx).',
    'Send the file as the request body with Content-Type text/csv or application/vnd.openxmlformats-officedocument.spreadsheetml.sheet (or application/octet-stream with a .csv/.xlsx file name).',
  ],
  'IMPORT.MEDIA_TYPE_MISMATCH': [
    'Content-Type tidak sesuai dengan ekstensi nama berkas (mis. text/csv untuk berkas .xlsx).',
    'The Content-Type does not match the file name’s extension (e.g. text/csv for an .xlsx file).',
  ],
  'IMPORT.BAD_PARAMETER': [
    'Parameter permintaan tidak valid: dryRun dan skipInvalid harus true atau false, filename paling panjang 255 karakter, cohort (hanya untuk kehadiran, wajib) id kelas.',
    'A request parameter is not valid: dryRun and skipInvalid must be true or false, filename at most 255 characters, cohort (attendance only, required) the cohort’s id.',
  ],
  'IMPORT.IMPORT_ID_INVALID': [
    'Idempotency-Key / importId harus UUID (mis. dari crypto.randomUUID()).',
    'The Idempotency-Key / importId must be a UUID (e.g. from crypto.randomUUID()).',
  ],
  'IMPORT.IMPORT_IN_PROGRESS': [
    'Impor dengan id ini sedang berjalan; tanyakan kemajuannya (importProgress) lalu coba lagi setelah selesai.',
    'An import with this id is running; ask for its progress (importProgress) and try again once it has finished.',
  ],
  'IMPORT.IMPORT_ID_REUSED': [
    'Id impor ini sudah dipakai untuk berkas atau mode lain (atau oleh kredensial lain); pakai id baru untuk impor baru.',
    'This import id was already used for another file or mode (or by another credential); use a new id for a new import.',
  ],
  'IMPORT.BODY_INCOMPLETE': [
    'Isi permintaan terputus sebelum berkas diterima lengkap; kirim lagi.',
    'The request body ended before the whole file arrived; send it again.',
  ],
  'IMPORT.COHORT_NOT_FOUND': ['Kelas (rombel) tidak ditemukan (atau bukan milik lembaga Anda).', 'The cohort does not exist (or is not your provider’s).'],
  'IMPORT.COHORT_NOT_RUNNING': ['Kehadiran hanya dicatat untuk kelas yang sedang berjalan (RUNNING).', 'Attendance is recorded only for a RUNNING cohort.'],
  'IMPORT.DATABASE_NOT_READY': [
    'Basis data belum dimigrasi: jalankan `npm run migrate` (atau jalankan gateway sekali) terlebih dahulu.',
    'The database is not migrated yet: run `npm run migrate` (or start the gateway once) first.',
  ],
} as const satisfies Record<string, readonly [string, string]>;

export type FileErrorCode = keyof typeof FILE_MESSAGES;

/** A file the import refuses as a whole (exit code 2); nothing was written. */
export class ImportFileError extends Error {
  readonly messages: Messages;
  constructor(
    readonly code: FileErrorCode,
    readonly details: ProblemDetails = {},
  ) {
    const [id, en] = FILE_MESSAGES[code];
    super(`${code}: ${en}`);
    this.name = 'ImportFileError';
    this.messages = { id, en };
  }
}

/** A notice: reported, blocks nothing (an ignored column). */
export interface ImportNotice {
  readonly column: string;
  readonly code: 'IMPORT.UNKNOWN_COLUMN' | 'IMPORT.COLUMN_NOT_STORED';
  readonly message: Messages;
}

export function notice(column: string, code: ImportNotice['code']): ImportNotice {
  const message =
    code === 'IMPORT.UNKNOWN_COLUMN'
      ? { id: 'Kolom tidak dikenal; isinya diabaikan.', en: 'Unknown column; its content is ignored.' }
      : { id: 'Kolom dikenali tetapi tidak disimpan (data kandidat tidak memuat nama).', en: 'Known column, not stored (the candidate record holds no name).' };
  return { column, code, message };
}
