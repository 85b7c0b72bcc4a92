/**
 * MoU (nota kesepahaman): parties with roles, obligations per party (bilingual), a parent MoU it
 * builds on, validity dates, and a status state machine whose every change is guarded and kept in
 * a history (from, to, at, actor, note). See mou-status.ts for the allowed moves and
 * mou-transitions.ts for the table of guards per move.
 *
 * Guards (expected failures, returned as `err`; on any failure nothing changes):
 * - every change: the move is in the table (`MOU.INVALID_TRANSITION`), `at` is not before the last
 *   history entry (`MOU.TIME_BEFORE_LAST_TRANSITION`);
 * - → EXPLORATION: at least two parties;
 * - → UNDER_REVIEW: only when a foreign local government is a party (`MOU.REVIEW_NOT_APPLICABLE`),
 *   with at least one obligation;
 * - UNDER_REVIEW → EXPLORATION (returned for revision), → SUSPENDED, and → ENDED before the
 *   validity end (abandoned, rejected, terminated early): a note is required;
 * - → SIGNED: at least two signing parties, each with a named signatory, at least one obligation;
 *   with a foreign local government only from UNDER_REVIEW (Kemendagri approval,
 *   `MOU.REVIEW_REQUIRED`); `signedOn` (default: the WIB date of `at`) not after `at`; the
 *   validity start, when set, not before `signedOn`;
 * - → ACTIVE (from SIGNED or SUSPENDED): validity start set and on or before the WIB date of `at`,
 *   validity end (when set) not passed.
 * Parties and obligations change only in DRAFT or EXPLORATION; signatories and validity until signing
 * (validity also while SIGNED, before it takes effect).
 *
 * Quotas per occupation × route belong to the MoU by `mouId` (quota.entity.ts): a separate aggregate,
 * so that seat allocation locks one quota row, not the whole MoU.
 */
import { err, errorData, ok, type Messages, type Result } from '../shared/domain-error';
import { compareDates, type IsoDate } from '../shared/local-date';
import {
  checkArray,
  checkBoolean,
  checkDate,
  checkEnum,
  checkId,
  checkInteger,
  checkMessages,
  checkNullableDate,
  checkNullableId,
  checkNullableText,
  checkObject,
  cloneData,
  ENTITY_MAX_TEXT_LENGTH,
  FieldChecks,
  keysOf,
  type Path,
  restoreOrThrow,
  takeChangeStamp,
} from './entity-validation';
import { MouErrors } from './mou.errors';
import { checkMouValidity, MOU_ENTRY_EFFECTS, mouTransitionGuards, type MouTransitionContext } from './mou-transitions';
import {
  MOU_ALLOCATING_STATUSES,
  MOU_EDITABLE_STATUSES,
  MOU_PARTY_ROLES,
  MOU_RENEWABLE_STATUSES,
  MOU_STATUSES,
  MOU_TRANSITIONS,
  MOU_UNSIGNED_STATUSES,
  type MouPartyRole,
  type MouStatus,
} from './mou-status';
import type { Party } from './party.entity';
import { PARTY_KINDS, type PartyKind } from './party-kind';
import { isBeforeLastChange, STATUS_HISTORY_MAX_ENTRIES, validateStatusHistory, type StatusHistoryEntry, type StatusMachine } from './status-history';
import { compareTimestamps, wibDateOf, type Timestamp } from './timestamp';

export const MOU_MAX_PARTIES = 50;
export const MOU_MAX_OBLIGATIONS = 200;
const AREA = 'MOU';

export interface MouPartySnapshot {
  readonly partyId: string;
  /** Copy of the party's kind (immutable on Party) so that guards need no lookup. */
  readonly partyKind: PartyKind;
  readonly role: MouPartyRole;
  /** True when this party signs the MoU. */
  readonly isSignatory: boolean;
  readonly signatoryName: string | null;
  readonly signatoryTitle: string | null;
}

export interface MouObligationSnapshot {
  /** Unique within the MoU, increasing in order: the next one is the highest + 1. */
  readonly number: number;
  readonly partyId: string;
  readonly text: Messages;
}

export type MouHistoryEntry = StatusHistoryEntry<MouStatus>;

