/**
 * Region codes (issue 12): the public `regions` list, and the Kemendagri codes on candidates, their
 * KTP/KK addresses and the `candidateCounts` rows, against a real database.
 */
import { fixedClock } from '../src/clock';
import { KOTA_SERANG_KECAMATAN, KOTA_SERANG_REGIONS, REGION_EDITION, kecamatanCode, regionSources } from '../src/domain';
import { startTestGateway, type TestGateway } from './harness';
import { eligibleWelderProfile, ok, registerCandidate } from './support/program';

let t: TestGateway;
beforeAll(async () => {
  t = await startTestGateway({ clock: fixedClock('2026-02-10') });
});
afterAll(async () => {
  await t?.close();
});

interface RegionRow {
  level: string;
  code: string;
  name: string;
  parentCode: string | null;
  bpsCode: string | null;
  kecamatan: string | null;
  source: { kemendagriDecree: string; kemendagriDecreedOn: string; bpsEdition: string | null; references: Array<{ title: string; url: string | null; readOn: string }> };
}

const REGIONS = `query($level: RegionLevel!, $parent: String) { regions(level: $level, parent: $parent) {
  level code name parentCode bpsCode kecamatan source { kemendagriDecree kemendagriDecreedOn bpsEdition references { title url readOn } } } }`;

async function regions(variables: Record<string, unknown>): Promise<RegionRow[]> {
  const res = await t.gql<{ regions: RegionRow[] }>(REGIONS, variables);
  expect(res.body.errors).toBeUndefined();
  return res.body.data!.regions;
}

