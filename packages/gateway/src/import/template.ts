/**
 * The published import template: `npm run import -- template candidates [out-file]`. CSV: the header
 * row only (Bahasa Indonesia). XLSX: the same header on the first sheet ("Kandidat"), every column
 * formatted as Text (so Excel keeps a NIK's 16 digits and leaves dates as typed), and a second sheet
 * ("Petunjuk") listing each column: the header, the English header also accepted, the aliases,
 * whether it is required, and what it holds. The import reads the first sheet only.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import { COLUMN_SPECS } from './columns';
import { escapeSpreadsheetCell } from './escape-cell';
import { MAX_CELL_LENGTH, MAX_DATA_ROWS, MAX_FILE_BYTES } from './limits';
import { ImportFileError } from './problems';

export function templateCsv(): string {
  return stringify([COLUMN_SPECS.map((c) => c.header)], { bom: true, record_delimiter: 'windows' });
}

const INSTRUCTIONS_HEADER = ['Kolom', 'Column (English)', 'Juga diterima / Also accepted', 'Wajib / Required', 'Isi (ID)', 'Content (EN)'];

export async function templateXlsx(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Kandidat');
  sheet.columns = COLUMN_SPECS.map((c) => ({ header: c.header, width: Math.max(14, c.header.length + 4), style: { numFmt: '@' } }));
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  const help = workbook.addWorksheet('Petunjuk');
  help.addRow(INSTRUCTIONS_HEADER).font = { bold: true };
  for (const c of COLUMN_SPECS) {
    help.addRow([c.header, c.english, c.aliases.join(', '), c.required ? 'ya / yes' : 'tidak / no', c.format.id, c.format.en].map(escapeSpreadsheetCell));
  }
  help.addRow([]);
  help.addRow([`Tanggal: TTTT-BB-HH (2001-02-28) atau HH/BB/TTTT (28/02/2001), atau sel bertipe tanggal. Maksimum ${MAX_DATA_ROWS} baris, ${MAX_FILE_BYTES / (1024 * 1024)} MB, ${MAX_CELL_LENGTH} karakter per sel. Rumus tidak dihitung: tempel sebagai nilai.`]);
  help.addRow([`Dates: YYYY-MM-DD (2001-02-28) or DD/MM/YYYY (28/02/2001), or a date cell. At most ${MAX_DATA_ROWS} rows, ${MAX_FILE_BYTES / (1024 * 1024)} MB, ${MAX_CELL_LENGTH} characters a cell. Formulas are not evaluated: paste values.`]);
  help.columns.forEach((col) => {
    col.width = 28;
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Write the template to `outFile` (.csv or .xlsx), or the CSV to `stdout` when no file is given. */
export async function writeTemplate(outFile: string | undefined, stdout: (text: string) => void): Promise<string> {
  if (outFile === undefined) {
    stdout(templateCsv());
    return 'stdout';
  }
  const ext = path.extname(outFile).toLowerCase();
  if (ext === '.xlsx') await writeFile(outFile, await templateXlsx());
  else if (ext === '.csv') await writeFile(outFile, templateCsv());
  else throw new ImportFileError('IMPORT.FILE_EXTENSION', { extension: ext });
  return outFile;
}
