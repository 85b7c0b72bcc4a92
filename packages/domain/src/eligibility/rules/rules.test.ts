/**
 * Unit tests per rule: each rule is run inside a full evaluation of a profile that passes every
 * rule (fixtures.completeProfile), changed in one place, so that each row isolates one condition.
 */
import type { Route } from '../../shared/vocabulary';
import type { CandidateProfile, DocumentKind, DocumentRecord } from '../candidate-profile';
import type { EvaluateEligibilityInput } from '../evaluate-eligibility';
import { ELIGIBILITY_RULE_IDS } from '../rule-catalog';
import { AS_OF, completeProfile, evaluate, OPENING_FOR, resultOf } from '../__tests__/fixtures';

type Change = (p: CandidateProfile) => CandidateProfile;
const same: Change = (p) => p;
const set =
  (patch: Partial<CandidateProfile>): Change =>
  (p) => ({ ...p, ...patch });
const drop =
  (...keys: (keyof CandidateProfile)[]): Change =>
  (p) => {
    const q: Record<string, unknown> = { ...p };
    for (const k of keys) delete q[k];
    return q as CandidateProfile;
  };
const docs =
  (kind: DocumentKind, f: (d: DocumentRecord) => DocumentRecord | undefined): Change =>
  (p) => ({
    ...p,
    documents: (p.documents ?? []).flatMap((d) => {
      if (d.kind !== kind) return [d];
      const n = f(d);
      return n ? [n] : [];
    }),
  });
const medical =
  (patch: Partial<NonNullable<CandidateProfile['medical']>>): Change =>
  (p) => ({ ...p, medical: { ...p.medical, ...patch } });

type Row = [
  ruleId: string,
  route: Route,
  label: string,
  change: Change,
  outcome: 'pass' | 'fail' | 'missing',
  code: string,
  fixable: boolean,
  extra?: Partial<EvaluateEligibilityInput>,
];

