/**
 * Streaming readers: the rows of a CSV or of an XLSX's first worksheet, one at a time, numbered as
 * the officer sees them (CSV: record n is row n; XLSX: the sheet's own row numbers). The caller
 * stops reading at the row limit, which closes the file: nothing is read into memory beyond the rows
 * kept. CSV: UTF-8 (a BOM is allowed), separator `,`, `;` or tab (whichever the header line holds
 * most of; Indonesian Excel writes `;`), quotes per RFC 4180. XLSX: read with exceljs's streaming
 * WorkbookReader after the zip checks (zip-inspect.ts), from the bytes that were checked.
 */
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { Readable, Transform, pipeline } from 'node:stream';
import { CsvError, parse } from 'csv-parse';
import { excelJs, type ExcelJS } from '../xlsx/exceljs';
import { dateCellOf, EMPTY_CELL, textCell, type ImportCell } from './cells';
import type { ImportFile } from './import-file';
import { MAX_CSV_RECORD_CHARS } from './limits';
import { ImportFileError } from './problems';
import type { RowInput } from './validate-row';
import { inspectXlsxZip } from './zip-inspect';

/** The separator the header line uses most (outside quotes): `,`, `;` or tab. */
export function detectDelimiter(firstLine: string): ',' | ';' | '\t' {
  const unquoted = firstLine.replace(/"[^"]*"/g, '');
  const count = (ch: string): number => unquoted.split(ch).length - 1;
  const candidates = [',', ';', '\t'] as const;
  return candidates.reduce((best, ch) => (count(ch) > count(best) ? ch : best), ',' as ',' | ';' | '\t');
}

function utf8Decoder(): Transform {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const decode = (chunk: Buffer | undefined): string => {
    try {
      return chunk === undefined ? decoder.decode() : decoder.decode(chunk, { stream: true });
    } catch {
      throw new ImportFileError('IMPORT.FILE_ENCODING');
    }
  };
  return new Transform({
    readableObjectMode: false,
    transform(chunk: Buffer, _encoding, done) {
      try {
        done(null, decode(chunk));
      } catch (e) {
        done(e as Error);
      }
    },
    flush(done) {
      try {
        done(null, decode(undefined));
      } catch (e) {
        done(e as Error);
      }
    },
  });
}

async function firstLine(file: string): Promise<string> {
  const head = await new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    createReadStream(file, { start: 0, end: 65_535 })
      .on('data', (c: Buffer | string) => chunks.push(Buffer.isBuffer(c) ? c : Buffer.from(c)))
      .on('end', () => resolve(Buffer.concat(chunks)))
      .on('error', reject);
  });
  return head.toString('utf8').split(/\r?\n/, 1)[0] ?? '';
}

/** The records of a CSV file as rows (record n = row n). */
export async function* readCsvRows(file: string): AsyncGenerator<RowInput> {
  const delimiter = detectDelimiter(await firstLine(file));
  const parser = parse({ delimiter, bom: true, relax_column_count: true, skip_empty_lines: false, max_record_size: MAX_CSV_RECORD_CHARS });
  const source = createReadStream(file);
  pipeline(source, utf8Decoder(), parser, () => undefined); // errors surface in the iteration below
  let rowNumber = 0;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      rowNumber++;
      yield { rowNumber, cells: record.map(textCell) };
    }
  } catch (e) {
    if (e instanceof ImportFileError) throw e;
    if (e instanceof CsvError) throw new ImportFileError('IMPORT.FILE_CORRUPT', { reason: e.code, row: rowNumber + 1 });
    throw e;
  } finally {
    source.destroy();
    parser.destroy();
  }
}

/** An exceljs cell value as an import cell. */
export function cellOf(value: ExcelJS.CellValue): ImportCell {
  if (value === null || value === undefined) return EMPTY_CELL;
  if (typeof value === 'string') return textCell(value);
  if (typeof value === 'number') return Number.isFinite(value) ? { kind: 'number', value } : { kind: 'error' };
  if (typeof value === 'boolean') return { kind: 'boolean', value };
  if (value instanceof Date) return dateCellOf(value);
  if ('formula' in value || 'sharedFormula' in value) return { kind: 'formula' };
  if ('error' in value) return { kind: 'error' };
  if ('richText' in value) return textCell(value.richText.map((r) => r.text).join(''));
  if ('text' in value && typeof value.text === 'string') return textCell(value.text);
  return { kind: 'error' };
}

/** The rows of an XLSX file's first worksheet, after the zip checks. */
export async function* readXlsxRows(file: string): AsyncGenerator<RowInput> {
  const bytes = await readFile(file);
  await inspectXlsxZip(bytes);
  const input = Readable.from([bytes]);
  const reader = new (excelJs()).stream.xlsx.WorkbookReader(input, { worksheets: 'emit', sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', entries: 'ignore' });
  try {
    for await (const sheet of reader) {
      for await (const row of sheet) {
        const cells: ImportCell[] = [];
        row.eachCell({ includeEmpty: false }, (cell, col) => {
          cells[col - 1] = cellOf(cell.value);
        });
        yield { rowNumber: row.number, cells: Array.from(cells, (c) => c ?? EMPTY_CELL) };
      }
      return; // the first worksheet only
    }
  } catch (e) {
    if (e instanceof ImportFileError) throw e;
    throw new ImportFileError('IMPORT.FILE_CORRUPT', { reason: e instanceof Error ? e.message.slice(0, 100) : 'xlsx' });
  } finally {
    input.destroy();
  }
}

export function readRows(file: ImportFile): AsyncGenerator<RowInput> {
  return file.format === 'csv' ? readCsvRows(file.path) : readXlsxRows(file.path);
}
