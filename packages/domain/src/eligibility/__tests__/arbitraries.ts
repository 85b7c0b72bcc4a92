/** fast-check arbitraries for eligibility property tests (not part of the build). */
import fc from 'fast-check';
import { EDUCATION_LEVELS } from '../../parameters';
import { addMonths, fromParts, type IsoDate } from '../../shared/local-date';
import { OCCUPATIONS, ROUTES, SEXES } from '../../shared/vocabulary';
import { CANDIDATE_PROFILE_FIELDS, CONSENT_GIVERS, DOCUMENT_KINDS, SKILL_CERTIFIERS, type CandidateProfile } from '../candidate-profile';
import type { EligibilityOpening } from '../rule';

/** Every generated past date is on or before 2025-12-28, so it is valid for the as-of dates below. */
export const AS_OF_DATES = ['2025-12-31', '2026-03-01', '2027-06-01'] as const;

export const pastDate: fc.Arbitrary<IsoDate> = fc
  .record({ year: fc.integer({ min: 2016, max: 2025 }), month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 28 }) })
  .map(fromParts);

export const anyDate: fc.Arbitrary<IsoDate> = fc
  .record({ year: fc.integer({ min: 2016, max: 2032 }), month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 28 }) })
  .map(fromParts);

const birthDate: fc.Arbitrary<IsoDate> = fc
  .record({ year: fc.integer({ min: 1980, max: 2010 }), month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 28 }) })
  .map(fromParts);

const two = (n: number) => String(n).padStart(2, '0');

/** Mostly valid NIKs (Kota Serang or Kabupaten Serang prefixes), sometimes a mistyped one. */
const nik: fc.Arbitrary<string> = fc.oneof(
  fc
    .record({
      regency: fc.constantFrom('3673', '3604', '3201'),
      kec: fc.integer({ min: 1, max: 6 }),
      birth: birthDate,
      sex: fc.constantFrom('M', 'F'),
      seq: fc.integer({ min: 1, max: 9999 }),
    })
    .map(({ regency, kec, birth, sex, seq }) => {
      const [y, m, d] = birth.split('-').map(Number) as [number, number, number];
      return `${regency}${two(kec)}${two(sex === 'F' ? d + 40 : d)}${two(m)}${two(y % 100)}${String(seq).padStart(4, '0')}`;
    }),
  fc.stringMatching(/^\d{15}$/),
);

const expiringAfter = (start: fc.Arbitrary<IsoDate>) =>
  fc.tuple(start, fc.option(fc.integer({ min: 0, max: 120 }), { nil: undefined })).map(([from, months]) => ({
    from,
    ...(months === undefined ? {} : { expiresOn: addMonths(from, months) }),
  }));

const optionalBool = fc.option(fc.boolean(), { nil: undefined });

function compact<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