const ROWS: Row[] = [
  // route
  ['route.open', 'E9', 'E-9 is open', same, 'pass', 'ROUTE.OPEN', false],
  ['route.open', 'E8', 'E-8 is suspended for Indonesia', same, 'fail', 'ROUTE.SUSPENDED', false],
  ['route.occupation', 'E7_3', 'a welder fits E-7-3', same, 'pass', 'ROUTE.OCCUPATION_OK', false],
  ['route.occupation', 'E7_3', 'a cook does not fit E-7-3', same, 'fail', 'ROUTE.OCCUPATION_NOT_IN_SECTORS', false, { opening: { occupation: 'COOK' } }],
  ['route.occupation', 'E9', 'a welder does not fit E-9', same, 'fail', 'ROUTE.OCCUPATION_NOT_IN_SECTORS', false, { opening: { occupation: 'WELDER' } }],
  // identity
  ['identity.nik', 'E9', 'a valid, consistent NIK', same, 'pass', 'IDENTITY.NIK_OK', false],
  ['identity.nik', 'E9', 'no NIK', drop('nik'), 'missing', 'IDENTITY.NIK_MISSING', true],
  ['identity.nik', 'E9', 'a 15-digit NIK', set({ nik: '367301150695001' }), 'fail', 'NIK.INVALID_LENGTH', true],
  ['identity.nik', 'E9', 'a NIK for a woman, declared a man', set({ nik: '3673015506950001' }), 'fail', 'NIK.SEX_MISMATCH', true],
  ['identity.nik', 'E9', 'a NIK with another birth date', set({ declaredBirthDate: '1995-06-16' }), 'fail', 'NIK.BIRTH_DATE_MISMATCH', true],
  // residency: never from the NIK prefix
  ['city.residency', 'E9', 'a 3604 NIK living in Kasemen is a resident', set({ nik: '3604011506950001' }), 'pass', 'RESIDENCY.KOTA_SERANG', false],
  ['city.residency', 'E9', 'a 3673 NIK living in Kab. Tangerang is not', set({ address: { kecamatan: 'Curug', city: 'Kabupaten Tangerang' } }), 'fail', 'RESIDENCY.OUTSIDE_KOTA_SERANG', false],
  ['city.residency', 'E9', 'a misspelt kecamatan in Kota Serang', set({ address: { kecamatan: 'Cipocok', city: 'Kota Serang' } }), 'fail', 'RESIDENCY.KECAMATAN_NOT_IN_CITY', true],
  ['city.residency', 'E9', 'no address', drop('address'), 'missing', 'RESIDENCY.ADDRESS_MISSING', true],
  ['city.residency', 'E9', 'a kecamatan without a city', set({ address: { kecamatan: 'Curug' } }), 'missing', 'RESIDENCY.CITY_MISSING', true],
  // age
  ['law.minimumAge', 'E7_3', 'aged 30', same, 'pass', 'AGE.OK', false],
  ['law.minimumAge', 'E7_3', 'aged 17', set({ nik: '3673011506080001', declaredBirthDate: '2008-06-15' }), 'fail', 'AGE.BELOW_MINIMUM', true],
  ['law.minimumAge', 'E7_3', 'birth date from the NIK only', drop('declaredBirthDate'), 'pass', 'AGE.OK', false],
  ['law.minimumAge', 'E7_3', 'no birth date and no NIK', drop('declaredBirthDate', 'nik'), 'missing', 'AGE.BIRTH_DATE_MISSING', true],
  ['eps.ageBand', 'E9', 'aged 30', same, 'pass', 'AGE.WITHIN_ROUTE_BAND', false],
  ['eps.ageBand', 'E9', 'aged 40', set({ nik: '3673011506850001', declaredBirthDate: '1985-06-15' }), 'fail', 'AGE.ABOVE_ROUTE_MAXIMUM', false],
  ['eps.ageBand', 'E9', 'aged 17', set({ nik: '3673011506080001', declaredBirthDate: '2008-06-15' }), 'fail', 'AGE.BELOW_ROUTE_MINIMUM', true],
  ['eps.ageBand', 'E9', 'no birth date', drop('declaredBirthDate', 'nik'), 'missing', 'AGE.BIRTH_DATE_MISSING', true],
  // education
  ['eps.education', 'E9', 'SLTA', same, 'pass', 'EDUCATION.OK', false],
  ['eps.education', 'E9', 'SLTP exactly', set({ education: 'SLTP' }), 'pass', 'EDUCATION.OK', false],
  ['eps.education', 'E9', 'SD only', set({ education: 'SD' }), 'fail', 'EDUCATION.BELOW_MINIMUM', true],
  ['eps.education', 'E9', 'not given', drop('education'), 'missing', 'EDUCATION.MISSING', true],
  // Korean
  ['eps.koreanTest', 'E9', 'a valid 150', same, 'pass', 'EPS_TOPIK.OK', false],
  ['eps.koreanTest', 'E9', 'a valid 80 (the floor)', set({ epsTopikResults: [{ takenOn: '2025-09-01', score: 80 }] }), 'pass', 'EPS_TOPIK.OK', false],
  ['eps.koreanTest', 'E9', 'a valid 79', set({ epsTopikResults: [{ takenOn: '2025-09-01', score: 79 }] }), 'fail', 'EPS_TOPIK.BELOW_MINIMUM', true],
  ['eps.koreanTest', 'E9', 'only an expired result', set({ epsTopikResults: [{ takenOn: '2023-05-12', score: 190 }] }), 'fail', 'EPS_TOPIK.EXPIRED', true],
  ['eps.koreanTest', 'E9', 'no result', drop('epsTopikResults'), 'missing', 'EPS_TOPIK.MISSING', true],
  ['pilot.koreanTest', 'E7_3_PILOT', 'level 1 with speaking', same, 'pass', 'PILOT_KOREAN.OK', false],
  ['pilot.koreanTest', 'E7_3_PILOT', 'TOPIK level 2 plus a pilot speaking pass at level 0', set({ pilotKoreanTests: [{ takenOn: '2025-10-01', level: 0, speakingPassed: true }] }), 'pass', 'PILOT_KOREAN.OK', false],
  ['pilot.koreanTest', 'E7_3_PILOT', 'level 0 and TOPIK I below 80', set({ topikResults: [{ test: 'TOPIK_I', takenOn: '2025-08-01', score: 79 }], pilotKoreanTests: [{ takenOn: '2025-10-01', level: 0, speakingPassed: true }] }), 'fail', 'PILOT_KOREAN.LEVEL_BELOW_MINIMUM', true],
  ['pilot.koreanTest', 'E7_3_PILOT', 'speaking failed', set({ pilotKoreanTests: [{ takenOn: '2025-10-01', level: 1, speakingPassed: false }] }), 'fail', 'PILOT_KOREAN.SPEAKING_NOT_PASSED', true],
  ['pilot.koreanTest', 'E7_3_PILOT', 'TOPIK but no speaking test', drop('pilotKoreanTests'), 'missing', 'PILOT_KOREAN.SPEAKING_MISSING', true],
  ['pilot.koreanTest', 'E7_3_PILOT', 'no Korean test at all', drop('pilotKoreanTests', 'topikResults'), 'missing', 'PILOT_KOREAN.MISSING', true],
  // competence
  ['law.competence', 'E9', 'a BNSP-LSP verification for the occupation', same, 'pass', 'COMPETENCE.OK', false],
  ['law.competence', 'E9', 'only a verification for another occupation', set({ skillVerifications: [{ occupation: 'WELDER', certifier: 'KOSHIPA', testedOn: '2025-11-01', passed: true }] }), 'missing', 'COMPETENCE.MISSING', true],
  ['law.competence', 'E9', 'a failed test', set({ skillVerifications: [{ occupation: 'MANUFACTURING_WORKER', certifier: 'BNSP_LSP', testedOn: '2025-11-01', passed: false }] }), 'fail', 'COMPETENCE.NOT_PASSED', true],
  ['law.competence', 'E9', 'an expired certificate', set({ skillVerifications: [{ occupation: 'MANUFACTURING_WORKER', certifier: 'BNSP_LSP', testedOn: '2022-11-01', passed: true, expiresOn: '2025-10-31' }] }), 'fail', 'COMPETENCE.EXPIRED', true],
  ['e73.skillVerification', 'E7_3', 'a KOSHIPA welder verification', same, 'pass', 'SKILL_VERIFICATION.OK', false],
  ['e73.skillVerification', 'E7_3', 'a BNSP verification is not KOSHIPA', set({ skillVerifications: [{ occupation: 'WELDER', certifier: 'BNSP_LSP', testedOn: '2025-11-01', passed: true }] }), 'missing', 'SKILL_VERIFICATION.MISSING', true],
  ['e73.skillVerification', 'E7_3', 'a failed KOSHIPA test', set({ skillVerifications: [{ occupation: 'WELDER', certifier: 'KOSHIPA', testedOn: '2025-11-01', passed: false }] }), 'fail', 'SKILL_VERIFICATION.NOT_PASSED', true],
  ['e73.skillVerification', 'E7_3', 'an expired KOSHIPA verification', set({ skillVerifications: [{ occupation: 'WELDER', certifier: 'KOSHIPA', testedOn: '2023-11-01', passed: true, expiresOn: '2025-11-01' }] }), 'fail', 'SKILL_VERIFICATION.EXPIRED', true],
  // health
  ['law.health', 'E7_3', 'fit', same, 'pass', 'HEALTH.FIT', false],
  ['law.health', 'E7_3', 'psychologically unfit', medical({ psychologicallyFit: false }), 'fail', 'HEALTH.UNFIT', false],
  ['law.health', 'E7_3', 'no examination', drop('medical'), 'missing', 'HEALTH.EXAMINATION_MISSING', true],
  ['eps.colourVision', 'E9', 'normal colour vision', same, 'pass', 'MEDICAL.COLOUR_VISION_OK', false],
  ['eps.colourVision', 'E9', 'colour blind', medical({ colourBlind: true }), 'fail', 'MEDICAL.COLOUR_BLIND', false],
  ['eps.colourVision', 'E9', 'not tested', drop('medical'), 'missing', 'MEDICAL.COLOUR_VISION_MISSING', true],
  ['eps.completeFingers', 'E9', 'complete', same, 'pass', 'MEDICAL.FINGERS_OK', false],
  ['eps.completeFingers', 'E9', 'incomplete', medical({ completeFingers: false }), 'fail', 'MEDICAL.INCOMPLETE_FINGERS', false],
  ['eps.completeFingers', 'E9', 'not examined', drop('medical'), 'missing', 'MEDICAL.FINGERS_MISSING', true],
  ['eps.excludedDiseases', 'E9', 'all screened negative', same, 'pass', 'MEDICAL.SCREENING_OK', false],
  ['eps.excludedDiseases', 'E9', 'TB found', medical({ conditions: { TUBERCULOSIS: true, HEPATITIS: false, SYPHILIS: false, HIV: false } }), 'fail', 'MEDICAL.EXCLUDED_CONDITION', false],
  ['eps.excludedDiseases', 'E9', 'HIV not screened', medical({ conditions: { TUBERCULOSIS: false, HEPATITIS: false, SYPHILIS: false } }), 'missing', 'MEDICAL.SCREENING_MISSING', true],
  // record and Korea history
  ['eps.criminalRecord', 'E9', 'never imprisoned', same, 'pass', 'CRIMINAL_RECORD.CLEAR', false],
  ['eps.criminalRecord', 'E9', 'imprisoned', set({ criminalRecord: { everImprisoned: true } }), 'fail', 'CRIMINAL_RECORD.IMPRISONED', false],
  ['eps.criminalRecord', 'E9', 'not declared', drop('criminalRecord'), 'missing', 'CRIMINAL_RECORD.MISSING', true],
  ['eps.noDeportation', 'E9', 'clear', same, 'pass', 'KOREA_HISTORY.CLEAR', false],
  ['eps.noDeportation', 'E9', 'deported', set({ koreaHistory: { deported: true, entryBanned: false, priorMonthsE9: 10, priorMonthsE10: 0 } }), 'fail', 'KOREA_HISTORY.DEPORTED_OR_BANNED', false],
  ['eps.noDeportation', 'E9', 'ban not declared', set({ koreaHistory: { deported: false, priorMonthsE9: 0, priorMonthsE10: 0 } }), 'missing', 'KOREA_HISTORY.MISSING', true],
  ['eps.priorStay', 'E9', '60 months exactly', set({ koreaHistory: { deported: false, entryBanned: false, priorMonthsE9: 50, priorMonthsE10: 10 } }), 'pass', 'KOREA_HISTORY.PRIOR_STAY_OK', false],
  ['eps.priorStay', 'E9', '61 months', set({ koreaHistory: { deported: false, entryBanned: false, priorMonthsE9: 51, priorMonthsE10: 10 } }), 'fail', 'KOREA_HISTORY.PRIOR_STAY_TOO_LONG', false],
  ['eps.priorStay', 'E9', 'E-10 months not given', set({ koreaHistory: { deported: false, entryBanned: false, priorMonthsE9: 12 } }), 'missing', 'KOREA_HISTORY.PRIOR_STAY_MISSING', true],
  ['korea.noEntryBan', 'E7_3', 'no ban', same, 'pass', 'KOREA_HISTORY.NOT_BANNED', false],
  ['korea.noEntryBan', 'E7_3', 'banned', set({ koreaHistory: { entryBanned: true } }), 'fail', 'KOREA_HISTORY.ENTRY_BANNED', false],
  ['korea.noEntryBan', 'E7_3', 'not declared', drop('koreaHistory'), 'missing', 'KOREA_HISTORY.MISSING', true],
  // BPJS, consent
  ['law.socialSecurity', 'E9', 'registered', same, 'pass', 'SOCIAL_SECURITY.REGISTERED', false],
  ['law.socialSecurity', 'E9', 'not registered', drop('bpjsNumber'), 'missing', 'SOCIAL_SECURITY.MISSING', true],
  ['law.familyConsent', 'E9', 'acknowledged consent', same, 'pass', 'CONSENT.OK', false],
  ['law.familyConsent', 'E9', 'a verified consent document only', drop('familyConsent'), 'pass', 'CONSENT.OK', false],
  ['law.familyConsent', 'E9', 'consent not acknowledged by the lurah', (p) => docs('FAMILY_CONSENT', () => undefined)({ ...p, familyConsent: { givenBy: 'SPOUSE', acknowledgedByVillageHead: false } }), 'fail', 'CONSENT.NOT_ACKNOWLEDGED', true],
  ['law.familyConsent', 'E9', 'no consent', (p) => docs('FAMILY_CONSENT', () => undefined)(drop('familyConsent')(p)), 'missing', 'CONSENT.MISSING', true],
  // documents
  ['docs.passport', 'E9', 'valid through departure', same, 'pass', 'DOCUMENT.OK', false],
  ['docs.passport', 'E9', 'expired', docs('PASSPORT', (d) => ({ ...d, issuedOn: '2020-01-05', expiresOn: '2025-01-04' })), 'fail', 'DOCUMENT.EXPIRED', true],
  ['docs.passport', 'E9', 'expires before departure', docs('PASSPORT', (d) => ({ ...d, expiresOn: '2026-05-31' })), 'fail', 'DOCUMENT.EXPIRES_TOO_SOON', true],
  ['docs.passport', 'E9', 'expires on departure day (inclusive)', docs('PASSPORT', (d) => ({ ...d, expiresOn: '2026-06-01' })), 'pass', 'DOCUMENT.OK', false],
  ['docs.passport', 'E9', 'valid at departure but not 6 months beyond', docs('PASSPORT', (d) => ({ ...d, expiresOn: '2026-11-30' })), 'fail', 'DOCUMENT.EXPIRES_TOO_SOON', true, { passportMarginMonths: 6 }],
  ['docs.passport', 'E9', 'no expiry date', docs('PASSPORT', (d) => ({ kind: d.kind, verified: true })), 'missing', 'DOCUMENT.EXPIRY_MISSING', true],
  ['docs.passport', 'E9', 'not verified', docs('PASSPORT', (d) => ({ ...d, verified: false })), 'fail', 'DOCUMENT.NOT_VERIFIED', true],
  ['docs.passport', 'E9', 'no passport', docs('PASSPORT', () => undefined), 'missing', 'DOCUMENT.MISSING', true],
  ['docs.passport', 'E9', 'a verified passport too short for departure beats a newer one without an expiry date', (p) => ({ ...p, documents: [...(p.documents ?? []).map((d) => (d.kind === 'PASSPORT' ? { ...d, expiresOn: '2026-05-01' } : d)), { kind: 'PASSPORT', verified: true }] }), 'fail', 'DOCUMENT.EXPIRES_TOO_SOON', true],
  ['docs.passport', 'E9', 'an unverified new passport beats a verified one that expires too soon', (p) => ({ ...p, documents: [...(p.documents ?? []).map((d) => (d.kind === 'PASSPORT' ? { ...d, expiresOn: '2026-05-01' } : d)), { kind: 'PASSPORT', issuedOn: '2026-02-01', expiresOn: '2031-01-31' }] }), 'fail', 'DOCUMENT.NOT_VERIFIED', true],
  ['docs.skck', 'E7_3', 'valid', same, 'pass', 'DOCUMENT.OK', false],
  ['docs.skck', 'E7_3', 'expires before departure', docs('SKCK', (d) => ({ ...d, expiresOn: '2026-04-30' })), 'fail', 'DOCUMENT.EXPIRES_TOO_SOON', true],
  ['docs.workVisa', 'E7_3', 'present', same, 'pass', 'DOCUMENT.OK', false],
  ['docs.workVisa', 'E7_3', 'not yet issued', docs('WORK_VISA', () => undefined), 'missing', 'DOCUMENT.MISSING', true],
  ['docs.placementAgreement', 'E7_3', 'present', same, 'pass', 'DOCUMENT.OK', false],
  ['docs.placementAgreement', 'E7_3', 'not yet signed', docs('PLACEMENT_AGREEMENT', () => undefined), 'missing', 'DOCUMENT.MISSING', true],
  ['docs.employmentContract', 'E7_3', 'present', same, 'pass', 'DOCUMENT.OK', false],
  ['docs.employmentContract', 'E7_3', 'not yet signed', docs('EMPLOYMENT_CONTRACT', () => undefined), 'missing', 'DOCUMENT.MISSING', true],
  ['docs.maritalStatus', 'E7_3', 'present', same, 'pass', 'DOCUMENT.OK', false],
  ['docs.maritalStatus', 'E7_3', 'missing', docs('MARITAL_STATUS_CERTIFICATE', () => undefined), 'missing', 'DOCUMENT.MISSING', true],
  ['docs.competencyCertificate', 'E7_3', 'present', same, 'pass', 'DOCUMENT.OK', false],
  ['docs.competencyCertificate', 'E7_3', 'missing', docs('COMPETENCY_CERTIFICATE', () => undefined), 'missing', 'DOCUMENT.MISSING', true],
  ['docs.medicalCertificate', 'E7_3', 'present', same, 'pass', 'DOCUMENT.OK', false],
  ['docs.medicalCertificate', 'E7_3', 'expired', docs('MEDICAL_PSYCHOLOGICAL_CERTIFICATE', (d) => ({ ...d, expiresOn: '2026-02-28' })), 'fail', 'DOCUMENT.EXPIRED', true],
  ['docs.medicalCertificate', 'E7_3', 'missing', docs('MEDICAL_PSYCHOLOGICAL_CERTIFICATE', () => undefined), 'missing', 'DOCUMENT.MISSING', true],
  ['docs.skck', 'E7_3', 'missing', docs('SKCK', () => undefined), 'missing', 'DOCUMENT.MISSING', true],
  ['docs.ak1', 'E7_3', 'missing', docs('AK1_CARD', () => undefined), 'missing', 'DOCUMENT.MISSING', true],
  ['docs.ktp', 'E7_3', 'present', same, 'pass', 'DOCUMENT.OK', false],
  ['docs.ktp', 'E7_3', 'not verified', docs('KTP', (d) => ({ kind: d.kind })), 'fail', 'DOCUMENT.NOT_VERIFIED', true],
  ['docs.ktp', 'E7_3', 'missing', docs('KTP', () => undefined), 'missing', 'DOCUMENT.MISSING', true],
  ['docs.kk', 'E7_3', 'present', same, 'pass', 'DOCUMENT.OK', false],
  ['docs.kk', 'E7_3', 'missing', docs('KK', () => undefined), 'missing', 'DOCUMENT.MISSING', true],
  ['docs.ak1', 'E7_3', 'present', same, 'pass', 'DOCUMENT.OK', false],
  ['docs.ak1', 'E7_3', 'expired card', docs('AK1_CARD', (d) => ({ ...d, expiresOn: '2026-02-01' })), 'fail', 'DOCUMENT.EXPIRED', true],
  // opening requirements
  ['opening.minEpsTopikScore', 'E9', '150 ≥ 120', same, 'pass', 'OPENING.EPS_TOPIK_OK', false, { opening: { occupation: 'MANUFACTURING_WORKER', extraRequirements: { minEpsTopikScore: 120 } } }],
  ['opening.minEpsTopikScore', 'E9', '150 < 160', same, 'fail', 'OPENING.EPS_TOPIK_BELOW_MINIMUM', true, { opening: { occupation: 'MANUFACTURING_WORKER', extraRequirements: { minEpsTopikScore: 160 } } }],
  ['opening.minEpsTopikScore', 'E9', 'no EPS-TOPIK', drop('epsTopikResults'), 'missing', 'EPS_TOPIK.MISSING', true, { opening: { occupation: 'MANUFACTURING_WORKER', extraRequirements: { minEpsTopikScore: 120 } } }],
  ['opening.minTopikLevel', 'E7_3', 'level 2 ≥ 2', same, 'pass', 'OPENING.TOPIK_LEVEL_OK', false, { opening: { occupation: 'WELDER', extraRequirements: { minTopikLevel: 2 } } }],
  ['opening.minTopikLevel', 'E7_3', 'level 2 < 3', same, 'fail', 'OPENING.TOPIK_LEVEL_BELOW_MINIMUM', true, { opening: { occupation: 'WELDER', extraRequirements: { minTopikLevel: 3 } } }],
  ['opening.minTopikLevel', 'E7_3', 'no TOPIK', drop('topikResults', 'pilotKoreanTests'), 'missing', 'TOPIK.MISSING', true, { opening: { occupation: 'WELDER', extraRequirements: { minTopikLevel: 2 } } }],
  ['opening.minEducation', 'E7_3', 'SLTA ≥ SLTA', same, 'pass', 'OPENING.EDUCATION_OK', false, { opening: { occupation: 'WELDER', extraRequirements: { minEducation: 'SLTA' } } }],
  ['opening.minEducation', 'E7_3', 'SLTA < D3', same, 'fail', 'OPENING.EDUCATION_BELOW_MINIMUM', true, { opening: { occupation: 'WELDER', extraRequirements: { minEducation: 'D3' } } }],
  ['opening.minEducation', 'E7_3', 'not given', drop('education'), 'missing', 'EDUCATION.MISSING', true, { opening: { occupation: 'WELDER', extraRequirements: { minEducation: 'SLTA' } } }],
  ['opening.ageRange', 'E7_3', 'aged 30 in 21–35', same, 'pass', 'OPENING.AGE_OK', false, { opening: { occupation: 'WELDER', extraRequirements: { minAge: 21, maxAge: 35 } } }],
  ['opening.ageRange', 'E7_3', 'aged 30 above 28', same, 'fail', 'OPENING.AGE_ABOVE_MAXIMUM', false, { opening: { occupation: 'WELDER', extraRequirements: { maxAge: 28 } } }],
  ['opening.ageRange', 'E7_3', 'aged 30 below 31', same, 'fail', 'OPENING.AGE_BELOW_MINIMUM', true, { opening: { occupation: 'WELDER', extraRequirements: { minAge: 31 } } }],
  ['opening.ageRange', 'E7_3', 'no birth date', drop('declaredBirthDate', 'nik'), 'missing', 'AGE.BIRTH_DATE_MISSING', true, { opening: { occupation: 'WELDER', extraRequirements: { maxAge: 35 } } }],
  ['opening.skillQualification', 'E7_3', 'FCAW 3G held', same, 'pass', 'OPENING.QUALIFICATION_OK', false, { opening: { occupation: 'WELDER', extraRequirements: { skillQualification: 'fcaw-3g' } } }],
  ['opening.skillQualification', 'E7_3', 'SMAW asked, FCAW held', same, 'fail', 'OPENING.QUALIFICATION_MISSING', true, { opening: { occupation: 'WELDER', extraRequirements: { skillQualification: 'SMAW 6G' } } }],
  ['opening.skillQualification', 'E7_3', 'no welder verification', drop('skillVerifications'), 'missing', 'SKILL_VERIFICATION.MISSING', true, { opening: { occupation: 'WELDER', extraRequirements: { skillQualification: 'FCAW 3G' } } }],
];

