/**
 * NIKs for synthetic demo candidates that can never be a real resident's NIK.
 *
 * Scheme: `36 99 KK DDMMYY SSSS`
 * - `36`: Banten, a real province code, so the NIK passes the domain's structural check
 *   (`checkNikStructure`: a known province, regency and kecamatan not `00`, a real birth date with
 *   +40 for women, a sequence that is not `0000`) and the gateway's NIK-consistency rules, exactly
 *   like a real one. The demo needs no special "demo mode" in the NIK check.
 * - `99`: a regency/city code that does not exist in Banten. Kemendagri's area codes for Banten are
 *   36.01–36.04 (Kabupaten Pandeglang, Lebak, Tangerang, Serang) and 36.71–36.74 (Kota Tangerang,
 *   Cilegon, Serang, Tangerang Selatan); Dukcapil issues NIKs only under existing area codes, and
 *   a NIK never changes after issue. No real person holds a NIK beginning 3699, so no demo record
 *   can be mistaken for, or collide with, a real resident (and `maskNik` keeps the first four
 *   digits, so "3699**********12" is visibly a demo NIK in every masked view).
 * - `KK`: 01–06, the index of the kecamatan of Kota Serang on the synthetic KTP address (so the
 *   digits are consistent with the record; residency is still decided from the address, never the NIK).
 * - `DDMMYY`: the synthetic birth date, +40 on the day for women, so the NIK agrees with the
 *   declared birth date and sex.
 * - `SSSS`: 0001–9999, a counter per kecamatan × birth date × sex, so every NIK is unique.
 */
import { KOTA_SERANG_KECAMATAN, NIK_FEMALE_DAY_OFFSET, type IsoDate, type KotaSerangKecamatan, type Sex } from '../../domain';

/** Province + regency digits of every demo NIK: Banten (36) + a regency code that does not exist (99). */
export const DEMO_NIK_PREFIX = '3699';

/** True for a NIK of the demo scheme (a regency code no real NIK carries). */
export function isDemoNik(nik: string | null | undefined): boolean {
  return typeof nik === 'string' && nik.startsWith(DEMO_NIK_PREFIX) && /^\d{16}$/.test(nik);
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

/** Hands out demo NIKs, each one once. */
export class DemoNikIssuer {
  private readonly used = new Map<string, number>();

  issue(kecamatan: KotaSerangKecamatan, birthDate: IsoDate, sex: Sex): string {
    const index = KOTA_SERANG_KECAMATAN.indexOf(kecamatan) + 1;
    const [year, month, day] = birthDate.split('-').map(Number) as [number, number, number];
    const head = `${DEMO_NIK_PREFIX}${pad2(index)}${pad2(sex === 'F' ? day + NIK_FEMALE_DAY_OFFSET : day)}${pad2(month)}${pad2(year % 100)}`;
    const sequence = (this.used.get(head) ?? 0) + 1;
    if (sequence > 9999) throw new RangeError(`demo NIK sequence exhausted for ${head}`);
    this.used.set(head, sequence);
    return `${head}${String(sequence).padStart(4, '0')}`;
  }
}
