/**
 * Kota Serang's region codes: the data file is well formed and agrees with the vocabulary, the
 * lookups normalise names and codes, and the citations stay out of this entry point.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { normalizeKotaSerangKecamatan } from '../identity/residency';
import { isDomainError } from '../shared/domain-error';
import { KOTA_SERANG_KECAMATAN } from '../shared/vocabulary';
import { regionSources } from '../sources';
import {
  ALL_REGIONS,
  KOTA_SERANG_REGIONS,
  REGION_EDITION,
  findKelurahan,
  kecamatanBpsCode,
  kecamatanCode,
  kecamatanOfCode,
  kelurahanCode,
  normalizeRegionCode,
  normalizeRegionName,
  regionByCode,
  regionDataProblems,
  regionsAt,
  validateKelurahan,
} from './index';

const DATA = path.join(__dirname, 'data', 'kota-serang.regions.json');
const raw: unknown = JSON.parse(fs.readFileSync(DATA, 'utf8'));
const kelurahan = KOTA_SERANG_REGIONS.kecamatan.flatMap((k) => k.kelurahan.map((v) => ({ k: k.key, v })));
const code = (c: string) => expect.objectContaining({ code: c });

describe('the regions data file', () => {
  it('is well formed (codes shaped, unique, below their parent; BPS codes likewise)', () => {
    expect(regionDataProblems(raw)).toEqual([]);
  });

  it('the check finds what is wrong with a broken copy', () => {
    const broken = JSON.parse(fs.readFileSync(DATA, 'utf8')) as { city: { kecamatan: Array<{ key: string; code: string; kelurahan: Array<{ code: string; bpsCode: string | null }> }> } };
    const [first, second] = broken.city.kecamatan;
    first!.kelurahan[1]!.code = first!.kelurahan[0]!.code;
    second!.kelurahan[0]!.code = '36.73.09.1001';
    second!.kelurahan[1]!.bpsCode = second!.kelurahan[2]!.bpsCode;
    first!.kelurahan[2]!.code = '36.73.01.2003';
    broken.city.kecamatan[5]!.key = 'CIKANDE';
    const problems = regionDataProblems(broken);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/kecamatan\[0\]\.kelurahan\[1\]\.code .* duplicate/),
        expect.stringMatching(/kecamatan\[1\]\.kelurahan\[0\]\.code 36\.73\.09\.1001 is not below 36\.73\.02/),
        expect.stringMatching(/kecamatan\[1\]\.kelurahan\[2\]\.bpsCode .* duplicate/),
        expect.stringMatching(/kecamatan\[0\]\.kelurahan\[2\]\.code 36\.73\.01\.2003 is not of the form/),
        expect.stringMatching(/not the six of KOTA_SERANG_KECAMATAN/),
      ]),
    );
    expect(regionDataProblems(null)).toEqual(['the file needs an edition and a city']);
  });

  it('is Kota Serang, Kemendagri 36.73, BPS 3673, following the dated 2025 decree', () => {
    expect(KOTA_SERANG_REGIONS).toMatchObject({ code: '36.73', name: 'Kota Serang', bpsCode: '3673' });
    expect(REGION_EDITION.kemendagri.decree).toMatch(/^Kepmendagri No\. 300\.2\.2-2430 Tahun 2025/);
    expect(REGION_EDITION.kemendagri.decreedOn).toBe('2025-06-23');
  });

  it('has the six kecamatan of the vocabulary, each once, with codes starting 36.73 and BPS codes 3673', () => {
    expect(KOTA_SERANG_REGIONS.kecamatan.map((k) => k.key).sort()).toEqual([...KOTA_SERANG_KECAMATAN].sort());
    for (const k of KOTA_SERANG_KECAMATAN) {
      expect(kecamatanCode(k)).toMatch(/^36\.73\.0[1-6]$/);
      expect(kecamatanBpsCode(k)).toMatch(/^36730[1-6]0$/);
      expect(kecamatanOfCode(kecamatanCode(k))).toBe(k);
    }
    expect(new Set(KOTA_SERANG_KECAMATAN.map(kecamatanCode)).size).toBe(6);
    expect(new Set(KOTA_SERANG_KECAMATAN.map(kecamatanBpsCode)).size).toBe(6);
  });

  it("each kecamatan's Kemendagri name is read by the residency check as that kecamatan", () => {
    for (const k of KOTA_SERANG_REGIONS.kecamatan) expect(normalizeKotaSerangKecamatan(k.name)).toBe(k.key);
  });

  it('numbers the kecamatan as the decree and BPS each do (two orders: never derive one code from the other)', () => {
    expect(kecamatanCode('SERANG')).toBe('36.73.01');
    expect(kecamatanBpsCode('SERANG')).toBe('3673040');
    expect(kecamatanCode('CURUG')).toBe('36.73.04');
    expect(kecamatanBpsCode('CURUG')).toBe('3673010');
  });

  it('has 67 kelurahan (the current decree: Cibendung added since Permendagri 58/2021), 66 of them bridged to a BPS code', () => {
    expect(kelurahan).toHaveLength(67);
    expect(kelurahan.filter(({ v }) => v.bpsCode !== null)).toHaveLength(66);
    expect(kelurahan.filter(({ v }) => v.bpsCode === null).map(({ v }) => v.code)).toEqual(['36.73.06.1013']);
    const perKecamatan = Object.fromEntries(KOTA_SERANG_REGIONS.kecamatan.map((k) => [k.key, k.kelurahan.length]));
    expect(perKecamatan).toEqual({ SERANG: 12, KASEMEN: 10, WALANTAKA: 14, CURUG: 10, CIPOCOK_JAYA: 8, TAKTAKAN: 13 });
  });

  it('has unique Kemendagri and BPS codes over the whole tree, each kelurahan below its kecamatan in both numberings', () => {
    expect(new Set(ALL_REGIONS.map((r) => r.code)).size).toBe(ALL_REGIONS.length);
    const bps = ALL_REGIONS.flatMap((r) => (r.bpsCode === null ? [] : [r.bpsCode]));
    expect(new Set(bps).size).toBe(bps.length);
    for (const { k, v } of kelurahan) {
      expect(v.code.startsWith(`${kecamatanCode(k)}.1`)).toBe(true);
      if (v.bpsCode !== null) expect(v.bpsCode.startsWith(kecamatanBpsCode(k))).toBe(true);
    }
  });

  it('is frozen', () => {
    expect(Object.isFrozen(KOTA_SERANG_REGIONS.kecamatan[0]!.kelurahan[0])).toBe(true);
    expect(Object.isFrozen(ALL_REGIONS)).toBe(true);
    expect(() => {
      (ALL_REGIONS as unknown as unknown[]).push({});
    }).toThrow();
  });
});

describe('kecamatanCode', () => {
  it('refuses a value outside the vocabulary with REGION.UNKNOWN_KECAMATAN', () => {
    expect(() => kecamatanCode('CIKANDE' as never)).toThrow(code('REGION.UNKNOWN_KECAMATAN'));
    expect(() => kecamatanBpsCode(undefined as never)).toThrow(code('REGION.UNKNOWN_KECAMATAN'));
  });
});

/** The name with its letters' case changed and spaces, dots or hyphens put between words and around it. */
const respelled = (name: string) =>
  fc
    .tuple(fc.array(fc.boolean(), { minLength: name.length, maxLength: name.length }), fc.constantFrom(' ', '  ', '-', '. ', ''), fc.constantFrom('', ' ', '\t', 'Kel. ', 'KELURAHAN ', 'desa '))
    .map(([upper, sep, prefix]) => prefix + [...name].map((c, i) => (upper[i] ? c.toUpperCase() : c.toLowerCase())).join('').replace(/ /g, sep) + ' ');

