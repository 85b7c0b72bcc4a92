/**
 * Checks of the regions data file (run by regions.test.ts, and usable on a replacement file before
 * it is swapped in): every code well formed and unique, each child's code extends its parent's,
 * kelurahan codes (digit 1 after the kecamatan) rather than desa codes, BPS codes shaped and unique,
 * and the six kecamatan of `KOTA_SERANG_KECAMATAN` each present once.
 */
import { KOTA_SERANG_KECAMATAN } from '../shared/vocabulary';

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

interface Seen {
  readonly codes: Set<string>;
  readonly bps: Set<string>;
  readonly problems: string[];
}

function checkUnit(u: unknown, where: string, codeRe: RegExp, bpsRe: RegExp, parent: { code: string; bps: string | null }, seen: Seen): void {
  if (!isObject(u)) {
    seen.problems.push(`${where} is not an object`);
    return;
  }
  const code = u['code'];
  const bps = u['bpsCode'];
  if (typeof u['name'] !== 'string' || u['name'].trim() !== u['name'] || u['name'] === '') seen.problems.push(`${where}.name is missing or not trimmed`);
  if (typeof code !== 'string' || !codeRe.test(code)) seen.problems.push(`${where}.code ${String(code)} is not of the form ${codeRe.source}`);
  else {
    if (!code.startsWith(`${parent.code}.`)) seen.problems.push(`${where}.code ${code} is not below ${parent.code}`);
    if (seen.codes.has(code)) seen.problems.push(`${where}.code ${code} is a duplicate`);
    seen.codes.add(code);
  }
  if (bps !== null && (typeof bps !== 'string' || !bpsRe.test(bps))) seen.problems.push(`${where}.bpsCode ${String(bps)} is not of the form ${bpsRe.source}`);
  else if (typeof bps === 'string') {
    if (parent.bps !== null && !bps.startsWith(parent.bps)) seen.problems.push(`${where}.bpsCode ${bps} is not below ${parent.bps}`);
    if (seen.bps.has(bps)) seen.problems.push(`${where}.bpsCode ${bps} is a duplicate`);
    seen.bps.add(bps);
  }
}

/** What is wrong with a regions data file (`{ edition, city }`); [] when nothing. */
export function regionDataProblems(file: unknown): string[] {
  const seen: Seen = { codes: new Set(), bps: new Set(), problems: [] };
  if (!isObject(file) || !isObject(file['city']) || !isObject(file['edition'])) return ['the file needs an edition and a city'];
  const city = file['city'];
  if (city['code'] !== '36.73' || city['bpsCode'] !== '3673') seen.problems.push('city must be Kota Serang: Kemendagri 36.73, BPS 3673');
  const kecamatan = Array.isArray(city['kecamatan']) ? (city['kecamatan'] as unknown[]) : [];
  const keys = kecamatan.map((k) => (isObject(k) ? k['key'] : undefined));
  if ([...keys].sort().join() !== [...KOTA_SERANG_KECAMATAN].sort().join()) seen.problems.push(`kecamatan keys ${keys.join(', ')} are not the six of KOTA_SERANG_KECAMATAN`);
  kecamatan.forEach((k, i) => {
    checkUnit(k, `kecamatan[${i}]`, /^36\.73\.\d{2}$/, /^3673\d{3}$/, { code: '36.73', bps: '3673' }, seen);
    if (!isObject(k) || typeof k['code'] !== 'string') return;
    const kelurahan = Array.isArray(k['kelurahan']) ? (k['kelurahan'] as unknown[]) : [];
    if (kelurahan.length === 0) seen.problems.push(`kecamatan[${i}] has no kelurahan`);
    const parent = { code: k['code'], bps: typeof k['bpsCode'] === 'string' ? k['bpsCode'] : null };
    kelurahan.forEach((v, j) => checkUnit(v, `kecamatan[${i}].kelurahan[${j}]`, /^36\.73\.\d{2}\.1\d{3}$/, /^3673\d{6}$/, parent, seen));
  });
  return seen.problems;
}
