/**
 * Why a candidate leaves the pipeline before departure (issue 12: the funnel reports exits "with
 * their reason codes"). The codes are the program's own vocabulary (no regulation lists them): a
 * withdrawal is the candidate's decision, a rejection the program's (or a partner's) decision. OTHER
 * needs a note saying what it was. Kept as `const` arrays so that the gateway can build GraphQL enums
 * from them and validators can check membership.
 */
import type { Messages } from '../shared/domain-error';
import type { CandidateStage } from './candidate-stage';

/** Why a candidate withdraws (WITHDRAWN). */
export const CANDIDATE_WITHDRAWAL_REASONS = ['PERSONAL', 'FAMILY', 'HEALTH', 'OTHER_JOB', 'COST', 'NO_CONTACT', 'OTHER'] as const;
export type CandidateWithdrawalReason = (typeof CANDIDATE_WITHDRAWAL_REASONS)[number];

/** Why a candidate is rejected (REJECTED). */
export const CANDIDATE_REJECTION_REASONS = ['NOT_ELIGIBLE', 'TEST_FAILED', 'MEDICAL_UNFIT', 'DOCUMENTS_INCOMPLETE', 'CONDUCT', 'OTHER'] as const;
export type CandidateRejectionReason = (typeof CANDIDATE_REJECTION_REASONS)[number];

/** Every exit reason code (OTHER is shared by both kinds). */
export const CANDIDATE_EXIT_REASONS = [...new Set([...CANDIDATE_WITHDRAWAL_REASONS, ...CANDIDATE_REJECTION_REASONS])] as readonly (
  | CandidateWithdrawalReason
  | CandidateRejectionReason
)[];
export type CandidateExitReason = CandidateWithdrawalReason | CandidateRejectionReason;

/** The stages a reason code applies to. */
export type CandidateExitStage = Extract<CandidateStage, 'WITHDRAWN' | 'REJECTED'>;

export const CANDIDATE_EXIT_REASONS_BY_STAGE: Readonly<Record<CandidateExitStage, readonly CandidateExitReason[]>> = Object.freeze({
  WITHDRAWN: CANDIDATE_WITHDRAWAL_REASONS,
  REJECTED: CANDIDATE_REJECTION_REASONS,
});

/** Reason codes that need a note saying what the reason was. */
export const CANDIDATE_EXIT_REASONS_NEEDING_NOTE: readonly CandidateExitReason[] = ['OTHER'];

export const CANDIDATE_EXIT_REASON_LABELS: Readonly<Record<CandidateExitReason, Messages>> = Object.freeze({
  PERSONAL: { id: 'Alasan pribadi', en: 'Personal reasons' },
  FAMILY: { id: 'Keluarga (mis. tidak mendapat izin keluarga)', en: 'Family (e.g. no family consent)' },
  HEALTH: { id: 'Kesehatan', en: 'Health' },
  OTHER_JOB: { id: 'Mendapat pekerjaan lain', en: 'Found other work' },
  COST: { id: 'Biaya', en: 'Cost' },
  NO_CONTACT: { id: 'Tidak dapat dihubungi', en: 'Could not be contacted' },
  NOT_ELIGIBLE: { id: 'Tidak memenuhi syarat', en: 'Not eligible' },
  TEST_FAILED: { id: 'Tidak lulus uji (bahasa atau keterampilan)', en: 'Failed a test (language or skill)' },
  MEDICAL_UNFIT: { id: 'Tidak sehat (pemeriksaan kesehatan atau psikologi)', en: 'Medically unfit (medical or psychological examination)' },
  DOCUMENTS_INCOMPLETE: { id: 'Dokumen tidak lengkap', en: 'Documents incomplete' },
  CONDUCT: { id: 'Pelanggaran tata tertib', en: 'Breach of the rules of conduct' },
  OTHER: { id: 'Lainnya (lihat catatan)', en: 'Other (see the note)' },
});

export function isCandidateExitStage(stage: CandidateStage): stage is CandidateExitStage {
  return stage === 'WITHDRAWN' || stage === 'REJECTED';
}

/** True when `reason` is a code of the exit `stage`. */
export function isExitReasonOf(stage: CandidateExitStage, reason: CandidateExitReason): boolean {
  return CANDIDATE_EXIT_REASONS_BY_STAGE[stage].includes(reason);
}
