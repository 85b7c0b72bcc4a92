/**
 * exceljs, loaded the first time a workbook is read or written. It is a large module (about 0.36 s
 * to load), and most processes that load the server never touch a spreadsheet: the API serves
 * GraphQL, and each test suite that starts a gateway paid that load before this. The type import
 * costs nothing at run time.
 */
import type * as ExcelJS from 'exceljs';

export type { ExcelJS };

let loaded: typeof ExcelJS | undefined;

export function excelJs(): typeof ExcelJS {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  loaded ??= require('exceljs') as typeof ExcelJS;
  return loaded;
}