describe('kelurahan lookup by name within a kecamatan', () => {
  it('finds every kelurahan under any case, spacing, punctuation and "Kel."/"Kelurahan"/"Desa" prefix', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...kelurahan).chain((e) => respelled(e.v.name).map((name) => ({ ...e, name }))),
        ({ k, v, name }) => {
          expect(findKelurahan(k, name)).toBe(v);
          expect(kelurahanCode(k, name)).toBe(v.code);
          expect(validateKelurahan(k, name)).toEqual({ ok: true, value: v });
        },
      ),
    );
  });

  it("finds a kelurahan by BPS's spelling too (KEPUREN for Kapuren, KAMANISAN for Kemanisan, SUMURPECUNG)", () => {
    expect(kelurahanCode('WALANTAKA', 'Kepuren')).toBe('36.73.03.1009');
    expect(kelurahanCode('WALANTAKA', 'Kapuren')).toBe('36.73.03.1009');
    expect(kelurahanCode('CURUG', 'Kamanisan')).toBe('36.73.04.1003');
    expect(kelurahanCode('SERANG', 'SUMURPECUNG')).toBe('36.73.01.1003');
    expect(kelurahanCode('SERANG', 'sumur pecung')).toBe('36.73.01.1003');
  });

  it('looks only within the kecamatan: the same name in two kecamatan gives two codes, a name of another kecamatan none', () => {
    expect(kelurahanCode('SERANG', 'Sukawana')).toBe('36.73.01.1008');
    expect(kelurahanCode('CURUG', 'Sukawana')).toBe('36.73.04.1007');
    expect(kelurahanCode('CURUG', 'Cipare')).toBeUndefined();
    expect(kelurahanCode('SERANG', '')).toBeUndefined();
    expect(kelurahanCode('SERANG', ' - . ')).toBeUndefined();
  });

  it('a name that is no kelurahan of the kecamatan: REGION.UNKNOWN_KELURAHAN listing its kelurahan, never echoing the input', () => {
    const r = validateKelurahan('CIPOCOK_JAYA', 'Rumah Pak RT 3673011504980001', ['profile', 'address', 'kelurahan']);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toMatchObject({ code: 'REGION.UNKNOWN_KELURAHAN', path: ['profile', 'address', 'kelurahan'], details: { kecamatan: 'CIPOCOK_JAYA' } });
    expect(String(r.error.details?.['allowed']).split(', ')).toHaveLength(8);
    expect(r.error.message.id).toMatch(/Cipocok Jaya/);
    expect(r.error.message.en).toMatch(/Cipocok Jaya/);
    expect(JSON.stringify(r.error)).not.toContain('3673011504980001');
  });

  it('normalizeRegionName keeps a name that is only a prefix word, and drops the prefix before a name', () => {
    expect(normalizeRegionName('Desa')).toBe('DESA');
    expect(normalizeRegionName('Kel. Kota-Baru')).toBe('KOTABARU');
  });
});