export interface MouSnapshot {
  readonly id: string;
  readonly title: Messages;
  /** Document number, when known. */
  readonly reference: string | null;
  readonly status: MouStatus;
  /** The MoU this one builds on (the Korean county MoUs build on the APJATI MoU). */
  readonly parentMouId: string | null;
  /** Set on a successor created by `renew()`: the MoU it renews. */
  readonly renewalOfMouId: string | null;
  /** Set on the predecessor when `renew()` created a successor. */
  readonly renewedByMouId: string | null;
  readonly parties: readonly MouPartySnapshot[];
  readonly obligations: readonly MouObligationSnapshot[];
  readonly signedOn: IsoDate | null;
  readonly validFrom: IsoDate | null;
  /** Last day in force; `null` = not stated. */
  readonly validUntil: IsoDate | null;
  readonly endedOn: IsoDate | null;
  readonly note: string | null;
  readonly history: readonly MouHistoryEntry[];
}

export interface MouPartyTerms {
  readonly role: MouPartyRole;
  readonly isSignatory: boolean;
  readonly signatoryName?: string | null;
  readonly signatoryTitle?: string | null;
}

export interface CreateMouInput {
  readonly id: string;
  readonly title: Messages;
  readonly reference?: string | null;
  readonly parentMouId?: string | null;
  readonly validFrom?: IsoDate | null;
  readonly validUntil?: IsoDate | null;
  readonly note?: string | null;
  /** When the record is created (ISO 8601 instant with offset). */
  readonly at: string;
  readonly actor: string;
  readonly parties?: ReadonlyArray<{ readonly party: Party } & MouPartyTerms>;
  readonly obligations?: ReadonlyArray<{ readonly partyId: string; readonly text: Messages }>;
}

export interface MouTransitionInput {
  readonly at: string;
  readonly actor: string;
  readonly note?: string | null;
  /** For → SIGNED: the signing date (default: the WIB date of `at`). */
  readonly signedOn?: IsoDate;
}

export interface RenewMouInput {
  readonly newMouId: string;
  readonly at: string;
  readonly actor: string;
  readonly note?: string | null;
  readonly title?: Messages;
  readonly reference?: string | null;
  readonly validFrom?: IsoDate | null;
  readonly validUntil?: IsoDate | null;
}

type Draft = {
  -readonly [K in keyof MouSnapshot]: MouSnapshot[K] extends readonly (infer U)[] ? U[] : MouSnapshot[K];
};

// ---------------------------------------------------------------------------------------------
// snapshot validation (shape + structural invariants; guards are checked when changes happen)

function validateParties(v: FieldChecks, input: unknown, base: Path): MouPartySnapshot[] {
  const list = v.take(checkArray(AREA, input, base, MOU_MAX_PARTIES));
  if (v.failed) return [];
  const out: MouPartySnapshot[] = [];
  list.forEach((x, i) => {
    if (v.failed) return;
    const p = [...base, String(i)];
    const o = v.take(checkObject(AREA, x, p, keysOf<MouPartySnapshot>()('partyId', 'partyKind', 'role', 'isSignatory', 'signatoryName', 'signatoryTitle')));
    if (v.failed) return;
    const party: MouPartySnapshot = {
      partyId: v.take(checkId(AREA, o['partyId'], [...p, 'partyId'])),
      partyKind: v.take(checkEnum(AREA, PARTY_KINDS, o['partyKind'], [...p, 'partyKind'])),
      role: v.take(checkEnum(AREA, MOU_PARTY_ROLES, o['role'], [...p, 'role'])),
      isSignatory: v.take(checkBoolean(AREA, o['isSignatory'], [...p, 'isSignatory'])),
      signatoryName: v.take(checkNullableText(AREA, o['signatoryName'], [...p, 'signatoryName'])),
      signatoryTitle: v.take(checkNullableText(AREA, o['signatoryTitle'], [...p, 'signatoryTitle'])),
    };
    if (v.failed) return;
    if (out.some((q) => q.partyId === party.partyId)) v.problem(MouErrors.partyAlreadyAdded());
    out.push(party);
  });
  return out;
}

