/** Test fixtures for eligibility (not part of the build: __tests__ folders are excluded). */
import { parameterSnapshot } from '../../parameters';
import type { IsoDate } from '../../shared/local-date';
import type { Route } from '../../shared/vocabulary';
import { DOCUMENT_KINDS, type CandidateProfile, type DocumentRecord } from '../candidate-profile';
import { evaluateEligibility, type EligibilityEvaluation, type EligibilityRuleResult, type EvaluateEligibilityInput } from '../evaluate-eligibility';
import type { EligibilityOpening, RuleContext } from '../rule';
import { eligibilityRuleSetAsOf } from '../rule-sets';

export const AS_OF = '2026-03-01';

export const KASEMEN: CandidateProfile['address'] = { kecamatan: 'Kasemen', city: 'Kota Serang', source: 'KTP' };

/** A document of every kind, issued on 2026-01-05 and verified; the passport expires 2030-12-31, the SKCK 2026-12-31. */
export function allDocuments(): DocumentRecord[] {
  return DOCUMENT_KINDS.map((kind) => ({
    kind,
    issuedOn: '2026-01-05',
    verified: true,
    ...(kind === 'PASSPORT' ? { expiresOn: '2030-12-31' } : {}),
    ...(kind === 'SKCK' ? { expiresOn: '2026-12-31' } : {}),
  }));
}

/** A man born 1995-06-15 living in Kasemen, who meets every rule of every route as of 2026-03-01. */
export function completeProfile(): CandidateProfile {
  return {
    nik: '3673011506950001',
    declaredBirthDate: '1995-06-15',
    declaredSex: 'M',
    address: KASEMEN,
    education: 'SLTA',
    epsTopikResults: [{ takenOn: '2025-09-01', score: 150, round: '2025 manufacturing' }],
    topikResults: [{ test: 'TOPIK_I', takenOn: '2025-08-01', score: 150 }],
    pilotKoreanTests: [{ takenOn: '2025-10-01', level: 1, speakingPassed: true }],
    skillVerifications: [
      { occupation: 'WELDER', certifier: 'KOSHIPA', qualification: 'FCAW 3G (X-ray)', testedOn: '2025-11-01', passed: true },
      { occupation: 'SHIP_PAINTER', certifier: 'KOSHIPA', testedOn: '2025-11-01', passed: true },
      { occupation: 'MANUFACTURING_WORKER', certifier: 'BNSP_LSP', testedOn: '2025-11-01', passed: true },
      { occupation: 'AGRICULTURE_WORKER', certifier: 'BNSP_LSP', testedOn: '2025-11-01', passed: true },
    ],
    medical: {
      examinedOn: '2026-01-10',
      physicallyFit: true,
      psychologicallyFit: true,
      colourBlind: false,
      completeFingers: true,
      conditions: { TUBERCULOSIS: false, HEPATITIS: false, SYPHILIS: false, HIV: false },
    },
    criminalRecord: { everImprisoned: false },
    koreaHistory: { deported: false, entryBanned: false, priorMonthsE9: 0, priorMonthsE10: 0 },
    bpjsNumber: '12345678901',
    familyConsent: { givenBy: 'PARENT', givenOn: '2026-01-05', acknowledgedByVillageHead: true },
    documents: allDocuments(),
    plannedDeparture: '2026-06-01',
  };
}

export const OPENING_FOR: Record<Route, EligibilityOpening> = {
  E9: { occupation: 'MANUFACTURING_WORKER' },
  E7_3: { occupation: 'WELDER' },
  E7_3_PILOT: { occupation: 'WELDER' },
  E8: { occupation: 'AGRICULTURE_WORKER' },
};

export function evaluate(profile: CandidateProfile, route: Route, extra: Partial<EvaluateEligibilityInput> = {}): EligibilityEvaluation {
  return evaluateEligibility({ profile, route, asOf: AS_OF, opening: OPENING_FOR[route], ...extra });
}

export function resultOf(e: EligibilityEvaluation, ruleId: string): EligibilityRuleResult {
  const r = e.results.find((x) => x.ruleId === ruleId);
  if (!r) throw new Error(`rule ${ruleId} did not run (skipped: ${e.skipped.map((s) => s.ruleId).join(',')})`);
  return r;
}

/** A rule context for calling a rule directly. */
export function ruleContext(
  profile: CandidateProfile,
  route: Route,
  asOf: IsoDate = AS_OF,
  extra: { opening?: EligibilityOpening; plannedDeparture?: IsoDate; passportMarginMonths?: number } = {},
): RuleContext {
  const plannedDeparture = extra.plannedDeparture ?? extra.opening?.plannedDeparture ?? profile.plannedDeparture;
  return {
    profile,
    route,
    asOf,
    params: parameterSnapshot(asOf),
    routeDefinition: eligibilityRuleSetAsOf(route, asOf).definition,
    ...(extra.opening ? { opening: extra.opening } : {}),
    ...(plannedDeparture ? { plannedDeparture } : {}),
    passportMarginMonths: extra.passportMarginMonths ?? 0,
  };
}
