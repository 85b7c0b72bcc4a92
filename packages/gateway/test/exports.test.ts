/**
 * CSV / XLSX exports over real HTTP on a real PostgreSQL (issue 11): content read back with csv-parse
 * and exceljs (typed cells, frozen header, metadata sheet), the same row scope and field rules as the
 * GraphQL list (PARTNER, CANDIDATE, ANALYST, TRAINER), masking, formula escaping, filters, the
 * gateway's error shape for refusals, and one audit row per export without personal values.
 */
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import { systemClock } from '../src/clock';
import { runExportCli } from '../src/cli/export';
import { candidateExportPlan, ExportAbortedError, runExport } from '../src/export';
import type { GatewayContext } from '../src/graphql/context';
import { maskNik } from '../src/security/masking';
import { normaliseRoles } from '../src/security/role';
import { startTestGateway, type TestGateway } from './harness';
import { createParty, eligibleWelderProfile, nikFor, ok, openOpening, registerCandidate, signedMouBetween } from './support/program';

let t: TestGateway;
const ids = {} as Record<'c1' | 'c2' | 'c3' | 'c4' | 'openingA' | 'draft', string>;
const tokens = {} as Record<'partnerA' | 'partnerB' | 'candidate' | 'trainer', string>;
const FORMULA = '=HYPERLINK("http://evil.example","x")';

function profile(n: number, kelurahan = 'Banjaragung'): Record<string, unknown> {
  return eligibleWelderProfile(n, {
    address: { kecamatan: 'Cipocok Jaya', kelurahan, city: 'Kota Serang', source: 'KTP' },
    medical: {
      examinedOn: '2026-10-01',
      physicallyFit: true,
      psychologicallyFit: true,
      colourBlind: false,
      completeFingers: true,
      conditions: { TUBERCULOSIS: false, HEPATITIS: false, SYPHILIS: false, HIV: false },
    },
    criminalRecord: { everImprisoned: false },
  });
}

const ALLOCATE = 'mutation($c: ID!, $o: ID!) { allocateSeat(candidateId: $c, openingId: $o) { candidate { stage } } }';

beforeAll(async () => {
  t = await startTestGateway();
  const cityId = await createParty(t, { kind: 'CITY_GOVERNMENT', name: 'Pemerintah Kota Serang', country: 'ID', regionCode: '36.73' });
  const employerId = await createParty(t, { kind: 'EMPLOYER', name: 'PT One Asia', country: 'KR' });
  const p3miA = await createParty(t, { kind: 'P3MI', name: 'PT Mitra A', country: 'ID', licence: { sip3miNumber: 'SIP3MI-A', sip2miNumber: 'SIP2MI-A' } });
  const p3miB = await createParty(t, { kind: 'P3MI', name: 'PT Mitra B', country: 'ID', licence: { sip3miNumber: 'SIP3MI-B', sip2miNumber: 'SIP2MI-B' } });
  const mouA = await signedMouBetween(t, cityId, p3miA, 'MoU Mitra A');
  const mouB = await signedMouBetween(t, cityId, p3miB, 'MoU Mitra B');
  ids.openingA = await openOpening(t, { cityId, apjatiId: p3miA, employerId, mouId: mouA }, 10);
  const openingB = await openOpening(t, { cityId, apjatiId: p3miB, employerId, mouId: mouB }, 10);
  const draft = await ok(t, 'mutation($input: CreateJobOpeningInput!) { createJobOpening(input: $input) { id } }', {
    input: { mouId: mouA, employerPartyId: employerId, occupation: 'WELDER', route: 'E7_3', seats: 2, wage: { basis: 'STATUTORY_MINIMUM' }, contractMonths: 24 },
  });
  ids.draft = draft.createJobOpening.id;
  ids.c1 = await registerCandidate(t, profile(1, FORMULA));
  ids.c2 = await registerCandidate(t, profile(2));
  ids.c3 = await registerCandidate(t, profile(3));
  ids.c4 = await registerCandidate(t, profile(4));
  await ok(t, ALLOCATE, { c: ids.c1, o: ids.openingA });
  await ok(t, ALLOCATE, { c: ids.c3, o: openingB });
  tokens.partnerA = (await t.createKey({ roles: ['PARTNER'], partyIds: [p3miA], name: 'PT Mitra A' })).token;
  tokens.partnerB = (await t.createKey({ roles: ['PARTNER'], partyIds: [p3miB], name: 'PT Mitra B' })).token;
  tokens.candidate = (await t.createKey({ roles: ['CANDIDATE'], candidateId: ids.c2, name: 'Portal' })).token;
  tokens.trainer = (await t.createKey({ roles: ['TRAINER'], partyIds: [p3miA], name: 'LPK' })).token;
});
afterAll(async () => {
  await t?.close();
});

