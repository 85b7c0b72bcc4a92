/**
 * Aggregate downloads (`/exports/aggregate.csv|.xlsx`, issue 12 "Downloads"): the caller's GraphQL
 * query over one aggregate, run through the gateway's own execution, as a typed table. Over real HTTP
 * on a real PostgreSQL: the file holds exactly what `/graphql` answers the same caller (the protected
 * view's suppressed cells stay empty beside `suppressed = true`, never 0), typed XLSX cells and the
 * metadata sheet, the refusals in the gateway's error shape before any byte, and one audit row.
 */
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { buildGatewaySchema } from '../src/graphql/schema';
import { aggregateFields, rootSelectionOf, tableOf } from '../src/export/aggregate';
import { startTestGateway, type TestGateway, type TestRole } from './harness';
import { eligibleWelderProfile, ok, openOpening, registerCandidate, signedMou } from './support/program';
import { movableClock } from './support/training';

let t: TestGateway;
// registered in October, read in November: the protected view's reference date (the last month end) sees them
const clock = movableClock('2026-10-10');

const COUNTS = `query Counts($filter: CandidateFilter) {
  candidateCounts(filter: $filter) { asOf total rows { stage kecamatan occupation sex ageBand count suppressed } disclosure { protectedView minCellCount suppressedCells referenceDate } }
}`;
const COSTS = `{ placementCosts { rows { payer beforeDeparture { amount currency } total { amount currency } placements suppressed } disclosure { protectedView } } }`;

beforeAll(async () => {
  t = await startTestGateway({ clock });
  const p = await signedMou(t);
  const opening = await openOpening(t, p, 10);
  // six alike (one publishable cell) and one alone in Kasemen (a cell the protected view suppresses)
  const ids: string[] = [];
  for (let n = 1; n <= 6; n++) ids.push(await registerCandidate(t, eligibleWelderProfile(n)));
  await registerCandidate(t, eligibleWelderProfile(7, { address: { kecamatan: 'Kasemen', kelurahan: 'Kasemen', city: 'Kota Serang', source: 'KTP' } }));
  await ok(t, 'mutation($c: ID!, $o: ID!) { allocateSeat(candidateId: $c, openingId: $o) { candidate { stage } } }', { c: ids[0], o: opening });
  clock.set('2026-11-12');
});
afterAll(async () => {
  await t?.close();
});

function key(who: TestRole | 'anonymous'): Record<string, string> {
  return who === 'anonymous' ? {} : { authorization: `Bearer ${t.keys[who]}` };
}

function get(format: 'csv' | 'xlsx', who: TestRole | 'anonymous', query: string, variables?: unknown): Promise<Response> {
  const qs = new URLSearchParams({ query, ...(variables !== undefined ? { variables: typeof variables === 'string' ? variables : JSON.stringify(variables) } : {}) });
  return fetch(`${t.baseUrl}/exports/aggregate.${format}?${qs}`, { headers: key(who) });
}

async function csv(res: Response): Promise<Array<Record<string, string>>> {
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
  return parse(await res.text(), { bom: true, columns: true }) as Array<Record<string, string>>;
}

async function refused(res: Response, status: number, code: string, domainCode?: string): Promise<Record<string, any>> {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toMatch(/application\/json/);
  const body = (await res.json()) as { errors: Array<{ extensions: Record<string, any> }> };
  const ext = body.errors[0]!.extensions;
  expect(ext.code).toBe(code);
  if (domainCode) expect(ext.domainCode).toBe(domainCode);
  expect(ext.requestId).toBe(res.headers.get('x-request-id'));
  return ext;
}

describe('what is exportable', () => {
  it('every root field whose result has rows or a disclosure, and no record list', async () => {
    const fields = aggregateFields(await buildGatewaySchema());
    for (const f of ['candidateCounts', 'stageDurations', 'placementCosts', 'quotaFill', 'financingTotals']) expect(fields.has(f)).toBe(true);
    for (const f of ['candidates', 'candidate', 'jobOpenings', 'mous', 'parties']) expect(fields.has(f)).toBe(false);
  });
});

