/**
 * Quota: seats for one MoU × occupation × route (DOMAIN.md §7). Seats are allocated to candidates at
 * selection, each allocation naming the job opening (a verified job order) it fills.
 *
 * Invariants, for any sequence of calls:
 * - 0 ≤ allocated ≤ seats, and for every opening, its allocations ≤ the opening's seats
 *   (`QUOTA.EXHAUSTED`, with `details.scope` QUOTA or OPENING);
 * - a candidate holds at most one seat in a quota (`QUOTA.DUPLICATE_ALLOCATION`);
 * - releasing a seat that is not held fails (`QUOTA.NOT_ALLOCATED`), so the count never goes below 0;
 * - seats are allocated only under a SIGNED or ACTIVE MoU (`QUOTA.MOU_NOT_IN_FORCE`), through an OPEN
 *   opening of the same MoU, occupation and route (an opening is OPEN only once verified by the labour
 *   attaché), on a route that admits the occupation (route-compatibility.ts) and is OPEN on the date
 *   of the parameter snapshot passed in (`routes.status`);
 * - seats can be lowered, never below the seats allocated.
 * Failures change nothing.
 */
import { err, errorData, ok, type Result } from '../shared/domain-error';
import type { IsoDate } from '../shared/local-date';
import { OCCUPATIONS, ROUTES, type Occupation, type Route } from '../shared/vocabulary';
import type { ParameterSnapshot } from '../parameters';
import {
  checkArray,
  checkDate,
  checkEnum,
  checkId,
  checkInteger,
  checkNullableText,
  checkObject,
  checkText,
  cloneData,
  ENTITY_MAX_TEXT_LENGTH,
  FieldChecks,
  keysOf,
  restoreOrThrow,
} from './entity-validation';
import type { JobOpening } from './job-opening.entity';
import type { Mou } from './mou.entity';
import { QuotaErrors } from './quota.errors';
import { isOccupationOnRoute } from './route-compatibility';
import { checkTimestamp, type Timestamp } from './timestamp';

/** Sanity cap on one quota's seats (not a policy figure). */
export const QUOTA_MAX_SEATS = 100_000;
const AREA = 'QUOTA';

export interface QuotaAllocation {
  readonly candidateId: string;
  readonly openingId: string;
  readonly allocatedAt: Timestamp;
  readonly actor: string;
}

export interface QuotaSnapshot {
  readonly id: string;
  readonly mouId: string;
  readonly occupation: Occupation;
  readonly route: Route;
  readonly seats: number;
  /** e.g. "planning assumption" for the seed's split between trades. */
  readonly note: string | null;
  /** The seats held now, oldest first. */
  readonly allocations: readonly QuotaAllocation[];
}

export interface CreateQuotaInput {
  readonly id: string;
  /** The MoU the quota belongs to (any status but ENDED). */
  readonly mou: Mou;
  readonly occupation: Occupation;
  readonly route: Route;
  readonly seats: number;
  readonly note?: string | null;
  /** Date on which the route's sectors are read (route-compatibility.ts), e.g. the day the quota is set. */
  readonly asOf: IsoDate;
}

export interface AllocateSeatInput {
  readonly candidateId: string;
  readonly opening: JobOpening;
  readonly mou: Mou;
  /** Parameters as of the allocation date (route status is read from `routes.status`). */
  readonly params: ParameterSnapshot;
  readonly at: string;
  readonly actor: string;
}