function validateObligations(v: FieldChecks, input: unknown, base: Path, parties: readonly MouPartySnapshot[]): MouObligationSnapshot[] {
  const list = v.take(checkArray(AREA, input, base, MOU_MAX_OBLIGATIONS));
  if (v.failed) return [];
  const out: MouObligationSnapshot[] = [];
  list.forEach((x, i) => {
    if (v.failed) return;
    const p = [...base, String(i)];
    const o = v.take(checkObject(AREA, x, p, keysOf<MouObligationSnapshot>()('number', 'partyId', 'text')));
    if (v.failed) return;
    const ob: MouObligationSnapshot = {
      number: v.take(checkInteger(AREA, o['number'], [...p, 'number'], 1, 1_000_000)),
      partyId: v.take(checkId(AREA, o['partyId'], [...p, 'partyId'])),
      text: v.take(checkMessages(AREA, o['text'], [...p, 'text'])),
    };
    if (v.failed) return;
    if (!parties.some((q) => q.partyId === ob.partyId)) v.problem({ ...MouErrors.partyNotFound(), path: [...p, 'partyId'] });
    if (out.length > 0 && ob.number <= out[out.length - 1]!.number) {
      v.problem({
        code: 'MOU.INVALID_SNAPSHOT',
        message: { id: 'Nomor kewajiban harus unik dan berurutan naik.', en: 'Obligation numbers must be unique and increasing.' },
        path: [...p, 'number'],
      });
    }
    out.push(ob);
  });
  return out;
}

const MOU_MACHINE: StatusMachine<MouStatus> = { area: AREA, statuses: MOU_STATUSES, initial: ['DRAFT'], transitions: MOU_TRANSITIONS };

function validateMou(input: unknown): Result<MouSnapshot> {
  const v = new FieldChecks();
  const o = v.take(
    checkObject(AREA, input, [], keysOf<MouSnapshot>()(
      'id',
      'title',
      'reference',
      'status',
      'parentMouId',
      'renewalOfMouId',
      'renewedByMouId',
      'parties',
      'obligations',
      'signedOn',
      'validFrom',
      'validUntil',
      'endedOn',
      'note',
      'history'
    )),
  );
  if (v.failed) return err(v.error);
  const id = v.take(checkId(AREA, o['id'], ['id']));
  const title = v.take(checkMessages(AREA, o['title'], ['title'], 500));
  const reference = v.take(checkNullableText(AREA, o['reference'], ['reference']));
  const status = v.take(checkEnum(AREA, MOU_STATUSES, o['status'], ['status']));
  const parentMouId = v.take(checkNullableId(AREA, o['parentMouId'], ['parentMouId']));
  const renewalOfMouId = v.take(checkNullableId(AREA, o['renewalOfMouId'], ['renewalOfMouId']));
  const renewedByMouId = v.take(checkNullableId(AREA, o['renewedByMouId'], ['renewedByMouId']));
  const parties = validateParties(v, o['parties'], ['parties']);
  const obligations = validateObligations(v, o['obligations'], ['obligations'], parties);
  const signedOn = v.take(checkNullableDate(AREA, o['signedOn'], ['signedOn']));
  const validFrom = v.take(checkNullableDate(AREA, o['validFrom'], ['validFrom']));
  const validUntil = v.take(checkNullableDate(AREA, o['validUntil'], ['validUntil']));
  const endedOn = v.take(checkNullableDate(AREA, o['endedOn'], ['endedOn']));
  const note = v.take(checkNullableText(AREA, o['note'], ['note'], ENTITY_MAX_TEXT_LENGTH));
  const history = v.failed ? [] : validateStatusHistory(v, MOU_MACHINE, o['history'], ['history'], status);
  if (v.failed) return err(v.error);
  if (parentMouId === id || renewalOfMouId === id || renewedByMouId === id) return err(MouErrors.selfParent());
  const structural = checkMouValidity({ validFrom, validUntil, signedOn });
  if (structural) return err(structural);
  const signedStatuses: readonly MouStatus[] = ['SIGNED', 'ACTIVE', 'SUSPENDED'];
  const inconsistent =
    (signedStatuses.includes(status) && signedOn === null) ||
    (MOU_UNSIGNED_STATUSES.includes(status) && signedOn !== null) ||
    ((status === 'ACTIVE' || status === 'SUSPENDED') && validFrom === null) ||
    ((status === 'ENDED') !== (endedOn !== null));
  if (inconsistent) {
    return err({
      code: 'MOU.INVALID_SNAPSHOT',
      message: { id: 'Tanggal MoU tidak sesuai dengan statusnya.', en: 'The MoU dates do not match its status.' },
      path: ['status'],
    });
  }
  return ok({
    id,
    title,
    reference,
    status,
    parentMouId,
    renewalOfMouId,
    renewedByMouId,
    parties,
    obligations,
    signedOn,
    validFrom,
    validUntil,
    endedOn,
    note,
    history,
  });
}

