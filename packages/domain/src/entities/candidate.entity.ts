/**
 * Candidate (CPMI → PMI): a resident in the placement pipeline — profile (the eligibility module's
 * `CandidateProfile`, stored as is), documents (inside the profile), target route and occupation,
 * the opening and quota seat they were selected for, references in external systems, and a stage
 * state machine (candidate-stage.ts) whose history gives the time spent in each stage.
 *
 * Gates call the eligibility module (`evaluateEligibility`) for the opening's route and requirements,
 * as of the WIB date of the change with a parameter snapshot of that date:
 * - → SELECTED: `eligibleToBeSelected`, the opening OPEN, and a seat held in the opening's quota
 *   (allocate first; `selectCandidate` in select-candidate.service.ts does both at once);
 * - → MEDICAL, PLACEMENT_AGREEMENT, EMPLOYMENT_CONTRACT, VISA, ORIENTATION: the rules listed in
 *   `CANDIDATE_STAGE_GATES` pass (`CANDIDATE.GATE_NOT_MET` names the ones that do not);
 * - → DEPARTED: `readyToDepart` and the seat still held;
 * - → WITHDRAWN / REJECTED: a reason code of that exit (candidate-exit-reasons.ts) or a note, or both;
 *   the code OTHER needs the note too (the seat is released by the service). The code is optional so
 *   that callers and stored histories from before the codes stay valid (a stored entry without one
 *   reads as `reason: null`).
 * Failures change nothing. Personal data never enters an error message.
 */
import { DomainError, err, ok, type Result } from '../shared/domain-error';
import type { IsoDate } from '../shared/local-date';
import { OCCUPATIONS, ROUTES, type Occupation, type Route } from '../shared/vocabulary';
import type { ParameterSnapshot } from '../parameters';
import type { CandidateProfile, DocumentRecord } from '../eligibility/candidate-profile';
import { validateCandidateProfile } from '../eligibility/validate-candidate-profile';
import { evaluateEligibility, type EligibilityEvaluation, type EligibilityRuleOverlay } from '../eligibility/evaluate-eligibility';
import { CandidateErrors } from './candidate.errors';
import {
  CANDIDATE_STAGE_GATES,
  CANDIDATE_STAGES,
  CANDIDATE_TRANSITIONS,
  isCandidateTransitionAllowed,
  type CandidateStage,
} from './candidate-stage';
import {
  CANDIDATE_EXIT_REASONS,
  CANDIDATE_EXIT_REASONS_BY_STAGE,
  CANDIDATE_EXIT_REASONS_NEEDING_NOTE,
  isCandidateExitStage,
  isExitReasonOf,
  type CandidateExitReason,
} from './candidate-exit-reasons';
import {
  checkDate,
  checkEnum,
  checkId,
  checkNullableId,
  checkObject,
  cloneData,
  FieldChecks,
  keysOf,
  restoreOrThrow,
  takeChangeStamp,
  takeExternalRefs,
} from './entity-validation';
import type { JobOpening } from './job-opening.entity';
import type { Quota } from './quota.entity';
import {
  isBeforeLastChange,
  STATUS_HISTORY_MAX_ENTRIES,
  statusPeriods,
  validateStatusHistory,
  type StatusHistoryEntry,
  type StatusMachine,
  type StatusPeriod,
} from './status-history';
import { checkTimestamp, wibDateOf, type Timestamp } from './timestamp';

const AREA = 'CANDIDATE';
const MACHINE: StatusMachine<CandidateStage> = {
  area: AREA,
  statuses: CANDIDATE_STAGES,
  initial: ['REGISTERED'],
  transitions: CANDIDATE_TRANSITIONS,
};

/** Systems whose identifiers a candidate may carry (the official records stay there, DOMAIN.md §8). */
export const CANDIDATE_REFERENCE_SYSTEMS = ['SISKOP2MI', 'AK1_CARD', 'SIAPKERJA', 'EPS_HRD_KOREA', 'E_PMI_CARD', 'OTHER'] as const;
export type CandidateReferenceSystem = (typeof CANDIDATE_REFERENCE_SYSTEMS)[number];

export interface CandidateExternalReference {
  readonly system: CandidateReferenceSystem;
  readonly reference: string;
}

export interface CandidateHistoryEntry extends StatusHistoryEntry<CandidateStage> {
  /** The exit reason code of a change into WITHDRAWN / REJECTED; null otherwise and when none was recorded. */
  readonly reason: CandidateExitReason | null;
}

