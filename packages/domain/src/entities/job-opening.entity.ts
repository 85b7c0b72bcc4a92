/**
 * JobOpening: a job order under an MoU — occupation, route, employer, seats, wage, contract length,
 * extra requirements — and its publication status.
 *
 * UU 18/2017 Pasal 9–10: a job order must be verified by the Indonesian labour attaché; an
 * unverified opening cannot be published (`OPENING.NOT_VERIFIED`). Status machine:
 * DRAFT → OPEN (publish) | CLOSED (withdrawn draft); OPEN → CLOSED | FILLED; FILLED → OPEN (a seat
 * was released) | CLOSED; CLOSED → OPEN (reopen). Opening (from DRAFT or CLOSED) needs: attaché
 * verification, a SIGNED/ACTIVE MoU, a matching quota, the route OPEN on the parameters' date,
 * a stated contract length, a stated wage not below the Korean monthly minimum wage in force (and, for E-7-3 and its pilot,
 * an annual wage (12 × monthly) not below `e73.wageFloorShareOfGni` of Korea's GNI per capita: the caller's
 * `koreaGniPerCapita` when given, else the dated parameter `e73.gniPerCapitaKrw` (Bank of Korea, recorded
 * from 2025-03-05; before that date the floor is checked only with the caller's figure), and a free seat.
 * The route must admit the occupation (route-compatibility.ts) on the creation date, and again on
 * the parameters' date when opening. The terms change only while DRAFT; a material change clears
 * the attaché verification.
 *
 * Wage terms: FIXED (KRW per month), STATUTORY_MINIMUM (the Korean monthly minimum wage in force,
 * `korea.minimumWageMonthlyKrw`), or NOT_STATED (the job order has no wage yet; such an opening cannot
 * be published, and simulations use the minimum wage as a planning reference, flagged as such).
 */
import { err, isDomainError, ok, type Result } from '../shared/domain-error';
import type { IsoDate } from '../shared/local-date';
import { OCCUPATIONS, ROUTES, type Occupation, type Route } from '../shared/vocabulary';
import { compare, isMoney, money, ratio, type Money } from '../money';
import type { ParameterSnapshot } from '../parameters';
import type { EligibilityOpening, OpeningRequirements } from '../eligibility/rule';
import {
  checkDate,
  checkEnum,
  checkId,
  checkInteger,
  checkNullableDate,
  checkNullableText,
  checkObject,
  checkText,
  cloneData,
  ENTITY_MAX_TEXT_LENGTH,
  FieldChecks,
  keysOf,
  restoreOrThrow,
  takeChangeStamp,
} from './entity-validation';
import { OpeningErrors } from './job-opening.errors';
import type { Mou } from './mou.entity';
import { validateOpeningRequirements } from './opening-requirements';
import type { Party } from './party.entity';
import type { Quota } from './quota.entity';
import { isOccupationOnRoute } from './route-compatibility';
import { isBeforeLastChange, validateStatusHistory, STATUS_HISTORY_MAX_ENTRIES, type StatusHistoryEntry, type StatusMachine } from './status-history';
import { checkTimestamp, wibDateOf } from './timestamp';

export const OPENING_STATUSES = ['DRAFT', 'OPEN', 'CLOSED', 'FILLED'] as const;
export type OpeningStatus = (typeof OPENING_STATUSES)[number];

export const OPENING_TRANSITIONS: Readonly<Record<OpeningStatus, readonly OpeningStatus[]>> = Object.freeze({
  DRAFT: ['OPEN', 'CLOSED'],
  OPEN: ['CLOSED', 'FILLED'],
  FILLED: ['OPEN', 'CLOSED'],
  CLOSED: ['OPEN'],
});

export const WAGE_BASES = ['FIXED', 'STATUTORY_MINIMUM', 'NOT_STATED'] as const;
export type WageBasis = (typeof WAGE_BASES)[number];
export type WageTerms =
  | { readonly basis: 'FIXED'; readonly monthly: Money }
  | { readonly basis: 'STATUTORY_MINIMUM' }
  | { readonly basis: 'NOT_STATED' };