// ---------------------------------------------------------------------------------------------

export class Mou {
  private props: MouSnapshot;

  private constructor(props: MouSnapshot) {
    this.props = props;
  }

  /**
   * Create an MoU in DRAFT, with a creation entry in its history. Optional parties and obligations
   * are added as by `addParty` / `addObligation`. Failures: `MOU.*` codes with the field path.
   */
  static create(input: CreateMouInput): Result<Mou> {
    const v = new FieldChecks();
    const o = v.take(
      checkObject(AREA, input, [], keysOf<CreateMouInput>()('id', 'title', 'reference', 'parentMouId', 'validFrom', 'validUntil', 'note', 'at', 'actor', 'parties', 'obligations')),
    );
    if (v.failed) return err(v.error);
    const { at, actor, note } = takeChangeStamp(v, AREA, o);
    if (v.failed) return err(v.error);
    const base = validateMou({
      id: o['id'],
      title: o['title'],
      reference: o['reference'] ?? null,
      status: 'DRAFT',
      parentMouId: o['parentMouId'] ?? null,
      renewalOfMouId: null,
      renewedByMouId: null,
      parties: [],
      obligations: [],
      signedOn: null,
      validFrom: o['validFrom'] ?? null,
      validUntil: o['validUntil'] ?? null,
      endedOn: null,
      note,
      history: [{ sequence: 1, from: null, to: 'DRAFT', at, actor, note: null }],
    });
    if (!base.ok) return base;
    const mou = new Mou(base.value);
    const parties = checkArray(AREA, o['parties'] ?? [], ['parties'], MOU_MAX_PARTIES);
    if (!parties.ok) return err(parties.error);
    for (const [i, p] of (parties.value as NonNullable<CreateMouInput['parties']>).entries()) {
      if (typeof p !== 'object' || p === null) return err(MouErrors.partyNotFound());
      const r = mou.addParty(p.party, p);
      if (!r.ok) return err({ ...r.error, path: ['parties', String(i), ...(r.error.path ?? [])] });
    }
    const obligations = checkArray(AREA, o['obligations'] ?? [], ['obligations'], MOU_MAX_OBLIGATIONS);
    if (!obligations.ok) return err(obligations.error);
    for (const [i, ob] of (obligations.value as NonNullable<CreateMouInput['obligations']>).entries()) {
      if (typeof ob !== 'object' || ob === null) return err(MouErrors.obligationNotFound());
      const r = mou.addObligation(ob.partyId, ob.text);
      if (!r.ok) return err({ ...r.error, path: ['obligations', String(i), ...(r.error.path ?? [])] });
    }
    return ok(mou);
  }

  /** Rebuild from a stored snapshot (history checked against the state machine); throws when corrupt. */
  static fromSnapshot(snapshot: MouSnapshot): Mou {
    return new Mou(restoreOrThrow(validateMou(snapshot)));
  }

  get id(): string {
    return this.props.id;
  }
  get status(): MouStatus {
    return this.props.status;
  }
  get title(): Messages {
    return { ...this.props.title };
  }
  get parentMouId(): string | null {
    return this.props.parentMouId;
  }
  get validFrom(): IsoDate | null {
    return this.props.validFrom;
  }
  get validUntil(): IsoDate | null {
    return this.props.validUntil;
  }
  get signedOn(): IsoDate | null {
    return this.props.signedOn;
  }
  get parties(): readonly MouPartySnapshot[] {
    return cloneData(this.props.parties);
  }
  get obligations(): readonly MouObligationSnapshot[] {
    return cloneData(this.props.obligations);
  }
  get history(): readonly MouHistoryEntry[] {
    return cloneData(this.props.history);
  }

