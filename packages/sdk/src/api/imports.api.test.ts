/**
 * `client.imports.candidates` on the wire (the live gateway's answers are in test/e2e/sdk-imports.test.ts):
 * where it posts, what it sends (the file as the body, its media type, the credentials, the import id
 * as Idempotency-Key, the flags), and how answers become results or typed errors.
 */
import { createClient, type FetchLike } from '../client/create-client';
import { besideGraphql } from '../client/upload';
import { isJembatanError } from '../errors/jembatan-error';
import { importErrorCode } from './imports.api';

interface Call {
  url: string;
  headers: Record<string, string>;
  body: unknown;
}

function clientWith(answer: { status: number; body: unknown; headers?: Record<string, string> }, url = 'https://jembatan.example/api/graphql') {
  const calls: Call[] = [];
  const fetch = (async (u: string, init: { headers: Record<string, string>; body: unknown }) => {
    calls.push({ url: u, headers: init.headers, body: init.body });
    const h = new Map(Object.entries({ 'content-type': 'application/json', ...answer.headers }));
    return { status: answer.status, headers: { get: (n: string) => h.get(n.toLowerCase()) ?? null }, text: async () => JSON.stringify(answer.body) };
  }) as unknown as FetchLike;
  return { client: createClient({ url, apiKey: 'jmb_0123456789abcdef_secret', fetch, retries: 0 }), calls };
}

const REPORT = { file: 'a.xlsx', format: 'xlsx', mode: 'DRY_RUN', outcome: 'DRY_RUN', dataRows: 1, written: 0, notWritten: 1, alreadyImported: [], problemRows: [], problems: [], notices: [] };

