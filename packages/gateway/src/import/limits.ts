/**
 * Limits of a candidate import (CSV or XLSX), checked before or while the file is read. They are
 * sanity caps against mistakes and hostile files, not policy figures; each is documented where it is
 * enforced and each refusal has its own stable code (problems.ts).
 */

/** Largest file accepted, in bytes (20 MiB): a 50,000-row sheet of the template's columns is ~5 MB as CSV. */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;

/** Most data rows (the header not counted) in one file; reading stops at the first row beyond it. */
export const MAX_DATA_ROWS = 50_000;

/** Most characters in one cell (the longest profile text the domain accepts is 200 characters). */
export const MAX_CELL_LENGTH = 1_000;

/** Most columns in the header row (the template has 13). */
export const MAX_COLUMNS = 100;

/**
 * Zip bomb guards for XLSX, checked on the zip's central directory and then by inflating every entry
 * with a byte counter before exceljs opens the file: at most this many entries ...
 */
export const MAX_XLSX_ENTRIES = 1_000;
/** ... and at most this many uncompressed bytes in all (200 MiB; a 50,000-row sheet is ~30 MB of XML). */
export const MAX_XLSX_UNCOMPRESSED_BYTES = 200 * 1024 * 1024;

/**
 * Rows per write transaction: a crash between batches leaves whole batches, never part of one. Each
 * batch is a few multi-row INSERTs (use-cases/register-candidates.use-case.ts); 500 rows keep the
 * progress moving (a batch takes well under a second) with few transactions.
 */
export const IMPORT_BATCH_SIZE = 500;

/** Largest CSV record, in characters, before the parser gives up (an unclosed quote would swallow the file). */
export const MAX_CSV_RECORD_CHARS = MAX_COLUMNS * (MAX_CELL_LENGTH + 3);