export const profileField: { [K in (typeof CANDIDATE_PROFILE_FIELDS)[number]]: fc.Arbitrary<NonNullable<CandidateProfile[K]>> } = {
  nik,
  declaredBirthDate: birthDate,
  declaredSex: fc.constantFrom(...SEXES),
  address: fc
    .record(
      {
        kecamatan: fc.constantFrom('Kasemen', 'Cipocok Jaya', 'Kec. Taktakan', 'Curug', 'Cikande', 'Cipocok'),
        city: fc.constantFrom('Kota Serang', 'Serang', 'Kab. Serang', 'Kabupaten Tangerang'),
      },
      { requiredKeys: [] },
    )
    .map(compact),
  education: fc.constantFrom(...EDUCATION_LEVELS),
  epsTopikResults: fc.array(fc.record({ takenOn: pastDate, score: fc.integer({ min: 0, max: 200 }) }), { maxLength: 3 }),
  topikResults: fc.array(
    fc.oneof(
      fc.record({ test: fc.constant('TOPIK_I' as const), takenOn: pastDate, score: fc.integer({ min: 0, max: 200 }) }),
      fc.record({ test: fc.constant('TOPIK_II' as const), takenOn: pastDate, score: fc.integer({ min: 0, max: 300 }) }),
    ),
    { maxLength: 2 },
  ),
  pilotKoreanTests: fc.array(fc.record({ takenOn: pastDate, level: fc.integer({ min: 0, max: 6 }), speakingPassed: fc.boolean() }), { maxLength: 2 }),
  skillVerifications: fc.array(
    fc
      .record({
        occupation: fc.constantFrom(...OCCUPATIONS),
        certifier: fc.constantFrom(...SKILL_CERTIFIERS),
        qualification: fc.option(fc.constantFrom('FCAW 3G (X-ray)', 'SMAW 6G'), { nil: undefined }),
        dates: expiringAfter(pastDate),
        passed: fc.boolean(),
      })
      .map(({ dates, ...v }) => compact({ ...v, testedOn: dates.from, expiresOn: dates.expiresOn })),
    { maxLength: 3 },
  ),
  medical: fc
    .record({
      examinedOn: fc.option(pastDate, { nil: undefined }),
      physicallyFit: optionalBool,
      psychologicallyFit: optionalBool,
      colourBlind: optionalBool,
      completeFingers: optionalBool,
      conditions: fc.option(
        fc.record({ TUBERCULOSIS: optionalBool, HEPATITIS: optionalBool, SYPHILIS: optionalBool, HIV: optionalBool }).map(compact),
        { nil: undefined },
      ),
    })
    .map(compact),
  criminalRecord: fc.record({ everImprisoned: optionalBool }).map(compact),
  koreaHistory: fc
    .record({
      deported: optionalBool,
      entryBanned: optionalBool,
      priorMonthsE9: fc.option(fc.integer({ min: 0, max: 70 }), { nil: undefined }),
      priorMonthsE10: fc.option(fc.integer({ min: 0, max: 20 }), { nil: undefined }),
    })
    .map(compact),
  bpjsNumber: fc.constantFrom('12345678901', '98765432100'),
  familyConsent: fc
    .record({ givenBy: fc.constantFrom(...CONSENT_GIVERS), givenOn: fc.option(pastDate, { nil: undefined }), acknowledgedByVillageHead: fc.boolean() })
    .map(compact),
  documents: fc.array(
    fc
      .record({
        // biased towards several passports, whose validity depends on the planned departure
        kind: fc.oneof({ arbitrary: fc.constant('PASSPORT' as const), weight: 2 }, { arbitrary: fc.constantFrom(...DOCUMENT_KINDS), weight: 3 }),
        dates: expiringAfter(pastDate),
        verified: optionalBool,
      })
      .map(({ kind, dates, verified }) => compact({ kind, issuedOn: dates.from, expiresOn: dates.expiresOn, verified })),
    { maxLength: 14 },
  ),
  plannedDeparture: anyDate,
};

export const profileArb: fc.Arbitrary<CandidateProfile> = fc.record(profileField, { requiredKeys: [] }) as fc.Arbitrary<CandidateProfile>;

export const openingArb: fc.Arbitrary<EligibilityOpening | undefined> = fc.option(
  fc
    .record({
      occupation: fc.constantFrom(...OCCUPATIONS),
      extraRequirements: fc.option(
        fc
          .record(
            {
              minEpsTopikScore: fc.integer({ min: 0, max: 200 }),
              minTopikLevel: fc.integer({ min: 1, max: 6 }),
              minEducation: fc.constantFrom(...EDUCATION_LEVELS),
              minAge: fc.integer({ min: 18, max: 30 }),
              maxAge: fc.integer({ min: 30, max: 45 }),
              skillQualification: fc.constantFrom('FCAW 3G', 'SMAW 6G'),
            },
            { requiredKeys: [] },
          ),
        { nil: undefined },
      ),
      plannedDeparture: fc.option(anyDate, { nil: undefined }),
    })
    .map((o) => compact(o) as EligibilityOpening),
  { nil: undefined },
);

export const routeArb = fc.constantFrom(...ROUTES);
export const asOfArb = fc.constantFrom(...AS_OF_DATES);
