/**
 * Candidate import over HTTP (issue 11, http/imports-route.ts) on a real PostgreSQL: CSV and XLSX as
 * the raw body, the CLI's report, dry run, all or nothing, skip-invalid, a second import of the same
 * file, the Idempotency-Key (replay, reuse, resume after a failed batch), the size cap (declared and
 * streamed), media types, bad files (zip bomb, encrypted workbook), 401/403, and `importProgress`
 * (recorded while the import runs, scoped to the importing credential).
 */
import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { fixedClock } from '../src/clock';
import { MAX_FILE_BYTES, MAX_XLSX_UNCOMPRESSED_BYTES } from '../src/import';
import { startTestGateway, type TestGateway } from './harness';
import { zipOf } from './support/zip';

const TODAY = '2026-01-15';
const HEADER = 'NIK,Nama,Tanggal Lahir,Jenis Kelamin,Kecamatan,Kabupaten/Kota,Rute,Jabatan';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const nik = (n: number): string => `3673011501990${String(n).padStart(3, '0')}`;
const line = (n: number, birth = '15/01/1999'): string => `${nik(n)},Calon ${n},${birth},L,Cipocok Jaya,Kota Serang,E7_3,WELDER`;
const csv = (lines: string[]): string => `${[HEADER, ...lines].join('\n')}\n`;

let t: TestGateway;
let officer2: string;
let partner: string;
beforeAll(async () => {
  t = await startTestGateway({ clock: fixedClock(TODAY) });
  officer2 = (await t.createKey({ roles: ['OFFICER'], city: 'Kota Serang', name: 'second officer' })).token;
  partner = (await t.createKey({ roles: ['PARTNER'], partyIds: [randomUUID()], name: 'a partner' })).token;
});
afterAll(async () => {
  await t?.close();
});

type Who = 'officer' | 'admin' | 'analyst' | 'anonymous' | { token: string };
const tokenOf = (who: Who): string | undefined => (who === 'anonymous' ? undefined : typeof who === 'string' ? t.keys[who] : who.token);

interface Post {
  readonly query?: string;
  readonly contentType?: string | null;
  readonly headers?: Record<string, string>;
  readonly who?: Who;
}