describe('codes', () => {
  it('regionByCode finds every region by its code, dotted or not', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ALL_REGIONS), fc.boolean(), (r, dotted) => {
        expect(regionByCode(dotted ? r.code : r.code.replace(/\./g, ''))).toBe(r);
      }),
    );
  });

  it('normalizeRegionCode writes a code dotted, and refuses other shapes with REGION.INVALID_CODE', () => {
    expect(normalizeRegionCode('3673011001')).toBe('36.73.01.1001');
    expect(normalizeRegionCode(' 36.73 ')).toBe('36.73');
    for (const bad of ['', '3', '36', '367', '36.7.3', '36.73.01.100', '3673040001x', '36-73', 'abc', '36.73.01.10011']) {
      expect(() => normalizeRegionCode(bad)).toThrow(code('REGION.INVALID_CODE'));
    }
    expect(() => normalizeRegionCode(42 as never)).toThrow(code('REGION.INVALID_CODE'));
  });

  it('a well-formed code outside Kota Serang is no region; a BPS code is not taken for a Kemendagri one', () => {
    expect(regionByCode('36.74')).toBeUndefined();
    expect(regionByCode('36.04.01')).toBeUndefined();
    // BPS 3673040 (7 digits) is not a Kemendagri shape
    expect(() => regionByCode('3673040')).toThrow(code('REGION.INVALID_CODE'));
    expect(kecamatanOfCode('36.73.01.1001')).toBeUndefined();
    expect(kecamatanOfCode('36.73.07')).toBeUndefined();
  });
});

