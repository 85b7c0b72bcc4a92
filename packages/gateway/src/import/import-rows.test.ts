/** Candidate import, pure parts: headers, dates, cells, every row problem code, duplicates, classification, cell escaping, progress. */
import { parseDateText, parseDateCell, textCell, type ImportCell } from './cells';
import { columnFor, mapHeaders, type HeaderMap } from './columns';
import { escapeSpreadsheetCell } from './escape-cell';
import { canonicalJson, classifyRows, collectRows, type ExistingCandidate } from './plan';
import { ImportFileError } from './problems';
import { progressReporter } from './progress';
import { templateCsv } from './template';
import { validateRow, type RowInput } from './validate-row';

const AS_OF = '2026-01-15';
const nikFor = (n: number, female = false): string => `367301${female ? '55' : '15'}0199${String(n).padStart(4, '0')}`;
const HEADERS = ['NIK', 'Nama', 'Tanggal Lahir', 'Jenis Kelamin', 'Kecamatan', 'Kabupaten/Kota', 'Pendidikan', 'Rute', 'Jabatan', 'Nilai EPS-TOPIK', 'Tanggal EPS-TOPIK'];
const header = (): HeaderMap => mapHeaders(HEADERS);

function row(rowNumber: number, values: Partial<Record<string, string | ImportCell>>): RowInput {
  return { rowNumber, cells: HEADERS.map((h) => { const v = values[h]; return v === undefined ? textCell('') : typeof v === 'string' ? textCell(v) : v; }) };
}

function good(n: number, extra: Partial<Record<string, string | ImportCell>> = {}): Partial<Record<string, string | ImportCell>> {
  return { NIK: nikFor(n), Nama: 'Budi', 'Tanggal Lahir': '15/01/1999', 'Jenis Kelamin': 'L', Kecamatan: 'Cipocok Jaya', 'Kabupaten/Kota': 'Kota Serang', ...extra };
}

const codes = (r: { problems: readonly { code: string }[] }): string[] => r.problems.map((p) => p.code);

async function* rowsOf(list: RowInput[]): AsyncGenerator<RowInput> {
  yield* list;
}

describe('header mapping', () => {
  it.each([
    ['NIK', 'nik'],
    ['nik', 'nik'],
    ['Tanggal Lahir', 'birthDate'],
    ['TANGGAL_LAHIR', 'birthDate'],
    ['birth date', 'birthDate'],
    ['Birth-Date', 'birthDate'],
    ['Jenis Kelamin', 'sex'],
    ['sex', 'sex'],
    ['Nama', 'name'],
    ['name', 'name'],
    ['Kabupatén/Kota', 'city'],
    ['  kecamatan ', 'kecamatan'],
  ])('%p names %s', (h, field) => {
    expect(columnFor(h)?.field).toBe(field);
  });

  it('reports unknown columns and the unstored name column as notices, keeping the header as written', () => {
    const m = mapHeaders(['No', 'nik', 'Name', 'Birth date', 'Sex', 'Kecamatan', 'Hobi']);
    expect(m.notices.map((n) => [n.column, n.code])).toEqual([
      ['No', 'IMPORT.UNKNOWN_COLUMN'],
      ['Name', 'IMPORT.COLUMN_NOT_STORED'],
      ['Hobi', 'IMPORT.UNKNOWN_COLUMN'],
    ]);
    expect(m.headerOf.get('birthDate')).toBe('Birth date');
    expect(m.fields.get(1)).toBe('nik');
  });

  it('refuses missing required columns and two headers for one column', () => {
    expect(() => mapHeaders(['NIK', 'Nama'])).toThrow(expect.objectContaining({ code: 'IMPORT.MISSING_COLUMNS', details: { missing: 'Tanggal Lahir, Jenis Kelamin, Kecamatan' } }));
    expect(() => mapHeaders([...HEADERS, 'birth date'])).toThrow(expect.objectContaining({ code: 'IMPORT.DUPLICATE_COLUMN' }));
    expect(() => mapHeaders(Array.from({ length: 101 }, (_, i) => `c${i}`))).toThrow(expect.objectContaining({ code: 'IMPORT.TOO_MANY_COLUMNS' }));
  });

  it('the template header maps onto every column', () => {
    const csv = templateCsv().replace(/^\uFEFF/, '').trim();
    const m = mapHeaders(csv.split(','));
    expect(m.notices.map((n) => n.code)).toEqual(['IMPORT.COLUMN_NOT_STORED']);
    expect(m.fields.size).toBe(csv.split(',').length);
  });
});

