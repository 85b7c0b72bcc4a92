import fc from 'fast-check';
import { DomainError } from '../shared/domain-error';
import { KOTA_SERANG_KECAMATAN } from '../shared/vocabulary';
import { classifyCityName, decideKotaSerangResidency, normalizeKotaSerangKecamatan } from './residency';

describe('normalizeKotaSerangKecamatan', () => {
  it.each([
    ['Cipocok Jaya', 'CIPOCOK_JAYA'],
    ['CIPOCOKJAYA', 'CIPOCOK_JAYA'],
    ['cipocok-jaya', 'CIPOCOK_JAYA'],
    ['Kec. Cipocok Jaya', 'CIPOCOK_JAYA'],
    ['Kecamatan  Kasemen', 'KASEMEN'],
    ['kasemen', 'KASEMEN'],
    ['Serang', 'SERANG'],
    ['Tak Takan', 'TAKTAKAN'],
    ['Walantaka', 'WALANTAKA'],
    ['Curug', 'CURUG'],
    ['Cikande', undefined],
    ['Kramatwatu', undefined],
    ['', undefined],
  ])('%p → %p', (name, expected) => {
    expect(normalizeKotaSerangKecamatan(name)).toBe(expected);
  });

  it('ignores case and separators (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...KOTA_SERANG_KECAMATAN), fc.boolean(), fc.constantFrom(' ', '-', '.', '  ', ''), (k, lower, sep) => {
        let written = k.replace(/_/g, sep === '' ? ' ' : sep);
        if (lower) written = written.toLowerCase();
        expect(normalizeKotaSerangKecamatan(written)).toBe(k);
        expect(normalizeKotaSerangKecamatan(`Kec. ${written}`)).toBe(k);
      }),
    );
  });
});

describe('classifyCityName', () => {
  it.each([
    ['Kota Serang', 'KOTA_SERANG'],
    ['KOTA SERANG, BANTEN', 'KOTA_SERANG'],
    ['Serang', 'KOTA_SERANG'],
    ['Kodya Serang', 'KOTA_SERANG'],
    ['Kab. Serang', 'OTHER'],
    ['Kabupaten Serang', 'OTHER'],
    ['Kabupaten Tangerang', 'OTHER'],
    ['Kota Cilegon', 'OTHER'],
  ])('%p → %s', (name, expected) => {
    expect(classifyCityName(name)).toBe(expected);
  });
});

describe('decideKotaSerangResidency', () => {
  it.each([
    [{ kecamatan: 'Kasemen', city: 'Kota Serang' }, 'RESIDENT', 'RESIDENCY.KOTA_SERANG'],
    [{ kecamatan: 'Cipocok Jaya', cityCode: '36.73' }, 'RESIDENT', 'RESIDENCY.KOTA_SERANG'],
    [{ kecamatan: 'Curug', city: 'Kabupaten Tangerang' }, 'NOT_RESIDENT', 'RESIDENCY.OUTSIDE_KOTA_SERANG'],
    [{ kecamatan: 'Cikande', city: 'Kab. Serang' }, 'NOT_RESIDENT', 'RESIDENCY.OUTSIDE_KOTA_SERANG'],
    [{ kecamatan: 'Cikande' }, 'NOT_RESIDENT', 'RESIDENCY.OUTSIDE_KOTA_SERANG'],
    [{ city: 'Kota Cilegon' }, 'NOT_RESIDENT', 'RESIDENCY.OUTSIDE_KOTA_SERANG'],
    [{ kecamatan: 'Curug' }, 'UNKNOWN', 'RESIDENCY.CITY_MISSING'],
    [{ city: 'Kota Serang' }, 'UNKNOWN', 'RESIDENCY.KECAMATAN_MISSING'],
    [{ city: 'Kota Serang', kecamatan: '  ' }, 'UNKNOWN', 'RESIDENCY.KECAMATAN_MISSING'],
    [{ city: 'Kota Serang', kecamatan: 'Cipocok' }, 'UNKNOWN', 'RESIDENCY.KECAMATAN_NOT_IN_CITY'],
    [{ city: 'Kota Serang', cityCode: '3604', kecamatan: 'Kasemen' }, 'UNKNOWN', 'RESIDENCY.CITY_CONFLICT'],
    [undefined, 'UNKNOWN', 'RESIDENCY.ADDRESS_MISSING'],
  ])('%p → %s (%s)', (address, status, code) => {
    const d = decideKotaSerangResidency(address);
    expect(d.status).toBe(status);
    expect(d.code).toBe(code);
    expect(d.message.id.length).toBeGreaterThan(0);
    expect(d.message.en.length).toBeGreaterThan(0);
  });

  it('names the recognised kecamatan', () => {
    expect(decideKotaSerangResidency({ kecamatan: 'kec. walantaka', city: 'Serang' }).kecamatan).toBe('WALANTAKA');
  });

  it('throws for a malformed address city code', () => {
    expect(() => decideKotaSerangResidency({ kecamatan: 'Kasemen', cityCode: '36-7' })).toThrow(DomainError);
    expect(() => decideKotaSerangResidency({ kecamatan: 'Kasemen', cityCode: '3600' })).toThrow(/RESIDENCY.INVALID_CITY_CODE/);
  });

  it('takes no NIK: the decision depends on the address only', () => {
    expect(decideKotaSerangResidency.length).toBe(1);
  });
});
