/**
 * CSV/formula injection (OWASP "CSV Injection"): a spreadsheet program runs a cell that starts with
 * `=`, `+`, `-` or `@` as a formula (and a leading tab or carriage return can hide one). Every text
 * cell an export writes goes through `escapeSpreadsheetCell`, which prefixes such a cell with `'`,
 * the quote that makes Excel and LibreOffice show the text as text. Other values pass unchanged.
 */
const FORMULA_TRIGGERS = new Set(['=', '+', '-', '@', '\t', '\r']);

export function escapeSpreadsheetCell(value: string): string {
  return value.length > 0 && FORMULA_TRIGGERS.has(value[0]!) ? `'${value}` : value;
}
