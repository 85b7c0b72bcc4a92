import fc from 'fast-check';
import { AGE_BANDS, ageBandLabel, ageBandOf, maskNik, maskTail, personalKeyKind } from './masking';

const nik16 = fc.stringMatching(/^\d{16}$/);

describe('maskNik', () => {
  it('keeps the first 4 and last 4 digits', () => {
    expect(maskNik('3673012345670001')).toBe('3673********0001');
  });
  it('never echoes a malformed value', () => {
    expect(maskNik('36730123')).toBe('****************');
    expect(maskNik('3673-0123-4567-0001')).toBe('****************');
    expect(maskNik('')).toBe('****************');
  });
  it('property: 16 characters, first/last 4 kept, the middle 8 never shown', () => {
    fc.assert(
      fc.property(nik16, (nik) => {
        const m = maskNik(nik);
        expect(m).toHaveLength(16);
        expect(m.slice(0, 4)).toBe(nik.slice(0, 4));
        expect(m.slice(12)).toBe(nik.slice(12));
        expect(m.slice(4, 12)).toBe('********');
      }),
    );
  });
});

describe('maskTail', () => {
  it('shows the last 4 only', () => {
    expect(maskTail('12345678901')).toBe('*******8901');
    expect(maskTail('12')).toBe('****');
  });
});

describe('age bands', () => {
  it.each([
    ['2008-06-02', '2026-06-01', 'UNDER_18'], // 17, birthday tomorrow
    ['2008-06-01', '2026-06-01', 'AGE_18_24'], // 18 today
    ['2001-06-02', '2026-06-01', 'AGE_18_24'], // 24
    ['2001-06-01', '2026-06-01', 'AGE_25_29'], // 25
    ['1996-06-01', '2026-06-01', 'AGE_30_34'],
    ['1991-06-01', '2026-06-01', 'AGE_35_39'],
    ['1986-06-02', '2026-06-01', 'AGE_35_39'], // 39
    ['1986-06-01', '2026-06-01', 'AGE_40_PLUS'], // 40
    ['2004-02-29', '2022-02-28', 'UNDER_18'], // leap-day birthday, not yet 18
    ['2004-02-29', '2022-03-01', 'AGE_18_24'],
  ])('%s on %s → %s', (birth, asOf, band) => {
    expect(ageBandOf(birth, asOf)).toBe(band);
  });
  it('has no band for impossible input', () => {
    expect(ageBandOf('2030-01-01', '2026-01-01')).toBeUndefined();
    expect(ageBandOf('1990-13-01', '2026-01-01')).toBeUndefined();
  });
  it('labels', () => {
    expect(ageBandLabel('AGE_18_24')).toBe('18–24');
    expect(ageBandLabel('AGE_40_PLUS')).toBe('40+');
  });
  it('property: the bands partition ages 0..120, in order', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 120 }), (age) => {
        const hits = AGE_BANDS.filter((b) => age >= b.min && age <= b.max);
        expect(hits).toHaveLength(1);
      }),
    );
    fc.assert(
      fc.property(fc.integer({ min: 1950, max: 2010 }), fc.integer({ min: 0, max: 5000 }), (year, days) => {
        const birth = `${year}-03-15`;
        const a = new Date(Date.UTC(2026, 0, 1) + days * 86_400_000).toISOString().slice(0, 10);
        const b = new Date(Date.UTC(2026, 0, 1) + (days + 400) * 86_400_000).toISOString().slice(0, 10);
        const ia = AGE_BANDS.findIndex((x) => x.code === ageBandOf(birth, a));
        const ib = AGE_BANDS.findIndex((x) => x.code === ageBandOf(birth, b));
        expect(ib).toBeGreaterThanOrEqual(ia); // bands never go backwards as time passes
      }),
    );
  });
});

describe('personalKeyKind', () => {
  it('recognises key spellings', () => {
    expect(personalKeyKind('NIK')).toBe('NIK');
    expect(personalKeyKind('date_of_birth')).toBe('BIRTH_DATE');
    expect(personalKeyKind('healthResults')).toBe('HEALTH');
    expect(personalKeyKind('criminalRecord')).toBe('CRIMINAL');
    expect(personalKeyKind('passport_number')).toBe('DOCUMENT_NUMBER');
    expect(personalKeyKind('kecamatan')).toBeUndefined();
  });
});