/** Sanity caps (not policy figures). */
export const OPENING_MAX_SEATS = 100_000;
export const OPENING_MAX_CONTRACT_MONTHS = 120;
const AREA = 'OPENING';
const MACHINE: StatusMachine<OpeningStatus> = { area: AREA, statuses: OPENING_STATUSES, initial: ['DRAFT'], transitions: OPENING_TRANSITIONS };

export interface AttacheVerification {
  readonly verifiedOn: IsoDate;
  /** Reference of the verification (e.g. the attaché's letter number), when known. */
  readonly reference: string | null;
}

export type OpeningHistoryEntry = StatusHistoryEntry<OpeningStatus>;

export interface JobOpeningSnapshot {
  readonly id: string;
  readonly mouId: string;
  readonly employerPartyId: string;
  readonly occupation: Occupation;
  readonly route: Route;
  readonly seats: number;
  readonly wage: WageTerms;
  /** Length of the employment contract; `null` = not stated in the job order yet (cannot be published). */
  readonly contractMonths: number | null;
  readonly extraRequirements: OpeningRequirements;
  readonly plannedDeparture: IsoDate | null;
  /** `null` = not verified by the labour attaché. */
  readonly attacheVerification: AttacheVerification | null;
  readonly status: OpeningStatus;
  readonly note: string | null;
  readonly history: readonly OpeningHistoryEntry[];
}

export interface CreateJobOpeningInput {
  readonly id: string;
  readonly mou: Mou;
  readonly employer: Party;
  readonly occupation: Occupation;
  readonly route: Route;
  readonly seats: number;
  readonly wage: WageTerms;
  /** `null` = not stated yet. */
  readonly contractMonths: number | null;
  readonly extraRequirements?: OpeningRequirements;
  readonly plannedDeparture?: IsoDate | null;
  readonly note?: string | null;
  readonly at: string;
  readonly actor: string;
}

export interface ReviseJobOpeningInput {
  readonly employer?: Party;
  readonly occupation?: Occupation;
  readonly route?: Route;
  readonly seats?: number;
  readonly wage?: WageTerms;
  readonly contractMonths?: number | null;
  readonly extraRequirements?: OpeningRequirements;
  readonly plannedDeparture?: IsoDate | null;
  readonly note?: string | null;
}

export interface OpeningTransitionInput {
  readonly at: string;
  readonly actor: string;
  readonly note?: string | null;
  /** Needed to open (publish / reopen). */
  readonly mou?: Mou;
  /** Needed to open and to mark filled: seats allocated through this opening. */
  readonly quota?: Quota;
  /** Needed to open: parameters as of the date (route status, minimum wage). */
  readonly params?: ParameterSnapshot;
  /** Korea's GNI per capita, KRW/year: replaces the parameter `e73.gniPerCapitaKrw` (required for the E-7-3 floor before 2025-03-05, when no figure is recorded). */
  readonly koreaGniPerCapita?: Money;
}

/**
 * Korea's GNI per capita recorded for the parameters' date (`e73.gniPerCapitaKrw`, Bank of Korea,
 * from 2025-03-05), or undefined before any figure is recorded: then the E-7-3 floor is checked only
 * when the caller passes `koreaGniPerCapita`.
 */
function recordedGniPerCapita(params: ParameterSnapshot): Money | undefined {
  try {
    return money(params.get('e73.gniPerCapitaKrw'), 'KRW');
  } catch (e) {
    if (isDomainError(e) && e.code === 'PARAMETER.BEFORE_COVERAGE') return undefined;
    throw e;
  }
}

/** The E-7-3 wage floor as of the parameters' date (JobOpening publication, DOMAIN.md §4). */
export interface E73WageFloor {
  /** Korea's GNI per capita used (KRW a year). */
  readonly gniPerCapita: Money;
  /** 'INPUT' (the caller's figure) or the parameter `e73.gniPerCapitaKrw`. */
  readonly gniSource: 'INPUT' | 'e73.gniPerCapitaKrw';
  /** `e73.wageFloorShareOfGni`, e.g. "0.8". */
  readonly share: string;
  /** share × GNI per capita, KRW a year, rounded up to the won (the annual wage must not be below it). */
  readonly annual: Money;
  /** The smallest whole-won monthly wage whose 12 months reach the floor: ⌈share × GNI / 12⌉. */
  readonly monthly: Money;
}

