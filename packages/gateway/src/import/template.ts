/**
 * The published import templates: `npm run import -- template candidates|attendance|test-results [out-file]`
 * (the training kinds: sheets "Kehadiran" and "Hasil Ujian", columns in training-columns.ts). CSV: the header
 * row only (Bahasa Indonesia). XLSX: the same header on the first sheet ("Kandidat"), every column
 * formatted as Text (so Excel keeps a NIK's 16 digits and leaves dates as typed), and a second sheet
 * ("Petunjuk") listing each column: the header, the English header also accepted, the aliases,
 * whether it is required, and what it holds. The import reads the first sheet only.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { excelJs } from '../xlsx/exceljs';
import { COLUMN_SPECS, type ColumnSpec } from './columns';
import type { ImportKind } from './report';
import { ATTENDANCE_COLUMNS, TEST_RESULT_COLUMNS } from './training-columns';
import { escapeSpreadsheetCell } from './escape-cell';
import { MAX_CELL_LENGTH, MAX_DATA_ROWS, MAX_FILE_BYTES } from './limits';
import { ImportFileError } from './problems';

const KINDS: Record<ImportKind, { readonly sheet: string; readonly columns: readonly ColumnSpec<string>[]; readonly note?: readonly [string, string] }> = {
  candidates: { sheet: 'Kandidat', columns: COLUMN_SPECS },
  attendance: {
    sheet: 'Kehadiran',
    columns: ATTENDANCE_COLUMNS,
    note: [
      'Satu baris per peserta dan sesi. Isi NIK atau ID Kandidat, dan Sesi atau Tanggal Sesi. Setiap sesi dicatat untuk seluruh kelas: setiap peserta aktif harus punya baris untuk sesi itu. Impor lagi berkas yang sama tidak mengubah apa pun.',
      'One row per member and session. Fill the NIK or the candidate id, and the session or its date. A session is recorded for the whole class: every active member needs a row for it. Importing the same file again changes nothing.',
    ],
  },
  'test-results': {
    sheet: 'Hasil Ujian',
    columns: TEST_RESULT_COLUMNS,
    note: [
      'Satu baris per hasil ujian resmi. EPS_TOPIK, TOPIK_I, TOPIK_II: isi Nilai; PILOT_KOREAN: isi Level dan Lulus Berbicara. Hasil yang sudah tercatat tidak dicatat lagi.',
      'One row per official result. EPS_TOPIK, TOPIK_I, TOPIK_II: fill the score; PILOT_KOREAN: fill the level and speaking passed. A result already recorded is not recorded again.',
    ],
  },
};

export function templateCsv(kind: ImportKind = 'candidates'): string {
  return stringify([KINDS[kind].columns.map((c) => c.header)], { bom: true, record_delimiter: 'windows' });
}

const INSTRUCTIONS_HEADER = ['Kolom', 'Column (English)', 'Juga diterima / Also accepted', 'Wajib / Required', 'Isi (ID)', 'Content (EN)'];

export async function templateXlsx(kind: ImportKind = 'candidates'): Promise<Buffer> {
  const { sheet: sheetName, columns, note } = KINDS[kind];
  const workbook = new (excelJs()).Workbook();
  const sheet = workbook.addWorksheet(sheetName);
  sheet.columns = columns.map((c) => ({ header: c.header, width: Math.max(14, c.header.length + 4), style: { numFmt: '@' } }));
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  const help = workbook.addWorksheet('Petunjuk');
  help.addRow(INSTRUCTIONS_HEADER).font = { bold: true };
  for (const c of columns) {
    help.addRow([c.header, c.english, c.aliases.join(', '), c.required ? 'ya / yes' : 'tidak / no', c.format.id, c.format.en].map(escapeSpreadsheetCell));
  }
  help.addRow([]);
  if (note) for (const line of note) help.addRow([line]);
  help.addRow([`Tanggal: TTTT-BB-HH (2001-02-28) atau HH/BB/TTTT (28/02/2001), atau sel bertipe tanggal. Maksimum ${MAX_DATA_ROWS} baris, ${MAX_FILE_BYTES / (1024 * 1024)} MB, ${MAX_CELL_LENGTH} karakter per sel. Rumus tidak dihitung: tempel sebagai nilai.`]);
  help.addRow([`Dates: YYYY-MM-DD (2001-02-28) or DD/MM/YYYY (28/02/2001), or a date cell. At most ${MAX_DATA_ROWS} rows, ${MAX_FILE_BYTES / (1024 * 1024)} MB, ${MAX_CELL_LENGTH} characters a cell. Formulas are not evaluated: paste values.`]);
  help.columns.forEach((col) => {
    col.width = 28;
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Write the template to `outFile` (.csv or .xlsx), or the CSV to `stdout` when no file is given. */
export async function writeTemplate(outFile: string | undefined, stdout: (text: string) => void, kind: ImportKind = 'candidates'): Promise<string> {
  if (outFile === undefined) {
    stdout(templateCsv(kind));
    return 'stdout';
  }
  const ext = path.extname(outFile).toLowerCase();
  if (ext === '.xlsx') await writeFile(outFile, await templateXlsx(kind));
  else if (ext === '.csv') await writeFile(outFile, templateCsv(kind));
  else throw new ImportFileError('IMPORT.FILE_EXTENSION', { extension: ext });
  return outFile;
}
