import fc from 'fast-check';
import { DomainError } from '../shared/domain-error';
import { checkNikAgainstDeclared } from './nik-consistency';

const MAN_1990_06_15 = '3673011506900001';
const WOMAN_1995_06_15 = '3604015506950002';

describe('checkNikAgainstDeclared', () => {
  it('passes when birth date and sex agree', () => {
    expect(checkNikAgainstDeclared(MAN_1990_06_15, { birthDate: '1990-06-15', sex: 'M' })).toMatchObject({
      ok: true,
      value: { birthDateMatches: true, sexMatches: true, nik: { regencyCode: '3673' } },
    });
    expect(checkNikAgainstDeclared(WOMAN_1995_06_15, { birthDate: '1995-06-15', sex: 'F' }).ok).toBe(true);
  });

  it('leaves a comparison undecided when nothing was declared', () => {
    const r = checkNikAgainstDeclared(MAN_1990_06_15, {});
    expect(r.ok).toBe(true);
    expect(r.ok && 'birthDateMatches' in r.value).toBe(false);
    expect(r.ok && 'sexMatches' in r.value).toBe(false);
  });

  it.each([
    [MAN_1990_06_15, { birthDate: '1990-06-16', sex: 'M' as const }, 'NIK.BIRTH_DATE_MISMATCH'],
    [MAN_1990_06_15, { birthDate: '1991-06-15', sex: 'M' as const }, 'NIK.BIRTH_DATE_MISMATCH'],
    [MAN_1990_06_15, { birthDate: '1990-06-15', sex: 'F' as const }, 'NIK.SEX_MISMATCH'],
    [WOMAN_1995_06_15, { sex: 'M' as const }, 'NIK.SEX_MISMATCH'],
    [WOMAN_1995_06_15, { birthDate: '1995-05-15', sex: 'M' as const }, 'NIK.BIRTH_DATE_AND_SEX_MISMATCH'],
  ])('%s with %p → %s', (nik, declared, expected) => {
    const r = checkNikAgainstDeclared(nik, declared);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe(expected);
      expect(r.error.path).toEqual(['nik']);
      expect(JSON.stringify(r.error)).not.toContain(nik);
      if ('birthDate' in declared) expect(JSON.stringify(r.error)).not.toContain(declared.birthDate);
    }
  });

  it('compares on the two-digit year, so a centenarian is not a false mismatch', () => {
    expect(checkNikAgainstDeclared('3673010403250001', { birthDate: '1925-03-04' }).ok).toBe(true);
    expect(checkNikAgainstDeclared('3673010403250001', { birthDate: '2025-03-04' }).ok).toBe(true);
  });

  it('returns the NIK error for an invalid NIK', () => {
    expect(checkNikAgainstDeclared('367301150690001', { sex: 'M' })).toMatchObject({ ok: false, error: { code: 'NIK.INVALID_LENGTH' } });
  });

  it('throws for malformed declared values', () => {
    expect(() => checkNikAgainstDeclared(MAN_1990_06_15, { birthDate: '15-06-1990' })).toThrow(DomainError);
    expect(() => checkNikAgainstDeclared(MAN_1990_06_15, { sex: 'X' as never })).toThrow(/IDENTITY.INVALID_SEX/);
  });

  it('a NIK always agrees with the birth date and sex it encodes (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1950, max: 2010 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 28 }),
        fc.constantFrom('M' as const, 'F' as const),
        (year, month, day, sex) => {
          const dd = String(sex === 'F' ? day + 40 : day).padStart(2, '0');
          const nik = `367301${dd}${String(month).padStart(2, '0')}${String(year % 100).padStart(2, '0')}0001`;
          const birthDate = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
          expect(checkNikAgainstDeclared(nik, { birthDate, sex }).ok).toBe(true);
          expect(checkNikAgainstDeclared(nik, { sex: sex === 'M' ? 'F' : 'M' }).ok).toBe(false);
        },
      ),
    );
  });
});