/**
 * The E-7-3 wage floor (80% of Korea's GNI per capita) as of the snapshot's date: with the caller's
 * GNI when given, else the parameter `e73.gniPerCapitaKrw`; null when neither is there (before
 * 2025-03-05 with no input). Computed exactly: e.g. 0.8 × 49,955,000 = 39,964,000 a year, 3,330,334 a month.
 */
export function e73WageFloor(params: ParameterSnapshot, gniPerCapita?: Money): E73WageFloor | null {
  const gni = gniPerCapita ?? recordedGniPerCapita(params);
  if (gni === undefined) return null;
  const shareText = params.get('e73.wageFloorShareOfGni');
  const share = ratio(shareText);
  const scaled = share.num * BigInt(gni.amount);
  const ceilDiv = (a: bigint, b: bigint) => (a + b - 1n) / b;
  return {
    gniPerCapita: gni,
    gniSource: gniPerCapita === undefined ? 'e73.gniPerCapitaKrw' : 'INPUT',
    share: shareText,
    annual: money(Number(ceilDiv(scaled, share.den)), 'KRW'),
    monthly: money(Number(ceilDiv(scaled, 12n * share.den)), 'KRW'),
  };
}

/** The monthly wage to use in simulations. */
export interface OpeningMonthlyWage {
  readonly monthly: Money;
  readonly basis: WageBasis;
  /** True when the job order states no wage and the minimum wage stands in for it. */
  readonly isPlanningReference: boolean;
}

function validateWage(input: unknown): Result<WageTerms> {
  const v = new FieldChecks();
  const o = v.take(checkObject(AREA, input, ['wage'], ['basis', 'monthly']));
  if (v.failed) return err(v.error);
  const basis = v.take(checkEnum(AREA, WAGE_BASES, o['basis'], ['wage', 'basis']));
  if (v.failed) return err(v.error);
  if (basis !== 'FIXED') {
    if (o['monthly'] !== undefined && o['monthly'] !== null) return err(OpeningErrors.wageCurrency());
    return ok({ basis });
  }
  const m = o['monthly'];
  if (!isMoney(m) || m.currency !== 'KRW' || m.amount <= 0) return err(OpeningErrors.wageCurrency());
  return ok({ basis, monthly: money(m.amount, 'KRW') });
}

function validateOpening(input: unknown): Result<JobOpeningSnapshot> {
  const v = new FieldChecks();
  const o = v.take(
    checkObject(AREA, input, [], keysOf<JobOpeningSnapshot>()(
      'id',
      'mouId',
      'employerPartyId',
      'occupation',
      'route',
      'seats',
      'wage',
      'contractMonths',
      'extraRequirements',
      'plannedDeparture',
      'attacheVerification',
      'status',
      'note',
      'history'
    )),
  );
  if (v.failed) return err(v.error);
  const id = v.take(checkId(AREA, o['id'], ['id']));
  const mouId = v.take(checkId(AREA, o['mouId'], ['mouId']));
  const employerPartyId = v.take(checkId(AREA, o['employerPartyId'], ['employerPartyId']));
  const occupation = v.take(checkEnum(AREA, OCCUPATIONS, o['occupation'], ['occupation']));
  const route = v.take(checkEnum(AREA, ROUTES, o['route'], ['route']));
  const seats = v.take(checkInteger(AREA, o['seats'], ['seats'], 1, OPENING_MAX_SEATS));
  const contractMonths =
    o['contractMonths'] === null ? null : v.take(checkInteger(AREA, o['contractMonths'], ['contractMonths'], 1, OPENING_MAX_CONTRACT_MONTHS));
  const plannedDeparture = v.take(checkNullableDate(AREA, o['plannedDeparture'], ['plannedDeparture']));
  const status = v.take(checkEnum(AREA, OPENING_STATUSES, o['status'], ['status']));
  const note = v.take(checkNullableText(AREA, o['note'], ['note'], ENTITY_MAX_TEXT_LENGTH));
  if (v.failed) return err(v.error);
  const wage = validateWage(o['wage']);
  if (!wage.ok) return wage;
  const extraRequirements = validateOpeningRequirements(AREA, o['extraRequirements']);
  if (!extraRequirements.ok) return extraRequirements;
  let attacheVerification: AttacheVerification | null = null;
  if (o['attacheVerification'] !== null && o['attacheVerification'] !== undefined) {
    const a = v.take(checkObject(AREA, o['attacheVerification'], ['attacheVerification'], keysOf<AttacheVerification>()('verifiedOn', 'reference')));
    if (v.failed) return err(v.error);
    attacheVerification = {
      verifiedOn: v.take(checkDate(AREA, a['verifiedOn'], ['attacheVerification', 'verifiedOn'])),
      reference: v.take(checkNullableText(AREA, a['reference'], ['attacheVerification', 'reference'])),
    };
  }
  const history = v.failed ? [] : validateStatusHistory(v, MACHINE, o['history'], ['history'], status);
  if (v.failed) return err(v.error);
  if (status !== 'DRAFT' && status !== 'CLOSED' && attacheVerification === null) return err(OpeningErrors.notVerified());
  return ok({
    id,
    mouId,
    employerPartyId,
    occupation,
    route,
    seats,
    wage: wage.value,
    contractMonths,
    extraRequirements: extraRequirements.value,
    plannedDeparture,
    attacheVerification,
    status,
    note,
    history,
  });
}

