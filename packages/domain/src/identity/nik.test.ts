import fc from 'fast-check';
import { DomainError } from '../shared/domain-error';
import { addYears, compareDates, fromParts, toParts, type IsoDate } from '../shared/local-date';
import { checkNikStructure, compactNik, isValidNik, maskNik, parseNik } from './nik';
import { INDONESIAN_PROVINCE_CODES } from './province-codes';

const AS_OF = '2026-01-15';

function code(r: { ok: boolean; error?: { code: string } }): string | undefined {
  return r.ok ? undefined : r.error?.code;
}

function two(n: number): string {
  return String(n).padStart(2, '0');
}

/** Build a NIK from its parts (test helper). */
function buildNik(p: { province: string; regency: number; kecamatan: number; birthDate: IsoDate; sex: 'M' | 'F'; sequence: number }): string {
  const d = toParts(p.birthDate);
  const day = p.sex === 'F' ? d.day + 40 : d.day;
  return `${p.province}${two(p.regency)}${two(p.kecamatan)}${two(day)}${two(d.month)}${two(d.year % 100)}${String(p.sequence).padStart(4, '0')}`;
}

describe('province codes', () => {
  it('lists the 38 provinces, all two digits from 11 to 96', () => {
    const codes = Object.keys(INDONESIAN_PROVINCE_CODES);
    expect(codes).toHaveLength(38);
    for (const c of codes) {
      expect(c).toMatch(/^\d{2}$/);
      expect(Number(c)).toBeGreaterThanOrEqual(11);
      expect(Number(c)).toBeLessThanOrEqual(96);
    }
    expect(INDONESIAN_PROVINCE_CODES['36']).toBe('Banten');
  });
});

