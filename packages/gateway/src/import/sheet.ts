/**
 * Walking a sheet's rows, shared by every import kind (candidates, attendance, test results): the
 * first non-blank row is the header, blank rows are skipped, reading stops past MAX_DATA_ROWS
 * (`IMPORT.TOO_MANY_ROWS`), an empty file is `IMPORT.FILE_EMPTY` and a header without data rows
 * `IMPORT.FILE_NO_DATA_ROWS`. Progress every 1,000 data rows.
 */
import { cellText } from './cells';
import type { HeaderMap } from './columns';
import { MAX_DATA_ROWS } from './limits';
import { ImportFileError } from './problems';
import type { RowInput } from './validate-row';

export interface SheetProgress {
  validated(rows: number): void;
}

export function isBlankRow(row: RowInput): boolean {
  return row.cells.every((c) => c.kind === 'empty');
}

/** Call `onRow` for every data row; resolves with the header and the number of data rows. */
export async function walkSheet<F extends string>(
  rows: AsyncIterable<RowInput>,
  mapHeader: (headers: readonly string[]) => HeaderMap<F>,
  onRow: (row: RowInput, header: HeaderMap<F>) => void,
  progress?: SheetProgress,
): Promise<{ header: HeaderMap<F>; dataRows: number }> {
  let header: HeaderMap<F> | undefined;
  let read = 0;
  let dataRows = 0;
  for await (const row of rows) {
    if (header === undefined) {
      if (isBlankRow(row)) continue;
      header = mapHeader(row.cells.map((c) => cellText(c) ?? ''));
      continue;
    }
    if (++read > MAX_DATA_ROWS) throw new ImportFileError('IMPORT.TOO_MANY_ROWS', { maxRows: MAX_DATA_ROWS });
    if (isBlankRow(row)) continue;
    dataRows++;
    onRow(row, header);
    if (dataRows % 1000 === 0) progress?.validated(dataRows);
  }
  if (header === undefined) throw new ImportFileError('IMPORT.FILE_EMPTY');
  if (dataRows === 0) throw new ImportFileError('IMPORT.FILE_NO_DATA_ROWS');
  progress?.validated(dataRows);
  return { header, dataRows };
}
