/**
 * Opening an import file: it must exist, be at most MAX_FILE_BYTES, be named .csv or .xlsx, and its
 * first bytes must agree with its name. Refusals (ImportFileError, exit code 2):
 * - `IMPORT.FILE_ENCRYPTED`: an OLE/CFB container (signature D0 CF 11 E0 A1 B1 1A E1), which is how
 *   Excel stores a password-protected workbook (and the old .xls format), whatever the file's name;
 * - `IMPORT.FILE_CONTENT_MISMATCH`: an .xlsx that is not a zip (a PDF renamed), a .csv that is a zip
 *   (an XLSX renamed), a PDF or binary data (a NUL byte in its first 8 KiB);
 * - `IMPORT.FILE_ENCODING`: a CSV in UTF-16 (Excel's "Unicode text"); other non-UTF-8 bytes are found
 *   while it is read.
 * An XLSX is then checked for zip bombs (zip-inspect.ts) before exceljs sees it.
 */
import { open, stat } from 'node:fs/promises';
import path from 'node:path';
import { MAX_FILE_BYTES } from './limits';
import { ImportFileError } from './problems';

export type ImportFormat = 'csv' | 'xlsx';

export interface ImportFile {
  readonly path: string;
  readonly format: ImportFormat;
  readonly sizeBytes: number;
}

const CFB = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const ZIP = Buffer.from('PK\x03\x04', 'latin1');
const PDF = Buffer.from('%PDF', 'latin1');
const SNIFF_BYTES = 8192;

async function firstBytes(file: string, n: number): Promise<Buffer> {
  const handle = await open(file, 'r');
  try {
    const buf = Buffer.alloc(n);
    const { bytesRead } = await handle.read(buf, 0, n, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** The format a file's first bytes show, or a refusal (see the module comment). */
export function sniffFormat(head: Buffer, format: ImportFormat): void {
  if (head.subarray(0, 8).equals(CFB)) throw new ImportFileError('IMPORT.FILE_ENCRYPTED');
  const isZip = head.subarray(0, 4).equals(ZIP);
  if (format === 'xlsx') {
    if (!isZip) throw new ImportFileError('IMPORT.FILE_CONTENT_MISMATCH', { expected: 'xlsx' });
    return;
  }
  if (isZip || head.subarray(0, 4).equals(PDF)) throw new ImportFileError('IMPORT.FILE_CONTENT_MISMATCH', { expected: 'csv' });
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) throw new ImportFileError('IMPORT.FILE_ENCODING');
  if (head.includes(0)) throw new ImportFileError('IMPORT.FILE_CONTENT_MISMATCH', { expected: 'csv' });
}

/** Check a file before it is read (size, name, first bytes). */
export async function openImportFile(file: string): Promise<ImportFile> {
  const info = await stat(file).catch(() => undefined);
  if (!info?.isFile()) throw new ImportFileError('IMPORT.FILE_NOT_FOUND');
  if (info.size > MAX_FILE_BYTES) throw new ImportFileError('IMPORT.FILE_TOO_LARGE', { sizeBytes: info.size, maxBytes: MAX_FILE_BYTES });
  const ext = path.extname(file).toLowerCase();
  if (ext !== '.csv' && ext !== '.xlsx') throw new ImportFileError('IMPORT.FILE_EXTENSION', { extension: ext });
  if (info.size === 0) throw new ImportFileError('IMPORT.FILE_EMPTY');
  const format: ImportFormat = ext === '.csv' ? 'csv' : 'xlsx';
  sniffFormat(await firstBytes(file, SNIFF_BYTES), format);
  return { path: file, format, sizeBytes: info.size };
}
