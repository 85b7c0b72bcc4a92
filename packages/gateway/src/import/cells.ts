/**
 * A cell as the readers hand it over (CSV: always text; XLSX: text, number, date, boolean, or a
 * formula / error cell, which the import refuses), and the conversions of a cell to profile values.
 *
 * Accepted dates (documented in the template's instructions sheet):
 * - `YYYY-MM-DD` (ISO 8601), e.g. `2001-02-28`;
 * - `DD/MM/YYYY` (the Indonesian order, day first), day and month with one or two digits, e.g. `28/2/2001`;
 * - in XLSX, a real date cell (a number with a date format): its calendar day is taken as is.
 * Two-digit years, month names and `MM/DD/YYYY` are refused (`IMPORT.INVALID_DATE_FORMAT`); a date in
 * an accepted format that is not in the calendar (2001-02-30, 31/04/2001) is `IMPORT.DATE_DOES_NOT_EXIST`.
 */
import { isIsoDate, type IsoDate } from '../domain';

export type ImportCell =
  | { readonly kind: 'empty' }
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'number'; readonly value: number }
  | { readonly kind: 'date'; readonly year: number; readonly month: number; readonly day: number }
  | { readonly kind: 'boolean'; readonly value: boolean }
  | { readonly kind: 'formula' }
  | { readonly kind: 'error' };

export const EMPTY_CELL: ImportCell = Object.freeze({ kind: 'empty' });

export function textCell(text: string): ImportCell {
  return text.trim() === '' ? EMPTY_CELL : { kind: 'text', text };
}

export type DateParse = { readonly ok: true; readonly date: IsoDate } | { readonly ok: false; readonly code: 'IMPORT.INVALID_DATE_FORMAT' | 'IMPORT.DATE_DOES_NOT_EXIST' };

function fromYmd(year: number, month: number, day: number): DateParse {
  const iso = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return isIsoDate(iso) ? { ok: true, date: iso } : { ok: false, code: 'IMPORT.DATE_DOES_NOT_EXIST' };
}

/** A date written as text in one of the accepted formats. */
export function parseDateText(raw: string): DateParse {
  const s = raw.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (iso) return fromYmd(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const dmy = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(s);
  if (dmy) return fromYmd(Number(dmy[3]), Number(dmy[2]), Number(dmy[1]));
  return { ok: false, code: 'IMPORT.INVALID_DATE_FORMAT' };
}

/** A date cell: text in an accepted format, or an XLSX date cell. */
export function parseDateCell(cell: ImportCell): DateParse {
  if (cell.kind === 'text') return parseDateText(cell.text);
  if (cell.kind === 'date') return fromYmd(cell.year, cell.month, cell.day);
  return { ok: false, code: 'IMPORT.INVALID_DATE_FORMAT' };
}

/** An XLSX date value (exceljs gives the serial's calendar day as a UTC instant) as a date cell. */
export function dateCellOf(d: Date): ImportCell {
  if (Number.isNaN(d.getTime())) return { kind: 'error' };
  return { kind: 'date', year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** The text of a cell as the officer typed it (numbers and booleans as written; dates as ISO). */
export function cellText(cell: ImportCell): string | undefined {
  switch (cell.kind) {
    case 'text':
      return cell.text.trim();
    case 'number':
      return String(cell.value);
    case 'boolean':
      return cell.value ? 'TRUE' : 'FALSE';
    case 'date': {
      const d = parseDateCell(cell);
      return d.ok ? d.date : undefined;
    }
    default:
      return undefined;
  }
}

/** Upper-case letters and digits only: "Laki-laki" → "LAKILAKI", "E-7-3" → "E73". */
export function compactKey(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, '');
}