describe('dates', () => {
  it.each([
    ['2001-02-28', '2001-02-28'],
    ['28/02/2001', '2001-02-28'],
    ['1/2/2001', '2001-02-01'],
    [' 2000-02-29 ', '2000-02-29'],
  ])('%p → %s', (text, iso) => {
    expect(parseDateText(text)).toEqual({ ok: true, date: iso });
  });

  it.each(['2001-02-30', '31/04/2001', '29/02/2001', '2001-13-01', '00/01/2001'])('%p does not exist', (text) => {
    expect(parseDateText(text)).toEqual({ ok: false, code: 'IMPORT.DATE_DOES_NOT_EXIST' });
  });

  it.each(['01/02/01', '2001/02/28', '28-02-2001', '28 Feb 2001', '20010228', 'Feb 28, 2001'])('%p is not an accepted format', (text) => {
    expect(parseDateText(text)).toEqual({ ok: false, code: 'IMPORT.INVALID_DATE_FORMAT' });
  });

  it('takes an XLSX date cell as its calendar day, and refuses a bare number', () => {
    expect(parseDateCell({ kind: 'date', year: 1999, month: 1, day: 15 })).toEqual({ ok: true, date: '1999-01-15' });
    expect(parseDateCell({ kind: 'number', value: 36176 })).toEqual({ ok: false, code: 'IMPORT.INVALID_DATE_FORMAT' });
  });
});