describe('the file is what /graphql answers the same caller', () => {
  it('OFFICER: candidate counts as CSV, one line per row, exact figures, metadata in the headers', async () => {
    const exact = await ok(t, COUNTS, { filter: { occupations: ['WELDER'] } }, 'officer');
    const res = await get('csv', 'officer', COUNTS, { filter: { occupations: ['WELDER'] } });
    expect(res.headers.get('content-disposition')).toMatch(/attachment; filename="jembatan-aggregate-candidateCounts-\d{4}-\d{2}-\d{2}\.csv"/);
    expect(res.headers.get('x-jembatan-export-filters')).toBe('filter.occupations=WELDER');
    expect(res.headers.get('x-jembatan-export-disclosure')).toMatch(/^exact view/);
    const lines = await csv(res);
    expect(res.headers.get('x-jembatan-export-rows')).toBe(String(lines.length));
    expect(lines).toEqual(
      exact.candidateCounts.rows.map((r: Record<string, unknown>) =>
        Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v === null ? '' : String(v)])),
      ),
    );
    expect(lines.reduce((n, l) => n + Number(l.count), 0)).toBe(exact.candidateCounts.total);
  });

  it('ANALYST: the protected view, a suppressed cell empty beside suppressed=true (never 0), the null total in the metadata sheet', async () => {
    const mine = (await ok(t, COUNTS, {}, 'analyst')).candidateCounts;
    expect(mine.disclosure).toMatchObject({ protectedView: true, referenceDate: '2026-10-31' });
    expect(mine.rows.some((r: { suppressed: boolean }) => r.suppressed)).toBe(true);
    const res = await get('xlsx', 'analyst', COUNTS, {});
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as never);
    const sheet = wb.getWorksheet('candidateCounts')!;
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const header = (sheet.getRow(1).values as ExcelJS.CellValue[]).slice(1).map(String);
    expect(header).toEqual(['stage', 'kecamatan', 'occupation', 'sex', 'ageBand', 'count', 'suppressed']);
    const rows: Array<Record<string, ExcelJS.CellValue>> = [];
    sheet.eachRow((row, n) => {
      if (n > 1) rows.push(Object.fromEntries(header.map((h, i) => [h, row.getCell(i + 1).value])));
    });
    expect(rows).toHaveLength(mine.rows.length);
    mine.rows.forEach((r: { count: number | null; suppressed: boolean; stage: string }, i: number) => {
      expect(rows[i]!.stage).toBe(r.stage);
      expect(rows[i]!.suppressed).toBe(r.suppressed);
      // a number cell when published; an empty cell (never 0) when suppressed
      expect(rows[i]!.count).toBe(r.suppressed ? null : r.count);
    });
    const meta = new Map<string, ExcelJS.CellValue>();
    wb.getWorksheet('Metadata')!.eachRow((row, n) => {
      if (n > 1) meta.set(String(row.getCell(1).value), row.getCell(2).value);
    });
    expect(String(meta.get('disclosure'))).toMatch(/^protected view: cells under minCellCount=5/);
    expect(meta.get('result_total')).toBe('null (suppressed or none)');
    expect(meta.get('as_of')).toBe(mine.asOf);
    expect(meta.get('export')).toBe('aggregate:candidateCounts');
    expect(String(meta.get('data_source'))).toContain('Jembatan');
  });

  it('money is a number cell formatted in rupiah; POST with a JSON body works the same as GET', async () => {
    const exact = (await ok(t, COSTS, {}, 'officer')).placementCosts;
    expect(exact.rows.length).toBeGreaterThan(0);
    const res = await fetch(`${t.baseUrl}/exports/aggregate.xlsx`, {
      method: 'POST',
      headers: { ...key('officer'), 'content-type': 'application/json' },
      body: JSON.stringify({ query: COSTS }),
    });
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as never);
    const sheet = wb.getWorksheet('placementCosts')!;
    const header = (sheet.getRow(1).values as ExcelJS.CellValue[]).slice(1).map(String);
    expect(header).toEqual(expect.arrayContaining(['payer', 'beforeDeparture_amount', 'beforeDeparture_currency', 'total_amount', 'placements']));
    const col = header.indexOf('total_amount') + 1;
    exact.rows.forEach((r: { total: { amount: string } | null }, i: number) => {
      const cell = sheet.getRow(i + 2).getCell(col);
      expect(cell.value).toBe(r.total ? Number(r.total.amount) : null);
      if (r.total) expect(cell.numFmt).toBe('#,##0');
    });
  });

  it('quota fill (no people: the same for every caller) for an ANALYST', async () => {
    const fill = (await ok(t, '{ quotaFill { rows { occupation route seats allocated left } seats } }', {}, 'analyst')).quotaFill;
    const res = await get('csv', 'analyst', '{ quotaFill { rows { occupation route seats allocated left } seats } }');
    expect(res.headers.get('x-jembatan-export-disclosure')).toMatch(/^none/);
    expect((await csv(res)).map((l) => Number(l.seats))).toEqual(fill.rows.map((r: { seats: number }) => r.seats));
  });

  it('writes one audit row with the aggregate, the variables as filters and the row count', async () => {
    const db = await t.db();
    await csv(await get('csv', 'officer', COUNTS, { filter: { kecamatans: ['KASEMEN'] } }));
    const { rows } = await db.query(`select actor, entity_type, after from audit_log where action = 'exportAggregate' order by id desc limit 1`);
    expect(rows[0].entity_type).toBe('Aggregate');
    expect(rows[0].after).toMatchObject({ aggregate: 'candidateCounts', format: 'csv', filters: { 'filter.kecamatans': ['KASEMEN'] }, rowCount: 1 });
  });
});