describe('imports.candidates', () => {
  it('posts the bytes beside the GraphQL endpoint with the media type, key, flags and import id', async () => {
    const { client, calls } = clientWith({ status: 200, body: { importId: '6f1c2b9e-8a0d-4c53-9d1e-3c2b1a0f9e8d', phase: 'DONE', replayed: false, report: REPORT } });
    const bytes = new Uint8Array([0x50, 0x4b, 3, 4]);
    const r = await client.imports.candidates(bytes, { filename: 'a.xlsx', dryRun: true, importId: '6f1c2b9e-8a0d-4c53-9d1e-3c2b1a0f9e8d' });
    expect(r).toEqual({ importId: '6f1c2b9e-8a0d-4c53-9d1e-3c2b1a0f9e8d', phase: 'DONE', replayed: false, report: REPORT });
    const call = calls[0]!;
    expect(call.url).toBe('https://jembatan.example/api/imports/candidates?dryRun=true&filename=a.xlsx');
    expect(call.body).toBe(bytes);
    expect(call.headers).toMatchObject({
      'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'x-api-key': 'jmb_0123456789abcdef_secret',
      'idempotency-key': '6f1c2b9e-8a0d-4c53-9d1e-3c2b1a0f9e8d',
    });
  });

  it('a string is a CSV; a new import id is made when none is given', async () => {
    const { client, calls } = clientWith({ status: 200, body: { importId: 'x', phase: 'DONE', replayed: false, report: { ...REPORT, format: 'csv' } } });
    await client.imports.candidates('NIK\n1\n', { skipInvalid: true });
    expect(calls[0]!.url).toBe('https://jembatan.example/api/imports/candidates?skipInvalid=true');
    expect(calls[0]!.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(calls[0]!.headers['idempotency-key']).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  });

  it('a refusal is a typed error with its status, request id and IMPORT.* code', async () => {
    const { client } = clientWith({
      status: 413,
      body: { errors: [{ message: 'too large', extensions: { code: 'BAD_USER_INPUT', domainCode: 'IMPORT.FILE_TOO_LARGE', messages: { id: 'terlalu besar', en: 'too large' }, requestId: 'req-9' } }] },
    });
    const e: unknown = await client.imports.candidates('x', { filename: 'a.csv' }).catch((x: unknown) => x);
    expect(isJembatanError(e, 'BAD_USER_INPUT')).toBe(true);
    expect(e).toMatchObject({ status: 413, requestId: 'req-9', messages: { id: 'terlalu besar', en: 'too large' }, operationName: 'ImportCandidates' });
    expect(importErrorCode(e)).toBe('IMPORT.FILE_TOO_LARGE');
  });

  it('refuses to send a file whose kind it cannot tell, and an answer without a report is INVALID_RESPONSE', async () => {
    const { client, calls } = clientWith({ status: 200, body: { importId: 'x' } });
    await expect(client.imports.candidates(new Uint8Array([1]))).rejects.toMatchObject({ code: 'INVALID_REQUEST' });
    await expect(client.imports.candidates('x', { filename: 'a.pdf' })).rejects.toMatchObject({ code: 'INVALID_REQUEST' });
    expect(calls).toHaveLength(0);
    await expect(client.imports.candidates('x')).rejects.toMatchObject({ code: 'INVALID_RESPONSE' });
  });
});

describe('imports.attendance and imports.testResults', () => {
  const TRAINING_REPORT = { ...REPORT, kind: 'attendance', cohortId: '0b8f6c1e-2a3d-4e5f-8a9b-0c1d2e3f4a5b' };
  it('post the file to /imports/attendance?cohort=<id> and /imports/test-results with the same flags and headers', async () => {
    const { client, calls } = clientWith({ status: 200, body: { importId: 'i1', phase: 'DONE', replayed: false, report: TRAINING_REPORT } });
    const r = await client.imports.attendance('0b8f6c1e-2a3d-4e5f-8a9b-0c1d2e3f4a5b', 'NIK,Sesi,Kehadiran\n', { filename: 'kehadiran.csv', dryRun: true, importId: 'i1' });
    expect(r).toEqual({ importId: 'i1', phase: 'DONE', replayed: false, report: TRAINING_REPORT });
    expect(calls[0]!.url).toBe('https://jembatan.example/api/imports/attendance?cohort=0b8f6c1e-2a3d-4e5f-8a9b-0c1d2e3f4a5b&dryRun=true&filename=kehadiran.csv');
    expect(calls[0]!.headers).toMatchObject({ 'content-type': 'text/csv; charset=utf-8', 'x-api-key': 'jmb_0123456789abcdef_secret', 'idempotency-key': 'i1' });
    const bytes = new Uint8Array([0x50, 0x4b, 3, 4]);
    await client.imports.testResults(bytes, { filename: 'hasil.xlsx', skipInvalid: true });
    expect(calls[1]!.url).toBe('https://jembatan.example/api/imports/test-results?skipInvalid=true&filename=hasil.xlsx');
    expect(calls[1]!.body).toBe(bytes);
    expect(calls[1]!.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  });

  it('refuse, before sending, a missing cohort id and a file of unknown kind; a refusal names the operation', async () => {
    const { client, calls } = clientWith({
      status: 404,
      body: { errors: [{ message: 'not found', extensions: { code: 'BAD_USER_INPUT', domainCode: 'IMPORT.COHORT_NOT_FOUND', messages: { id: 'tidak ada', en: 'not found' } } }] },
    });
    await expect(client.imports.attendance('', 'x', { filename: 'a.csv' })).rejects.toMatchObject({ code: 'INVALID_REQUEST', operationName: 'ImportAttendance' });
    await expect(client.imports.testResults(new Uint8Array([1]))).rejects.toMatchObject({ code: 'INVALID_REQUEST', operationName: 'ImportTestResults' });
    expect(calls).toHaveLength(0);
    const e: unknown = await client.imports.attendance('0b8f6c1e-2a3d-4e5f-8a9b-0c1d2e3f4a5b', 'x', { filename: 'a.csv' }).catch((x: unknown) => x);
    expect(e).toMatchObject({ status: 404, operationName: 'ImportAttendance' });
    expect(importErrorCode(e)).toBe('IMPORT.COHORT_NOT_FOUND');
  });
});

describe('besideGraphql', () => {
  it.each([
    ['http://localhost:4000/graphql', 'http://localhost:4000/imports/candidates'],
    ['http://localhost:4000/graphql/', 'http://localhost:4000/imports/candidates'],
    ['https://h.example/api/graphql?x=1', 'https://h.example/api/imports/candidates'],
  ])('%s → %s', (url, expected) => {
    expect(besideGraphql(url, 'imports/candidates', {})).toBe(expected);
  });
});