export interface CandidateSnapshot {
  readonly id: string;
  /** Validated profile (identity, address, education, tests, medical, documents, …): store as JSON. */
  readonly profile: CandidateProfile;
  readonly stage: CandidateStage;
  readonly targetRoute: Route | null;
  readonly targetOccupation: Occupation | null;
  /** The opening and quota of the current (or last) selection; cleared on re-registration. */
  readonly openingId: string | null;
  readonly quotaId: string | null;
  readonly externalRefs: readonly CandidateExternalReference[];
  readonly history: readonly CandidateHistoryEntry[];
}

export interface RegisterCandidateInput {
  readonly id: string;
  readonly profile: CandidateProfile;
  readonly targetRoute?: Route | null;
  readonly targetOccupation?: Occupation | null;
  readonly externalRefs?: readonly CandidateExternalReference[];
  readonly at: string;
  readonly actor: string;
  readonly note?: string | null;
}

export interface CandidateAdvanceInput {
  readonly at: string;
  readonly actor: string;
  readonly note?: string | null;
  /** Why the candidate leaves (only into WITHDRAWN / REJECTED, a code of that exit; OTHER needs the note). */
  readonly reason?: CandidateExitReason | null;
  /** The opening the candidate is (being) selected for: needed for SELECTED and every gated stage. */
  readonly opening?: JobOpening;
  /** The opening's quota: needed for SELECTED and DEPARTED (the seat). */
  readonly quota?: Quota;
  /** Parameters as of the WIB date of `at`: needed for every gated stage. */
  readonly params?: ParameterSnapshot;
  /** "What-if" rule overlays passed to eligibility (e.g. a city waiver). */
  readonly ruleOverlays?: readonly EligibilityRuleOverlay[];
  /** Months the passport must stay valid after departure (eligibility input, default 0). */
  readonly passportMarginMonths?: number;
}

/** What a successful gate check found (the eligibility evaluation when one ran). */
export interface CandidateGateReport {
  readonly from: CandidateStage;
  readonly to: CandidateStage;
  readonly evaluation?: EligibilityEvaluation;
}

function validateCandidate(input: unknown): Result<CandidateSnapshot> {
  const v = new FieldChecks();
  const o = v.take(
    checkObject(AREA, input, [], keysOf<CandidateSnapshot>()('id', 'profile', 'stage', 'targetRoute', 'targetOccupation', 'openingId', 'quotaId', 'externalRefs', 'history')),
  );
  if (v.failed) return err(v.error);
  const id = v.take(checkId(AREA, o['id'], ['id']));
  const stage = v.take(checkEnum(AREA, CANDIDATE_STAGES, o['stage'], ['stage']));
  const targetRoute = o['targetRoute'] === null || o['targetRoute'] === undefined ? null : v.take(checkEnum(AREA, ROUTES, o['targetRoute'], ['targetRoute']));
  const targetOccupation =
    o['targetOccupation'] === null || o['targetOccupation'] === undefined ? null : v.take(checkEnum(AREA, OCCUPATIONS, o['targetOccupation'], ['targetOccupation']));
  const openingId = v.take(checkNullableId(AREA, o['openingId'], ['openingId']));
  const quotaId = v.take(checkNullableId(AREA, o['quotaId'], ['quotaId']));
  const externalRefs = takeExternalRefs(v, AREA, CANDIDATE_REFERENCE_SYSTEMS, o['externalRefs'], ['externalRefs']);
  if (v.failed) return err(v.error);
  const profile = validateCandidateProfile(o['profile'] ?? {}, { nikCheck: 'FULL' });
  if (!profile.ok) return err({ ...profile.error, path: ['profile', ...(profile.error.path ?? [])] });
  const stored = splitReasons(o['history']);
  const plain = validateStatusHistory(v, MACHINE, stored.entries, ['history'], stage);
  if (v.failed) return err(v.error);
  const history: CandidateHistoryEntry[] = [];
  for (const [i, h] of plain.entries()) {
    const reason = checkExitReason(h.to, stored.reasons[i], ['history', String(i), 'reason']);
    if (!reason.ok) return err(reason.error);
    history.push({ ...h, reason: reason.value });
  }
  return ok({ id, profile: profile.value, stage, targetRoute, targetOccupation, openingId, quotaId, externalRefs, history });
}

export class Candidate {
  private props: CandidateSnapshot;

