/**
 * Zip bomb and disguise checks for an XLSX, on the bytes, before exceljs reads it. exceljs (through
 * unzipper) inflates the entries as it meets them, with no size limit, so the file is refused first:
 *
 * 1. the central directory: at most MAX_XLSX_ENTRIES entries, declared uncompressed sizes summing to
 *    at most MAX_XLSX_UNCOMPRESSED_BYTES, no encrypted entry, no ZIP64 (no XLSX needs it), and the
 *    parts of a workbook ([Content_Types].xml, xl/workbook.xml);
 * 2. the entries tile the file: sorted by offset, each local header + data (+ data descriptor) ends
 *    where the next begins and the last at the central directory, so no entry hides from step 1;
 * 3. every entry is really inflated with a byte counter (output discarded, constant memory) and the
 *    total must stay within the limit, whatever the headers claim.
 */
import { createInflateRaw } from 'node:zlib';
import { MAX_XLSX_ENTRIES, MAX_XLSX_UNCOMPRESSED_BYTES } from './limits';
import { ImportFileError } from './problems';

interface ZipEntry {
  readonly name: string;
  readonly flags: number;
  readonly method: number;
  readonly compressedSize: number;
  readonly uncompressedSize: number;
  readonly localOffset: number;
}

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const DESCRIPTOR_SIGNATURE = 0x08074b50;

function corrupt(reason: string): ImportFileError {
  return new ImportFileError('IMPORT.FILE_CORRUPT', { reason });
}

function bomb(reason: string): ImportFileError {
  return new ImportFileError('IMPORT.FILE_ZIP_BOMB', { reason });
}

/** The end-of-central-directory record: entry count, directory size and offset. */
function endOfCentralDirectory(buf: Buffer): { entries: number; size: number; offset: number } {
  const last = buf.length - 22;
  for (let i = last; i >= Math.max(0, last - 0xffff); i--) {
    if (buf.readUInt32LE(i) !== EOCD_SIGNATURE) continue;
    const entries = buf.readUInt16LE(i + 10);
    const size = buf.readUInt32LE(i + 12);
    const offset = buf.readUInt32LE(i + 16);
    if (entries === 0xffff || size === 0xffffffff || offset === 0xffffffff) throw bomb('zip64');
    if (offset + size > i) throw corrupt('central directory out of bounds');
    return { entries, size, offset };
  }
  throw corrupt('no end of central directory');
}

function centralDirectory(buf: Buffer): { entries: ZipEntry[]; offset: number } {
  const eocd = endOfCentralDirectory(buf);
  if (eocd.entries > MAX_XLSX_ENTRIES) throw bomb('entries');
  const entries: ZipEntry[] = [];
  let p = eocd.offset;
  for (let n = 0; n < eocd.entries; n++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== CENTRAL_SIGNATURE) throw corrupt('central directory entry');
    const nameLength = buf.readUInt16LE(p + 28);
    const entry: ZipEntry = {
      flags: buf.readUInt16LE(p + 8),
      method: buf.readUInt16LE(p + 10),
      compressedSize: buf.readUInt32LE(p + 20),
      uncompressedSize: buf.readUInt32LE(p + 24),
      localOffset: buf.readUInt32LE(p + 42),
      name: buf.toString('utf8', p + 46, p + 46 + nameLength),
    };
    if (entry.compressedSize === 0xffffffff || entry.uncompressedSize === 0xffffffff || entry.localOffset === 0xffffffff) throw bomb('zip64');
    entries.push(entry);
    p += 46 + nameLength + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
  }
  return { entries, offset: eocd.offset };
}

/** Where an entry's compressed data starts, and where the entry (its data descriptor included) ends. */
function entrySpan(buf: Buffer, e: ZipEntry): { dataStart: number; end: number } {
  const p = e.localOffset;
  if (p + 30 > buf.length || buf.readUInt32LE(p) !== LOCAL_SIGNATURE) throw corrupt('local header');
  const dataStart = p + 30 + buf.readUInt16LE(p + 26) + buf.readUInt16LE(p + 28);
  let end = dataStart + e.compressedSize;
  if (e.flags & 0x08) end += end + 4 <= buf.length && buf.readUInt32LE(end) === DESCRIPTOR_SIGNATURE ? 16 : 12;
  if (end > buf.length) throw corrupt('entry out of bounds');
  return { dataStart, end };
}

/** Inflate `data` counting the output; rejects as soon as it passes `budget` bytes. */
function inflatedSize(data: Buffer, budget: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const inflate = createInflateRaw();
    let total = 0;
    inflate.on('data', (chunk: Buffer) => {
      total += chunk.length;
      if (total > budget) {
        inflate.destroy();
        reject(bomb('inflated size'));
      }
    });
    inflate.on('error', () => reject(corrupt('deflate data')));
    inflate.on('end', () => resolve(total));
    inflate.end(data);
  });
}

/** Check an XLSX's bytes (steps 1–3 above); throws `ImportFileError`. */
export async function inspectXlsxZip(buf: Buffer): Promise<void> {
  const { entries, offset } = centralDirectory(buf);
  const names = new Set(entries.map((e) => e.name));
  if (!names.has('[Content_Types].xml') || !names.has('xl/workbook.xml')) throw new ImportFileError('IMPORT.FILE_CONTENT_MISMATCH', { reason: 'not a workbook' });
  if (entries.some((e) => e.flags & 0x01)) throw new ImportFileError('IMPORT.FILE_ENCRYPTED');
  const declared = entries.reduce((sum, e) => sum + e.uncompressedSize, 0);
  if (declared > MAX_XLSX_UNCOMPRESSED_BYTES) throw bomb('declared size');
  const sorted = [...entries].sort((a, b) => a.localOffset - b.localOffset);
  let expected = 0;
  let budget = MAX_XLSX_UNCOMPRESSED_BYTES;
  for (const e of sorted) {
    if (e.localOffset !== expected) throw corrupt('entries do not tile the file');
    const { dataStart, end } = entrySpan(buf, e);
    expected = end;
    const data = buf.subarray(dataStart, dataStart + e.compressedSize);
    if (e.method === 0) budget -= data.length;
    else if (e.method === 8) budget -= await inflatedSize(data, budget);
    else throw corrupt('compression method');
    if (budget < 0) throw bomb('inflated size');
  }
  if (expected !== offset) throw corrupt('entries do not tile the file');
}
