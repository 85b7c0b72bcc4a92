/**
 * Streaming writers: rows go out page by page, nothing holds the whole export.
 *
 * - CSV (csv-stringify's stream): UTF-8 with a BOM (so that Excel reads the accents), a header row
 *   of the column keys, then one line per row; RFC 4180 quoting. The file is data only: the
 *   metadata travels beside it (HTTP `X-Jembatan-Export-*` headers, or the CLI's `<file>.meta.json`
 *   sidecar), so that the CSV loads into any tool unchanged.
 * - XLSX (exceljs's streaming WorkbookWriter): a data sheet with typed cells, number formats per
 *   column, a bold header row frozen at the top and an auto filter, then a `Metadata` sheet (who,
 *   when, filters, row count, disclosure, source). Rows are committed as they are written.
 *
 * Both wait for the output to drain after each page (backpressure), so a slow download slows the
 * reading of pages instead of filling memory.
 */
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { stringify } from 'csv-stringify';
import { excelJs, type ExcelJS } from '../xlsx/exceljs';
import { csvCell, typedCell, XLSX_FORMATS, type CellValue, type ExportColumn } from './columns';
import { metadataRows, type ExportMeta } from './meta';

export interface RowSink<R> {
  writePage(rows: readonly R[]): Promise<void>;
  /** Finish the file (the XLSX adds its metadata sheet); resolves when the output has it all. */
  end(meta: ExportMeta): Promise<void>;
}

/** The output went away (client disconnected, file closed) before the export's end. */
export class ExportAbortedError extends Error {
  constructor() {
    super('export output closed before the end');
    this.name = 'ExportAbortedError';
  }
}

/**
 * Wait for `stream`'s 'drain', or fail when `out` closes first: a download cancelled mid-way must end
 * the export (and free its database connection), never leave it waiting for a drain that cannot come.
 */
export function untilDrained(stream: NodeJS.EventEmitter, out: Writable): Promise<void> {
  if (out.destroyed) return Promise.reject(new ExportAbortedError());
  return new Promise((resolve, reject) => {
    const cleanup = (): void => {
      stream.off('drain', drain);
      out.off('close', closed);
      out.off('error', closed);
    };
    const drain = (): void => {
      cleanup();
      resolve();
    };
    const closed = (): void => {
      cleanup();
      reject(new ExportAbortedError());
    };
    stream.once('drain', drain);
    out.once('close', closed);
    out.once('error', closed);
  });
}

async function drained(out: Writable): Promise<void> {
  if (out.destroyed) throw new ExportAbortedError();
  if (out.writableNeedDrain) await untilDrained(out, out);
}

export function csvSink<R>(columns: ReadonlyArray<ExportColumn<R>>, out: Writable): RowSink<R> {
  const stringifier = stringify({ header: true, bom: true, columns: columns.map((c) => c.key), eof: true });
  stringifier.pipe(out);
  return {
    async writePage(rows) {
      for (const row of rows) {
        if (!stringifier.write(columns.map((c) => csvCell(c.type, c.value(row))))) await untilDrained(stringifier, out);
      }
      await drained(out);
    },
    async end() {
      stringifier.end();
      await finished(out);
    },
  };
}

/**
 * exceljs's streaming writer ignores backpressure between a sheet and the zip: each committed row is
 * piped into archiver's entry stream, whatever its backlog, so a sheet produced faster than it is
 * deflated piles up in memory (measured: the entry stream's buffer held 75 MB after 80,000 rows).
 * After each page we wait until the entry streams have drained. `stream.pipes` is exceljs 4.4's StreamBuf (the version is pinned);
 * without it (another version) the wait is skipped, never an error.
 */
async function zipDrained(sheet: ExcelJS.Worksheet, out: Writable): Promise<void> {
  const pipes = (sheet as unknown as { stream?: { pipes?: unknown } }).stream?.pipes;
  if (!Array.isArray(pipes)) return;
  // archiver's streams are readable-stream 2 (no `writableNeedDrain` getter): read the state itself
  for (const pipe of pipes as Array<Writable & { _writableState?: { needDrain?: boolean } }>) {
    const needDrain = pipe?._writableState?.needDrain ?? pipe?.writableNeedDrain;
    if (needDrain && typeof pipe.once === 'function' && !pipe.destroyed) await untilDrained(pipe, out);
  }
}

export function xlsxSink<R>(columns: ReadonlyArray<ExportColumn<R>>, sheetName: string, out: Writable): RowSink<R> {
  const workbook = new (excelJs()).stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  workbook.creator = 'Jembatan';
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1, xSplit: 0 }] });
  sheet.columns = columns.map((c) => ({
    header: c.key,
    key: c.key,
    width: c.width ?? 14,
    ...(XLSX_FORMATS[c.type] ? { style: { numFmt: XLSX_FORMATS[c.type] } } : {}),
  }));
  sheet.getRow(1).font = { bold: true };
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  sheet.getRow(1).commit();
  return {
    async writePage(rows) {
      for (const row of rows) sheet.addRow(columns.map((c) => typedCell(c.type, c.value(row)) as CellValue)).commit();
      await zipDrained(sheet, out);
      await drained(out);
    },
    async end(meta) {
      sheet.commit();
      const info = workbook.addWorksheet('Metadata');
      info.columns = [
        { header: 'field', key: 'field', width: 22 },
        { header: 'value', key: 'value', width: 90 },
      ];
      info.getRow(1).font = { bold: true };
      for (const [field, value] of metadataRows(meta)) info.addRow([field, typeof value === 'string' ? typedCell('text', value) : value]).commit();
      info.commit();
      await workbook.commit();
    },
  };
}
