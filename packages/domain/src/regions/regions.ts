/**
 * Kota Serang's administrative regions with the codes that join to maps and statistics (issue 12):
 * the city (Kemendagri 36.73, DOMAIN.md §1), its six kecamatan and their kelurahan, each with the
 * Kemendagri code of the decree in `REGION_EDITION` and, where BPS's own bridge gives it, the BPS
 * code (Kode Wilayah Kerja Statistik). Pure data and lookups; the citations (repositories, files,
 * commits, decrees) are in `@jembatan/domain/sources` (`regionSources()`), not here, so this entry
 * point stays small. The data file is checked by regions.test.ts (`regionDataProblems`).
 *
 * Kemendagri codes are dotted ("36.73.01.1001"), as the decrees write them; BPS codes are undotted
 * ("3673040001"). The two numberings differ (BPS 3673040 is Kemendagri 36.73.01, Serang): never
 * derive one from the other.
 */
import data from './data/kota-serang.regions.json';
import { deepFreeze } from '../parameters/deep-freeze';
import { invalid, ok, err, errorData, type Result } from '../shared/domain-error';
import type { IsoDate } from '../shared/local-date';
import { KOTA_SERANG_KECAMATAN, type KotaSerangKecamatan } from '../shared/vocabulary';

export const REGION_LEVELS = ['CITY', 'KECAMATAN', 'KELURAHAN'] as const;
export type RegionLevel = (typeof REGION_LEVELS)[number];

/** One region of the tree, flat: what the `regions` query lists. */
export interface Region {
  readonly level: RegionLevel;
  /** Kemendagri code, dotted: "36.73", "36.73.01", "36.73.01.1001". */
  readonly code: string;
  /** Name as the Kemendagri dataset writes it. */
  readonly name: string;
  /** Kemendagri code of the region above (null for the city). */
  readonly parentCode: string | null;
  /** BPS code, undotted ("3673040001"), when BPS's bridge gives one; null otherwise. */
  readonly bpsCode: string | null;
  /** The kecamatan it is or lies in (null for the city). */
  readonly kecamatan: KotaSerangKecamatan | null;
}

export interface KelurahanData {
  readonly code: string;
  readonly name: string;
  readonly bpsCode: string | null;
  /** The name as BPS writes it (upper case, sometimes spelt otherwise: "KEPUREN" for Kapuren). */
  readonly bpsName: string | null;
}

export interface KecamatanData {
  readonly key: KotaSerangKecamatan;
  readonly code: string;
  readonly name: string;
  readonly bpsCode: string;
  readonly kelurahan: readonly KelurahanData[];
}

export interface CityData {
  readonly code: string;
  readonly name: string;
  readonly bpsCode: string;
  readonly kecamatan: readonly KecamatanData[];
}

/** Which editions the codes follow (short form; the full citations: `regionSources()` in `@jembatan/domain/sources`). */
export interface RegionEdition {
  readonly kemendagri: { readonly decree: string; readonly decreedOn: IsoDate; readonly source: string };
  readonly bps: { readonly period: string; readonly source: string };
}

interface RegionFile {
  readonly edition: RegionEdition;
  readonly city: CityData;
}

const FILE = deepFreeze(data as RegionFile);

/** Kota Serang with its kecamatan and kelurahan (frozen). */
export const KOTA_SERANG_REGIONS: CityData = FILE.city;
/** The decree the Kemendagri codes follow and the BPS edition of the BPS codes. */
export const REGION_EDITION: RegionEdition = FILE.edition;

/** "Kel. Sumur-Pecung " → "SUMURPECUNG": case, spaces, dots, hyphens and a leading "Kel."/"Kelurahan"/"Desa" ignored. */
export function normalizeRegionName(name: string): string {
  const words = name
    .toUpperCase()
    .replace(/[^A-Z\s]/g, ' ')
    .split(/\s+/)
    .filter((w) => w !== '');
  while (words.length > 1 && ['KEL', 'KELURAHAN', 'DESA', 'DS', 'KEC', 'KECAMATAN'].includes(words[0]!)) words.shift();
  return words.join('');
}

const BY_KEY = new Map<KotaSerangKecamatan, KecamatanData>(KOTA_SERANG_REGIONS.kecamatan.map((k) => [k.key, k]));

function kecamatanData(k: KotaSerangKecamatan): KecamatanData {
  const found = typeof k === 'string' ? BY_KEY.get(k) : undefined;
  if (!found) {
    return invalid('REGION.UNKNOWN_KECAMATAN', 'Kecamatan tidak dikenal di Kota Serang.', 'Not a kecamatan of Kota Serang.', {
      path: ['kecamatan'],
      details: { allowed: KOTA_SERANG_KECAMATAN.join(', ') },
    });
  }
  return found;
}

/** Kemendagri code of a kecamatan of Kota Serang ("36.73.01" for SERANG). Throws REGION.UNKNOWN_KECAMATAN for anything else. */
export function kecamatanCode(k: KotaSerangKecamatan): string {
  return kecamatanData(k).code;
}