  private constructor(props: CandidateSnapshot) {
    this.props = props;
  }

  /**
   * Register a candidate (stage REGISTERED). The profile is checked with `validateCandidateProfile`
   * (full NIK check; past events not after the WIB date of `at`): its `PROFILE.*` / `NIK.*` codes come
   * back as they are, with the path under `profile`.
   */
  static register(input: RegisterCandidateInput): Result<Candidate> {
    const v = new FieldChecks();
    const o = v.take(checkObject(AREA, input, [], keysOf<RegisterCandidateInput>()('id', 'profile', 'targetRoute', 'targetOccupation', 'externalRefs', 'at', 'actor', 'note')));
    if (v.failed) return err(v.error);
    const { at, actor, note } = takeChangeStamp(v, AREA, o);
    if (v.failed) return err(v.error);
    const profile = validateCandidateProfile(o['profile'], { asOf: wibDateOf(at), nikCheck: 'FULL' });
    if (!profile.ok) return err({ ...profile.error, path: ['profile', ...(profile.error.path ?? [])] });
    const r = validateCandidate({
      id: o['id'],
      profile: profile.value,
      stage: 'REGISTERED',
      targetRoute: o['targetRoute'] ?? null,
      targetOccupation: o['targetOccupation'] ?? null,
      openingId: null,
      quotaId: null,
      externalRefs: o['externalRefs'] ?? [],
      history: [{ sequence: 1, from: null, to: 'REGISTERED', at, actor, note, reason: null }],
    });
    return r.ok ? ok(new Candidate(r.value)) : r;
  }

  /** Rebuild from a stored snapshot; throws `DomainError` when the record is corrupt. */
  static fromSnapshot(snapshot: CandidateSnapshot): Candidate {
    return new Candidate(restoreOrThrow(validateCandidate(snapshot)));
  }

  get id(): string {
    return this.props.id;
  }
  get stage(): CandidateStage {
    return this.props.stage;
  }
  get profile(): CandidateProfile {
    return cloneData(this.props.profile);
  }
  get targetRoute(): Route | null {
    return this.props.targetRoute;
  }
  get targetOccupation(): Occupation | null {
    return this.props.targetOccupation;
  }
  get openingId(): string | null {
    return this.props.openingId;
  }
  get quotaId(): string | null {
    return this.props.quotaId;
  }
  get history(): readonly CandidateHistoryEntry[] {
    return cloneData(this.props.history);
  }

  /** Replace the profile (validated; past events not after `asOf`). */
  updateProfile(profile: CandidateProfile, asOf: IsoDate): Result<void> {
    const d = checkDate(AREA, asOf, ['asOf']);
    if (!d.ok) return err(d.error);
    const r = validateCandidateProfile(profile, { asOf: d.value, nikCheck: 'FULL' });
    if (!r.ok) return err({ ...r.error, path: ['profile', ...(r.error.path ?? [])] });
    this.props = { ...this.props, profile: r.value };
    return ok(undefined);
  }

  /** Add a document record (UU 18/2017 Pasal 13 and supporting cards); eligibility judges the best one per kind. */
  addDocument(document: DocumentRecord, asOf: IsoDate): Result<void> {
    return this.updateProfile({ ...this.props.profile, documents: [...(this.props.profile.documents ?? []), document] }, asOf);
  }

  /** Set the route and occupation the candidate aims for (while REGISTERED; selection sets them from the opening). */
  setTarget(route: Route | null, occupation: Occupation | null): Result<void> {
    if (this.props.stage !== 'REGISTERED') return err(CandidateErrors.notEditable(this.props.stage));
    const r = validateCandidate({ ...this.props, targetRoute: route, targetOccupation: occupation });
    if (!r.ok) return r;
    this.props = r.value;
    return ok(undefined);
  }

  /** Set or replace the reference in one external system (SISKOP2MI id, AK/1 number, …). */
  setExternalReference(system: CandidateReferenceSystem, reference: string | null): Result<void> {
    const others = this.props.externalRefs.filter((e) => e.system !== system);
    const refs = reference === null ? others : [...others, { system, reference }];
    const r = validateCandidate({ ...this.props, externalRefs: refs });
    if (!r.ok) return r;
    this.props = r.value;
    return ok(undefined);
  }

