/**
 * `client.imports` against the live gateway (issue 11): a CSV as text and an XLSX as bytes through
 * POST /imports/candidates, the typed report, a dry run and all-or-nothing writing nothing, a second
 * import creating no duplicates, `imports.progress`, and refusals reaching the caller as typed
 * errors with the import's stable code (401, 403, 413, 415/422 bad files, 409 reused id).
 */
import ExcelJS from 'exceljs';
import { createClient, importErrorCode, isJembatanError, type AnyJembatanError } from '@jembatan/sdk';
import { clientAs, hasAccessControl, liveGateway } from './support/live';
import { freshNik } from './support/program';

const HEADER = 'NIK,Nama,Tanggal Lahir,Jenis Kelamin,Kecamatan,Kabupaten/Kota,Rute,Jabatan';
// freshNik(): a man born 12 March 1997
const row = (nik: string, birth = '12/03/1997'): string => `${nik},Calon Uji,${birth},L,Cipocok Jaya,Kota Serang,E7_3,WELDER`;
const csv = (rows: string[]): string => `${[HEADER, ...rows].join('\n')}\n`;
const officer = () => clientAs('OFFICER');

async function failure(promise: Promise<unknown>): Promise<AnyJembatanError> {
  try {
    await promise;
  } catch (e) {
    if (isJembatanError(e)) return e;
    throw new Error(`expected a JembatanError, got ${e instanceof Error ? e.stack : String(e)}`);
  }
  throw new Error('expected the call to fail');
}

const maybe = hasAccessControl() ? describe : describe.skip;

maybe('client.imports against the live gateway', () => {
  it('imports a CSV given as text: the typed report, then importProgress with the counts; the same file again writes nothing', async () => {
    const niks = [freshNik(), freshNik()];
    const importId = crypto.randomUUID();
    const first = await officer().imports.candidates(csv(niks.map((n) => row(n))), { filename: 'kandidat.csv', importId });
    expect(first).toMatchObject({ importId, phase: 'DONE', replayed: false, report: { file: 'kandidat.csv', format: 'csv', outcome: 'WRITTEN', written: 2, problems: [] } });

    const progress = await officer().imports.progress(importId);
    expect(progress).toMatchObject({ importId, phase: 'DONE', mode: 'ALL_OR_NOTHING', rowsDone: 2, rowsTotal: 2, outcome: 'WRITTEN', written: 2, problems: 0 });
    expect(await clientAs('ADMIN').imports.progress(importId)).toMatchObject({ importId });
    expect(await officer().imports.progress(crypto.randomUUID())).toBeNull();

    const again = await officer().imports.candidates(csv(niks.map((n) => row(n))), { filename: 'kandidat.csv' });
    expect(again.importId).not.toBe(importId);
    expect(again.report).toMatchObject({ outcome: 'NOTHING_WRITTEN', written: 0, alreadyImported: [2, 3] });
    // the same id and file: the stored answer, not a second run
    expect(await officer().imports.candidates(csv(niks.map((n) => row(n))), { filename: 'kandidat.csv', importId })).toEqual({ ...first, replayed: true });
  });

  it('imports an XLSX given as bytes', async () => {
    const nik = freshNik();
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('Kandidat');
    sheet.addRow(HEADER.split(','));
    sheet.addRow([nik, 'Calon Uji', new Date(Date.UTC(1997, 2, 12)), 'L', 'Cipocok Jaya', 'Kota Serang', 'E7_3', 'WELDER']);
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const r = await officer().imports.candidates(bytes, { filename: 'kandidat.xlsx' });
    expect(r.report).toMatchObject({ format: 'xlsx', outcome: 'WRITTEN', written: 1 });
  });

  it('a dry run and an all-or-nothing file with one bad row write nothing; skipInvalid writes the good rows', async () => {
    const [a, b] = [freshNik(), freshNik()];
    const body = csv([row(a), row(b, '30/02/1997')]);
    const dry = await officer().imports.candidates(body, { dryRun: true });
    expect(dry.report).toMatchObject({ mode: 'DRY_RUN', outcome: 'DRY_RUN', written: 0 });
    const strict = await officer().imports.candidates(body);
    expect(strict.report).toMatchObject({ outcome: 'NOTHING_WRITTEN', written: 0, problemRows: [3] });
    expect(strict.report.problems[0]).toMatchObject({ row: 3, column: 'Tanggal Lahir', code: 'IMPORT.DATE_DOES_NOT_EXIST', message: { id: expect.any(String), en: expect.any(String) } });
    const lenient = await officer().imports.candidates(body, { skipInvalid: true });
    expect(lenient.report).toMatchObject({ mode: 'SKIP_INVALID', outcome: 'PARTIAL', written: 1, problemRows: [3] });
  });

  it('refusals are typed errors with the stable import code', async () => {
    const body = csv([row(freshNik())]);
    const anonymous = await failure(clientAs('PUBLIC').imports.candidates(body));
    expect({ code: anonymous.code, status: anonymous.status }).toEqual({ code: 'UNAUTHENTICATED', status: 401 });
    const analyst = await failure(clientAs('ANALYST').imports.candidates(body));
    expect({ code: analyst.code, status: analyst.status }).toEqual({ code: 'FORBIDDEN', status: 403 });

    const big = await failure(officer().imports.candidates(new Uint8Array(20 * 1024 * 1024 + 1).fill(0x41), { format: 'csv' }));
    expect({ code: big.code, status: big.status, importCode: importErrorCode(big) }).toEqual({ code: 'BAD_USER_INPUT', status: 413, importCode: 'IMPORT.FILE_TOO_LARGE' });
    expect(big.messages.id).not.toBe(big.messages.en);
    expect(big.requestId).toMatch(/\S/);

    const cfb = new Uint8Array(512);
    cfb.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const encrypted = await failure(officer().imports.candidates(cfb, { filename: 'rahasia.xlsx' }));
    expect({ code: encrypted.code, status: encrypted.status, importCode: importErrorCode(encrypted) }).toEqual({ code: 'BAD_USER_INPUT', status: 422, importCode: 'IMPORT.FILE_ENCRYPTED' });

    const id = crypto.randomUUID();
    await officer().imports.candidates(body, { importId: id, dryRun: true });
    const reused = await failure(officer().imports.candidates(csv([row(freshNik())]), { importId: id, dryRun: true }));
    expect({ code: reused.code, status: reused.status, importCode: importErrorCode(reused) }).toEqual({ code: 'CONFLICT', status: 409, importCode: 'IMPORT.IMPORT_ID_REUSED' });

    const noKind = await failure(officer().imports.candidates(new Uint8Array([1, 2, 3])));
    expect(noKind.code).toBe('INVALID_REQUEST');
    const wrongKind = await failure(officer().imports.candidates(body, { filename: 'kandidat.pdf' }));
    expect(wrongKind.code).toBe('INVALID_REQUEST');
  });

  it('a gateway that is not there is a NETWORK_ERROR', async () => {
    const down = createClient({ url: 'http://127.0.0.1:9/graphql', apiKey: liveGateway().keys.OFFICER, retries: 0, timeoutMs: 5_000 });
    expect((await failure(down.imports.candidates(csv([row(freshNik())])))).code).toBe('NETWORK_ERROR');
  });
});
