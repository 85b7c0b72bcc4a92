/**
 * Candidate stages (DOMAIN.md §7, P3MI route): registration (AK/1, SISKOP2MI) → selection (a quota
 * seat is allocated) → language and skill training → tests (Korean, KOSHIPA skill) → medical and
 * psychological → placement agreement (legalised by Disnaker) → employment contract → visa →
 * pre-departure orientation (OPP, E-PMI card) → departure → placed → returned.
 *
 * The pipeline moves one stage at a time. Before departure a candidate may withdraw (WITHDRAWN) or be
 * rejected (REJECTED, e.g. failed a test or the medical); after departure they return (RETURNED).
 * WITHDRAWN, REJECTED and RETURNED may register again for a new placement (→ REGISTERED): the history
 * keeps every earlier cycle.
 *
 * Gates (checked in candidate.entity.ts, all through the eligibility module's `evaluateEligibility`
 * for the opening the candidate was selected for, as of the date of the change):
 * - SELECTED: eligible to be selected, and a seat held in the opening's quota;
 * - leaving a stage: the eligibility rules that stage is about must pass (`CANDIDATE_STAGE_GATES`);
 * - DEPARTED: ready to depart (every rule passes) and the seat still held.
 * Leaving TRAINING for TESTING also uses training completion: `decideTrainingExit`
 * (training/enrolment-rules.ts), which the gateway's advanceCandidate calls with the candidate's
 * enrolments (the candidate entity holds no training records).
 */
import type { Messages } from '../shared/domain-error';

export const CANDIDATE_STAGES = [
  'REGISTERED',
  'SELECTED',
  'TRAINING',
  'TESTING',
  'MEDICAL',
  'PLACEMENT_AGREEMENT',
  'EMPLOYMENT_CONTRACT',
  'VISA',
  'ORIENTATION',
  'DEPARTED',
  'PLACED',
  'RETURNED',
  'WITHDRAWN',
  'REJECTED',
] as const;
export type CandidateStage = (typeof CANDIDATE_STAGES)[number];

/** Stages before departure, in order. */
export const CANDIDATE_PRE_DEPARTURE_STAGES: readonly CandidateStage[] = [
  'REGISTERED',
  'SELECTED',
  'TRAINING',
  'TESTING',
  'MEDICAL',
  'PLACEMENT_AGREEMENT',
  'EMPLOYMENT_CONTRACT',
  'VISA',
  'ORIENTATION',
];

/** Stages in which the candidate holds a quota seat (from selection until departure or exit). */
export const CANDIDATE_SEAT_HOLDING_STAGES: readonly CandidateStage[] = CANDIDATE_PRE_DEPARTURE_STAGES.slice(1);

function forward(): Record<CandidateStage, CandidateStage[]> {
  const t = {} as Record<CandidateStage, CandidateStage[]>;
  CANDIDATE_PRE_DEPARTURE_STAGES.forEach((s, i) => {
    const next = CANDIDATE_PRE_DEPARTURE_STAGES[i + 1] ?? 'DEPARTED';
    t[s] = [next, 'WITHDRAWN', 'REJECTED'];
  });
  t.DEPARTED = ['PLACED', 'RETURNED'];
  t.PLACED = ['RETURNED'];
  t.RETURNED = ['REGISTERED'];
  t.WITHDRAWN = ['REGISTERED'];
  t.REJECTED = ['REGISTERED'];
  return t;
}

export const CANDIDATE_TRANSITIONS: Readonly<Record<CandidateStage, readonly CandidateStage[]>> = Object.freeze(forward());

export function isCandidateTransitionAllowed(from: CandidateStage, to: CandidateStage): boolean {
  return CANDIDATE_TRANSITIONS[from].includes(to);
}

/**
 * Eligibility rules that must pass to move INTO a stage (rules the route does not use, or that do
 * not apply, are ignored). Rule ids are those of eligibility/rule-catalog.ts.
 */
export const CANDIDATE_STAGE_GATES: Readonly<Partial<Record<CandidateStage, readonly string[]>>> = Object.freeze({
  // leaving TESTING: the Korean test and the skill test
  MEDICAL: [
    'eps.koreanTest',
    'pilot.koreanTest',
    'e73.skillVerification',
    'law.competence',
    'opening.minEpsTopikScore',
    'opening.minTopikLevel',
    'opening.skillQualification',
  ],
  // leaving MEDICAL: fit, and the medical and psychological certificate (Pasal 13d)
  PLACEMENT_AGREEMENT: ['law.health', 'eps.colourVision', 'eps.completeFingers', 'eps.excludedDiseases', 'docs.medicalCertificate'],
  // the placement agreement (Pasal 13g), legalised by Disnaker (verified)
  EMPLOYMENT_CONTRACT: ['docs.placementAgreement'],
  // the employment contract (Pasal 13h) and a passport to apply for the visa with (Pasal 13e)
  VISA: ['docs.employmentContract', 'docs.passport'],
  // the work visa (Pasal 13f)
  ORIENTATION: ['docs.workVisa'],
});

export const CANDIDATE_STAGE_LABELS: Readonly<Record<CandidateStage, Messages>> = Object.freeze({
  REGISTERED: { id: 'Terdaftar (AK/1, SISKOP2MI)', en: 'Registered (AK/1, SISKOP2MI)' },
  SELECTED: { id: 'Terseleksi (kursi kuota dialokasikan)', en: 'Selected (quota seat allocated)' },
  TRAINING: { id: 'Pelatihan bahasa dan keterampilan', en: 'Language and skill training' },
  TESTING: { id: 'Uji bahasa Korea dan keterampilan', en: 'Korean and skill tests' },
  MEDICAL: { id: 'Pemeriksaan kesehatan dan psikologi', en: 'Medical and psychological examination' },
  PLACEMENT_AGREEMENT: { id: 'Perjanjian penempatan (dilegalisasi Disnaker)', en: 'Placement agreement (legalised by Disnaker)' },
  EMPLOYMENT_CONTRACT: { id: 'Perjanjian kerja', en: 'Employment contract' },
  VISA: { id: 'Visa kerja', en: 'Work visa' },
  ORIENTATION: { id: 'Orientasi pra-penempatan (OPP) dan kartu E-PMI', en: 'Pre-departure orientation (OPP) and E-PMI card' },
  DEPARTED: { id: 'Berangkat', en: 'Departed' },
  PLACED: { id: 'Bekerja di negara tujuan', en: 'Placed (working abroad)' },
  RETURNED: { id: 'Kembali', en: 'Returned' },
  WITHDRAWN: { id: 'Mengundurkan diri', en: 'Withdrawn' },
  REJECTED: { id: 'Tidak lolos', en: 'Rejected' },
});