type Who = 'officer' | 'analyst' | 'admin' | keyof typeof tokens | 'anonymous';

function download(path: string, who: Who): Promise<Response> {
  const token = who === 'anonymous' ? undefined : who in tokens ? tokens[who as keyof typeof tokens] : t.keys[who as 'officer' | 'analyst' | 'admin'];
  return fetch(`${t.baseUrl}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
}

async function csvRows(path: string, who: Who): Promise<{ res: Response; text: string; rows: Array<Record<string, string>> }> {
  const res = await download(path, who);
  const text = await res.text();
  expect(res.status).toBe(200);
  return { res, text, rows: parse(text, { bom: true, columns: true }) as Array<Record<string, string>> };
}

async function workbook(path: string, who: Who): Promise<{ res: Response; wb: ExcelJS.Workbook }> {
  const res = await download(path, who);
  expect(res.status).toBe(200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as never);
  return { res, wb };
}

function sheetRecords(sheet: ExcelJS.Worksheet): Array<Record<string, ExcelJS.CellValue>> {
  const header = (sheet.getRow(1).values as ExcelJS.CellValue[]).slice(1).map(String);
  const out: Array<Record<string, ExcelJS.CellValue>> = [];
  sheet.eachRow((row, n) => {
    if (n === 1) return;
    out.push(Object.fromEntries(header.map((h, i) => [h, row.getCell(i + 1).value])));
  });
  return out;
}

async function expectError(res: Response, status: number, code: string, reason?: string): Promise<string> {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toMatch(/application\/json/);
  const text = await res.text();
  const body = JSON.parse(text) as { errors: Array<{ message: string; extensions: Record<string, any> }> };
  expect(body.errors).toHaveLength(1);
  expect(body.errors[0]!.extensions).toMatchObject({ code, messages: { id: expect.any(String), en: expect.any(String) }, requestId: res.headers.get('x-request-id') });
  if (reason) expect(body.errors[0]!.extensions.details?.reason).toBe(reason);
  return text;
}

describe('refusals in the gateway error shape', () => {
  it('401 without a credential, and with a bad one', async () => {
    await expectError(await download('/exports/candidates.csv', 'anonymous'), 401, 'UNAUTHENTICATED', 'CREDENTIAL_REQUIRED');
    await expectError(await download('/exports/openings.xlsx', 'anonymous'), 401, 'UNAUTHENTICATED', 'CREDENTIAL_REQUIRED');
    const bad = await fetch(`${t.baseUrl}/exports/candidates.csv`, { headers: { authorization: 'Bearer jmb_0123456789abcdef_nottherealsecretnottherealsecret' } });
    await expectError(bad, 401, 'UNAUTHENTICATED');
  });

  it('ANALYST reads no candidate records (ANALYST_USE_AGGREGATES), TRAINER none at all; no personal value in the refusal', async () => {
    const analyst = await expectError(await download('/exports/candidates.xlsx', 'analyst'), 403, 'FORBIDDEN', 'ANALYST_USE_AGGREGATES');
    const trainer = await expectError(await download('/exports/candidates.csv', 'trainer'), 403, 'FORBIDDEN');
    for (const text of [analyst, trainer]) expect(text).not.toContain(nikFor(1).slice(0, 10));
  });

  it('bad parameters: 400 BAD_USER_INPUT naming the parameter, before any byte of a file', async () => {
    const unknownValue = await expectError(await download('/exports/candidates.csv?kecamatan=GOTHAM', 'officer'), 400, 'BAD_USER_INPUT', 'EXPORT_VALUE_UNKNOWN');
    expect(unknownValue).toContain('CIPOCOK_JAYA');
    await expectError(await download('/exports/candidates.csv?nik=3673', 'officer'), 400, 'BAD_USER_INPUT', 'EXPORT_PARAMETER_UNKNOWN');
    await expectError(await download('/exports/candidates.csv?mask=true&include=health', 'officer'), 400, 'BAD_USER_INPUT', 'EXPORT_MASKED_SENSITIVE');
    expect((await download('/exports/parties.csv', 'officer')).status).toBe(404);
  });
});

describe('candidates', () => {
  it('CSV round-trip for an OFFICER: every candidate, NIK and dates as text, formula escaped, metadata headers', async () => {
    const { res, text, rows } = await csvRows('/exports/candidates.csv', 'officer');
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(res.headers.get('content-disposition')).toMatch(/attachment; filename="jembatan-candidates-\d{4}-\d{2}-\d{2}\.csv"/);
    expect(res.headers.get('x-jembatan-export-rows')).toBe('4');
    expect(res.headers.get('x-jembatan-data-source')).toBe('Jembatan');
    expect(rows.map((r) => r.candidate_id)).toEqual([ids.c1, ids.c2, ids.c3, ids.c4]);
    expect(rows.map((r) => r.nik)).toEqual([1, 2, 3, 4].map((n) => nikFor(n)));
    expect(rows[1]).toMatchObject({ birth_date: '1999-01-15', sex: 'M', kecamatan: 'CIPOCOK_JAYA', kelurahan: 'Banjaragung', stage: 'REGISTERED', documents: '2' });
    expect(rows[0]!.stage).toBe('SELECTED');
    expect(rows[0]!.kelurahan).toBe(`'${FORMULA}`);
    expect(text).not.toMatch(/(^|,)"?=HYPERLINK/m);
    expect(new Date(rows[0]!.registered_at!).toISOString()).toBe(rows[0]!.registered_at);
    expect(Object.keys(rows[0]!)).not.toContain('physically_fit');
  });

  it('XLSX round-trip: typed cells, frozen header row, and a Metadata sheet', async () => {
    const { res, wb } = await workbook('/exports/candidates.xlsx?include=health,criminal', 'officer');
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const sheet = wb.getWorksheet('Candidates')!;
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.getRow(1).font?.bold).toBe(true);
    const rows = sheetRecords(sheet);
    expect(rows).toHaveLength(4);
    const [first, second] = rows as [Record<string, ExcelJS.CellValue>, Record<string, ExcelJS.CellValue>];
    expect(second.nik).toBe(nikFor(2));
    expect(typeof second.nik).toBe('string');
    expect(second.birth_date).toEqual(new Date('1999-01-15T00:00:00.000Z'));
    const header = (sheet.getRow(1).values as ExcelJS.CellValue[]).map(String);
    expect(sheet.getRow(3).getCell(header.indexOf('birth_date')).numFmt).toBe('yyyy-mm-dd');
    expect(sheet.getRow(3).getCell(header.indexOf('registered_at')).numFmt).toBe('yyyy-mm-dd hh:mm:ss');
    expect(second.documents).toBe(2);
    expect(second.registered_at).toBeInstanceOf(Date);
    expect(second.medical_examined_on).toEqual(new Date('2026-10-01T00:00:00.000Z'));
    expect(second.physically_fit).toBe(true);
    expect(second.psychologically_fit).toBe(true);
    expect(second.ever_imprisoned).toBe(false);
    expect(first.kelurahan).toBe(`'${FORMULA}`);
    const meta = Object.fromEntries(sheetRecords(wb.getWorksheet('Metadata')!).map((r) => [r.field, r.value]));
    expect(meta).toMatchObject({ data_source: 'data source: Jembatan', export: 'candidates', format: 'xlsx', row_count: 4, roles: 'OFFICER', city: 'Kota Serang' });
    expect(String(meta.exported_by)).toMatch(/^apiKey:[0-9a-f]{16}$/);
    expect(meta.exported_at).toBeInstanceOf(Date);
    expect(String(meta.disclosure)).toContain('health, criminal');
    expect(String(meta.options)).toContain('include=health,criminal');
  });

  it('mask=true: the display NIK, no birth date, no kelurahan; no full NIK anywhere in the file', async () => {
    const { text, rows } = await csvRows('/exports/candidates.csv?mask=true', 'officer');
    expect(rows.map((r) => r.nik_masked)).toEqual([1, 2, 3, 4].map((n) => maskNik(nikFor(n))));
    expect(Object.keys(rows[0]!)).not.toEqual(expect.arrayContaining(['nik']));
    expect(Object.keys(rows[0]!)).not.toContain('birth_date');
    expect(Object.keys(rows[0]!)).not.toContain('kelurahan');
    for (const n of [1, 2, 3, 4]) expect(text).not.toContain(nikFor(n));
    expect(text).not.toContain('1999-01-15');
    const { wb } = await workbook('/exports/candidates.xlsx?mask=1', 'officer');
    const meta = Object.fromEntries(sheetRecords(wb.getWorksheet('Metadata')!).map((r) => [r.field, r.value]));
    expect(String(meta.disclosure)).toContain('NIK masked');
  });

  it('PARTNER: only the candidates placed under its MoUs; CANDIDATE: only their own record', async () => {
    expect((await csvRows('/exports/candidates.csv', 'partnerA')).rows.map((r) => r.candidate_id)).toEqual([ids.c1]);
    const b = await csvRows('/exports/candidates.csv', 'partnerB');
    expect(b.rows.map((r) => r.candidate_id)).toEqual([ids.c3]);
    expect(b.text).not.toContain(nikFor(1));
    expect(b.res.headers.get('x-jembatan-export-rows')).toBe('1');
    const { wb } = await workbook('/exports/candidates.xlsx', 'candidate');
    expect(sheetRecords(wb.getWorksheet('Candidates')!).map((r) => r.candidate_id)).toEqual([ids.c2]);
  });

  it('filters combine with AND and with the scope', async () => {
    const selected = await csvRows('/exports/candidates.csv?stage=SELECTED', 'officer');
    expect(selected.rows.map((r) => r.candidate_id)).toEqual([ids.c1, ids.c3]);
    expect(selected.res.headers.get('x-jembatan-export-filters')).toBe('stage=SELECTED');
    const two = await csvRows('/exports/candidates.csv?stage=REGISTERED&stage=TRAINING&kecamatan=CIPOCOK_JAYA,SERANG', 'officer');
    expect(two.rows.map((r) => r.candidate_id)).toEqual([ids.c2, ids.c4]);
    expect((await csvRows('/exports/candidates.csv?kecamatan=KASEMEN', 'officer')).rows).toEqual([]);
    expect((await csvRows('/exports/candidates.csv?stage=REGISTERED', 'partnerA')).rows).toEqual([]);
  });

  it('writes one audit row per export, with the filters and the row count and no personal value', async () => {
    const db = await t.db();
    const before = await db.query(`select count(*)::int as n from audit_log where action = 'exportCandidates'`);
    await csvRows('/exports/candidates.csv?stage=SELECTED&include=health', 'officer');
    const rows = await db.query(`select actor, roles, entity_type, after, request_id from audit_log where action = 'exportCandidates' order by id desc`);
    expect(rows.rows.length).toBe(before.rows[0].n + 1);
    const row = rows.rows[0];
    expect(row.entity_type).toBe('Candidate');
    expect(row.actor).toMatch(/^apiKey:/);
    expect(row.after).toMatchObject({ format: 'csv', filters: { stage: ['SELECTED'] }, options: { include: 'health' }, rowCount: 2 });
    expect(row.request_id).toBeTruthy();
    const json = JSON.stringify(row);
    for (const n of [1, 2, 3, 4]) expect(json).not.toContain(nikFor(n));
    expect(json).not.toContain('1999-01-15');
  });
});