describe('validateRow', () => {
  it('maps a good row onto the profile registerCandidate takes', () => {
    const r = validateRow(row(2, good(1, { Pendidikan: 'SMA', Rute: 'E-7-3', Jabatan: 'Juru las', 'Nilai EPS-TOPIK': '150', 'Tanggal EPS-TOPIK': '2025-06-01' })), header(), AS_OF);
    expect(r.problems).toEqual([]);
    expect(r.candidate).toEqual({
      profile: {
        nik: nikFor(1),
        declaredBirthDate: '1999-01-15',
        declaredSex: 'M',
        address: { kecamatan: 'Cipocok Jaya', city: 'Kota Serang' },
        education: 'SLTA',
        epsTopikResults: [{ takenOn: '2025-06-01', score: 150 }],
      },
      targetRoute: 'E7_3',
      targetOccupation: 'WELDER',
      note: null,
    });
  });

  it('accepts English spellings and a NIK typed with spaces', () => {
    const r = validateRow(row(2, good(2, { NIK: '3673 0155 0199 0002', 'Jenis Kelamin': 'female', Jabatan: 'welder' })), header(), AS_OF);
    expect(r.problems).toEqual([]);
    expect(r.candidate?.profile).toMatchObject({ nik: nikFor(2, true), declaredSex: 'F' });
  });

  it.each([
    ['an invalid NIK', { NIK: '3673019913990002' }, 'NIK.INVALID_BIRTH_DATE', 'NIK'],
    ['a short NIK', { NIK: '367301150199001' }, 'NIK.INVALID_LENGTH', 'NIK'],
    ['a NIK in scientific notation', { NIK: '3.67301E+15' }, 'IMPORT.NIK_NOT_TEXT', 'NIK'],
    ['a NIK stored as a number', { NIK: { kind: 'number', value: 3673011501990001 } }, 'IMPORT.NIK_NOT_TEXT', 'NIK'],
    ['a missing NIK', { NIK: '' }, 'IMPORT.REQUIRED_VALUE', 'NIK'],
    ['31 April', { 'Tanggal Lahir': '31/04/2001' }, 'IMPORT.DATE_DOES_NOT_EXIST', 'Tanggal Lahir'],
    ['30 February', { 'Tanggal Lahir': '2001-02-30' }, 'IMPORT.DATE_DOES_NOT_EXIST', 'Tanggal Lahir'],
    ['a US date', { 'Tanggal Lahir': '01-15-1999' }, 'IMPORT.INVALID_DATE_FORMAT', 'Tanggal Lahir'],
    ['a birth date after the import', { NIK: '3673011501270001', 'Tanggal Lahir': '2027-01-15' }, 'PROFILE.BIRTH_DATE_IN_FUTURE', 'Tanggal Lahir'],
    ['an implausible birth date', { 'Tanggal Lahir': '1900-01-15' }, 'PROFILE.BIRTH_DATE_IMPLAUSIBLE', 'Tanggal Lahir'],
    ['a birth date the NIK contradicts', { 'Tanggal Lahir': '16/01/1999' }, 'NIK.BIRTH_DATE_MISMATCH', 'NIK'],
    ['a sex the NIK contradicts', { 'Jenis Kelamin': 'P' }, 'NIK.SEX_MISMATCH', 'NIK'],
    ['both contradicted', { 'Jenis Kelamin': 'Perempuan', 'Tanggal Lahir': '1999-02-15' }, 'NIK.BIRTH_DATE_AND_SEX_MISMATCH', 'NIK'],
    ['an unknown sex', { 'Jenis Kelamin': 'X' }, 'IMPORT.INVALID_SEX', 'Jenis Kelamin'],
    ['an unknown kecamatan', { Kecamatan: 'Cilegon' }, 'IMPORT.UNKNOWN_KECAMATAN', 'Kecamatan'],
    ['an unknown kecamatan, city not given', { Kecamatan: 'Ciruas', 'Kabupaten/Kota': '' }, 'IMPORT.UNKNOWN_KECAMATAN', 'Kecamatan'],
    ['an unknown education', { Pendidikan: 'SMU plus' }, 'IMPORT.INVALID_CHOICE', 'Pendidikan'],
    ['an unknown route', { Rute: 'H-2' }, 'IMPORT.INVALID_CHOICE', 'Rute'],
    ['an unknown occupation', { Jabatan: 'astronaut' }, 'IMPORT.INVALID_CHOICE', 'Jabatan'],
    ['a score that is not a whole number', { 'Nilai EPS-TOPIK': '150.5', 'Tanggal EPS-TOPIK': '2025-06-01' }, 'IMPORT.INVALID_NUMBER', 'Nilai EPS-TOPIK'],
    ['a score above the maximum... without its date', { 'Nilai EPS-TOPIK': '150' }, 'PROFILE.REQUIRED', 'Tanggal EPS-TOPIK'],
    ['a formula', { Kecamatan: { kind: 'formula' } }, 'IMPORT.FORMULA_NOT_ALLOWED', 'Kecamatan'],
    ['an error cell', { 'Tanggal Lahir': { kind: 'error' } }, 'IMPORT.CELL_ERROR', 'Tanggal Lahir'],
    ['a cell of 1,001 characters', { Nama: 'a'.repeat(1001) }, 'IMPORT.CELL_TOO_LONG', 'Nama'],
    ['a kecamatan longer than the domain allows', { Kecamatan: 'k'.repeat(201), 'Kabupaten/Kota': 'Kabupaten Lebak' }, 'PROFILE.TOO_LONG', 'Kecamatan'],
  ])('%s', (_label, values, code, column) => {
    const r = validateRow(row(7, good(3, values as Partial<Record<string, string | ImportCell>>)), header(), AS_OF);
    expect(r.candidate).toBeUndefined();
    expect(r.problems).toContainEqual(expect.objectContaining({ row: 7, column, code, message: { id: expect.any(String), en: expect.any(String) } }));
    expect(JSON.stringify(r.problems)).not.toContain(nikFor(3));
  });

  it('accepts a kecamatan outside Kota Serang when the city says so', () => {
    const r = validateRow(row(2, good(4, { Kecamatan: 'Ciruas', 'Kabupaten/Kota': 'Kabupaten Serang' })), header(), AS_OF);
    expect(r.problems).toEqual([]);
  });

  it('reports every problem of a row, and cells beyond the header', () => {
    const r = validateRow({ ...row(3, good(5, { 'Tanggal Lahir': '2001-02-30', 'Jenis Kelamin': '?', Kecamatan: '' })), cells: [...row(3, good(5, { 'Tanggal Lahir': '2001-02-30', 'Jenis Kelamin': '?', Kecamatan: '' })).cells, textCell('extra')] }, header(), AS_OF);
    expect(codes(r)).toEqual(['IMPORT.EXTRA_CELLS', 'IMPORT.DATE_DOES_NOT_EXIST', 'IMPORT.INVALID_SEX', 'IMPORT.REQUIRED_VALUE']);
  });
});