describe('refusals, in the gateway error shape, before any byte of a file', () => {
  it('401 without a credential', async () => {
    await refused(await get('csv', 'anonymous', COUNTS), 401, 'UNAUTHENTICATED');
  });

  it('what the GraphQL API refuses the caller, the export refuses too (same rules, same codes)', async () => {
    // an ANALYST may filter only on reported dimensions
    const ext = await refused(await get('csv', 'analyst', COUNTS, { filter: { routes: ['E7_3'] } }), 400, 'BAD_USER_INPUT', 'DISCLOSURE.FILTER_NOT_ALLOWED');
    expect(ext.field).toEqual(['filter', 'routes']);
    // an unknown field: GraphQL validation
    await refused(await get('csv', 'officer', '{ candidateCounts { nope } }'), 400, 'GRAPHQL_VALIDATION_FAILED');
  });

  it('only one aggregate, only a query, valid JSON variables', async () => {
    await refused(await get('csv', 'officer', '{ candidates(first: 5) { edges { node { id } } } }'), 400, 'BAD_USER_INPUT', 'EXPORT.NOT_AN_AGGREGATE');
    await refused(await get('csv', 'officer', '{ quotaFill { seats } placementCosts { disclosure { protectedView } } }'), 400, 'BAD_USER_INPUT', 'EXPORT.ONE_AGGREGATE');
    await refused(await get('csv', 'officer', 'mutation { revokeApiKey(id: "x") }'), 400, 'BAD_USER_INPUT', 'EXPORT.QUERY_ONLY');
    await refused(await get('csv', 'officer', '{ quotaFill { '), 400, 'BAD_USER_INPUT', 'EXPORT.QUERY_INVALID');
    await refused(await get('csv', 'officer', ''), 400, 'BAD_USER_INPUT', 'EXPORT.QUERY_REQUIRED');
    await refused(await get('csv', 'officer', COUNTS, '{not json'), 400, 'BAD_USER_INPUT', 'EXPORT.VARIABLES_INVALID');
    await refused(await get('csv', 'officer', COUNTS, '[1]'), 400, 'BAD_USER_INPUT', 'EXPORT.VARIABLES_INVALID');
    expect((await fetch(`${t.baseUrl}/exports/aggregate.pdf?query=x`, { headers: key('officer') })).status).toBe(404);
  });

  it('no alias and no record below the aggregate: a download holds figures, never MoUs, openings or candidates', async () => {
    await refused(await get('csv', 'officer', '{ quotaFill { rows { seats a: allocated } } }'), 400, 'BAD_USER_INPUT', 'EXPORT.ALIAS_NOT_ALLOWED');
    await refused(await get('csv', 'officer', '{ q: quotaFill { seats } }'), 400, 'BAD_USER_INPUT', 'EXPORT.ALIAS_NOT_ALLOWED');
    await refused(await get('csv', 'officer', '{ quotaFill { rows { seats mou { title { en } } } } }'), 400, 'BAD_USER_INPUT', 'EXPORT.RECORD_NOT_ALLOWED');
    const viaFragment = '{ quotaFill { ...F } } fragment F on QuotaFill { rows { mou { openings(first: 5) { edges { node { id } } } } } }';
    await refused(await get('csv', 'officer', viaFragment), 400, 'BAD_USER_INPUT', 'EXPORT.RECORD_NOT_ALLOWED');
    await refused(await get('csv', 'officer', '{ __schema { types { name } } }'), 400, 'BAD_USER_INPUT', 'EXPORT.NOT_AN_AGGREGATE');
  });

  it('the audit row keeps only the declared variables; the CSV carries the totals in a header', async () => {
    const res = await get('csv', 'officer', COUNTS, { filter: { kecamatans: ['KASEMEN'] }, junk: 'x'.repeat(5000) });
    await csv(res);
    expect(res.headers.get('x-jembatan-export-summary')).toMatch(/^asOf=\d{4}-\d{2}-\d{2}; total=1$/);
    const db = await t.db();
    const { rows } = await db.query(`select after from audit_log where action = 'exportAggregate' order by id desc limit 1`);
    expect(rows[0].after.filters).toEqual({ 'filter.kecamatans': ['KASEMEN'] });
  });
});