function post(body: string | Uint8Array, { query = '', contentType = 'text/csv', headers = {}, who = 'officer' }: Post = {}): Promise<Response> {
  const token = tokenOf(who);
  return fetch(`${t.baseUrl}/imports/candidates${query ? `?${query}` : ''}`, {
    method: 'POST',
    headers: { ...(contentType ? { 'content-type': contentType } : {}), ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
    body,
  });
}

interface Problem {
  row: number | null;
  column: string | null;
  code: string;
  message: { id: string; en: string };
}
interface Body {
  importId: string;
  phase: string;
  replayed: boolean;
  report: { file: string; format: string; mode: string; outcome: string; dataRows: number; written: number; notWritten: number; alreadyImported: number[]; problemRows: number[]; problems: Problem[]; failedRows?: number[] };
}

async function ok(res: Response): Promise<Body> {
  const text = await res.text();
  expect({ status: res.status, text: res.status === 200 ? '' : text }).toEqual({ status: 200, text: '' });
  const body = JSON.parse(text) as Body;
  expect(res.headers.get('x-jembatan-import-id')).toBe(body.importId);
  return body;
}

/** A refusal in the gateway's error shape, with the import's stable code and both languages. */
async function refused(res: Response, status: number, code: string, domainCode?: string): Promise<Record<string, unknown>> {
  const text = await res.text();
  expect({ status: res.status, type: res.headers.get('content-type') }).toEqual({ status, type: expect.stringMatching(/application\/json/) });
  const body = JSON.parse(text) as { errors: Array<{ message: string; extensions: Record<string, unknown> }> };
  expect(body.errors).toHaveLength(1);
  const ext = body.errors[0]!.extensions;
  expect(ext).toMatchObject({ code, messages: { id: expect.any(String), en: expect.any(String) }, requestId: res.headers.get('x-request-id') });
  const messages = ext.messages as { id: string; en: string };
  expect(messages.id).not.toBe(messages.en);
  if (domainCode) expect(ext.domainCode).toBe(domainCode);
  return ext;
}

async function stored(from: number, to: number): Promise<number[]> {
  const db = await t.db();
  const r = await db.query(`select nik from candidate where nik between $1 and $2 order by nik`, [nik(from), nik(to)]);
  return r.rows.map((x: { nik: string }) => Number(x.nik.slice(-3)));
}

async function candidateCount(): Promise<number> {
  const db = await t.db();
  return (await db.query(`select count(*)::int as n from candidate`)).rows[0].n;
}

const PROGRESS = `query($id: ID!) { importProgress(importId: $id) { importId kind phase mode format fileName rowsDone rowsTotal outcome dataRows written notWritten alreadyImported problemRows problems errorCode startedAt updatedAt finishedAt } }`;

async function progress(id: string, who: Who = 'officer') {
  const token = tokenOf(who);
  const r = await t.gql<{ importProgress: Record<string, unknown> | null }>(PROGRESS, { id }, token ? { authorization: `Bearer ${token}` } : {});
  return r;
}

async function xlsxOf(rows: Array<Array<string | Date | number>>): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('Kandidat');
  sheet.addRow(HEADER.split(','));
  for (const r of rows) sheet.addRow(r);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** A zip whose directory declares `size` bytes for a small sheet entry (stored as written, like a zip bomb's header). */
function declaredBomb(): Uint8Array {
  return new Uint8Array(
    zipOf(
      [
        { name: '[Content_Types].xml', data: Buffer.from('<Types/>'), size: 8 },
        { name: 'xl/workbook.xml', data: Buffer.from('<workbook/>'), size: 11 },
        { name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(1000), size: MAX_XLSX_UNCOMPRESSED_BYTES + 1 },
      ],
      0,
    ),
  );
}

describe('POST /imports/candidates: who may import', () => {
  it('401 without a credential, 403 for ANALYST and PARTNER keys, before the body is used; nothing written', async () => {
    const body = csv([line(1)]);
    const before = await candidateCount();
    expect((await refused(await post(body, { who: 'anonymous' }), 401, 'UNAUTHENTICATED')).details).toEqual({ reason: 'CREDENTIAL_REQUIRED' });
    await refused(await post(body, { who: 'analyst' }), 403, 'FORBIDDEN');
    await refused(await post(body, { who: { token: partner } }), 403, 'FORBIDDEN');
    const bad = await fetch(`${t.baseUrl}/imports/candidates`, { method: 'POST', headers: { 'content-type': 'text/csv', authorization: 'Bearer jmb_0123456789abcdef_nottherealsecretnottherealsecret' }, body });
    await refused(bad, 401, 'UNAUTHENTICATED');
    expect(await candidateCount()).toBe(before);
  });

  it('an ADMIN key may import', async () => {
    const r = await ok(await post(csv([line(5)]), { who: 'admin', query: 'filename=admin.csv' }));
    expect(r.report).toMatchObject({ outcome: 'WRITTEN', written: 1, file: 'admin.csv' });
    expect(await stored(5, 5)).toEqual([5]);
  });
});

describe('CSV and XLSX over HTTP', () => {
  it('writes a valid CSV through registerCandidate (stored eligibility, one audit row per candidate under the import id)', async () => {
    const r = await ok(await post(csv([line(10), line(11), line(12)]), { query: 'filename=kandidat.csv' }));
    expect(r).toMatchObject({ phase: 'DONE', replayed: false, importId: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    expect(r.report).toMatchObject({ file: 'kandidat.csv', format: 'csv', mode: 'ALL_OR_NOTHING', outcome: 'WRITTEN', dataRows: 3, written: 3, problems: [] });
    expect(await stored(10, 12)).toEqual([10, 11, 12]);
    const db = await t.db();
    const c = await db.query(`select stage, eligibility from candidate where nik = $1`, [nik(10)]);
    expect(c.rows[0]).toMatchObject({ stage: 'REGISTERED', eligibility: expect.any(String) });
    const audits = await db.query(`select actor, request_id from audit_log where action = 'registerCandidate' and request_id = $1`, [`import:${r.importId}`]);
    expect(audits.rows).toHaveLength(3);
    expect(audits.rows[0].actor).toMatch(/^apiKey:/);
  });

  it('writes an XLSX (dates as date cells), with the kind from Content-Disposition', async () => {
    const file = await xlsxOf([13, 14].map((n) => [nik(n), `Calon ${n}`, new Date(Date.UTC(1999, 0, 15)), 'L', 'Cipocok Jaya', 'Kota Serang', 'E7_3', 'WELDER']));
    const r = await ok(await post(file, { contentType: XLSX, headers: { 'content-disposition': 'attachment; filename="daftar kandidat.xlsx"' } }));
    expect(r.report).toMatchObject({ file: 'daftar kandidat.xlsx', format: 'xlsx', outcome: 'WRITTEN', written: 2 });
    expect(await stored(13, 14)).toEqual([13, 14]);
  });

  it('application/octet-stream takes the kind from the file name', async () => {
    const r = await ok(await post(csv([line(15)]), { contentType: 'application/octet-stream', query: 'filename=k.csv' }));
    expect(r.report).toMatchObject({ format: 'csv', written: 1 });
  });

  it('a dry run writes nothing and says what would happen', async () => {
    const before = await candidateCount();
    const r = await ok(await post(csv([line(20), line(21)]), { query: 'dryRun=true' }));
    expect(r.report).toMatchObject({ mode: 'DRY_RUN', outcome: 'DRY_RUN', written: 0, notWritten: 2 });
    expect(await stored(20, 21)).toEqual([]);
    expect(await candidateCount()).toBe(before);
  });

  it('all or nothing: one invalid row writes nothing; the report names row, column, code and both languages', async () => {
    const r = await ok(await post(csv([line(22), line(23, '2001-02-30'), line(24)])));
    expect(r.report).toMatchObject({ outcome: 'NOTHING_WRITTEN', written: 0, notWritten: 2, problemRows: [3] });
    expect(r.report.problems[0]).toMatchObject({ row: 3, column: 'Tanggal Lahir', code: 'IMPORT.DATE_DOES_NOT_EXIST', message: { id: expect.stringMatching(/Tanggal/), en: expect.stringMatching(/date/) } });
    expect(await stored(22, 24)).toEqual([]);
  });

  it('skipInvalid=true writes the valid rows and reports the rest', async () => {
    const r = await ok(await post(csv([line(25), line(26, '31/04/2001'), line(27)]), { query: 'skipInvalid=true' }));
    expect(r.report).toMatchObject({ mode: 'SKIP_INVALID', outcome: 'PARTIAL', written: 2, problemRows: [3] });
    expect(await stored(25, 27)).toEqual([25, 27]);
  });

  it('the same file twice creates no duplicates: the second import reports every row as already imported', async () => {
    const body = csv([line(30), line(31)]);
    expect((await ok(await post(body))).report).toMatchObject({ written: 2 });
    const before = await candidateCount();
    const again = await ok(await post(body));
    expect(again.report).toMatchObject({ outcome: 'NOTHING_WRITTEN', written: 0, alreadyImported: [2, 3], problems: [] });
    expect(await candidateCount()).toBe(before);
    expect(await stored(30, 31)).toEqual([30, 31]);
  });
});

describe('Idempotency-Key', () => {
  it('the same key and file answers the stored report without running again; another file or credential under it is 409', async () => {
    const key = randomUUID();
    const body = csv([line(40), line(41)]);
    const first = await ok(await post(body, { headers: { 'idempotency-key': key } }));
    expect(first).toMatchObject({ importId: key, replayed: false, report: { written: 2 } });
    const again = await ok(await post(body, { headers: { 'idempotency-key': key } }));
    expect(again).toEqual({ ...first, replayed: true });
    const db = await t.db();
    expect((await db.query(`select count(*)::int as n from audit_log where request_id = $1`, [`import:${key}`])).rows[0].n).toBe(2);

    await refused(await post(csv([line(42)]), { headers: { 'idempotency-key': key } }), 409, 'CONFLICT', 'IMPORT.IMPORT_ID_REUSED');
    await refused(await post(body, { headers: { 'idempotency-key': key }, query: 'dryRun=true' }), 409, 'CONFLICT', 'IMPORT.IMPORT_ID_REUSED');
    await refused(await post(body, { headers: { 'idempotency-key': key }, who: { token: officer2 } }), 409, 'CONFLICT', 'IMPORT.IMPORT_ID_REUSED');
    expect(await stored(42, 42)).toEqual([]);
    // ?importId= is the same key
    expect(await ok(await post(body, { query: `importId=${key}` }))).toMatchObject({ replayed: true });
  });

  it('a failed batch leaves nothing of it (FAILED); sending it again under the same key resumes it', async () => {
    const key = randomUUID();
    const db = await t.db();
    await db.query(`create function refuse_import_nik() returns trigger language plpgsql as $$ begin if new.nik = '${nik(52)}' then raise exception 'simulated failure'; end if; return new; end $$`);
    await db.query(`create trigger refuse_import_nik before insert on candidate for each row execute function refuse_import_nik()`);
    const body = csv([line(50), line(51), line(52)]);
    try {
      const failed = await ok(await post(body, { headers: { 'idempotency-key': key } }));
      expect(failed).toMatchObject({ phase: 'FAILED', report: { outcome: 'NOTHING_WRITTEN', written: 0, failedRows: [2, 3, 4] } });
      expect(await stored(50, 52)).toEqual([]);
      expect((await progress(key)).body.data?.importProgress).toMatchObject({ phase: 'FAILED', errorCode: 'IMPORT.BATCH_FAILED', written: 0 });
    } finally {
      await db.query(`drop trigger refuse_import_nik on candidate; drop function refuse_import_nik()`);
    }
    const resumed = await ok(await post(body, { headers: { 'idempotency-key': key } }));
    expect(resumed).toMatchObject({ phase: 'DONE', replayed: false, report: { outcome: 'WRITTEN', written: 3 } });
    expect(await stored(50, 52)).toEqual([50, 51, 52]);
  });

  it('a key that is not a UUID is refused before anything happens', async () => {
    await refused(await post(csv([line(55)]), { headers: { 'idempotency-key': 'my-import-1' } }), 400, 'BAD_USER_INPUT', 'IMPORT.IMPORT_ID_INVALID');
    expect(await stored(55, 55)).toEqual([]);
  });
});

describe('limits and bad files', () => {
  it('413 IMPORT.FILE_TOO_LARGE for a declared Content-Length over the cap, before the body is read', async () => {
    const before = await candidateCount();
    const big = new Uint8Array(MAX_FILE_BYTES + 1).fill(0x41);
    const ext = await refused(await post(big), 413, 'BAD_USER_INPUT', 'IMPORT.FILE_TOO_LARGE');
    expect(ext.details).toMatchObject({ maxBytes: MAX_FILE_BYTES });
    expect(await candidateCount()).toBe(before);
  });

  it('413 for a streamed (chunked) body once it passes the cap; the gateway keeps serving', async () => {
    const chunk = new Uint8Array(1024 * 1024).fill(0x41);
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        // never ends by itself: the gateway must stop it
        sent += chunk.length;
        if (sent > 4 * MAX_FILE_BYTES) controller.close();
        else controller.enqueue(chunk);
      },
    });
    const res = await fetch(`${t.baseUrl}/imports/candidates`, {
      method: 'POST',
      headers: { 'content-type': 'text/csv', authorization: `Bearer ${t.keys.officer}` },
      body: stream,
      duplex: 'half',
    } as RequestInit & { duplex: 'half' });
    await refused(res, 413, 'BAD_USER_INPUT', 'IMPORT.FILE_TOO_LARGE');
    expect(sent).toBeLessThan(4 * MAX_FILE_BYTES);
    expect((await ok(await post(csv([line(60)])))).report.written).toBe(1);
  });

  it('415 for a media type that is not a spreadsheet, or one that contradicts the file name; 400 for bad flags', async () => {
    await refused(await post('{"a":1}', { contentType: 'application/json' }), 415, 'BAD_USER_INPUT', 'IMPORT.UNSUPPORTED_MEDIA_TYPE');
    await refused(await post(csv([line(61)]), { contentType: null }), 415, 'BAD_USER_INPUT', 'IMPORT.UNSUPPORTED_MEDIA_TYPE');
    await refused(await post(csv([line(61)]), { query: 'filename=kandidat.xlsx' }), 415, 'BAD_USER_INPUT', 'IMPORT.MEDIA_TYPE_MISMATCH');
    await refused(await post(csv([line(61)]), { contentType: 'application/octet-stream', query: 'filename=scan.pdf' }), 415, 'BAD_USER_INPUT', 'IMPORT.FILE_EXTENSION');
    await refused(await post(csv([line(61)]), { query: 'dryRun=yes' }), 400, 'BAD_USER_INPUT', 'IMPORT.BAD_PARAMETER');
    expect(await stored(61, 61)).toEqual([]);
  });

  it('422 with the CLI codes for a zip bomb, an encrypted workbook and an XLSX sent as CSV; the import is FAILED with the code', async () => {
    const key = randomUUID();
    const bomb = await refused(await post(declaredBomb(), { contentType: XLSX, headers: { 'idempotency-key': key } }), 422, 'BAD_USER_INPUT', 'IMPORT.FILE_ZIP_BOMB');
    expect(bomb.importId).toBe(key);
    expect((await progress(key)).body.data?.importProgress).toMatchObject({ phase: 'FAILED', errorCode: 'IMPORT.FILE_ZIP_BOMB', outcome: null });
    const cfb = new Uint8Array(Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]));
    await refused(await post(cfb, { contentType: XLSX }), 422, 'BAD_USER_INPUT', 'IMPORT.FILE_ENCRYPTED');
    await refused(await post(cfb), 422, 'BAD_USER_INPUT', 'IMPORT.FILE_ENCRYPTED');
    await refused(await post(await xlsxOf([[nik(62), 'x', '15/01/1999', 'L', 'Cipocok Jaya', 'Kota Serang', 'E7_3', 'WELDER']])), 422, 'BAD_USER_INPUT', 'IMPORT.FILE_CONTENT_MISMATCH');
    await refused(await post(`${HEADER}\n`), 422, 'BAD_USER_INPUT', 'IMPORT.FILE_NO_DATA_ROWS');
    await refused(await post(''), 422, 'BAD_USER_INPUT', 'IMPORT.FILE_EMPTY');
    expect(await stored(62, 62)).toEqual([]);
  });
});