describe('the whole file', () => {
  it('refuses a NIK that appears twice in the file on every row that has it', async () => {
    const c = await collectRows(rowsOf([row(1, Object.fromEntries(HEADERS.map((h) => [h, h]))), row(2, good(1)), row(3, good(2)), row(4, good(1, { 'Tanggal Lahir': 'x' }))]), AS_OF);
    const plan = classifyRows(c, new Map());
    expect(plan.problems.filter((p) => p.code === 'IMPORT.DUPLICATE_NIK_IN_FILE').map((p) => [p.row, p.column, p.details])).toEqual([
      [2, 'NIK', { rows: '2, 4' }],
      [4, 'NIK', { rows: '2, 4' }],
    ]);
    expect(plan.toWrite.map((r) => r.rowNumber)).toEqual([3]);
    expect(plan.problemRows).toEqual([2, 4]);
  });

  it('sorts rows already registered: same data → already imported, different data → a problem', async () => {
    const c = await collectRows(rowsOf([row(1, Object.fromEntries(HEADERS.map((h) => [h, h]))), row(2, good(1)), row(3, good(2)), row(4, good(3))]), AS_OF);
    const first = c.valid[0]!.candidate;
    const existing = new Map<string, ExistingCandidate>([
      [nikFor(1), { profile: JSON.parse(canonicalJson(first.profile)), targetRoute: null, targetOccupation: null }],
      [nikFor(2), { profile: { ...first.profile, nik: nikFor(2), education: 'S1' }, targetRoute: null, targetOccupation: null }],
    ]);
    const plan = classifyRows(c, existing);
    expect(plan.alreadyImported).toEqual([2]);
    expect(plan.problems.map((p) => [p.row, p.code])).toEqual([[3, 'IMPORT.NIK_ALREADY_REGISTERED']]);
    expect(plan.toWrite.map((r) => r.rowNumber)).toEqual([4]);
  });

  it('refuses an empty file and a header-only file; skips blank rows', async () => {
    await expect(collectRows(rowsOf([]), AS_OF)).rejects.toMatchObject({ code: 'IMPORT.FILE_EMPTY' });
    await expect(collectRows(rowsOf([row(1, Object.fromEntries(HEADERS.map((h) => [h, h]))), row(2, {})]), AS_OF)).rejects.toMatchObject({ code: 'IMPORT.FILE_NO_DATA_ROWS' });
    const c = await collectRows(rowsOf([row(1, Object.fromEntries(HEADERS.map((h) => [h, h]))), row(2, {}), row(3, good(1))]), AS_OF);
    expect(c.dataRows).toBe(1);
    expect(c.valid[0]?.rowNumber).toBe(3);
  });

  it('file errors carry bilingual messages', () => {
    const e = new ImportFileError('IMPORT.FILE_ZIP_BOMB');
    expect(e.messages.id).toMatch(/XLSX/);
    expect(e.messages.en).toMatch(/XLSX/);
  });
});

describe('escapeSpreadsheetCell', () => {
  it.each([
    ['=1+2', "'=1+2"],
    ['+62 812', "'+62 812"],
    ['-5', "'-5"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=cmd', "'\t=cmd"],
    ['\r=cmd', "'\r=cmd"],
    ['Budi', 'Budi'],
    ['', ''],
    ['a=b', 'a=b'],
    ["'quoted", "'quoted"],
  ])('%p → %p', (input, output) => {
    expect(escapeSpreadsheetCell(input)).toBe(output);
  });
});

describe('progress', () => {
  it('rewrites one line on a terminal and prints periodic lines otherwise', () => {
    const tty: string[] = [];
    let t = 0;
    const p = progressReporter({ isTTY: true, write: (s: string) => tty.push(s) }, () => t);
    p.validated(1000);
    p.validated(2000); // within 100 ms: not redrawn
    t = 200;
    p.written(100, 2000);
    p.done();
    expect(tty).toEqual(['\r\u001b[Kvalidated 1000 rows', '\r\u001b[Kvalidated 2000 rows · written 100/2000', '\r\u001b[Kvalidated 2000 rows · written 100/2000', '\n']);
    const log: string[] = [];
    const q = progressReporter({ isTTY: false, write: (s: string) => log.push(s) });
    for (let n = 1000; n <= 25_000; n += 1000) q.validated(n);
    q.done();
    expect(log).toEqual(['import: validated 10000 rows\n', 'import: validated 20000 rows\n']);
  });
});
