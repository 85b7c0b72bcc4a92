/**
 * MoU status state machine (DOMAIN.md §7; PP 28/2018 and Permendagri 25/2020 for cooperation with
 * foreign local governments). The table below is the only source of allowed moves; guards (who must
 * have signed, dates, notes) live in the transition table of `mou-transitions.ts`.
 *
 * - DRAFT → EXPLORATION (penjajakan / LoI), UNDER_REVIEW, SIGNED, or ENDED (abandoned)
 * - EXPLORATION → UNDER_REVIEW, SIGNED, or ENDED (abandoned)
 * - UNDER_REVIEW → SIGNED (approved), EXPLORATION (returned for revision), or ENDED (rejected)
 * - SIGNED → ACTIVE, or ENDED (terminated before it took effect)
 * - ACTIVE ⇄ SUSPENDED; both → ENDED (expired or terminated)
 * - ENDED is final.
 * UNDER_REVIEW (Kemendagri approval) is required, and only allowed, when a foreign local government
 * is a party. Renewal is not a status: `mou.renew(...)` creates a successor MoU in DRAFT that
 * points back with `renewalOfMouId`; the predecessor keeps its status and records `renewedByMouId`.
 */
import type { Messages } from '../shared/domain-error';

export const MOU_STATUSES = ['DRAFT', 'EXPLORATION', 'UNDER_REVIEW', 'SIGNED', 'ACTIVE', 'SUSPENDED', 'ENDED'] as const;
export type MouStatus = (typeof MOU_STATUSES)[number];

const TRANSITIONS = {
  DRAFT: ['EXPLORATION', 'UNDER_REVIEW', 'SIGNED', 'ENDED'],
  EXPLORATION: ['UNDER_REVIEW', 'SIGNED', 'ENDED'],
  UNDER_REVIEW: ['EXPLORATION', 'SIGNED', 'ENDED'],
  SIGNED: ['ACTIVE', 'ENDED'],
  ACTIVE: ['SUSPENDED', 'ENDED'],
  SUSPENDED: ['ACTIVE', 'ENDED'],
  ENDED: [],
} as const satisfies Record<MouStatus, readonly MouStatus[]>;

/** The statuses an MoU may move to from `F` (a literal union, so tables keyed by it are checked). */
export type MouTransitionTarget<F extends MouStatus> = (typeof TRANSITIONS)[F][number];

export const MOU_TRANSITIONS: Readonly<Record<MouStatus, readonly MouStatus[]>> = Object.freeze(TRANSITIONS);

export function isMouTransitionAllowed(from: MouStatus, to: MouStatus): boolean {
  return MOU_TRANSITIONS[from].includes(to);
}

/** Statuses in which parties and obligations may still be changed. */
export const MOU_EDITABLE_STATUSES: readonly MouStatus[] = ['DRAFT', 'EXPLORATION'];
/** Statuses before signing (signatories and validity may still be set). */
export const MOU_UNSIGNED_STATUSES: readonly MouStatus[] = ['DRAFT', 'EXPLORATION', 'UNDER_REVIEW'];
/** Statuses in which quota seats may be allocated. */
export const MOU_ALLOCATING_STATUSES: readonly MouStatus[] = ['SIGNED', 'ACTIVE'];
/** Statuses that may be renewed (the MoU has been signed). */
export const MOU_RENEWABLE_STATUSES: readonly MouStatus[] = ['SIGNED', 'ACTIVE', 'SUSPENDED', 'ENDED'];

export const MOU_STATUS_LABELS: Readonly<Record<MouStatus, Messages>> = Object.freeze({
  DRAFT: { id: 'Rancangan', en: 'Draft' },
  EXPLORATION: { id: 'Penjajakan (LoI)', en: 'Exploration (letter of intent)' },
  UNDER_REVIEW: { id: 'Dalam telaah Kemendagri', en: 'Under review (Kemendagri)' },
  SIGNED: { id: 'Ditandatangani', en: 'Signed' },
  ACTIVE: { id: 'Berlaku', en: 'Active' },
  SUSPENDED: { id: 'Ditangguhkan', en: 'Suspended' },
  ENDED: { id: 'Berakhir', en: 'Ended' },
});

export const MOU_PARTY_ROLES = ['PRINCIPAL', 'PARTNER', 'FACILITATOR', 'IMPLEMENTER', 'WITNESS'] as const;
/**
 * PRINCIPAL: owner of the MoU (Pemkot Serang); PARTNER: counter-party (APJATI, a Korean county);
 * FACILITATOR: helps without being bound as a principal (APJATI in the county MoUs);
 * IMPLEMENTER: executes placements or training (a P3MI, a training provider);
 * WITNESS: acknowledges ("mengetahui"), e.g. a national agency.
 */
export type MouPartyRole = (typeof MOU_PARTY_ROLES)[number];