  hasParty(partyId: string): boolean {
    return this.props.parties.some((p) => p.partyId === partyId);
  }

  /** True when a foreign local government is a party (Kemendagri review applies). */
  get involvesForeignLocalGovernment(): boolean {
    return this.props.parties.some((p) => p.partyKind === 'FOREIGN_LOCAL_GOVERNMENT');
  }

  /** Quota seats may be allocated only under a SIGNED or ACTIVE MoU. */
  get allowsAllocation(): boolean {
    return MOU_ALLOCATING_STATUSES.includes(this.props.status);
  }

  /** ACTIVE and within its validity on `date`. */
  isInForceOn(date: IsoDate): boolean {
    const { status, validFrom, validUntil } = this.props;
    return (
      status === 'ACTIVE' &&
      validFrom !== null &&
      compareDates(validFrom, date) <= 0 &&
      (validUntil === null || compareDates(date, validUntil) <= 0)
    );
  }

  /** Status on a past instant, read from the history (`undefined` before creation). */
  statusAt(at: Timestamp): MouStatus | undefined {
    let s: MouStatus | undefined;
    for (const h of this.props.history) if (compareTimestamps(h.at, at) <= 0) s = h.to;
    return s;
  }

  // ------------------------------------------------------------------ parties and obligations

  /** `terms` may be a `parties` entry of CreateMouInput as it is (its `party` is the first argument). */
  addParty(party: Party, terms: MouPartyTerms): Result<void> {
    return this.change((d) => {
      if (!MOU_EDITABLE_STATUSES.includes(d.status)) return err(MouErrors.notEditable(d.status));
      if (typeof party !== 'object' || party === null || typeof party.id !== 'string') {
        return err({ ...MouErrors.partyNotFound(), path: ['party'] });
      }
      if (d.parties.some((p) => p.partyId === party.id)) return err(MouErrors.partyAlreadyAdded());
      if (d.parties.length >= MOU_MAX_PARTIES) return err(MouErrors.tooManyItems('parties', MOU_MAX_PARTIES));
      const v = new FieldChecks();
      const t = v.take(checkObject(AREA, terms, [], keysOf<NonNullable<CreateMouInput['parties']>[number]>()('party', 'role', 'isSignatory', 'signatoryName', 'signatoryTitle')));
      if (v.failed) return err(v.error);
      const entry: MouPartySnapshot = {
        partyId: party.id,
        partyKind: party.kind,
        role: v.take(checkEnum(AREA, MOU_PARTY_ROLES, t['role'], ['role'])),
        isSignatory: v.take(checkBoolean(AREA, t['isSignatory'], ['isSignatory'])),
        signatoryName: v.take(checkNullableText(AREA, t['signatoryName'], ['signatoryName'])),
        signatoryTitle: v.take(checkNullableText(AREA, t['signatoryTitle'], ['signatoryTitle'])),
      };
      if (v.failed) return err(v.error);
      d.parties.push(entry);
      return ok(undefined);
    });
  }

  removeParty(partyId: string): Result<void> {
    return this.change((d) => {
      if (!MOU_EDITABLE_STATUSES.includes(d.status)) return err(MouErrors.notEditable(d.status));
      const i = d.parties.findIndex((p) => p.partyId === partyId);
      if (i < 0) return err(MouErrors.partyNotFound());
      if (d.obligations.some((o) => o.partyId === partyId)) return err(MouErrors.partyHasObligations());
      d.parties.splice(i, 1);
      return ok(undefined);
    });
  }

  /** Name (or clear) the person who signs for a party; allowed until the MoU is signed. */
  setSignatory(partyId: string, signatory: { readonly isSignatory: boolean; readonly name?: string | null; readonly title?: string | null }): Result<void> {
    return this.change((d) => {
      if (!MOU_UNSIGNED_STATUSES.includes(d.status)) return err(MouErrors.notEditable(d.status));
      const i = d.parties.findIndex((p) => p.partyId === partyId);
      if (i < 0) return err(MouErrors.partyNotFound());
      const v = new FieldChecks();
      const s = v.take(checkObject(AREA, signatory, [], ['isSignatory', 'name', 'title']));
      if (v.failed) return err(v.error);
      d.parties[i] = {
        ...d.parties[i]!,
        isSignatory: v.take(checkBoolean(AREA, s['isSignatory'], ['isSignatory'])),
        signatoryName: v.take(checkNullableText(AREA, s['name'], ['name'])),
        signatoryTitle: v.take(checkNullableText(AREA, s['title'], ['title'])),
      };
      return v.failed ? err(v.error) : ok(undefined);
    });
  }