describe.each([...new Set(ROWS.map((r) => r[0]))])('rule %s', (ruleId) => {
  it.each(ROWS.filter((r) => r[0] === ruleId).map((r) => [r[2], r] as const))('%s', (_label, [, route, , change, outcome, code, fixable, extra]) => {
    const e = evaluate(change(completeProfile()), route, extra);
    const r = resultOf(e, ruleId);
    expect({ outcome: r.outcome, code: r.code, fixable: r.fixable }).toEqual({ outcome, code, fixable });
    expect(r.message.id.length).toBeGreaterThan(0);
    expect(r.message.en.length).toBeGreaterThan(0);
    expect(r.clause).toMatch(/\S+\/\S+/);
    if (r.outcome === 'pass' || (r.outcome === 'fail' && !r.fixable)) {
      expect(r.action).toBeUndefined();
    } else {
      expect(r.action?.message.id.length).toBeGreaterThan(0);
      expect(e.checklist.some((c) => c.ruleIds.includes(ruleId))).toBe(true);
    }
  });
});

describe('rule table coverage', () => {
  const outcomes = (id: string) => new Set(ROWS.filter((r) => r[0] === id).map((r) => r[4]));
  it('has a pass and a non-pass row for every rule in the catalog', () => {
    for (const id of ELIGIBILITY_RULE_IDS) {
      expect([id, outcomes(id).has('pass')]).toEqual([id, true]);
      expect([id, outcomes(id).size >= 2]).toEqual([id, true]);
    }
  });
  it('has a missing row for every rule that reads candidate data', () => {
    const noMissing = ['route.open', 'route.occupation'];
    for (const id of ELIGIBILITY_RULE_IDS.filter((x) => !noMissing.includes(x))) expect([id, outcomes(id).has('missing')]).toEqual([id, true]);
  });
});