  /** Periods spent in each stage up to `asOf` (an instant not before the last change). */
  stagePeriods(asOf: string): Result<StatusPeriod<CandidateStage>[]> {
    const t = checkTimestamp(AREA, asOf, ['asOf']);
    if (!t.ok) return err(t.error);
    if (isBeforeLastChange(this.props.history, t.value)) return err({ ...CandidateErrors.timeBeforeLast(), path: ['asOf'] });
    return ok(statusPeriods(this.props.history, t.value));
  }

  /** When the candidate entered the current stage. */
  get stageSince(): Timestamp {
    return this.props.history[this.props.history.length - 1]!.at;
  }

  /**
   * Check a stage change without making it. `seatPending` (for `selectCandidate`) skips the check that
   * the seat is already held, because the service allocates it right after this check.
   */
  checkAdvance(to: CandidateStage, input: CandidateAdvanceInput, options: { readonly seatPending?: boolean } = {}): Result<CandidateGateReport> {
    const prepared = this.prepare(to, input, options.seatPending === true);
    return prepared.ok ? ok(prepared.value.report) : prepared;
  }

  /** Guarded stage change (the gateway's `advanceCandidate`). */
  advance(to: CandidateStage, input: CandidateAdvanceInput): Result<CandidateGateReport> {
    const prepared = this.prepare(to, input, false);
    if (!prepared.ok) return prepared;
    this.props = prepared.value.next;
    return ok(prepared.value.report);
  }

  withdraw(input: CandidateAdvanceInput): Result<CandidateGateReport> {
    return this.advance('WITHDRAWN', input);
  }
  reject(input: CandidateAdvanceInput): Result<CandidateGateReport> {
    return this.advance('REJECTED', input);
  }
  /** Register again after a withdrawal, rejection or return (a new cycle; the history keeps the old one). */
  registerAgain(input: CandidateAdvanceInput): Result<CandidateGateReport> {
    return this.advance('REGISTERED', input);
  }

  toSnapshot(): CandidateSnapshot {
    return cloneData(this.props);
  }

  // ------------------------------------------------------------------ internals

  private prepare(
    to: CandidateStage,
    input: CandidateAdvanceInput,
    seatPending: boolean,
  ): Result<{ readonly next: CandidateSnapshot; readonly report: CandidateGateReport }> {
    const v = new FieldChecks();
    const target = v.take(checkEnum(AREA, CANDIDATE_STAGES, to, ['to']));
    const o = v.take(checkObject(AREA, input, [], keysOf<CandidateAdvanceInput>()('at', 'actor', 'note', 'reason', 'opening', 'quota', 'params', 'ruleOverlays', 'passportMarginMonths')));
    if (v.failed) return err(v.error);
    const { at, actor, note } = takeChangeStamp(v, AREA, o);
    if (v.failed) return err(v.error);

    const p = this.props;
    const from = p.stage;
    if (!isCandidateTransitionAllowed(from, target)) return err(CandidateErrors.invalidTransition(from, target));
    if (isBeforeLastChange(p.history, at)) return err(CandidateErrors.timeBeforeLast());
    if (p.history.length >= STATUS_HISTORY_MAX_ENTRIES) return err(CandidateErrors.invalidTransition(from, target));

    let next: CandidateSnapshot = p;
    let evaluation: EligibilityEvaluation | undefined;

    const reasonChecked = checkExitReason(target, o['reason'], ['reason']);
    if (!reasonChecked.ok) return reasonChecked;
    const reason = reasonChecked.value;
    if (target === 'WITHDRAWN' || target === 'REJECTED') {
      // something must say why: the code, the note, or both; OTHER says nothing on its own
      if (note === null && (reason === null || CANDIDATE_EXIT_REASONS_NEEDING_NOTE.includes(reason))) return err(CandidateErrors.noteRequired());
    } else if (target === 'REGISTERED') {
      next = { ...p, openingId: null, quotaId: null };
    } else if (target === 'SELECTED' || target === 'DEPARTED' || CANDIDATE_STAGE_GATES[target] !== undefined) {
      const { opening, quota, params } = input;
      if (!opening) return err(CandidateErrors.contextRequired('opening'));
      if (!params || typeof params.get !== 'function') return err(CandidateErrors.contextRequired('params'));
      if (params.asOf !== wibDateOf(at)) return err(CandidateErrors.paramsDateMismatch());
      if (target === 'SELECTED') {
        if (opening.status !== 'OPEN') return err(CandidateErrors.openingNotOpen(opening.status));
      } else if (opening.id !== p.openingId) {
        return err(CandidateErrors.openingMismatch());
      }
      if (target === 'SELECTED' || target === 'DEPARTED') {
        if (!quota) return err(CandidateErrors.contextRequired('quota'));
        if (quota.mouId !== opening.mouId || quota.occupation !== opening.occupation || quota.route !== opening.route) {
          return err(CandidateErrors.quotaMismatch());
        }
        const holds = quota.seatOf(p.id, opening.id) !== undefined;
        if (!holds && !(seatPending && target === 'SELECTED')) return err(CandidateErrors.noSeat());
      }
      const evaluated = this.evaluate(opening, params, input);
      if (!evaluated.ok) return evaluated;
      evaluation = evaluated.value;
      const verdict = evaluation.verdict;
      if (target === 'SELECTED') {
        if (!verdict.eligibleToBeSelected) return err(CandidateErrors.notEligible(verdict.selection, evaluation.checklist.length));
        next = { ...p, openingId: opening.id, quotaId: quota!.id, targetRoute: opening.route, targetOccupation: opening.occupation };
      } else if (target === 'DEPARTED') {
        if (!verdict.readyToDepart) return err(CandidateErrors.notReadyToDepart(verdict.departure, evaluation.checklist.length));
      } else {
        const gate = CANDIDATE_STAGE_GATES[target]!;
        const failing = evaluation.results.filter((r) => gate.includes(r.ruleId) && r.outcome !== 'pass').map((r) => r.ruleId);
        if (failing.length > 0) return err(CandidateErrors.gateNotMet(target, failing));
      }
    }
    next = {
      ...next,
      stage: target,
      history: [...p.history, { sequence: p.history.length + 1, from, to: target, at, actor, note, reason }],
    };
    return ok({ next, report: { from, to: target, ...(evaluation ? { evaluation } : {}) } });
  }