describe('job openings', () => {
  it('staff export every status, typed wage and dates; a CANDIDATE only the published ones', async () => {
    const { wb } = await workbook('/exports/openings.xlsx', 'officer');
    const rows = sheetRecords(wb.getWorksheet('Job openings')!);
    expect(rows.map((r) => r.opening_id)).toEqual(expect.arrayContaining([ids.openingA, ids.draft]));
    const open = rows.find((r) => r.opening_id === ids.openingA)!;
    expect(open).toMatchObject({ status: 'OPEN', seats: 10, allocated: 1, seats_left: 9, wage_monthly_minor_units: 3400000, wage_currency: 'KRW' });
    expect(open.attache_verified_on).toEqual(new Date('2025-12-10T00:00:00.000Z'));
    const published = await csvRows('/exports/openings.csv', 'candidate');
    expect(published.rows.length).toBe(2);
    expect(published.rows.every((r) => r.status === 'OPEN')).toBe(true);
    expect((await csvRows('/exports/openings.csv?status=DRAFT', 'candidate')).rows).toEqual([]);
    expect((await csvRows('/exports/openings.csv?status=DRAFT', 'officer')).rows.map((r) => r.opening_id)).toEqual([ids.draft]);
  });
});

describe('the runner and the command line', () => {
  it('reads keyset pages: with one row a page, every row once, oldest first', async () => {
    const principal = { kind: 'apiKey' as const, subject: 'test:pages', roles: normaliseRoles(['OFFICER']), city: 'Kota Serang' };
    const ctx: GatewayContext = { em: t.gateway.orm.em.fork() as never, requestId: 'pages', principal, city: 'Kota Serang', actor: principal.subject, log: t.gateway.orm.config.getLogger() as never, clock: systemClock, loaders: new Map() };
    const sql: string[] = [];
    t.resetSql();
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (c: Buffer) => chunks.push(c));
    const meta = await runExport(candidateExportPlan(ctx, {}), { ctx, format: 'csv', out, pageSize: 1 });
    sql.push(...t.sql.statements.filter((s) => /from "candidate"/.test(s) && /limit/.test(s)));
    const rows = parse(Buffer.concat(chunks).toString('utf8'), { bom: true, columns: true }) as Array<Record<string, string>>;
    expect(rows.map((r) => r.candidate_id)).toEqual([ids.c1, ids.c2, ids.c3, ids.c4]);
    expect(meta.rowCount).toBe(4);
    // four pages of one row (each reads two to know whether more follow): never the whole table at once
    expect(sql).toHaveLength(4);
    expect(sql.every((s) => /limit (2\b|\?|\$\d)/.test(s))).toBe(true);
    // pages after the first continue after the last row's (created_at, id): a keyset, not an offset
    expect(sql.slice(1).every((s) => /"created_at" > \?/.test(s) && !/offset/.test(s))).toBe(true);
  });

  it.each(['csv', 'xlsx'] as const)('a %s download cancelled mid-way ends the export instead of waiting for a drain forever', async (format) => {
    const principal = { kind: 'apiKey' as const, subject: 'test:abort', roles: normaliseRoles(['OFFICER']), city: 'Kota Serang' };
    const ctx: GatewayContext = { em: t.gateway.orm.em.fork() as never, requestId: 'abort', principal, city: 'Kota Serang', actor: principal.subject, log: t.gateway.orm.config.getLogger() as never, clock: systemClock, loaders: new Map() };
    // a client that stops reading: no write ever completes, then the connection goes away
    const stalled = new Writable({ highWaterMark: 1, write: () => undefined });
    const run = runExport(candidateExportPlan(ctx, {}), { ctx, format, out: stalled, pageSize: 1 });
    setTimeout(() => stalled.destroy(), 200);
    await expect(run).rejects.toBeInstanceOf(ExportAbortedError);
  });

  it('npm run export writes the file and, for a CSV, the metadata sidecar; a bad filter exits 2', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'jembatan-export-'));
    try {
      const err: string[] = [];
      const io = { env: { DATABASE_URL: t.databaseUrl }, stderr: { write: (s: string) => err.push(s) } };
      const file = path.join(dir, 'selected.csv');
      expect(await runExportCli(['candidates', file, '--stage', 'SELECTED'], io)).toBe(0);
      const rows = parse(await readFile(file, 'utf8'), { bom: true, columns: true }) as Array<Record<string, string>>;
      expect(rows.map((r) => r.candidate_id)).toEqual([ids.c1, ids.c3]);
      const meta = JSON.parse(await readFile(`${file}.meta.json`, 'utf8'));
      expect(meta).toMatchObject({ kind: 'candidates', format: 'csv', rowCount: 2, filters: { stage: ['SELECTED'] }, source: 'Jembatan', exportedBy: expect.stringMatching(/^cli:/) });
      const xlsx = path.join(dir, 'openings.xlsx');
      expect(await runExportCli(['openings', xlsx, '--status', 'OPEN'], io)).toBe(0);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(xlsx);
      expect(sheetRecords(wb.getWorksheet('Job openings')!).every((r) => r.status === 'OPEN')).toBe(true);
      expect(await runExportCli(['candidates', file, '--kecamatan', 'GOTHAM'], io)).toBe(2);
      expect(err.join('')).toContain('EXPORT_VALUE_UNKNOWN');
      expect(await runExportCli(['candidates', path.join(dir, 'x.txt')], io)).toBe(2);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('the rate limit of /graphql', () => {
  let limited: TestGateway;
  beforeAll(async () => {
    limited = await startTestGateway({ securityEnv: { JEMBATAN_RATE_LIMIT_PER_MINUTE: '2' } });
  });
  afterAll(async () => {
    await limited?.close();
  });

  it('counts exports in the same bucket as GraphQL requests: the third request of a minute is 429', async () => {
    const headers = { authorization: `Bearer ${limited.keys.officer}` };
    expect((await limited.as('officer').gql('{ routes { code } }')).status).toBe(200);
    expect((await fetch(`${limited.baseUrl}/exports/openings.csv`, { headers })).status).toBe(200);
    const refused = await fetch(`${limited.baseUrl}/exports/candidates.xlsx`, { headers });
    await expectError(refused, 429, 'RATE_LIMITED');
    expect(refused.headers.get('retry-after')).toBeTruthy();
  });
});
