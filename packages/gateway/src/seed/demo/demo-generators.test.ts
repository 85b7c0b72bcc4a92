/** The demo's generators without a database: the seeded stream and the safe NIK scheme. */
import fc from 'fast-check';
import { checkNikAgainstDeclared, checkNikStructure, KOTA_SERANG_KECAMATAN, type IsoDate } from '../../domain';
import { DEMO_NIK_PREFIX, DemoNikIssuer, isDemoNik } from './nik';
import { DemoRandom } from './random';

describe('DemoRandom', () => {
  it('gives the same stream for the same seed and a different one for another seed', () => {
    const take = (seed: string) => {
      const r = new DemoRandom(seed);
      return [r.nextUint32(), r.int(1, 6), r.uuid(), r.fork('x').nextUint32()];
    };
    expect(take('jembatan-demo-v1')).toEqual(take('jembatan-demo-v1'));
    expect(take('jembatan-demo-v1')).not.toEqual(take('jembatan-demo-v2'));
  });

  it('property: int stays in range, uuid is a canonical version-4 UUID', () => {
    fc.assert(
      fc.property(fc.string(), fc.integer({ min: -1000, max: 1000 }), fc.integer({ min: 0, max: 1000 }), (seed, min, span) => {
        const r = new DemoRandom(seed);
        const v = r.int(min, min + span);
        expect(v).toBeGreaterThanOrEqual(min);
        expect(v).toBeLessThanOrEqual(min + span);
        expect(r.uuid()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      }),
    );
  });
});

describe('demo NIKs', () => {
  it('property: every issued NIK is unique, starts 3699, and passes the NIK checks against its birth date and sex', () => {
    const issuer = new DemoNikIssuer();
    const seen = new Set<string>();
    fc.assert(
      fc.property(
        fc.constantFrom(...KOTA_SERANG_KECAMATAN),
        fc.date({ min: new Date('1960-01-01T00:00:00Z'), max: new Date('2008-12-31T00:00:00Z'), noInvalidDate: true }),
        fc.constantFrom('M' as const, 'F' as const),
        (kecamatan, date, sex) => {
          const birthDate = date.toISOString().slice(0, 10) as IsoDate;
          const nik = issuer.issue(kecamatan, birthDate, sex);
          expect(nik.startsWith(DEMO_NIK_PREFIX)).toBe(true);
          expect(isDemoNik(nik)).toBe(true);
          expect(checkNikStructure(nik).ok).toBe(true);
          expect(checkNikAgainstDeclared(nik, { birthDate, sex }).ok).toBe(true);
          expect(seen.has(nik)).toBe(false);
          seen.add(nik);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('recognises only the demo scheme', () => {
    expect(isDemoNik('3673011506950001')).toBe(false);
    expect(isDemoNik('3699011506950001')).toBe(true);
    expect(isDemoNik('369901150695000')).toBe(false);
    expect(isDemoNik(null)).toBe(false);
  });
});