  private evaluate(opening: JobOpening, params: ParameterSnapshot, input: CandidateAdvanceInput): Result<EligibilityEvaluation> {
    try {
      return ok(
        evaluateEligibility({
          profile: this.props.profile,
          route: opening.route,
          asOf: params.asOf,
          opening: opening.toEligibilityOpening(),
          params,
          ...(input.ruleOverlays !== undefined ? { ruleOverlays: input.ruleOverlays } : {}),
          ...(input.passportMarginMonths !== undefined ? { passportMarginMonths: input.passportMarginMonths } : {}),
        }),
      );
    } catch (e) {
      if (e instanceof DomainError) return err(e.toJSON());
      throw e;
    }
  }
}

/**
 * An exit reason code for a change into `stage`: absent or null gives null; a code must be one of
 * CANDIDATE_EXIT_REASONS (`CANDIDATE.EXIT_REASON_UNKNOWN`), of that exit
 * (`CANDIDATE.EXIT_REASON_MISMATCH`), and only on a change into WITHDRAWN / REJECTED
 * (`CANDIDATE.EXIT_REASON_NOT_APPLICABLE`).
 */
export function checkExitReason(stage: CandidateStage, input: unknown, path: readonly string[] = ['reason']): Result<CandidateExitReason | null> {
  if (input === undefined || input === null) return ok(null);
  if (typeof input !== 'string' || !(CANDIDATE_EXIT_REASONS as readonly string[]).includes(input)) {
    return err(CandidateErrors.exitReasonUnknown(CANDIDATE_EXIT_REASONS, path));
  }
  const reason = input as CandidateExitReason;
  if (!isCandidateExitStage(stage)) return err(CandidateErrors.exitReasonNotApplicable(stage, path));
  if (!isExitReasonOf(stage, reason)) return err(CandidateErrors.exitReasonMismatch(stage, reason, CANDIDATE_EXIT_REASONS_BY_STAGE[stage], path));
  return ok(reason);
}

/** The stored history without its `reason` keys (checked by the shared status history) and the reasons by index. */
function splitReasons(input: unknown): { entries: unknown; reasons: unknown[] } {
  if (!Array.isArray(input)) return { entries: input, reasons: [] };
  const reasons: unknown[] = [];
  const entries = input.map((x: unknown) => {
    if (x === null || typeof x !== 'object' || Array.isArray(x) || !('reason' in x)) {
      reasons.push(undefined);
      return x;
    }
    const { reason, ...rest } = x as Record<string, unknown>;
    reasons.push(reason);
    return rest;
  });
  return { entries, reasons };
}
