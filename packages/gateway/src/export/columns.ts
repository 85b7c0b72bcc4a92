/**
 * The typed columns of an export: one list drives the CSV header, the XLSX column formats and the
 * value of every cell. A column's `type` decides how a value is written:
 *
 * | type       | XLSX                                   | CSV                          |
 * | ---------- | -------------------------------------- | ---------------------------- |
 * | `text`     | a string cell (NIK, ids, codes)        | the text                     |
 * | `date`     | a date cell, format `yyyy-mm-dd`       | `YYYY-MM-DD`                 |
 * | `datetime` | a date-time cell (UTC), `yyyy-mm-dd hh:mm:ss` | ISO 8601 with `Z`     |
 * | `integer`  | a number cell, format `0`              | the digits                   |
 * | `amount`   | a number cell, format `#,##0`          | the digits (minor units)     |
 * | `boolean`  | a boolean cell                         | `true` / `false`             |
 *
 * Every text cell passes `escapeSpreadsheetCell` (import/escape-cell.ts): a value starting with `=`,
 * `+`, `-`, `@`, a tab or a carriage return is written with a leading `'`, never as a formula.
 */
import { escapeSpreadsheetCell } from '../import/escape-cell';

export type ColumnType = 'text' | 'date' | 'datetime' | 'integer' | 'amount' | 'boolean';
export type CellValue = string | number | boolean | Date | null;

export interface ExportColumn<R> {
  /** The header (snake_case English, stable: scripts read it). */
  readonly key: string;
  readonly type: ColumnType;
  /** XLSX column width in characters. */
  readonly width?: number;
  readonly value: (row: R) => CellValue | undefined;
}

export const XLSX_FORMATS: Partial<Record<ColumnType, string>> = {
  date: 'yyyy-mm-dd',
  datetime: 'yyyy-mm-dd hh:mm:ss',
  integer: '0',
  amount: '#,##0',
};

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A `YYYY-MM-DD` (or Date) as a Date at UTC midnight; undefined for anything else. */
export function dateOnly(value: unknown): Date | undefined {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value;
  if (typeof value !== 'string' || !ISO_DATE.test(value)) return undefined;
  const d = new Date(`${value}T00:00:00.000Z`);
  return Number.isNaN(d.getTime()) ? undefined : d;
}

/** The value of one cell, typed for XLSX (Date, number, boolean, escaped string, or null). */
export function typedCell(type: ColumnType, raw: CellValue | undefined): CellValue {
  if (raw === undefined || raw === null) return null;
  switch (type) {
    case 'date':
      return dateOnly(raw) ?? null;
    case 'datetime':
      return raw instanceof Date ? raw : typeof raw === 'string' && !Number.isNaN(Date.parse(raw)) ? new Date(raw) : null;
    case 'integer':
    case 'amount': {
      const n = typeof raw === 'number' ? raw : Number(raw);
      return Number.isFinite(n) ? n : null;
    }
    case 'boolean':
      return typeof raw === 'boolean' ? raw : null;
    case 'text':
      return escapeSpreadsheetCell(String(raw));
  }
}

/** The same cell as CSV text (empty for null). */
export function csvCell(type: ColumnType, raw: CellValue | undefined): string {
  const v = typedCell(type, raw);
  if (v === null) return '';
  if (v instanceof Date) return type === 'date' ? v.toISOString().slice(0, 10) : v.toISOString();
  return String(v);
}
