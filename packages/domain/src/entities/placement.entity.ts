/**
 * Placement: one candidate in one quota seat through one job opening, with its dates — allocated
 * (selection), departed, started work abroad, expected end of contract, returned — or cancelled
 * (withdrawal or rejection before departure, when the seat goes back to the quota).
 *
 * Status machine: ALLOCATED → DEPARTED | CANCELLED; DEPARTED → WORKING | RETURNED; WORKING → RETURNED.
 * Dates never go backwards (allocated ≤ departed ≤ started work ≤ returned) and none is after the
 * WIB date of the instant it is recorded. The expected end is the start of work plus the opening's
 * contract months, when the opening states them.
 */
import { err, errorData, ok, type DomainErrorData, type Result } from '../shared/domain-error';
import { addMonths, compareDates, type IsoDate } from '../shared/local-date';
import { OCCUPATIONS, ROUTES, type Occupation, type Route } from '../shared/vocabulary';
import type { Candidate } from './candidate.entity';
import {
  checkDate,
  checkEnum,
  checkId,
  checkInteger,
  checkNullableDate,
  checkObject,
  checkText,
  cloneData,
  FieldChecks,
  keysOf,
  restoreOrThrow,
  takeChangeStamp,
} from './entity-validation';
import { OPENING_MAX_CONTRACT_MONTHS, type JobOpening } from './job-opening.entity';
import type { Quota } from './quota.entity';
import { isBeforeLastChange, STATUS_HISTORY_MAX_ENTRIES, validateStatusHistory, type StatusHistoryEntry, type StatusMachine } from './status-history';
import { checkTimestamp, wibDateOf } from './timestamp';

export const PLACEMENT_STATUSES = ['ALLOCATED', 'DEPARTED', 'WORKING', 'RETURNED', 'CANCELLED'] as const;
export type PlacementStatus = (typeof PLACEMENT_STATUSES)[number];

export const PLACEMENT_TRANSITIONS: Readonly<Record<PlacementStatus, readonly PlacementStatus[]>> = Object.freeze({
  ALLOCATED: ['DEPARTED', 'CANCELLED'],
  DEPARTED: ['WORKING', 'RETURNED'],
  WORKING: ['RETURNED'],
  RETURNED: [],
  CANCELLED: [],
});

export const PLACEMENT_ERROR_CODES = [
  'PLACEMENT.INVALID_TRANSITION',
  'PLACEMENT.TIME_BEFORE_LAST_TRANSITION',
  'PLACEMENT.NO_SEAT',
  'PLACEMENT.CANDIDATE_NOT_SELECTED',
  'PLACEMENT.DATE_ORDER',
  'PLACEMENT.DATE_IN_FUTURE',
  'PLACEMENT.NOTE_REQUIRED',
] as const;

const AREA = 'PLACEMENT';
const MACHINE: StatusMachine<PlacementStatus> = { area: AREA, statuses: PLACEMENT_STATUSES, initial: ['ALLOCATED'], transitions: PLACEMENT_TRANSITIONS };

export type PlacementHistoryEntry = StatusHistoryEntry<PlacementStatus>;

export interface PlacementSnapshot {
  readonly id: string;
  readonly candidateId: string;
  readonly openingId: string;
  readonly quotaId: string;
  readonly mouId: string;
  readonly employerPartyId: string;
  readonly occupation: Occupation;
  readonly route: Route;
  /** From the opening, `null` when it states none. */
  readonly contractMonths: number | null;
  readonly allocatedOn: IsoDate;
  readonly departedOn: IsoDate | null;
  readonly startedWorkOn: IsoDate | null;
  /** Start of work + contract months, when both are known. */
  readonly expectedEndOn: IsoDate | null;
  readonly returnedOn: IsoDate | null;
  readonly cancelledOn: IsoDate | null;
  readonly status: PlacementStatus;
  readonly history: readonly PlacementHistoryEntry[];
}

export interface CreatePlacementInput {
  readonly id: string;
  /** Selected for `opening` (stage SELECTED). */
  readonly candidate: Candidate;
  readonly opening: JobOpening;
  /** Holds the candidate's seat for `opening`. */
  readonly quota: Quota;
  readonly at: string;
  readonly actor: string;
}

export interface PlacementEventInput {
  /** The calendar date of the event (departure, start of work, return, cancellation). */
  readonly on: IsoDate;
  readonly at: string;
  readonly actor: string;
  readonly note?: string | null;
}

const e = (code: (typeof PLACEMENT_ERROR_CODES)[number], id: string, en: string, extra: { path?: readonly string[]; details?: DomainErrorData['details'] } = {}) =>
  errorData(code, id, en, extra);

const dateOrder = (path: string) =>
  e('PLACEMENT.DATE_ORDER', 'Tanggal tidak boleh sebelum tanggal tahap sebelumnya.', 'The date cannot be before the date of the previous step.', {
    path: [path],
  });