/** The route must admit the occupation on `asOf` (route-compatibility.ts). */
function routeFits(p: Pick<JobOpeningSnapshot, 'occupation' | 'route'>, asOf: IsoDate): Result<never> | undefined {
  const fits = isOccupationOnRoute(p.occupation, p.route, asOf);
  if (!fits.ok) return fits;
  return fits.value ? undefined : err(OpeningErrors.routeIncompatible());
}

/** Fields `revise` changes directly (the employer is passed as a party and becomes `employerPartyId`). */
const REVISABLE = keysOf<Omit<ReviseJobOpeningInput, 'employer'>>()('occupation', 'route', 'seats', 'wage', 'contractMonths', 'extraRequirements', 'plannedDeparture', 'note');

/** Fields whose change voids an attaché verification. */
const MATERIAL: readonly (keyof JobOpeningSnapshot)[] = ['employerPartyId', 'occupation', 'route', 'seats', 'wage', 'contractMonths', 'extraRequirements'];

export class JobOpening {
  private props: JobOpeningSnapshot;

  private constructor(props: JobOpeningSnapshot) {
    this.props = props;
  }

  /** Create a DRAFT opening (not verified). */
  static create(input: CreateJobOpeningInput): Result<JobOpening> {
    if (typeof input !== 'object' || input === null) return validateOpening(input) as Result<never>;
    const { mou, employer, at, actor, ...rest } = input;
    if (typeof mou !== 'object' || mou === null || typeof mou.id !== 'string') return err(OpeningErrors.mouMismatch());
    if (mou.status === 'ENDED') return err(OpeningErrors.mouEnded());
    if (typeof employer !== 'object' || employer === null || employer.kind !== 'EMPLOYER') return err(OpeningErrors.employerKind());
    const v = new FieldChecks();
    const t = v.take(checkTimestamp(AREA, at, ['at']));
    const a = v.take(checkText(AREA, actor, ['actor']));
    if (v.failed) return err(v.error);
    const r = validateOpening({
      ...rest,
      mouId: mou.id,
      employerPartyId: employer.id,
      extraRequirements: rest.extraRequirements ?? {},
      plannedDeparture: rest.plannedDeparture ?? null,
      note: rest.note ?? null,
      attacheVerification: null,
      status: 'DRAFT',
      history: [{ sequence: 1, from: null, to: 'DRAFT', at: t, actor: a, note: null }],
    });
    if (!r.ok) return r;
    const fits = routeFits(r.value, wibDateOf(t));
    return fits ?? ok(new JobOpening(r.value));
  }

  /** Rebuild from a stored snapshot; throws `DomainError` (`OPENING.*`) when the record is corrupt. */
  static fromSnapshot(snapshot: JobOpeningSnapshot): JobOpening {
    return new JobOpening(restoreOrThrow(validateOpening(snapshot)));
  }