describe('regions (public)', () => {
  it('lists the city with its Kemendagri and BPS codes and the dated source, to an anonymous caller', async () => {
    const [city, ...rest] = await regions({ level: 'CITY' });
    expect(rest).toEqual([]);
    expect(city).toMatchObject({ level: 'CITY', code: '36.73', name: 'Kota Serang', parentCode: null, bpsCode: '3673', kecamatan: null });
    expect(city!.source).toMatchObject({ kemendagriDecree: REGION_EDITION.kemendagri.decree, kemendagriDecreedOn: '2025-06-23', bpsEdition: REGION_EDITION.bps.period });
    expect(city!.source.references.map((r) => r.url)).toEqual(regionSources().sources.map((s) => s.url));
  });

  it('lists the six kecamatan below 36.73, each mapped to the enum the aggregates use, codes starting 36.73', async () => {
    const rows = await regions({ level: 'KECAMATAN', parent: '36.73' });
    expect(rows).toHaveLength(6);
    expect(rows.map((r) => r.kecamatan).sort()).toEqual([...KOTA_SERANG_KECAMATAN].sort());
    for (const r of rows) {
      const k = KOTA_SERANG_REGIONS.kecamatan.find((x) => x.key === r.kecamatan)!;
      expect(r).toMatchObject({ level: 'KECAMATAN', code: k.code, name: k.name, bpsCode: k.bpsCode, parentCode: '36.73' });
      expect(r.code).toMatch(/^36\.73\.\d{2}$/);
    }
    // the same list without a parent, or with the code undotted
    expect(await regions({ level: 'KECAMATAN' })).toEqual(rows);
    expect(await regions({ level: 'KECAMATAN', parent: '3673' })).toEqual(rows);
  });

  it('lists the kelurahan of one kecamatan, or all 67, with BPS codes where the bridge gives one', async () => {
    const cipocok = await regions({ level: 'KELURAHAN', parent: kecamatanCode('CIPOCOK_JAYA') });
    expect(cipocok.map((r) => [r.code, r.name, r.bpsCode])).toEqual(
      KOTA_SERANG_REGIONS.kecamatan.find((k) => k.key === 'CIPOCOK_JAYA')!.kelurahan.map((v) => [v.code, v.name, v.bpsCode]),
    );
    for (const r of cipocok) expect(r).toMatchObject({ level: 'KELURAHAN', parentCode: '36.73.05', kecamatan: 'CIPOCOK_JAYA' });
    const all = await regions({ level: 'KELURAHAN' });
    expect(all).toHaveLength(67);
    expect(new Set(all.map((r) => r.code)).size).toBe(67);
    const unbridged = all.filter((r) => r.bpsCode === null);
    expect(unbridged.map((r) => r.code)).toEqual(['36.73.06.1013']);
    expect(unbridged[0]!.source.bpsEdition).toBeNull();
  });

  it('lists nothing below a well-formed code outside Kota Serang', async () => {
    expect(await regions({ level: 'KECAMATAN', parent: '36.04' })).toEqual([]);
  });

  it('refuses a malformed parent with BAD_USER_INPUT (REGION.INVALID_CODE) on the field, and an unknown level', async () => {
    const res = await t.gql(REGIONS, { level: 'KELURAHAN', parent: '36.7' });
    expect(res.body.data?.regions ?? null).toBeNull();
    expect(res.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', domainCode: 'REGION.INVALID_CODE', field: ['parent'], messages: { id: expect.any(String), en: expect.any(String) } });
    const level = await t.gql(REGIONS, { level: 'DESA' });
    expect(level.body.errors?.[0]?.message).toMatch(/RegionLevel/);
  });
});

const CANDIDATE = `query($id: ID!) { candidate(id: $id) { kecamatan kecamatanCode profile { address { kecamatan kelurahan kecamatanCode kelurahanCode } } } }`;

interface CandidateCodes {
  kecamatan: string | null;
  kecamatanCode: string | null;
  profile: { address: { kecamatan: string | null; kelurahan: string | null; kecamatanCode: string | null; kelurahanCode: string | null } | null };
}

async function codesOf(id: string): Promise<CandidateCodes> {
  return (await ok<{ candidate: CandidateCodes }>(t, CANDIDATE, { id })).candidate;
}

describe('codes on candidates and their addresses', () => {
  let n = 100;
  const register = (address: Record<string, unknown>) => registerCandidate(t, eligibleWelderProfile(++n, { address }));

  it('a Kota Serang address with a known kelurahan (any spelling) gets both codes', async () => {
    const id = await register({ kecamatan: 'Kec. Cipocok Jaya', kelurahan: 'banjar  agung', city: 'Kota Serang', source: 'KTP' });
    expect(await codesOf(id)).toEqual({
      kecamatan: 'CIPOCOK_JAYA',
      kecamatanCode: '36.73.05',
      profile: { address: { kecamatan: 'Kec. Cipocok Jaya', kelurahan: 'banjar  agung', kecamatanCode: '36.73.05', kelurahanCode: '36.73.05.1004' } },
    });
  });

  it('BPS spellings are understood (Kepuren for Kapuren)', async () => {
    const id = await register({ kecamatan: 'Walantaka', kelurahan: 'KEPUREN', city: 'Kota Serang', cityCode: '36.73', source: 'KK' });
    expect((await codesOf(id)).profile.address).toMatchObject({ kecamatanCode: '36.73.03', kelurahanCode: '36.73.03.1009' });
  });

  it('a kelurahan of another kecamatan, or none, gives no kelurahan code but keeps the kecamatan code', async () => {
    const other = await register({ kecamatan: 'Curug', kelurahan: 'Cipare', city: 'Kota Serang', source: 'KTP' });
    expect(await codesOf(other)).toMatchObject({ kecamatanCode: '36.73.04', profile: { address: { kecamatanCode: '36.73.04', kelurahanCode: null } } });
    const none = await register({ kecamatan: 'Taktakan', city: 'Kota Serang', source: 'KTP' });
    expect((await codesOf(none)).profile.address).toMatchObject({ kecamatanCode: '36.73.06', kelurahanCode: null });
  });

  it('an address outside Kota Serang gets no codes, even when its kecamatan has a Kota Serang name (Curug, Kab. Tangerang)', async () => {
    const id = await register({ kecamatan: 'Curug', kelurahan: 'Sukawana', city: 'Kabupaten Tangerang', source: 'KTP' });
    expect(await codesOf(id)).toMatchObject({ kecamatan: null, kecamatanCode: null, profile: { address: { kecamatanCode: null, kelurahanCode: null } } });
  });

  it('the codes are personal fields like the address: an anonymous caller cannot read them', async () => {
    const id = await register({ kecamatan: 'Serang', kelurahan: 'Sukawana', city: 'Kota Serang', source: 'KTP' });
    expect((await codesOf(id)).profile.address).toMatchObject({ kecamatanCode: '36.73.01', kelurahanCode: '36.73.01.1008' });
    const res = await t.gql(CANDIDATE, { id });
    expect(res.body.data?.candidate ?? null).toBeNull();
    expect(JSON.stringify(res.body)).not.toContain('36.73.01.1008');
  });
});

describe('codes on candidateCounts rows', () => {
  const COUNTS = `{ candidateCounts { rows { kecamatan kecamatanCode count suppressed } } }`;
  type Row = { kecamatan: string | null; kecamatanCode: string | null; count: number | null; suppressed: boolean };

  it('every row carries the Kemendagri code of its kecamatan (null with it)', async () => {
    // the candidates registered above, today: the exact view counts them (the protected view's
    // reference date is the last month end, before they registered)
    const rows = (await ok<{ candidateCounts: { rows: Row[] } }>(t, COUNTS, {}, 'officer')).candidateCounts.rows;
    expect(rows.some((r) => r.kecamatan === null)).toBe(true);
    expect(new Set(rows.flatMap((r) => (r.kecamatan ? [r.kecamatan] : []))).size).toBeGreaterThanOrEqual(5);
    for (const r of rows) expect(r.kecamatanCode).toBe(r.kecamatan === null ? null : kecamatanCode(r.kecamatan as never));
    expect(rows.find((r) => r.kecamatan === 'WALANTAKA')?.kecamatanCode).toBe('36.73.03');
  });
});