function validatePlacement(input: unknown): Result<PlacementSnapshot> {
  const v = new FieldChecks();
  const o = v.take(
    checkObject(AREA, input, [], keysOf<PlacementSnapshot>()(
      'id',
      'candidateId',
      'openingId',
      'quotaId',
      'mouId',
      'employerPartyId',
      'occupation',
      'route',
      'contractMonths',
      'allocatedOn',
      'departedOn',
      'startedWorkOn',
      'expectedEndOn',
      'returnedOn',
      'cancelledOn',
      'status',
      'history'
    )),
  );
  if (v.failed) return err(v.error);
  const s: PlacementSnapshot = {
    id: v.take(checkId(AREA, o['id'], ['id'])),
    candidateId: v.take(checkId(AREA, o['candidateId'], ['candidateId'])),
    openingId: v.take(checkId(AREA, o['openingId'], ['openingId'])),
    quotaId: v.take(checkId(AREA, o['quotaId'], ['quotaId'])),
    mouId: v.take(checkId(AREA, o['mouId'], ['mouId'])),
    employerPartyId: v.take(checkId(AREA, o['employerPartyId'], ['employerPartyId'])),
    occupation: v.take(checkEnum(AREA, OCCUPATIONS, o['occupation'], ['occupation'])),
    route: v.take(checkEnum(AREA, ROUTES, o['route'], ['route'])),
    contractMonths:
      o['contractMonths'] === null ? null : v.take(checkInteger(AREA, o['contractMonths'], ['contractMonths'], 1, OPENING_MAX_CONTRACT_MONTHS)),
    allocatedOn: v.take(checkDate(AREA, o['allocatedOn'], ['allocatedOn'])),
    departedOn: v.take(checkNullableDate(AREA, o['departedOn'], ['departedOn'])),
    startedWorkOn: v.take(checkNullableDate(AREA, o['startedWorkOn'], ['startedWorkOn'])),
    expectedEndOn: v.take(checkNullableDate(AREA, o['expectedEndOn'], ['expectedEndOn'])),
    returnedOn: v.take(checkNullableDate(AREA, o['returnedOn'], ['returnedOn'])),
    cancelledOn: v.take(checkNullableDate(AREA, o['cancelledOn'], ['cancelledOn'])),
    status: v.take(checkEnum(AREA, PLACEMENT_STATUSES, o['status'], ['status'])),
    history: [],
  };
  if (v.failed) return err(v.error);
  const history = validateStatusHistory(v, MACHINE, o['history'], ['history'], s.status);
  if (v.failed) return err(v.error);
  // dates in order, and present exactly when the status has passed them
  const chain: Array<[keyof PlacementSnapshot, IsoDate | null]> = [
    ['departedOn', s.departedOn],
    ['startedWorkOn', s.startedWorkOn],
    ['returnedOn', s.returnedOn],
  ];
  let prev: IsoDate = s.allocatedOn;
  for (const [k, d] of chain) {
    if (d === null) continue;
    if (compareDates(d, prev) < 0) return err(dateOrder(k));
    prev = d;
  }
  if (s.cancelledOn !== null && compareDates(s.cancelledOn, s.allocatedOn) < 0) return err(dateOrder('cancelledOn'));
  const seen = new Set(history.map((h) => h.to));
  const mismatch =
    seen.has('DEPARTED') !== (s.departedOn !== null) ||
    seen.has('WORKING') !== (s.startedWorkOn !== null) ||
    seen.has('RETURNED') !== (s.returnedOn !== null) ||
    seen.has('CANCELLED') !== (s.cancelledOn !== null);
  const expected = s.startedWorkOn !== null && s.contractMonths !== null ? addMonths(s.startedWorkOn, s.contractMonths) : null;
  if (mismatch || expected !== s.expectedEndOn) {
    return err({
      code: 'PLACEMENT.INVALID_SNAPSHOT',
      message: { id: 'Tanggal penempatan tidak sesuai dengan statusnya.', en: 'The placement dates do not match its status.' },
      path: ['status'],
    });
  }
  return ok({ ...s, history });
}

export class Placement {
  private props: PlacementSnapshot;

  private constructor(props: PlacementSnapshot) {
    this.props = props;
  }