/** BPS code of a kecamatan of Kota Serang ("3673040" for SERANG). */
export function kecamatanBpsCode(k: KotaSerangKecamatan): string {
  return kecamatanData(k).bpsCode;
}

/** The kelurahan of kecamatan `k` whose name (Kemendagri's or BPS's spelling) matches `name`, normalised; else undefined. */
export function findKelurahan(k: KotaSerangKecamatan, name: string): KelurahanData | undefined {
  const key = normalizeRegionName(name);
  if (key === '') return undefined;
  return kecamatanData(k).kelurahan.find((v) => normalizeRegionName(v.name) === key || (v.bpsName !== null && normalizeRegionName(v.bpsName) === key));
}

/** Kemendagri code of the kelurahan named `name` in kecamatan `k`, or undefined when the name is not one of its kelurahan. */
export function kelurahanCode(k: KotaSerangKecamatan, name: string): string | undefined {
  return findKelurahan(k, name)?.code;
}

/**
 * Is `name` a kelurahan of kecamatan `k`? The kelurahan (with its code) or REGION.UNKNOWN_KELURAHAN,
 * whose details list the kelurahan of that kecamatan (public names, never the input).
 */
export function validateKelurahan(k: KotaSerangKecamatan, name: string, path: readonly string[] = ['kelurahan']): Result<KelurahanData> {
  const found = findKelurahan(k, name);
  if (found) return ok(found);
  const kec = kecamatanData(k);
  return err(
    errorData(
      'REGION.UNKNOWN_KELURAHAN',
      `Kelurahan tidak ditemukan di Kecamatan ${kec.name}, Kota Serang.`,
      `Not a kelurahan of kecamatan ${kec.name}, Kota Serang.`,
      { path, details: { kecamatan: kec.key, allowed: kec.kelurahan.map((v) => v.name).join(', ') } },
    ),
  );
}

function regionsOf(city: CityData): Region[] {
  const out: Region[] = [{ level: 'CITY', code: city.code, name: city.name, parentCode: null, bpsCode: city.bpsCode, kecamatan: null }];
  for (const k of city.kecamatan) {
    out.push({ level: 'KECAMATAN', code: k.code, name: k.name, parentCode: city.code, bpsCode: k.bpsCode, kecamatan: k.key });
    for (const v of k.kelurahan) out.push({ level: 'KELURAHAN', code: v.code, name: v.name, parentCode: k.code, bpsCode: v.bpsCode, kecamatan: k.key });
  }
  return out;
}

/** Every region (city, kecamatan, kelurahan), in code order. */
export const ALL_REGIONS: readonly Region[] = deepFreeze(regionsOf(KOTA_SERANG_REGIONS));
const BY_CODE = new Map(ALL_REGIONS.map((r) => [r.code, r]));

const CODE_FORMS = /^(\d{2})\.?(\d{2})(?:\.?(\d{2})(?:\.?(\d{4}))?)?$/;

/**
 * The dotted form of a Kemendagri code given dotted or not ("3673011001" → "36.73.01.1001").
 * Throws REGION.INVALID_CODE when it is not 4, 6 or 10 digits in that shape (a regency/city, a kecamatan, a kelurahan).
 */
export function normalizeRegionCode(code: string, path: readonly string[] = ['code']): string {
  const m = typeof code === 'string' ? CODE_FORMS.exec(code.trim()) : null;
  if (!m) {
    return invalid(
      'REGION.INVALID_CODE',
      'Kode wilayah Kemendagri harus berbentuk 36.73, 36.73.01 atau 36.73.01.1001 (titik boleh tidak ditulis).',
      'A Kemendagri region code looks like 36.73, 36.73.01 or 36.73.01.1001 (dots optional).',
      { path },
    );
  }
  return m.slice(1).filter((p) => p !== undefined).join('.');
}

/** The region with Kemendagri code `code` (dotted or not), or undefined when it is not one of Kota Serang's. Throws REGION.INVALID_CODE for a malformed code. */
export function regionByCode(code: string): Region | undefined {
  return BY_CODE.get(normalizeRegionCode(code));
}

/** The kecamatan whose Kemendagri code is `code`, or undefined. */
export function kecamatanOfCode(code: string): KotaSerangKecamatan | undefined {
  const r = regionByCode(code);
  return r?.level === 'KECAMATAN' ? (r.kecamatan ?? undefined) : undefined;
}

/**
 * The regions at `level`, optionally only those directly below `parentCode` (dotted or not), in
 * code order. A well-formed parent that is not a known region gives an empty list; a malformed one
 * throws REGION.INVALID_CODE.
 */
export function regionsAt(level: RegionLevel, parentCode?: string): Region[] {
  if (!(REGION_LEVELS as readonly string[]).includes(level)) {
    return invalid('REGION.INVALID_LEVEL', 'Tingkat wilayah harus CITY, KECAMATAN atau KELURAHAN.', 'The region level must be CITY, KECAMATAN or KELURAHAN.', {
      path: ['level'],
    });
  }
  const parent = parentCode === undefined ? undefined : normalizeRegionCode(parentCode, ['parent']);
  return ALL_REGIONS.filter((r) => r.level === level && (parent === undefined || r.parentCode === parent));
}
