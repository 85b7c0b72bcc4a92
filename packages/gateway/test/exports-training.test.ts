/**
 * Cohort and class-list downloads (`/exports/cohorts.*`, `/exports/class-list.*`, issue 11): fixed
 * GraphQL documents run with the caller's context, so the file holds what `/graphql` answers them:
 * the catalogue for anybody authenticated, a roster for OFFICER and the TRAINER of the cohort's
 * provider only (FORBIDDEN for another provider's trainer, as in GraphQL). Real HTTP, real PostgreSQL.
 */
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { enrollCandidate } from '../src/use-cases/enroll-candidate.use-case';
import { startTestGateway, type TestGateway } from './harness';
import { eligibleWelderProfile, registerCandidate } from './support/program';
import { cohort, koreanCourse, movableClock, trainingProvider, useCaseDeps } from './support/training';

const clock = movableClock('2026-02-20');
let t: TestGateway;
const ids = {} as Record<'a' | 'b' | 'providerA', string>;
const members: string[] = [];
const tokens = {} as Record<'trainerA' | 'trainerB', string>;

beforeAll(async () => {
  t = await startTestGateway({ clock });
  ids.providerA = await trainingProvider(t, 'BBPVP Serang');
  const providerB = await trainingProvider(t, 'LPK Hana');
  const courseA = await koreanCourse(t, clock, ids.providerA);
  const courseB = await koreanCourse(t, clock, providerB);
  ids.a = await cohort(t, clock, courseA, { capacity: 2 });
  ids.b = await cohort(t, clock, courseB, { venue: { kind: 'KAMPUNG_BAHASA', name: 'Rumah Hana', kecamatan: 'Kasemen', kelurahan: null } }, false);
  for (let n = 1; n <= 3; n++) {
    const candidateId = await registerCandidate(t, eligibleWelderProfile(900 + n));
    members.push(candidateId);
    await enrollCandidate({ cohortId: ids.a, candidateId, note: null }, useCaseDeps(t, clock));
  }
  tokens.trainerA = (await t.createKey({ roles: ['TRAINER'], partyIds: [ids.providerA], name: 'BBPVP' })).token;
  tokens.trainerB = (await t.createKey({ roles: ['TRAINER'], partyIds: [providerB], name: 'Hana' })).token;
});
afterAll(async () => {
  await t?.close();
});