describe('importProgress', () => {
  it('is recorded while the import runs (VALIDATING, then WRITING with rows done of total) and ends DONE with the counts', async () => {
    const db = await t.db();
    await db.query(`create table import_job_trace (seq serial, id uuid, phase text, rows_done int, rows_total int)`);
    await db.query(`create function trace_import_job() returns trigger language plpgsql as $$ begin insert into import_job_trace (id, phase, rows_done, rows_total) values (new.id, new.phase, new.rows_done, new.rows_total); return new; end $$`);
    await db.query(`create trigger trace_import_job after insert or update on import_job for each row execute function trace_import_job()`);
    const key = randomUUID();
    const rows = Array.from({ length: 250 }, (_, i) => line(700 + i));
    try {
      const r = await ok(await post(csv(rows), { headers: { 'idempotency-key': key }, query: 'filename=besar.csv' }));
      expect(r.report).toMatchObject({ written: 250 });
    } finally {
      await db.query(`drop trigger trace_import_job on import_job; drop function trace_import_job()`);
    }
    const trace = (await db.query(`select phase, rows_done, rows_total from import_job_trace where id = $1 order by seq`, [key])).rows as Array<{ phase: string; rows_done: number; rows_total: number | null }>;
    await db.query(`drop table import_job_trace`);
    const phases = trace.map((x) => x.phase).filter((p, i, all) => p !== all[i - 1]);
    expect(phases).toEqual(['VALIDATING', 'WRITING', 'DONE']);
    const writing = trace.filter((x) => x.phase === 'WRITING');
    expect(writing.every((x) => x.rows_total === 250)).toBe(true);
    expect(writing.map((x) => x.rows_done)).toEqual([...writing.map((x) => x.rows_done)].sort((a, b) => a - b));
    expect(trace.filter((x) => x.phase === 'VALIDATING').every((x) => x.rows_total === null)).toBe(true);

    const p = await progress(key);
    expect(p.body.errors).toBeUndefined();
    expect(p.body.data?.importProgress).toMatchObject({
      importId: key, kind: 'candidates', phase: 'DONE', mode: 'ALL_OR_NOTHING', format: 'csv', fileName: 'besar.csv',
      rowsDone: 250, rowsTotal: 250, outcome: 'WRITTEN', dataRows: 250, written: 250, notWritten: 0, alreadyImported: 0, problemRows: 0, problems: 0, errorCode: null,
      startedAt: expect.any(String), finishedAt: expect.any(String),
    });
  });

  it('an OFFICER sees the imports of its own credential, ADMIN every import; others and unknown ids answer null; ANALYST is refused', async () => {
    const r = await ok(await post(csv([line(80), line(81, '2001-02-30')]), { query: 'skipInvalid=true' }));
    expect((await progress(r.importId)).body.data?.importProgress).toMatchObject({ phase: 'DONE', outcome: 'PARTIAL', written: 1, problemRows: 1, problems: 1 });
    expect((await progress(r.importId, 'admin')).body.data?.importProgress).toMatchObject({ importId: r.importId });
    expect((await progress(r.importId, { token: officer2 })).body.data?.importProgress).toBeNull();
    expect((await progress(randomUUID())).body.data?.importProgress).toBeNull();
    const analyst = await progress(r.importId, 'analyst');
    expect(analyst.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const anonymous = await progress(r.importId, 'anonymous');
    expect(anonymous.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const notUuid = await progress('not-a-uuid');
    expect(notUuid.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