describe('tableOf (the layout of a result)', () => {
  it('unnests one nested list per level, repeats the parent columns, joins scalar lists, keeps top-level scalars for the metadata', () => {
    const table = tableOf('trends', {
      from: '2026-01-01',
      total: null,
      disclosure: { protectedView: true, minCellCount: 5, suppressedCells: 1, referenceDate: '2026-10-31' },
      rows: [
        { month: '2026-01-01', kecamatan: 'SERANG', tags: ['a', 'b'], cells: [{ series: 'REGISTRATIONS', value: 7 }, { series: 'DEPARTURES', value: null, suppressed: true }], other: [{ x: 1 }] },
        { month: '2026-02-01', kecamatan: 'SERANG', tags: [], cells: [{ series: 'REGISTRATIONS', value: 9, amount: { amount: '1500000', currency: 'IDR' } }] },
      ],
    });
    expect(table.rows).toEqual([
      { month: '2026-01-01', kecamatan: 'SERANG', tags: 'a, b', cells_series: 'REGISTRATIONS', cells_value: 7, cells_suppressed: null, cells_amount_amount: null, cells_amount_currency: null },
      { month: '2026-01-01', kecamatan: 'SERANG', tags: 'a, b', cells_series: 'DEPARTURES', cells_value: null, cells_suppressed: true, cells_amount_amount: null, cells_amount_currency: null },
      { month: '2026-02-01', kecamatan: 'SERANG', tags: null, cells_series: 'REGISTRATIONS', cells_value: 9, cells_suppressed: null, cells_amount_amount: 1500000, cells_amount_currency: 'IDR' },
    ]);
    expect(Object.fromEntries(table.columns.map((c) => [c.key, c.type]))).toEqual({
      month: 'date',
      kecamatan: 'text',
      tags: 'text',
      cells_series: 'text',
      cells_value: 'integer',
      cells_suppressed: 'boolean',
      cells_amount_amount: 'amount',
      cells_amount_currency: 'text',
    });
    expect(table.summary).toEqual({ from: '2026-01-01', total: null });
    expect(table.notExported).toEqual(['rows.other']);
    expect(table.asOf).toBe('2026-10-31'); // no `asOf` of its own: the disclosure's reference date
    expect(table.disclosure).toMatch(/^protected view: cells under minCellCount=5 suppressed \(1 suppressed cells\)/);
  });

  it('an empty or missing result is an empty table, not an error; an empty list keeps its header from the query', () => {
    expect(tableOf('x', null).rows).toEqual([]);
    const selection = rootSelectionOf('{ candidateCounts { rows { stage count total { amount currency } } } }');
    const empty = tableOf('candidateCounts', { rows: [], total: 0 }, selection);
    expect(empty.rows).toEqual([]);
    expect(empty.columns.map((c) => c.key)).toEqual(['stage', 'count', 'total_amount', 'total_currency']);
  });

  it('every line has the same columns, whichever element has an empty or missing list; one multiplying key per level', () => {
    const table = tableOf('x', {
      rows: [
        { a: 1, l1: [], l2: [{ y: 1 }], o: { n: [{ z: 1 }, { z: 2 }] } },
        { a: 2, l1: [{ x: 'p' }, { x: 'q' }], l2: [{ y: 2 }] },
      ],
    });
    expect(table.rows).toEqual([
      { a: 1, l1_x: null },
      { a: 2, l1_x: 'p' },
      { a: 2, l1_x: 'q' },
    ]);
    expect(table.notExported).toEqual(['rows.l2', 'rows.o']);
  });

  it('nested totals go to the summary (total_fill_rate), lists in them are named as not exported; timestamps are date-time cells', () => {
    const table = tableOf('trainingAggregates', {
      asOf: '2026-10-31',
      total: { cohorts: 3, fill: { capacity: 90, seatsHeld: null, rate: null, suppressed: true }, tags: ['x'], parts: [{ a: 1 }] },
      byCohort: [{ cohortId: 'c1', createdAt: '2026-01-05T02:00:00.000Z' }],
    });
    expect(table.summary).toEqual({ asOf: '2026-10-31', total_cohorts: 3, total_fill_capacity: 90, total_fill_seatsHeld: null, total_fill_rate: null, total_fill_suppressed: true, total_tags: 'x' });
    expect(table.notExported).toEqual(['total.parts']);
    expect(table.columns.find((c) => c.key === 'createdAt')?.type).toBe('datetime');
  });
});
