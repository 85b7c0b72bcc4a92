/** Candidate import, files: CSV and XLSX reading, limits, and bad files (generated here) refused with their codes. */
import fs, { createWriteStream, type ReadStream } from 'node:fs';
import { mkdtemp, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { once } from 'node:events';
import { createDeflateRaw, deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { zipOf } from '../../test/support/zip';
import { openImportFile } from './import-file';
import { MAX_XLSX_UNCOMPRESSED_BYTES } from './limits';
import { classifyRows, collectRows } from './plan';
import { readRows } from './read-rows';
import { templateXlsx } from './template';

const AS_OF = '2026-01-15';
const HEADER = ['NIK', 'Nama', 'Tanggal Lahir', 'Jenis Kelamin', 'Kecamatan', 'Kabupaten/Kota'];
const nikFor = (n: number): string => `3673011501990${String(n).padStart(3, '0')}`;

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'jembatan-import-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function readFile(name: string) {
  const file = await openImportFile(path.join(dir, name));
  return classifyRows(await collectRows(readRows(file), AS_OF), new Map());
}

async function xlsx(name: string, build: (sheet: ExcelJS.Worksheet) => void): Promise<void> {
  const wb = new ExcelJS.Workbook();
  build(wb.addWorksheet('Kandidat'));
  await wb.xlsx.writeFile(path.join(dir, name));
}

/** `megabytes` MiB of sheet XML, deflated as it is produced (never held in memory). */
async function deflatedSheet(megabytes: number): Promise<Buffer> {
  const deflate = createDeflateRaw({ level: 1 });
  const out: Buffer[] = [];
  deflate.on('data', (c: Buffer) => out.push(c));
  const chunk = Buffer.alloc(1024 * 1024, '<c r="A1"><v>1</v></c>');
  for (let i = 0; i < megabytes; i++) if (!deflate.write(chunk)) await once(deflate, 'drain');
  deflate.end();
  await once(deflate, 'end');
  return Buffer.concat(out);
}

function small(name: string, text: string): { name: string; data: Buffer; size: number } {
  const raw = Buffer.from(text);
  return { name, data: deflateRawSync(raw), size: raw.length };
}

describe('CSV', () => {
  it('reads a UTF-8 CSV with a BOM and ; separators, numbering rows as in the sheet (header = 1)', async () => {
    const lines = [HEADER.join(';'), `${nikFor(1)};"Siti; S.Pd";15/01/1999;L;Cipocok Jaya;Kota Serang`, '', `${nikFor(2)};Ani;1999-01-15;L;Kec. Kasemen;Serang`, `${nikFor(3)};X;1999-02-30;L;Kasemen;Serang`];
    await writeFile(path.join(dir, 'ok.csv'), `\uFEFF${lines.join('\r\n')}\r\n`);
    const plan = await readFile('ok.csv');
    expect(plan.dataRows).toBe(3);
    expect(plan.toWrite.map((r) => r.rowNumber)).toEqual([2, 4]);
    expect(plan.problems.map((p) => [p.row, p.column, p.code])).toEqual([[5, 'Tanggal Lahir', 'IMPORT.DATE_DOES_NOT_EXIST']]);
  });

  it('refuses a CSV that is not UTF-8', async () => {
    await writeFile(path.join(dir, 'latin1.csv'), Buffer.concat([Buffer.from(`${HEADER.join(',')}\n${nikFor(1)},Jos`), Buffer.from([0xe9]), Buffer.from(',1999-01-15,L,Serang,Serang\n')]));
    await expect(readFile('latin1.csv')).rejects.toMatchObject({ code: 'IMPORT.FILE_ENCODING' });
  });

  it('refuses an unclosed quote as a damaged file', async () => {
    await writeFile(path.join(dir, 'quote.csv'), `${HEADER.join(',')}\n${nikFor(1)},"Budi,1999-01-15,L,Serang,Serang\n`);
    await expect(readFile('quote.csv')).rejects.toMatchObject({ code: 'IMPORT.FILE_CORRUPT' });
  });

  it('refuses 1,000,000 rows at the row limit without reading the rest', async () => {
    const file = path.join(dir, 'million.csv');
    const out = createWriteStream(file);
    out.write(`${HEADER.join(',')}\n`);
    const block = 'x,,,,,\n'.repeat(10_000);
    for (let i = 0; i < 100; i++) if (!out.write(block)) await once(out, 'drain');
    out.end();
    await once(out, 'finish');
    // the file's streams, to see how much of it was read when the refusal came
    const streams: ReadStream[] = [];
    const real = fs.createReadStream;
    const spy = jest.spyOn(fs, 'createReadStream').mockImplementation(((...args: Parameters<typeof fs.createReadStream>) => {
      const stream = real(...args);
      streams.push(stream);
      return stream;
    }) as typeof fs.createReadStream);
    try {
      await expect(readFile('million.csv')).rejects.toMatchObject({ code: 'IMPORT.TOO_MANY_ROWS', details: { maxRows: 50_000 } });
    } finally {
      spy.mockRestore();
    }
    const size = fs.statSync(file).size;
    const whole = streams.filter((st) => (st as unknown as { end?: number }).end === undefined || (st as unknown as { end?: number }).end === Infinity);
    expect(whole.length).toBeGreaterThan(0);
    // 50,001 rows of 7 bytes are about 350 kB of the 7 MB file: reading stops there (a few 64 kB chunks ahead at most)
    for (const st of whole) expect(st.bytesRead).toBeLessThan(size / 4);
  });
});

describe('XLSX', () => {
  it('reads date cells, and refuses formulas, numeric NIKs and error cells with their codes', async () => {
    await xlsx('cells.xlsx', (s) => {
      s.addRow(HEADER);
      s.addRow([nikFor(1), 'Budi', new Date(Date.UTC(1999, 0, 15)), 'L', 'Cipocok Jaya', 'Kota Serang']);
      s.addRow([nikFor(2), 'Ani', '15/01/1999', 'L', { formula: 'UPPER("kasemen")', result: 'KASEMEN' }, 'Kota Serang']);
      s.addRow([3673011501990003, 'Cici', '1999-01-15', 'L', 'Serang', 'Kota Serang']);
      s.addRow([nikFor(4), 'Dedi', { error: '#N/A' }, 'L', 'Serang', 'Kota Serang']);
      s.getCell('C2').numFmt = 'dd/mm/yyyy';
    });
    const plan = await readFile('cells.xlsx');
    expect(plan.toWrite.map((r) => [r.rowNumber, r.candidate.profile.declaredBirthDate])).toEqual([[2, '1999-01-15']]);
    expect(plan.problems.map((p) => [p.row, p.column, p.code])).toEqual([
      [3, 'Kecamatan', 'IMPORT.FORMULA_NOT_ALLOWED'],
      [4, 'NIK', 'IMPORT.NIK_NOT_TEXT'],
      [5, 'Tanggal Lahir', 'IMPORT.CELL_ERROR'],
    ]);
  });

  it('refuses an empty first sheet and a header-only sheet', async () => {
    await xlsx('empty.xlsx', () => undefined);
    await expect(readFile('empty.xlsx')).rejects.toMatchObject({ code: 'IMPORT.FILE_EMPTY' });
    await writeFile(path.join(dir, 'template.xlsx'), await templateXlsx());
    await expect(readFile('template.xlsx')).rejects.toMatchObject({ code: 'IMPORT.FILE_NO_DATA_ROWS' });
  });

  it('refuses a zip bomb by its declared size before inflating anything', async () => {
    const parts = [small('[Content_Types].xml', '<Types/>'), small('xl/workbook.xml', '<workbook/>')];
    const sheet = { name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(1000), size: MAX_XLSX_UNCOMPRESSED_BYTES + 1 };
    await writeFile(path.join(dir, 'declared-bomb.xlsx'), zipOf([...parts, sheet]));
    await expect(readFile('declared-bomb.xlsx')).rejects.toMatchObject({ code: 'IMPORT.FILE_ZIP_BOMB', details: { reason: 'declared size' } });
  });

  it('refuses a zip bomb whose sheet XML inflates beyond the limit, whatever its header claims', async () => {
    const data = await deflatedSheet(MAX_XLSX_UNCOMPRESSED_BYTES / (1024 * 1024) + 8);
    expect(data.length).toBeLessThan(2 * 1024 * 1024); // a small file ...
    const parts = [small('[Content_Types].xml', '<Types/>'), small('xl/workbook.xml', '<workbook/>')];
    await writeFile(path.join(dir, 'bomb.xlsx'), zipOf([...parts, { name: 'xl/worksheets/sheet1.xml', data, size: 4096 }]));
    await expect(readFile('bomb.xlsx')).rejects.toMatchObject({ code: 'IMPORT.FILE_ZIP_BOMB', details: { reason: 'inflated size' } });
  });

  it('refuses a zip with too many entries, and one that hides an entry from its directory', async () => {
    const many = Array.from({ length: 1001 }, (_, i) => small(i === 0 ? '[Content_Types].xml' : i === 1 ? 'xl/workbook.xml' : `x/${i}.xml`, 'x'));
    await writeFile(path.join(dir, 'many.xlsx'), zipOf(many));
    await expect(readFile('many.xlsx')).rejects.toMatchObject({ code: 'IMPORT.FILE_ZIP_BOMB', details: { reason: 'entries' } });
    const good = zipOf([small('[Content_Types].xml', '<Types/>'), small('xl/workbook.xml', '<workbook/>')]);
    const hidden = Buffer.concat([zipOf([small('hidden.xml', 'x'.repeat(100))]).subarray(0, 30 + 10 + deflateRawSync('x'.repeat(100)).length), good]);
    await writeFile(path.join(dir, 'hidden.xlsx'), hidden);
    await expect(readFile('hidden.xlsx')).rejects.toMatchObject({ code: 'IMPORT.FILE_CORRUPT' });
  });
});

describe('bad files', () => {
  it('refuses an encrypted workbook (OLE/CFB signature), whatever its name', async () => {
    const cfb = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]);
    await writeFile(path.join(dir, 'protected.xlsx'), cfb);
    await writeFile(path.join(dir, 'protected.csv'), cfb);
    await expect(readFile('protected.xlsx')).rejects.toMatchObject({ code: 'IMPORT.FILE_ENCRYPTED' });
    await expect(readFile('protected.csv')).rejects.toMatchObject({ code: 'IMPORT.FILE_ENCRYPTED' });
  });

  it('refuses a PDF renamed .xlsx, an XLSX renamed .csv, binary data named .csv and a UTF-16 CSV', async () => {
    await writeFile(path.join(dir, 'scan.xlsx'), '%PDF-1.7\n%\u00e2\u00e3\n1 0 obj\n<<>>\nendobj\n');
    await writeFile(path.join(dir, 'sheet.csv'), await templateXlsx());
    await writeFile(path.join(dir, 'binary.csv'), Buffer.from([0x4e, 0x49, 0x4b, 0x00, 0x01]));
    await writeFile(path.join(dir, 'utf16.csv'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('NIK', 'utf16le')]));
    await expect(readFile('scan.xlsx')).rejects.toMatchObject({ code: 'IMPORT.FILE_CONTENT_MISMATCH' });
    await expect(readFile('sheet.csv')).rejects.toMatchObject({ code: 'IMPORT.FILE_CONTENT_MISMATCH' });
    await expect(readFile('binary.csv')).rejects.toMatchObject({ code: 'IMPORT.FILE_CONTENT_MISMATCH' });
    await expect(readFile('utf16.csv')).rejects.toMatchObject({ code: 'IMPORT.FILE_ENCODING' });
  });

  it('refuses a zip that is not a workbook, a wrong extension, a missing file, an empty file and a file over 20 MB', async () => {
    await writeFile(path.join(dir, 'other.xlsx'), zipOf([small('word/document.xml', '<w/>')]));
    await expect(readFile('other.xlsx')).rejects.toMatchObject({ code: 'IMPORT.FILE_CONTENT_MISMATCH' });
    await writeFile(path.join(dir, 'list.txt'), 'NIK\n');
    await expect(readFile('list.txt')).rejects.toMatchObject({ code: 'IMPORT.FILE_EXTENSION' });
    await expect(readFile('absent.csv')).rejects.toMatchObject({ code: 'IMPORT.FILE_NOT_FOUND' });
    await writeFile(path.join(dir, 'empty.csv'), '');
    await expect(readFile('empty.csv')).rejects.toMatchObject({ code: 'IMPORT.FILE_EMPTY' });
    await writeFile(path.join(dir, 'big.csv'), 'NIK\n');
    await truncate(path.join(dir, 'big.csv'), 20 * 1024 * 1024 + 1);
    await expect(readFile('big.csv')).rejects.toMatchObject({ code: 'IMPORT.FILE_TOO_LARGE' });
  });
});