  /** Add an obligation of one party (bilingual text); returns its number. */
  addObligation(partyId: string, text: Messages): Result<number> {
    return this.change((d) => {
      if (!MOU_EDITABLE_STATUSES.includes(d.status)) return err(MouErrors.notEditable(d.status));
      if (!d.parties.some((p) => p.partyId === partyId)) return err(MouErrors.partyNotFound());
      if (d.obligations.length >= MOU_MAX_OBLIGATIONS) return err(MouErrors.tooManyItems('obligations', MOU_MAX_OBLIGATIONS));
      const t = checkMessages(AREA, text, ['text']);
      if (!t.ok) return err(t.error);
      const number = this.nextObligationNumber(d);
      d.obligations.push({ number, partyId, text: t.value });
      return ok(number);
    });
  }

  removeObligation(number: number): Result<void> {
    return this.change((d) => {
      if (!MOU_EDITABLE_STATUSES.includes(d.status)) return err(MouErrors.notEditable(d.status));
      const i = d.obligations.findIndex((o) => o.number === number);
      if (i < 0) return err(MouErrors.obligationNotFound());
      d.obligations.splice(i, 1);
      return ok(undefined);
    });
  }

  /** Set the validity dates; allowed until the MoU takes effect (DRAFT … SIGNED). */
  setValidity(validFrom: IsoDate | null, validUntil: IsoDate | null): Result<void> {
    return this.change((d) => {
      if (![...MOU_UNSIGNED_STATUSES, 'SIGNED'].includes(d.status)) return err(MouErrors.notEditable(d.status));
      const v = new FieldChecks();
      const from = v.take(checkNullableDate(AREA, validFrom, ['validFrom']));
      const until = v.take(checkNullableDate(AREA, validUntil, ['validUntil']));
      if (v.failed) return err(v.error);
      const problem = checkMouValidity({ validFrom: from, validUntil: until, signedOn: d.signedOn });
      if (problem) return err(problem);
      d.validFrom = from;
      d.validUntil = until;
      return ok(undefined);
    });
  }

  // ------------------------------------------------------------------ status changes

  /** Generic, guarded status change (the gateway's `transitionMou`). */
  transitionTo(to: MouStatus, input: MouTransitionInput): Result<void> {
    return this.change((d) => {
      const v = new FieldChecks();
      const target = v.take(checkEnum(AREA, MOU_STATUSES, to, ['to']));
      const o = v.take(checkObject(AREA, input, [], keysOf<MouTransitionInput>()('at', 'actor', 'note', 'signedOn')));
      if (v.failed) return err(v.error);
      const { at, actor, note } = takeChangeStamp(v, AREA, o);
      const signedOnIn = o['signedOn'] === undefined ? undefined : v.take(checkDate(AREA, o['signedOn'], ['signedOn']));
      if (v.failed) return err(v.error);
      if (target !== 'SIGNED' && signedOnIn !== undefined) {
        return err(
          errorData(`${AREA}.UNKNOWN_FIELD`, 'Tanggal tanda tangan hanya untuk penandatanganan.', 'A signing date applies to signing only.', {
            path: ['signedOn'],
          }),
        );
      }

      const from = d.status;
      const guards = mouTransitionGuards(from, target);
      if (guards === undefined) return err(MouErrors.invalidTransition(from, target));
      if (isBeforeLastChange(d.history, at)) return err(MouErrors.timeBeforeLast());
      if (d.history.length >= STATUS_HISTORY_MAX_ENTRIES) return err(MouErrors.tooManyItems('history', STATUS_HISTORY_MAX_ENTRIES));
      const today = wibDateOf(at);
      const context: MouTransitionContext = { mou: d as MouSnapshot, from, note, today, signedOn: signedOnIn ?? today };
      for (const guard of guards) {
        const problem = guard(context);
        if (problem) return err(problem);
      }
      Object.assign(d, MOU_ENTRY_EFFECTS[target]?.(context));
      d.status = target;
      d.history.push({ sequence: d.history.length + 1, from, to: target, at, actor, note });
      return ok(undefined);
    });
  }

