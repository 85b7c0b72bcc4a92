import fc from 'fast-check';
import { REDACTED, REDACTED_CHANGED, redactChange, redactForAudit } from './redaction';

describe('redactForAudit', () => {
  it('redacts NIK, birth date, health, criminal and passport data, keeping the shape', () => {
    const out = redactForAudit({
      id: 'c-1',
      profile: {
        nik: '3673012345670001',
        declaredBirthDate: '1998-05-20',
        medical: { physicallyFit: true },
        criminalRecord: { everImprisoned: false },
        education: 'SLTA',
        documents: [{ kind: 'PASSPORT', reference: 'X1234567', passportNumber: 'X1234567' }],
      },
      at: new Date('2026-01-02T03:04:05Z'),
      note: 'NIK 3673012345670001 typed into a note; 12345678901234567 (17 digits) is not a NIK',
      other: '3673012345670002',
    });
    expect(out).toEqual({
      id: 'c-1',
      profile: {
        nik: REDACTED,
        declaredBirthDate: REDACTED,
        medical: REDACTED,
        criminalRecord: REDACTED,
        education: 'SLTA',
        documents: [{ kind: 'PASSPORT', reference: REDACTED, passportNumber: REDACTED }],
      },
      at: '2026-01-02T03:04:05.000Z',
      note: `NIK ${REDACTED} typed into a note; 12345678901234567 (17 digits) is not a NIK`,
      other: REDACTED,
    });
  });

  it('is JSON-safe: cycles, functions, bigints, non-finite numbers, huge strings', () => {
    const a: Record<string, unknown> = { n: 1n, f: () => 1, inf: Number.POSITIVE_INFINITY, long: 'x'.repeat(10_000) };
    a.self = a;
    const out = redactForAudit(a) as Record<string, unknown>;
    expect(out.self).toBe('[CIRCULAR]');
    expect(out.n).toBe('1');
    expect(out).not.toHaveProperty('f');
    expect(out.inf).toBe('Infinity');
    expect((out.long as string).length).toBeLessThan(2100);
    expect(() => JSON.stringify(out)).not.toThrow();
  });

  it('property: no NIK survives, wherever it sits (value, key or free text)', () => {
    const nik = fc.oneof(fc.stringMatching(/^\d{16}$/), fc.stringMatching(/^[a-z ]{0,4}\d{16}[a-z ]{0,4}$/));
    const key = fc.constantFrom('nik', 'value', 'id', 'x', 'ktp');
    const tree = fc.letrec((tie) => ({
      node: fc.oneof(
        { depthSize: 'small' },
        nik,
        fc.string({ maxLength: 5 }),
        fc.integer(),
        fc.array(tie('node'), { maxLength: 3 }),
        fc.dictionary(key, tie('node'), { maxKeys: 3 }),
      ),
    })).node;
    fc.assert(
      fc.property(tree, (value) => {
        const text = JSON.stringify(redactForAudit(value));
        expect(text ?? '').not.toMatch(/(?<!\d)\d{16}(?!\d)/);
      }),
    );
  });
});

describe('redactChange', () => {
  it('marks a changed redacted value, without revealing either side', () => {
    const before = { nik: '3673012345670001', stage: 'REGISTERED', medical: { fit: true } };
    const after = { nik: '3673012345670009', stage: 'SCREENED', medical: { fit: true } };
    const { before: b, after: a } = redactChange(before, after);
    expect(b).toEqual({ nik: REDACTED, stage: 'REGISTERED', medical: REDACTED });
    expect(a).toEqual({ nik: REDACTED_CHANGED, stage: 'SCREENED', medical: REDACTED });
    expect(JSON.stringify([a, b])).not.toMatch(/3673/);
  });
  it('handles creation (no before) and deletion (no after)', () => {
    expect(redactChange(undefined, { nik: '3673012345670001' })).toEqual({ before: null, after: { nik: REDACTED } });
    expect(redactChange({ nik: '3673012345670001' }, undefined)).toEqual({ before: { nik: REDACTED }, after: null });
  });
});