describe('parseNik', () => {
  it('parses a man born in Kota Serang', () => {
    const r = parseNik('3673011506900001', AS_OF);
    expect(r).toEqual({
      ok: true,
      value: {
        nik: '3673011506900001',
        provinceCode: '36',
        regencyCode: '3673',
        kecamatanCode: '367301',
        sex: 'M',
        birthDay: 15,
        birthMonth: 6,
        birthYearTwoDigits: 90,
        sequence: '0001',
        birthDate: '1990-06-15',
      },
    });
  });

  it('reads day + 40 as a woman', () => {
    const r = parseNik('3604015506950002', AS_OF);
    expect(r.ok && r.value.sex).toBe('F');
    expect(r.ok && r.value.birthDate).toBe('1995-06-15');
    expect(parseNik('3604014106950002', AS_OF)).toMatchObject({ ok: true, value: { birthDate: '1995-06-01', sex: 'F', birthDay: 1 } });
    expect(parseNik('3604017107950002', AS_OF)).toMatchObject({ ok: true, value: { birthDate: '1995-07-31', sex: 'F' } });
    expect(code(parseNik('3604017106950002', AS_OF))).toBe('NIK.INVALID_BIRTH_DATE'); // 31 June
  });

  it('accepts spaces, dots and hyphens typed inside the number', () => {
    expect(parseNik(' 3673 0115 0690 0001 ', AS_OF)).toMatchObject({ ok: true, value: { nik: '3673011506900001' } });
    expect(parseNik('36.73.01-150690-0001', AS_OF)).toMatchObject({ ok: true });
    expect(compactNik('36 73.01-1')).toBe('3673011');
  });

  describe('century rule: 20YY when on or before asOf, else 19YY', () => {
    it.each([
      ['3673010101100001', '2026-01-15', '2010-01-01'],
      ['3673010101100001', '2009-06-01', '1910-01-01'],
      ['3673011501260001', '2026-01-15', '2026-01-15'], // born on the as-of date
      ['3673011601260001', '2026-01-15', '1926-01-16'], // one day after asOf: previous century
      ['3673012902000001', '2026-01-15', '2000-02-29'],
      ['3673010101990001', '1990-06-01', '1899-01-01'], // the rule uses the century of asOf, not a fixed 19/20
    ])('%s as of %s → %s', (nik, asOf, birthDate) => {
      expect(parseNik(nik, asOf)).toMatchObject({ ok: true, value: { birthDate } });
    });

    it('29 Feb 00 before 2000 would be 1900-02-29, which does not exist', () => {
      expect(code(parseNik('3673012902000001', '1999-12-31'))).toBe('NIK.INVALID_BIRTH_DATE');
    });
  });

  it.each([
    ['a 15-digit NIK', '367301150690001', 'NIK.INVALID_LENGTH'],
    ['a 17-digit NIK', '36730115069000011', 'NIK.INVALID_LENGTH'],
    ['an empty string', '', 'NIK.INVALID_LENGTH'],
    ['letters', '36730115069O0001', 'NIK.NOT_DIGITS'],
    ['unknown province 20', '2073011506900001', 'NIK.INVALID_PROVINCE'],
    ['province 00', '0073011506900001', 'NIK.INVALID_PROVINCE'],
    ['province 97', '9773011506900001', 'NIK.INVALID_PROVINCE'],
    ['regency 00', '3600011506900001', 'NIK.INVALID_REGENCY'],
    ['kecamatan 00', '3673001506900001', 'NIK.INVALID_KECAMATAN'],
    ['day 00', '3673010006900001', 'NIK.INVALID_BIRTH_DATE'],
    ['day 32', '3673013206900001', 'NIK.INVALID_BIRTH_DATE'],
    ['day 40', '3673014006900001', 'NIK.INVALID_BIRTH_DATE'],
    ['day 72', '3673017206900001', 'NIK.INVALID_BIRTH_DATE'],
    ['month 13', '3673011513900001', 'NIK.INVALID_BIRTH_DATE'],
    ['month 00', '3673011500900001', 'NIK.INVALID_BIRTH_DATE'],
    ['31 April', '3673013104900001', 'NIK.INVALID_BIRTH_DATE'],
    ['a woman born 31 April', '3673017104900001', 'NIK.INVALID_BIRTH_DATE'],
    ['sequence 0000', '3673011506900000', 'NIK.INVALID_SEQUENCE'],
  ])('rejects %s with %s', (_label, nik, expected) => {
    const r = parseNik(nik, AS_OF);
    expect(code(r)).toBe(expected);
    expect(code(checkNikStructure(nik))).toBe(expected);
    expect(isValidNik(nik)).toBe(false);
    if (!r.ok) {
      expect(r.error.path).toEqual(['nik']);
      expect(r.error.message.id.length).toBeGreaterThan(0);
      expect(r.error.message.en.length).toBeGreaterThan(0);
      // never echo the submitted number
      const text = JSON.stringify(r.error);
      if (nik.length > 0) expect(text).not.toContain(nik);
    }
  });

  it('reports the expected and actual length of a 15-digit NIK', () => {
    expect(parseNik('367301150690001', AS_OF)).toMatchObject({ ok: false, error: { details: { expected: 16, actual: 15 } } });
  });

  it.each([[undefined], [null], [3673011506900001], [{}]])('rejects a non-string (%p) with NIK.NOT_A_STRING', (v) => {
    expect(code(parseNik(v, AS_OF))).toBe('NIK.NOT_A_STRING');
  });

  it('throws DATE.INVALID for an invalid asOf', () => {
    expect(() => parseNik('3673011506900001', '2026-02-30')).toThrow(DomainError);
    try {
      parseNik('3673011506900001', 'today');
    } catch (e) {
      expect((e as DomainError).code).toBe('DATE.INVALID');
    }
  });

  it('masks a NIK for display', () => {
    expect(maskNik('3673011506900001')).toBe('3673**********01');
    expect(maskNik('12345')).toBe('*****');
  });

  describe('properties', () => {
    const provinces = Object.keys(INDONESIAN_PROVINCE_CODES);
    const asOfArb = fc.integer({ min: 0, max: 365 * 60 }).map((n) => {
      // a day between 1990-01-01 and ~2050
      let d: IsoDate = '1990-01-01';
      const years = Math.floor(n / 365);
      d = addYears(d, years);
      const p = toParts(d);
      return fromParts({ year: p.year, month: 1 + (n % 12), day: 1 + (n % 28) });
    });

    it('round-trips every part of a NIK built for someone aged 0–99', () => {
      fc.assert(
        fc.property(
          fc.constantFrom(...provinces),
          fc.integer({ min: 1, max: 99 }),
          fc.integer({ min: 1, max: 99 }),
          asOfArb,
          fc.integer({ min: 0, max: 99 * 365 }),
          fc.constantFrom('M' as const, 'F' as const),
          fc.integer({ min: 1, max: 9999 }),
          (province, regency, kecamatan, asOf, daysBack, sex, sequence) => {
            const a = toParts(asOf);
            // walk back daysBack days (approximately, via whole years and a day of month)
            const years = Math.floor(daysBack / 365);
            const candidate = fromParts({ year: a.year - years, month: 1 + (daysBack % 12), day: 1 + (daysBack % 28) });
            const birthDate = compareDates(candidate, asOf) <= 0 && compareDates(candidate, addYears(asOf, -100)) > 0 ? candidate : asOf;
            const nik = buildNik({ province, regency, kecamatan, birthDate, sex, sequence });
            const r = parseNik(nik, asOf);
            expect(r.ok).toBe(true);
            if (r.ok) {
              expect(r.value.birthDate).toBe(birthDate);
              expect(r.value.sex).toBe(sex);
              expect(r.value.provinceCode).toBe(province);
              expect(r.value.sequence).toBe(String(sequence).padStart(4, '0'));
              expect(compareDates(r.value.birthDate, asOf)).toBeLessThanOrEqual(0);
            }
          },
        ),
      );
    });

    it('never throws on any 16-digit string, and any failure has a NIK.* code', () => {
      fc.assert(
        fc.property(fc.stringMatching(/^\d{16}$/), (nik) => {
          const r = parseNik(nik, AS_OF);
          if (r.ok) expect(compareDates(r.value.birthDate, AS_OF)).toBeLessThanOrEqual(0);
          else expect(r.error.code).toMatch(/^NIK\.[A-Z_]+$/);
        }),
      );
    });

    it('any digit string that is not 16 long is NIK.INVALID_LENGTH', () => {
      fc.assert(
        fc.property(
          fc.stringMatching(/^\d{0,40}$/).filter((s) => s.length !== 16),
          (nik) => {
            expect(code(parseNik(nik, AS_OF))).toBe('NIK.INVALID_LENGTH');
          },
        ),
      );
    });
  });
});