  startExploration(input: MouTransitionInput): Result<void> {
    return this.transitionTo('EXPLORATION', input);
  }
  /** Send to Kemendagri for approval (foreign local government MoUs only). */
  submitForReview(input: MouTransitionInput): Result<void> {
    return this.transitionTo('UNDER_REVIEW', input);
  }
  /** Kemendagri returned the draft for revision (note required). */
  returnForRevision(input: MouTransitionInput): Result<void> {
    return this.transitionTo('EXPLORATION', input);
  }
  sign(input: MouTransitionInput): Result<void> {
    return this.transitionTo('SIGNED', input);
  }
  activate(input: MouTransitionInput): Result<void> {
    return this.transitionTo('ACTIVE', input);
  }
  suspend(input: MouTransitionInput): Result<void> {
    return this.transitionTo('SUSPENDED', input);
  }
  resume(input: MouTransitionInput): Result<void> {
    return this.transitionTo('ACTIVE', input);
  }
  end(input: MouTransitionInput): Result<void> {
    return this.transitionTo('ENDED', input);
  }

  /**
   * Renew: create the successor MoU (id passed in) in DRAFT with the same parent, parties
   * (signatories kept, to be confirmed) and obligations, pointing back with `renewalOfMouId`.
   * This MoU keeps its status and records `renewedByMouId`; end it separately (typically when the
   * successor takes effect). Only an MoU that has been signed can be renewed, and only once.
   */
  renew(input: RenewMouInput): Result<Mou> {
    const v = new FieldChecks();
    const o = v.take(checkObject(AREA, input, [], keysOf<RenewMouInput>()('newMouId', 'at', 'actor', 'note', 'title', 'reference', 'validFrom', 'validUntil')));
    if (v.failed) return err(v.error);
    const newMouId = v.take(checkId(AREA, o['newMouId'], ['newMouId']));
    const { at, actor, note } = takeChangeStamp(v, AREA, o);
    if (v.failed) return err(v.error);
    if (!MOU_RENEWABLE_STATUSES.includes(this.props.status)) return err(MouErrors.notRenewable(this.props.status));
    if (this.props.renewedByMouId !== null) return err(MouErrors.alreadyRenewed());
    if (newMouId === this.props.id || newMouId === this.props.parentMouId) return err({ ...MouErrors.selfParent(), path: ['newMouId'] });
    if (isBeforeLastChange(this.props.history, at)) return err(MouErrors.timeBeforeLast());
    const successor = validateMou({
      id: newMouId,
      title: o['title'] ?? this.props.title,
      reference: o['reference'] ?? null,
      status: 'DRAFT',
      parentMouId: this.props.parentMouId,
      renewalOfMouId: this.props.id,
      renewedByMouId: null,
      parties: cloneData(this.props.parties),
      obligations: cloneData(this.props.obligations),
      signedOn: null,
      validFrom: o['validFrom'] ?? null,
      validUntil: o['validUntil'] ?? null,
      endedOn: null,
      note,
      history: [{ sequence: 1, from: null, to: 'DRAFT', at, actor, note }],
    });
    if (!successor.ok) return successor;
    this.props = { ...this.props, renewedByMouId: newMouId };
    return ok(new Mou(successor.value));
  }

  toSnapshot(): MouSnapshot {
    return cloneData(this.props);
  }

  // ------------------------------------------------------------------ internals

  private nextObligationNumber(d: Draft): number {
    return d.obligations.reduce((m, o) => Math.max(m, o.number), 0) + 1;
  }

  /** Run a change on a copy and keep it only when it succeeds: failures change nothing. */
  private change<T>(fn: (draft: Draft) => Result<T>): Result<T> {
    const draft = cloneData(this.props) as unknown as Draft;
    const r = fn(draft);
    if (r.ok) this.props = draft as MouSnapshot;
    return r;
  }
}