describe('concrete checklist messages', () => {
  it('names the expired EPS-TOPIK year and expiry date', () => {
    const e = evaluate({ ...completeProfile(), epsTopikResults: [{ takenOn: '2023-05-12', score: 190 }] }, 'E9');
    const item = e.checklist.find((c) => c.ruleIds.includes('eps.koreanTest'))!;
    expect(item.kind).toBe('RETAKE');
    expect(item.message.en).toBe('Take EPS-TOPIK again: your 2023 result expired on 2025-05-12.');
    expect(item.message.id).toBe('Ikuti EPS-TOPIK lagi: hasil tahun 2023 Anda kedaluwarsa pada 2025-05-12.');
  });

  it('gives the date from which a 17-year-old may register, without repeating the birth date in the text', () => {
    const e = evaluate({ ...completeProfile(), nik: '3673011506080001', declaredBirthDate: '2008-06-15' }, 'E7_3');
    const item = e.checklist.find((c) => c.ruleIds.includes('law.minimumAge'))!;
    expect(item).toMatchObject({ kind: 'WAIT', notBefore: '2026-06-15', stage: 'SELECTION' });
    expect(item.message.en).not.toContain('2008');
  });

  it('asks to renew the passport before the planned departure', () => {
    const p = { ...completeProfile(), documents: completeProfile().documents!.map((d) => (d.kind === 'PASSPORT' ? { ...d, expiresOn: '2026-05-31' } : d)) };
    const item = evaluate(p, 'E9').checklist.find((c) => c.ruleIds.includes('docs.passport'))!;
    expect(item).toMatchObject({ kind: 'RENEW', dueBy: '2026-06-01', stage: 'DEPARTURE' });
    expect(item.message.en).toContain('2026-05-31');
  });

  it('an opening may set the departure date used for document validity', () => {
    const e = evaluate(completeProfile(), 'E9', { opening: { occupation: 'MANUFACTURING_WORKER', plannedDeparture: '2031-01-15' } });
    expect(resultOf(e, 'docs.passport').code).toBe('DOCUMENT.EXPIRES_TOO_SOON');
  });

  it('merges the medical actions of several rules into one checklist item', () => {
    const e = evaluate({ ...completeProfile(), medical: undefined } as CandidateProfile, 'E9');
    const medicalItems = e.checklist.filter((c) => c.key === 'medical.checkup');
    expect(medicalItems).toHaveLength(1);
    expect(medicalItems[0]!.ruleIds).toEqual(['eps.colourVision', 'eps.completeFingers', 'eps.excludedDiseases', 'law.health']);
    expect(medicalItems[0]!.stage).toBe('SELECTION');
  });

  it('uses the as-of date fixture', () => {
    expect(evaluate(completeProfile(), 'E9').asOf).toBe(AS_OF);
    expect(OPENING_FOR.E9.occupation).toBe('MANUFACTURING_WORKER');
  });
});