function validateQuota(input: unknown): Result<QuotaSnapshot> {
  const v = new FieldChecks();
  const o = v.take(checkObject(AREA, input, [], keysOf<QuotaSnapshot>()('id', 'mouId', 'occupation', 'route', 'seats', 'note', 'allocations')));
  if (v.failed) return err(v.error);
  const id = v.take(checkId(AREA, o['id'], ['id']));
  const mouId = v.take(checkId(AREA, o['mouId'], ['mouId']));
  const occupation = v.take(checkEnum(AREA, OCCUPATIONS, o['occupation'], ['occupation']));
  const route = v.take(checkEnum(AREA, ROUTES, o['route'], ['route']));
  const seats = v.take(checkInteger(AREA, o['seats'], ['seats'], 1, QUOTA_MAX_SEATS));
  const note = v.take(checkNullableText(AREA, o['note'], ['note'], ENTITY_MAX_TEXT_LENGTH));
  const list = v.take(checkArray(AREA, o['allocations'], ['allocations'], QUOTA_MAX_SEATS));
  if (v.failed) return err(v.error);
  const allocations: QuotaAllocation[] = [];
  for (const [i, x] of list.entries()) {
    const p = ['allocations', String(i)];
    const a = v.take(checkObject(AREA, x, p, keysOf<QuotaAllocation>()('candidateId', 'openingId', 'allocatedAt', 'actor')));
    if (v.failed) return err(v.error);
    const alloc: QuotaAllocation = {
      candidateId: v.take(checkId(AREA, a['candidateId'], [...p, 'candidateId'])),
      openingId: v.take(checkId(AREA, a['openingId'], [...p, 'openingId'])),
      allocatedAt: v.take(checkTimestamp(AREA, a['allocatedAt'], [...p, 'allocatedAt'])),
      actor: v.take(checkText(AREA, a['actor'], [...p, 'actor'])),
    };
    if (v.failed) return err(v.error);
    if (allocations.some((b) => b.candidateId === alloc.candidateId)) return err({ ...QuotaErrors.duplicate(), path: p });
    allocations.push(alloc);
  }
  if (allocations.length > seats) return err(QuotaErrors.exhausted('QUOTA', seats));
  return ok({ id, mouId, occupation, route, seats, note, allocations });
}

export class Quota {
  private props: QuotaSnapshot;

  private constructor(props: QuotaSnapshot) {
    this.props = props;
  }

  /** Create a quota with no seat allocated. */
  static create(input: CreateQuotaInput): Result<Quota> {
    if (typeof input !== 'object' || input === null) return validateQuota(input) as Result<never>;
    const { mou, asOf, ...rest } = input;
    if (typeof mou !== 'object' || mou === null || typeof mou.id !== 'string') return err(QuotaErrors.mouMismatch());
    if (mou.status === 'ENDED') return err(QuotaErrors.mouEnded());
    const date = checkDate(AREA, asOf, ['asOf']);
    if (!date.ok) return err(date.error);
    const r = validateQuota({ ...rest, mouId: mou.id, note: rest.note ?? null, allocations: [] });
    if (!r.ok) return r;
    const fits = isOccupationOnRoute(r.value.occupation, r.value.route, date.value);
    if (!fits.ok) return fits;
    if (!fits.value) return err(QuotaErrors.routeIncompatible());
    return ok(new Quota(r.value));
  }

  /** Rebuild from a stored snapshot; throws `DomainError` (`QUOTA.*`) when the record is corrupt. */
  static fromSnapshot(snapshot: QuotaSnapshot): Quota {
    return new Quota(restoreOrThrow(validateQuota(snapshot)));
  }

  get id(): string {
    return this.props.id;
  }
  get mouId(): string {
    return this.props.mouId;
  }
  get occupation(): Occupation {
    return this.props.occupation;
  }
  get route(): Route {
    return this.props.route;
  }
  get seats(): number {
    return this.props.seats;
  }
  get allocated(): number {
    return this.props.allocations.length;
  }
  get remaining(): number {
    return this.props.seats - this.props.allocations.length;
  }
  get allocations(): readonly QuotaAllocation[] {
    return cloneData(this.props.allocations);
  }

  /** Seats allocated through one opening. */
  allocatedFor(openingId: string): number {
    return this.props.allocations.filter((a) => a.openingId === openingId).length;
  }

  holdsSeat(candidateId: string): boolean {
    return this.props.allocations.some((a) => a.candidateId === candidateId);
  }

