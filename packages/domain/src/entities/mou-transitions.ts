/**
 * The MoU transition table: for each allowed move (from → to, exactly the moves of
 * `MOU_TRANSITIONS` in mou-status.ts; the compiler rejects a missing or extra move), the guards it
 * must pass, in order. The first guard that fails gives the error; a move that is not in the table
 * is refused with `MOU.INVALID_TRANSITION` by `Mou.transitionTo`. What entering a status records
 * (the signing date, the end date) is in `MOU_ENTRY_EFFECTS`.
 */
import type { DomainErrorData } from '../shared/domain-error';
import { compareDates, type IsoDate } from '../shared/local-date';
import { MouErrors } from './mou.errors';
import type { MouStatus, MouTransitionTarget } from './mou-status';
import type { MouSnapshot } from './mou.entity';

const MIN_PARTIES = 2;
const MIN_SIGNATORIES = 2;

/** What a guard sees: the MoU before the move and the move's stamp. */
export interface MouTransitionContext {
  readonly mou: MouSnapshot;
  readonly from: MouStatus;
  readonly note: string | null;
  /** The WIB date of the move's `at`. */
  readonly today: IsoDate;
  /** The signing date a move to SIGNED records (`signedOn` given, else `today`). */
  readonly signedOn: IsoDate;
}

/** A guard returns the error of the first failed condition, or `undefined` when the move may go on. */
export type MouGuard = (c: MouTransitionContext) => DomainErrorData | undefined;

export type MouTransitionTable = {
  readonly [F in MouStatus]: { readonly [T in MouTransitionTarget<F>]: readonly MouGuard[] };
};

/** Validity dates are consistent: end not before start, start not before signing. */
export function checkMouValidity(p: { validFrom: IsoDate | null; validUntil: IsoDate | null; signedOn: IsoDate | null }): DomainErrorData | undefined {
  if (p.validFrom !== null && p.validUntil !== null && compareDates(p.validUntil, p.validFrom) < 0) {
    return MouErrors.invalidValidity('END_BEFORE_START');
  }
  if (p.validFrom !== null && p.signedOn !== null && compareDates(p.validFrom, p.signedOn) < 0) {
    return MouErrors.invalidValidity('START_BEFORE_SIGNING');
  }
  return undefined;
}

const hasForeignParty = (m: MouSnapshot): boolean => m.parties.some((p) => p.partyKind === 'FOREIGN_LOCAL_GOVERNMENT');
const isExpired = (c: MouTransitionContext): boolean => c.mou.validUntil !== null && compareDates(c.today, c.mou.validUntil) > 0;

/** The guards, one condition each. */
export const MouGuards = {
  noteGiven: (c) => (c.note === null ? MouErrors.noteRequired() : undefined),
  /** Ending before the validity end (abandoned, rejected, terminated early) needs a reason. */
  noteGivenUnlessExpired: (c) => (!isExpired(c) && c.note === null ? MouErrors.noteRequired() : undefined),
  enoughParties: (c) => (c.mou.parties.length < MIN_PARTIES ? MouErrors.notEnoughParties(MIN_PARTIES) : undefined),
  foreignPartyForReview: (c) => (hasForeignParty(c.mou) ? undefined : MouErrors.reviewNotApplicable()),
  hasObligations: (c) => (c.mou.obligations.length === 0 ? MouErrors.noObligations() : undefined),
  enoughSignatories: (c) =>
    c.mou.parties.filter((p) => p.isSignatory).length < MIN_SIGNATORIES ? MouErrors.notEnoughSignatories(MIN_SIGNATORIES) : undefined,
  signatoriesNamed: (c) => {
    const unnamed = c.mou.parties.find((p) => p.isSignatory && p.signatoryName === null);
    return unnamed ? MouErrors.signatoryMissing(unnamed.partyId) : undefined;
  },
  /** Signing without Kemendagri review: not allowed with a foreign local government. */
  noForeignPartyWithoutReview: (c) => (hasForeignParty(c.mou) ? MouErrors.reviewRequired() : undefined),
  signedNotInFuture: (c) => (compareDates(c.signedOn, c.today) > 0 ? MouErrors.signedInFuture() : undefined),
  validityAfterSigning: (c) => checkMouValidity({ validFrom: c.mou.validFrom, validUntil: c.mou.validUntil, signedOn: c.signedOn }),
  validityStartSet: (c) => (c.mou.validFrom === null ? MouErrors.validityRequired() : undefined),
  validityStarted: (c) => (c.mou.validFrom !== null && compareDates(c.mou.validFrom, c.today) > 0 ? MouErrors.notYetValid() : undefined),
  notExpired: (c) => (isExpired(c) ? MouErrors.expired() : undefined),
} satisfies Record<string, MouGuard>;

const G = MouGuards;
const SIGN_CHECKS = [G.enoughSignatories, G.signatoriesNamed, G.hasObligations] as const;
const SIGN_DATES = [G.signedNotInFuture, G.validityAfterSigning] as const;
const SIGN_WITHOUT_REVIEW = [...SIGN_CHECKS, G.noForeignPartyWithoutReview, ...SIGN_DATES];
const REVIEW = [G.foreignPartyForReview, G.enoughParties, G.hasObligations];
const ACTIVATE = [G.validityStartSet, G.validityStarted, G.notExpired];
const END = [G.noteGivenUnlessExpired];

export const MOU_TRANSITION_TABLE = {
  DRAFT: { EXPLORATION: [G.enoughParties], UNDER_REVIEW: REVIEW, SIGNED: SIGN_WITHOUT_REVIEW, ENDED: END },
  EXPLORATION: { UNDER_REVIEW: REVIEW, SIGNED: SIGN_WITHOUT_REVIEW, ENDED: END },
  UNDER_REVIEW: {
    /** Returned for revision. */
    EXPLORATION: [G.noteGiven, G.enoughParties],
    /** Approved by Kemendagri. */
    SIGNED: [...SIGN_CHECKS, ...SIGN_DATES],
    ENDED: END,
  },
  SIGNED: { ACTIVE: ACTIVATE, ENDED: END },
  ACTIVE: { SUSPENDED: [G.noteGiven], ENDED: END },
  SUSPENDED: { ACTIVE: ACTIVATE, ENDED: END },
  ENDED: {},
} as const satisfies MouTransitionTable;

/** The guards of `from → to`, or `undefined` when the move is not in the table. */
export function mouTransitionGuards(from: MouStatus, to: MouStatus): readonly MouGuard[] | undefined {
  const row: Readonly<Partial<Record<MouStatus, readonly MouGuard[]>>> = MOU_TRANSITION_TABLE[from];
  return Object.prototype.hasOwnProperty.call(row, to) ? row[to] : undefined;
}

/** What entering a status records on the MoU (besides the status and the history entry). */
export const MOU_ENTRY_EFFECTS: Readonly<Partial<Record<MouStatus, (c: MouTransitionContext) => Partial<Pick<MouSnapshot, 'signedOn' | 'endedOn'>>>>> = {
  SIGNED: (c) => ({ signedOn: c.signedOn }),
  ENDED: (c) => ({ endedOn: c.today }),
};