describe('regionsAt', () => {
  it('lists each level, and the children of a parent, in code order', () => {
    expect(regionsAt('CITY')).toEqual([expect.objectContaining({ code: '36.73', parentCode: null, bpsCode: '3673', kecamatan: null })]);
    const kec = regionsAt('KECAMATAN', '36.73');
    expect(kec.map((r) => r.code)).toEqual(['36.73.01', '36.73.02', '36.73.03', '36.73.04', '36.73.05', '36.73.06']);
    expect(regionsAt('KECAMATAN', '3673')).toEqual(kec);
    expect(regionsAt('KELURAHAN')).toHaveLength(67);
    const cipocok = regionsAt('KELURAHAN', kecamatanCode('CIPOCOK_JAYA'));
    expect(cipocok).toHaveLength(8);
    for (const r of cipocok) expect(r).toMatchObject({ level: 'KELURAHAN', parentCode: '36.73.05', kecamatan: 'CIPOCOK_JAYA' });
    for (const level of ['CITY', 'KECAMATAN', 'KELURAHAN'] as const) {
      const codes = regionsAt(level).map((r) => r.code);
      expect(codes).toEqual([...codes].sort());
    }
  });

  it('gives nothing below an unknown or wrong-level parent, and refuses a malformed parent or level', () => {
    expect(regionsAt('KECAMATAN', '36.74')).toEqual([]);
    expect(regionsAt('KELURAHAN', '36.73')).toEqual([]);
    expect(() => regionsAt('KELURAHAN', '36.7')).toThrow(code('REGION.INVALID_CODE'));
    expect(() => regionsAt('DESA' as never)).toThrow(code('REGION.INVALID_LEVEL'));
  });

  it('errors are DomainErrors with both languages', () => {
    try {
      regionsAt('KELURAHAN', 'x');
      throw new Error('unreachable');
    } catch (e) {
      expect(isDomainError(e)).toBe(true);
      if (isDomainError(e)) expect(e).toMatchObject({ path: ['parent'], messages: { id: expect.any(String), en: expect.any(String) } });
    }
  });
});

describe('the citations', () => {
  it('cite the Kemendagri dataset first (repository, file, commit, decree and date) and at least one cross-check', () => {
    const file = regionSources();
    expect(file.id).toBe('regions.kotaSerang');
    expect(file.sources.length).toBeGreaterThanOrEqual(2);
    expect(file.sources[0]).toMatchObject({ url: expect.stringMatching(/cahyadsn\/wilayah\/blob\/[0-9a-f]{40}\/db\/wilayah\.sql$/), regulation: expect.stringMatching(/300\.2\.2-2430 Tahun 2025.*23 Juni 2025/) });
    for (const s of file.sources) {
      expect(s.title).not.toBe('');
      expect(s.readOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(s.url).toMatch(/^https:\/\/\S+$/);
      expect(Object.keys(s).every((k) => ['title', 'url', 'regulation', 'readOn', 'note'].includes(k))).toBe(true);
    }
    expect(file.sources.some((s) => /bps/i.test(s.title) && /bridg/i.test(s.note ?? ''))).toBe(true);
  });

  it('stay out of this entry point, and the main entry does not load the regions', () => {
    const here = fs.readdirSync(__dirname).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
    for (const f of here) expect(fs.readFileSync(path.join(__dirname, f), 'utf8')).not.toMatch(/from\s+['"][^'"]*(\/sources(\/index)?|\.sources\.json)['"]/);
    expect(fs.readFileSync(path.join(__dirname, '..', 'index.ts'), 'utf8')).not.toMatch(/['"]\.\/regions['"]/);
  });
});