  /**
   * The seat a candidate holds through one opening (a copy), or undefined. Use it instead of
   * searching `allocations`, which copies the whole list: at 100,000 candidates that copy on every
   * selection and departure made a bulk load grow faster than linearly.
   */
  seatOf(candidateId: string, openingId: string): QuotaAllocation | undefined {
    const seat = this.props.allocations.find((a) => a.candidateId === candidateId && a.openingId === openingId);
    return seat ? cloneData(seat) : undefined;
  }

  /** Would `allocate` succeed? Same checks, no change (used by services that change several aggregates). */
  canAllocate(input: AllocateSeatInput): Result<QuotaAllocation> {
    const v = new FieldChecks();
    const o = v.take(checkObject(AREA, input, [], keysOf<AllocateSeatInput>()('candidateId', 'opening', 'mou', 'params', 'at', 'actor')));
    if (v.failed) return err(v.error);
    const candidateId = v.take(checkId(AREA, o['candidateId'], ['candidateId']));
    const allocatedAt = v.take(checkTimestamp(AREA, o['at'], ['at']));
    const actor = v.take(checkText(AREA, o['actor'], ['actor']));
    if (v.failed) return err(v.error);
    const { mou, opening, params } = input;
    if (typeof params !== 'object' || params === null || typeof params.get !== 'function') {
      return err(errorData('QUOTA.INVALID_INPUT', 'Parameter tidak diberikan.', 'Parameters were not given.', { path: ['params'] }));
    }
    const p = this.props;
    if (typeof mou !== 'object' || mou === null || mou.id !== p.mouId) return err(QuotaErrors.mouMismatch());
    if (!mou.allowsAllocation) return err(QuotaErrors.mouNotInForce(mou.status));
    if (
      typeof opening !== 'object' ||
      opening === null ||
      opening.mouId !== p.mouId ||
      opening.occupation !== p.occupation ||
      opening.route !== p.route
    ) {
      return err(QuotaErrors.openingMismatch());
    }
    if (opening.status !== 'OPEN') return err(QuotaErrors.openingNotOpen(opening.status));
    const fits = isOccupationOnRoute(p.occupation, p.route, params.asOf);
    if (!fits.ok) return fits;
    if (!fits.value) return err(QuotaErrors.routeIncompatible());
    const routeStatus = params.get('routes.status')[p.route].status;
    if (routeStatus !== 'OPEN') return err(QuotaErrors.routeNotOpen(routeStatus));
    if (this.holdsSeat(candidateId)) return err(QuotaErrors.duplicate());
    if (p.allocations.length >= p.seats) return err(QuotaErrors.exhausted('QUOTA', p.seats));
    if (this.allocatedFor(opening.id) >= opening.seats) return err(QuotaErrors.exhausted('OPENING', opening.seats));
    return ok({ candidateId, openingId: opening.id, allocatedAt, actor });
  }

  /** Allocate one seat to a candidate through an open opening. */
  allocate(input: AllocateSeatInput): Result<QuotaAllocation> {
    const r = this.canAllocate(input);
    if (!r.ok) return r;
    this.props = { ...this.props, allocations: [...this.props.allocations, r.value] };
    return ok({ ...r.value });
  }

  /** Release the candidate's seat (withdrawal, rejection, …); returns the released allocation. */
  release(candidateId: string): Result<QuotaAllocation> {
    const i = this.props.allocations.findIndex((a) => a.candidateId === candidateId);
    if (i < 0) return err(QuotaErrors.notAllocated());
    const released = this.props.allocations[i]!;
    this.props = { ...this.props, allocations: this.props.allocations.filter((_, j) => j !== i) };
    return ok({ ...released });
  }

  /** Change the number of seats (never below the seats allocated). */
  changeSeats(seats: number): Result<void> {
    const c = checkInteger(AREA, seats, ['seats'], 1, QUOTA_MAX_SEATS);
    if (!c.ok) return err(c.error);
    if (c.value < this.props.allocations.length) return err(QuotaErrors.seatsBelowAllocated(this.props.allocations.length));
    this.props = { ...this.props, seats: c.value };
    return ok(undefined);
  }

  toSnapshot(): QuotaSnapshot {
    return cloneData(this.props);
  }
}