  /** Record the placement of a selected candidate in their seat (status ALLOCATED). */
  static create(input: CreatePlacementInput): Result<Placement> {
    const v = new FieldChecks();
    const o = v.take(checkObject(AREA, input, [], keysOf<CreatePlacementInput>()('id', 'candidate', 'opening', 'quota', 'at', 'actor')));
    if (v.failed) return err(v.error);
    const at = v.take(checkTimestamp(AREA, o['at'], ['at']));
    const actor = v.take(checkText(AREA, o['actor'], ['actor']));
    if (v.failed) return err(v.error);
    const { candidate, opening, quota } = input;
    if (!candidate || !opening || candidate.stage !== 'SELECTED' || candidate.openingId !== opening.id) {
      return err(
        e('PLACEMENT.CANDIDATE_NOT_SELECTED', 'Kandidat belum diseleksi untuk lowongan ini.', 'The candidate has not been selected for this opening.', {
          path: ['candidate'],
        }),
      );
    }
    const seat = quota?.seatOf(candidate.id, opening.id);
    if (!quota || !seat || candidate.quotaId !== quota.id) {
      return err(e('PLACEMENT.NO_SEAT', 'Kandidat tidak memegang kursi kuota untuk lowongan ini.', 'The candidate holds no quota seat for this opening.', { path: ['quota'] }));
    }
    const r = validatePlacement({
      id: o['id'],
      candidateId: candidate.id,
      openingId: opening.id,
      quotaId: quota.id,
      mouId: opening.mouId,
      employerPartyId: opening.employerPartyId,
      occupation: opening.occupation,
      route: opening.route,
      contractMonths: opening.contractMonths,
      allocatedOn: wibDateOf(seat.allocatedAt),
      departedOn: null,
      startedWorkOn: null,
      expectedEndOn: null,
      returnedOn: null,
      cancelledOn: null,
      status: 'ALLOCATED',
      history: [{ sequence: 1, from: null, to: 'ALLOCATED', at, actor, note: null }],
    });
    return r.ok ? ok(new Placement(r.value)) : r;
  }

  /** Rebuild from a stored snapshot; throws `DomainError` when the record is corrupt. */
  static fromSnapshot(snapshot: PlacementSnapshot): Placement {
    return new Placement(restoreOrThrow(validatePlacement(snapshot)));
  }

  get id(): string {
    return this.props.id;
  }
  get status(): PlacementStatus {
    return this.props.status;
  }
  get candidateId(): string {
    return this.props.candidateId;
  }
  get quotaId(): string {
    return this.props.quotaId;
  }
  get expectedEndOn(): IsoDate | null {
    return this.props.expectedEndOn;
  }

  recordDeparture(input: PlacementEventInput): Result<void> {
    return this.move('DEPARTED', input, 'departedOn', this.props.allocatedOn);
  }
  recordStartOfWork(input: PlacementEventInput): Result<void> {
    return this.move('WORKING', input, 'startedWorkOn', this.props.departedOn ?? this.props.allocatedOn);
  }
  recordReturn(input: PlacementEventInput): Result<void> {
    return this.move('RETURNED', input, 'returnedOn', this.props.startedWorkOn ?? this.props.departedOn ?? this.props.allocatedOn);
  }
  /** Before departure only; a note giving the reason is required. */
  cancel(input: PlacementEventInput): Result<void> {
    return this.move('CANCELLED', input, 'cancelledOn', this.props.allocatedOn);
  }

  toSnapshot(): PlacementSnapshot {
    return cloneData(this.props);
  }

  private move(to: PlacementStatus, input: PlacementEventInput, field: 'departedOn' | 'startedWorkOn' | 'returnedOn' | 'cancelledOn', notBefore: IsoDate): Result<void> {
    const v = new FieldChecks();
    const o = v.take(checkObject(AREA, input, [], keysOf<PlacementEventInput>()('on', 'at', 'actor', 'note')));
    if (v.failed) return err(v.error);
    const on = v.take(checkDate(AREA, o['on'], ['on']));
    const { at, actor, note } = takeChangeStamp(v, AREA, o);
    if (v.failed) return err(v.error);
    const p = this.props;
    if (!PLACEMENT_TRANSITIONS[p.status].includes(to)) {
      return err(
        e('PLACEMENT.INVALID_TRANSITION', 'Perubahan status penempatan ini tidak diizinkan.', 'This placement status change is not allowed.', {
          path: ['to'],
          details: { from: p.status, to },
        }),
      );
    }
    if (isBeforeLastChange(p.history, at) || p.history.length >= STATUS_HISTORY_MAX_ENTRIES) {
      return err(
        e(
          'PLACEMENT.TIME_BEFORE_LAST_TRANSITION',
          'Waktu perubahan tidak boleh sebelum perubahan terakhir dalam riwayat.',
          'A change cannot be recorded before the last change in the history.',
          { path: ['at'] },
        ),
      );
    }
    if (compareDates(on, notBefore) < 0) return err(dateOrder('on'));
    if (compareDates(on, wibDateOf(at)) > 0) {
      return err(e('PLACEMENT.DATE_IN_FUTURE', 'Tanggal peristiwa tidak boleh setelah waktu pencatatan.', 'The event date cannot be after the time it is recorded.', { path: ['on'] }));
    }
    if (to === 'CANCELLED' && note === null) {
      return err(e('PLACEMENT.NOTE_REQUIRED', 'Pembatalan memerlukan catatan alasan.', 'A cancellation needs a note giving the reason.', { path: ['note'] }));
    }
    const expectedEndOn = to === 'WORKING' && p.contractMonths !== null ? addMonths(on, p.contractMonths) : p.expectedEndOn;
    this.props = {
      ...p,
      [field]: on,
      expectedEndOn,
      status: to,
      history: [...p.history, { sequence: p.history.length + 1, from: p.status, to, at, actor, note }],
    };
    return ok(undefined);
  }
}