type Who = 'officer' | 'analyst' | keyof typeof tokens | 'anonymous';
function download(path: string, who: Who): Promise<Response> {
  const token = who === 'anonymous' ? undefined : who in tokens ? tokens[who as keyof typeof tokens] : t.keys[who as 'officer' | 'analyst'];
  return fetch(`${t.baseUrl}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
}
async function csv(path: string, who: Who): Promise<Array<Record<string, string>>> {
  const res = await download(path, who);
  expect(res.status).toBe(200);
  return parse(await res.text(), { bom: true, columns: true }) as Array<Record<string, string>>;
}
async function refused(res: Response, status: number, code: string): Promise<Record<string, any>> {
  expect(res.status).toBe(status);
  const body = (await res.json()) as { errors: Array<{ extensions: Record<string, any> }> };
  expect(body.errors[0]!.extensions.code).toBe(code);
  expect(body.errors[0]!.extensions.messages).toMatchObject({ id: expect.any(String), en: expect.any(String) });
  return body.errors[0]!.extensions;
}

describe('cohorts', () => {
  it('the catalogue for any authenticated caller, one line per cohort, filters as in GraphQL', async () => {
    const all = await csv('/exports/cohorts.csv', 'analyst');
    expect(all.map((r) => r.id).sort()).toEqual([ids.a, ids.b].sort());
    const a = all.find((r) => r.id === ids.a)!;
    expect(a).toMatchObject({ status: 'ENROLLING', capacity: '2', seatsTaken: '2', seatsLeft: '0', waitlisted: '1', venue_kecamatan: 'Cipocok Jaya', provider_name: 'BBPVP Serang', course_fee_amount: '1500000', course_fee_currency: 'IDR' });
    expect((await csv('/exports/cohorts.csv?status=PLANNED', 'officer')).map((r) => r.id)).toEqual([ids.b]);
    expect((await csv(`/exports/cohorts.csv?provider=${ids.providerA}&courseKind=KOREAN_LANGUAGE`, 'officer')).map((r) => r.id)).toEqual([ids.a]);
  });

  it('XLSX: typed cells (dates, rupiah), the filter in the metadata sheet', async () => {
    const res = await download('/exports/cohorts.xlsx?status=ENROLLING', 'officer');
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as never);
    const sheet = wb.getWorksheet('cohorts')!;
    const header = (sheet.getRow(1).values as ExcelJS.CellValue[]).slice(1).map(String);
    const row = sheet.getRow(2);
    expect(row.getCell(header.indexOf('startDate') + 1).value).toEqual(new Date('2026-03-02T00:00:00Z'));
    expect(row.getCell(header.indexOf('course_fee_amount') + 1).value).toBe(1_500_000);
    const meta = new Map<string, ExcelJS.CellValue>();
    wb.getWorksheet('Metadata')!.eachRow((r, n) => n > 1 && meta.set(String(r.getCell(1).value), r.getCell(2).value));
    expect(meta.get('filters')).toBe('status=ENROLLING');
    expect(meta.get('export')).toBe('cohorts');
  });

  it('an unknown parameter or value is refused, never ignored', async () => {
    expect((await refused(await download('/exports/cohorts.csv?colour=red', 'officer'), 400, 'BAD_USER_INPUT')).details.reason).toBe('EXPORT_PARAMETER_UNKNOWN');
    expect((await refused(await download('/exports/cohorts.csv?status=SLEEPING', 'officer'), 400, 'BAD_USER_INPUT')).details.reason).toBe('EXPORT_VALUE_UNKNOWN');
    await refused(await download('/exports/cohorts.csv?startsFrom=2026-02-30', 'officer'), 400, 'BAD_USER_INPUT');
    await refused(await download('/exports/cohorts.csv', 'anonymous'), 401, 'UNAUTHENTICATED');
  });
});

describe('class list', () => {
  it('OFFICER: every member in arrival order with status and attendance share; the waitlisted one last', async () => {
    const rows = await csv(`/exports/class-list.csv?cohort=${ids.a}`, 'officer');
    expect(rows.map((r) => r.candidateId)).toEqual(members);
    expect(rows.map((r) => r.status)).toEqual(['ENROLLED', 'ENROLLED', 'WAITLISTED']);
    expect(rows[2]!.waitlistPosition).toBe('1');
    expect(rows[0]).toHaveProperty('attendance_requiredShare', '4/5');
  });

  it('the TRAINER of the provider reads it; another provider’s trainer and an ANALYST are refused as in GraphQL', async () => {
    expect((await csv(`/exports/class-list.csv?cohort=${ids.a}`, 'trainerA')).map((r) => r.candidateId)).toEqual(members);
    await refused(await download(`/exports/class-list.csv?cohort=${ids.a}`, 'trainerB'), 403, 'FORBIDDEN');
    await refused(await download(`/exports/class-list.xlsx?cohort=${ids.a}`, 'analyst'), 403, 'FORBIDDEN');
  });

  it('a missing cohort is NOT_FOUND; the cohort parameter is required and alone', async () => {
    await refused(await download('/exports/class-list.csv?cohort=00000000-0000-4000-8000-000000000000', 'officer'), 404, 'NOT_FOUND');
    expect((await refused(await download('/exports/class-list.csv', 'officer'), 400, 'BAD_USER_INPUT')).details.reason).toBe('EXPORT_PARAMETER_REQUIRED');
    expect((await refused(await download(`/exports/class-list.csv?cohort=${ids.a}&mask=true`, 'officer'), 400, 'BAD_USER_INPUT')).details.reason).toBe('EXPORT_PARAMETER_UNKNOWN');
  });
});