  get id(): string {
    return this.props.id;
  }
  get mouId(): string {
    return this.props.mouId;
  }
  get employerPartyId(): string {
    return this.props.employerPartyId;
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
  get contractMonths(): number | null {
    return this.props.contractMonths;
  }
  get status(): OpeningStatus {
    return this.props.status;
  }
  get wage(): WageTerms {
    return cloneData(this.props.wage);
  }
  get verifiedByAttache(): boolean {
    return this.props.attacheVerification !== null;
  }
  get extraRequirements(): OpeningRequirements {
    return cloneData(this.props.extraRequirements);
  }
  get history(): readonly OpeningHistoryEntry[] {
    return cloneData(this.props.history);
  }

  /** What eligibility needs from this opening (`evaluateEligibility(..., { opening })`). */
  toEligibilityOpening(): EligibilityOpening {
    return {
      occupation: this.props.occupation,
      extraRequirements: cloneData(this.props.extraRequirements),
      ...(this.props.plannedDeparture !== null ? { plannedDeparture: this.props.plannedDeparture } : {}),
    };
  }

  /** The monthly wage for simulations as of the snapshot's date. */
  monthlyWageAsOf(params: ParameterSnapshot): OpeningMonthlyWage {
    const w = this.props.wage;
    if (w.basis === 'FIXED') return { monthly: w.monthly, basis: w.basis, isPlanningReference: false };
    return {
      monthly: money(params.get('korea.minimumWageMonthlyKrw'), 'KRW'),
      basis: w.basis,
      isPlanningReference: w.basis === 'NOT_STATED',
    };
  }

  /** Record the labour attaché's verification of the job order (DRAFT only). */
  recordAttacheVerification(verification: { readonly verifiedOn: IsoDate; readonly reference?: string | null }): Result<void> {
    if (this.props.status !== 'DRAFT') return err(OpeningErrors.notEditable(this.props.status));
    const v = new FieldChecks();
    const o = v.take(checkObject(AREA, verification, ['attacheVerification'], keysOf<AttacheVerification>()('verifiedOn', 'reference')));
    if (v.failed) return err(v.error);
    const verifiedOn = v.take(checkDate(AREA, o['verifiedOn'], ['attacheVerification', 'verifiedOn']));
    const reference = v.take(checkNullableText(AREA, o['reference'], ['attacheVerification', 'reference']));
    if (v.failed) return err(v.error);
    this.props = { ...this.props, attacheVerification: { verifiedOn, reference } };
    return ok(undefined);
  }

  /** Change the terms of a DRAFT opening; a material change clears the attaché verification. */
  revise(patch: ReviseJobOpeningInput): Result<void> {
    if (this.props.status !== 'DRAFT') return err(OpeningErrors.notEditable(this.props.status));
    if (typeof patch !== 'object' || patch === null) return err(OpeningErrors.contextRequired('patch'));
    const { employer, ...rest } = patch;
    if (employer !== undefined && (typeof employer !== 'object' || employer === null || employer.kind !== 'EMPLOYER')) {
      return err(OpeningErrors.employerKind());
    }
    const merged: Record<string, unknown> = cloneData(this.props) as unknown as Record<string, unknown>;
    for (const [k, val] of Object.entries(rest)) {
      if (val === undefined) continue;
      if (!(REVISABLE as readonly string[]).includes(k)) {
        return err({ ...OpeningErrors.notEditable(this.props.status), path: [k] });
      }
      merged[k] = val;
    }
    if (employer) merged['employerPartyId'] = employer.id;
    const r = validateOpening(merged);
    if (!r.ok) return r;
    const fits = routeFits(r.value, wibDateOf(this.props.history[0]!.at));
    if (fits) return fits;
    const changed = MATERIAL.some((k) => JSON.stringify(r.value[k]) !== JSON.stringify(this.props[k]));
    this.props = changed ? { ...r.value, attacheVerification: null } : r.value;
    return ok(undefined);
  }

  /** Guarded status change (history kept). */
  transitionTo(to: OpeningStatus, input: OpeningTransitionInput): Result<void> {
    const v = new FieldChecks();
    const target = v.take(checkEnum(AREA, OPENING_STATUSES, to, ['to']));
    const o = v.take(checkObject(AREA, input, [], keysOf<OpeningTransitionInput>()('at', 'actor', 'note', 'mou', 'quota', 'params', 'koreaGniPerCapita')));
    if (v.failed) return err(v.error);
    const { at, actor, note } = takeChangeStamp(v, AREA, o);
    if (v.failed) return err(v.error);
    const p = this.props;
    const from = p.status;
    if (!OPENING_TRANSITIONS[from].includes(target)) return err(OpeningErrors.invalidTransition(from, target));
    if (isBeforeLastChange(p.history, at)) return err(OpeningErrors.timeBeforeLast());
    if (p.history.length >= STATUS_HISTORY_MAX_ENTRIES) return err(OpeningErrors.invalidTransition(from, target));

    if (target === 'OPEN' || target === 'FILLED') {
      const quota = input.quota;
      if (!quota) return err(OpeningErrors.contextRequired('quota'));
      if (quota.mouId !== p.mouId || quota.occupation !== p.occupation || quota.route !== p.route) return err(OpeningErrors.quotaMismatch());
      const allocated = quota.allocatedFor(p.id);
      if (target === 'FILLED' && allocated < p.seats) return err(OpeningErrors.notFilled());
      if (target === 'OPEN') {
        if (allocated >= p.seats) return err(OpeningErrors.noSeatsLeft());
        if (from !== 'FILLED') {
          const problem = this.publicationProblem(input);
          if (problem) return problem;
        }
      }
    }
    this.props = {
      ...p,
      status: target,
      history: [...p.history, { sequence: p.history.length + 1, from, to: target, at, actor, note }],
    };
    return ok(undefined);
  }

  /** DRAFT → OPEN: publish on the vacancy board (verified job orders only). */
  publish(input: OpeningTransitionInput): Result<void> {
    return this.transitionTo('OPEN', input);
  }
  /** CLOSED → OPEN (all publication checks again) or FILLED → OPEN (a seat was released). */
  reopen(input: OpeningTransitionInput): Result<void> {
    return this.transitionTo('OPEN', input);
  }
  close(input: OpeningTransitionInput): Result<void> {
    return this.transitionTo('CLOSED', input);
  }
  markFilled(input: OpeningTransitionInput): Result<void> {
    return this.transitionTo('FILLED', input);
  }

  toSnapshot(): JobOpeningSnapshot {
    return cloneData(this.props);
  }

  private publicationProblem(input: OpeningTransitionInput): Result<never> | undefined {
    const p = this.props;
    if (p.attacheVerification === null) return err(OpeningErrors.notVerified());
    const { mou, params } = input;
    if (!mou) return err(OpeningErrors.contextRequired('mou'));
    if (mou.id !== p.mouId) return err(OpeningErrors.mouMismatch());
    if (!mou.allowsAllocation) return err(OpeningErrors.mouNotInForce(mou.status));
    if (!params || typeof params.get !== 'function') return err(OpeningErrors.contextRequired('params'));
    const fits = routeFits(p, params.asOf);
    if (fits) return fits;
    const routeStatus = params.get('routes.status')[p.route].status;
    if (routeStatus !== 'OPEN') return err(OpeningErrors.routeNotOpen(routeStatus));
    if (p.wage.basis === 'NOT_STATED') return err(OpeningErrors.wageNotStated());
    if (p.contractMonths === null) return err(OpeningErrors.contractNotStated());
    const minimum = money(params.get('korea.minimumWageMonthlyKrw'), 'KRW');
    const monthly = p.wage.basis === 'FIXED' ? p.wage.monthly : minimum;
    if (compare(monthly, minimum) < 0) return err(OpeningErrors.wageBelowMinimum());
    const gni = input.koreaGniPerCapita;
    if (p.route === 'E7_3' || p.route === 'E7_3_PILOT') {
      if (gni !== undefined && (!isMoney(gni) || gni.currency !== 'KRW' || gni.amount <= 0)) return err({ ...OpeningErrors.wageCurrency(), path: ['koreaGniPerCapita'] });
      // annual wage ≥ share × GNI per capita, compared exactly: 12·w ≥ ⌈share × GNI / 12⌉·12 ⟺ w ≥ floor.monthly
      const floor = e73WageFloor(params, gni);
      if (floor !== null && compare(monthly, floor.monthly) < 0) return err(OpeningErrors.wageBelowE73Floor(floor));
    }
    return undefined;
  }
}
