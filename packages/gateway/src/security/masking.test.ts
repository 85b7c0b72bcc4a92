import fc from 'fast-check';
import type { CandidateProfile } from '@jembatan/domain';
import { AGE_BANDS, ageBandLabel, ageBandOf, maskNik, maskProfileForAnalyst, maskRecordForAnalyst, maskTail, personalKeyKind } from './masking';

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

describe('maskProfileForAnalyst', () => {
  const profile: CandidateProfile = {
    nik: '3673012345670001',
    declaredBirthDate: '1998-05-20',
    declaredSex: 'M',
    address: { kecamatan: 'Kasemen', kelurahan: 'Warung Jaud', city: 'Kota Serang', source: 'KTP' },
    education: 'SLTA',
    epsTopikResults: [{ takenOn: '2025-09-01', score: 150 }],
    medical: { examinedOn: '2025-08-01', physicallyFit: true, conditions: { HIV: false, TUBERCULOSIS: true } },
    criminalRecord: { everImprisoned: false },
    koreaHistory: { deported: false, priorMonthsE9: 0 },
    bpjsNumber: '12345678901',
    familyConsent: { givenBy: 'PARENT', givenOn: '2025-07-01', acknowledgedByVillageHead: true },
    documents: [
      { kind: 'PASSPORT', issuedOn: '2025-01-10', expiresOn: '2035-01-10', verified: true, reference: 'X1234567' },
      { kind: 'SKCK', issuedOn: '2025-06-01', reference: 'SKCK/123/VI/2025' },
      { kind: 'MEDICAL_PSYCHOLOGICAL_CERTIFICATE', issuedOn: '2025-08-01' },
      { kind: 'KTP', verified: true, reference: '3673012345670001' },
    ],
  };
  const masked = maskProfileForAnalyst(profile, '2026-06-01');

  it('masks the NIK and BPJS number, and turns the birth date into an age band', () => {
    expect(masked.nik).toBe('3673********0001');
    expect(masked.bpjsNumber).toBe('*******8901');
    expect(masked.ageBand).toBe('AGE_25_29');
    expect(masked).not.toHaveProperty('declaredBirthDate');
  });

  it('removes health and criminal data, including the documents that reveal them', () => {
    expect(masked).not.toHaveProperty('medical');
    expect(masked).not.toHaveProperty('criminalRecord');
    expect(masked.documents?.map((d) => d.kind)).toEqual(['PASSPORT', 'KTP']);
  });

  it('removes passport and card numbers, the kelurahan and the consent date; keeps what aggregates need', () => {
    expect(masked.documents?.every((d) => !('reference' in d))).toBe(true);
    expect(masked.address).toEqual({ kecamatan: 'Kasemen', city: 'Kota Serang', source: 'KTP' });
    expect(masked.familyConsent).toEqual({ givenBy: 'PARENT', acknowledgedByVillageHead: true });
    expect(masked.education).toBe('SLTA');
    expect(masked.declaredSex).toBe('M');
    expect(masked.epsTopikResults).toEqual(profile.epsTopikResults);
  });

  it('leaks none of the sensitive values anywhere', () => {
    const text = JSON.stringify(masked);
    for (const secret of ['3673012345670001', '1998-05-20', 'X1234567', 'SKCK/123', 'Warung Jaud', 'TUBERCULOSIS', '2025-07-01', '12345678901']) {
      expect(text).not.toContain(secret);
    }
  });

  it('does not change its input', () => {
    expect(profile.nik).toBe('3673012345670001');
    expect(profile.medical).toBeDefined();
  });
});

describe('maskRecordForAnalyst (any record, by key)', () => {
  it('masks nested DTOs', () => {
    const out = maskRecordForAnalyst(
      {
        id: 'c-1',
        stage: 'TRAINING',
        person: { nik: '3673012345670001', birthDate: '2000-01-01', passportNumber: 'A7654321', name: 'kept' },
        medicalResult: { fit: false },
        criminal_record: { everImprisoned: true },
        documents: [{ kind: 'SKCK', reference: 'x' }, { kind: 'KTP' }],
      },
      '2026-06-01',
    );
    expect(out).toEqual({
      id: 'c-1',
      stage: 'TRAINING',
      person: { nik: '3673********0001', ageBand: 'AGE_25_29', name: 'kept' },
      documents: [{ kind: 'KTP' }],
    });
  });
  it('recognises key spellings', () => {
    expect(personalKeyKind('NIK')).toBe('NIK');
    expect(personalKeyKind('date_of_birth')).toBe('BIRTH_DATE');
    expect(personalKeyKind('healthResults')).toBe('HEALTH');
    expect(personalKeyKind('criminalRecord')).toBe('CRIMINAL');
    expect(personalKeyKind('passport_number')).toBe('DOCUMENT_NUMBER');
    expect(personalKeyKind('kecamatan')).toBeUndefined();
  });
});
