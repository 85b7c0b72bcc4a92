/**
 * A status history shared by the entities with a state machine (MoU, job opening, candidate):
 * each entry records one change (from, to, at, actor, note). The first entry has `from: null`
 * and `to` = the initial status; every later entry starts where the previous one ended, follows
 * the entity's transition table, and is not earlier than the previous one.
 */
import { invalid, type DomainErrorData } from '../shared/domain-error';
import {
  checkArray,
  checkEnum,
  checkInteger,
  checkNullableText,
  checkObject,
  checkText,
  ENTITY_MAX_TEXT_LENGTH,
  keysOf,
  type FieldChecks,
  type Path,
} from './entity-validation';
import { checkTimestamp, compareTimestamps, parseTimestamp, timestampToEpochMs, type Timestamp } from './timestamp';

export interface StatusHistoryEntry<S extends string> {
  /** 1, 2, 3, … in order. */
  readonly sequence: number;
  /** `null` for the creation entry. */
  readonly from: S | null;
  readonly to: S;
  readonly at: Timestamp;
  /** Who recorded the change (user id or name, as the caller gives it). */
  readonly actor: string;
  readonly note: string | null;
}

export const STATUS_HISTORY_MAX_ENTRIES = 1000;

export interface StatusMachine<S extends string> {
  readonly area: string;
  readonly statuses: readonly S[];
  readonly initial: readonly S[];
  readonly transitions: Readonly<Record<S, readonly S[]>>;
}

function inconsistent(area: string, path: Path): DomainErrorData {
  return {
    code: `${area}.INVALID_SNAPSHOT`,
    message: {
      id: 'Riwayat status tidak konsisten dengan mesin status.',
      en: 'The status history is inconsistent with the state machine.',
    },
    path,
  };
}

/** Check a stored history against the machine and the current status (for `fromSnapshot`). */
export function validateStatusHistory<S extends string>(
  v: FieldChecks,
  machine: StatusMachine<S>,
  input: unknown,
  base: Path,
  current: S,
): StatusHistoryEntry<S>[] {
  const { area } = machine;
  const list = v.take(checkArray(area, input, base, STATUS_HISTORY_MAX_ENTRIES));
  if (v.failed) return [];
  const out: StatusHistoryEntry<S>[] = [];
  for (const [i, x] of list.entries()) {
    const p = [...base, String(i)];
    const o = v.take(checkObject(area, x, p, keysOf<StatusHistoryEntry<S>>()('sequence', 'from', 'to', 'at', 'actor', 'note')));
    if (v.failed) return out;
    const entry: StatusHistoryEntry<S> = {
      sequence: v.take(checkInteger(area, o['sequence'], [...p, 'sequence'], 1, STATUS_HISTORY_MAX_ENTRIES)),
      from: o['from'] === null ? null : v.take(checkEnum(area, machine.statuses, o['from'], [...p, 'from'])),
      to: v.take(checkEnum(area, machine.statuses, o['to'], [...p, 'to'])),
      at: v.take(checkTimestamp(area, o['at'], [...p, 'at'])),
      actor: v.take(checkText(area, o['actor'], [...p, 'actor'])),
      note: v.take(checkNullableText(area, o['note'], [...p, 'note'], ENTITY_MAX_TEXT_LENGTH)),
    };
    if (v.failed) return out;
    const prev = out[out.length - 1];
    const bad =
      entry.sequence !== i + 1 ||
      (!prev && (entry.from !== null || !machine.initial.includes(entry.to))) ||
      (prev && (entry.from !== prev.to || !machine.transitions[prev.to].includes(entry.to))) ||
      (prev && compareTimestamps(entry.at, prev.at) < 0);
    if (bad) {
      v.problem(inconsistent(area, p));
      return out;
    }
    out.push(entry);
  }
  if (out.length === 0 || out[out.length - 1]!.to !== current) v.problem(inconsistent(area, base));
  return out;
}

/** True when `at` is before the last recorded change (a history never goes back in time). */
export function isBeforeLastChange(history: readonly StatusHistoryEntry<string>[], at: Timestamp): boolean {
  return compareTimestamps(at, history[history.length - 1]!.at) < 0;
}

export interface StatusPeriod<S extends string> {
  readonly status: S;
  readonly from: Timestamp;
  /** `null` while the status is current. */
  readonly until: Timestamp | null;
  /** Milliseconds spent, up to `until` or, for the current status, up to `asOf`. */
  readonly durationMs: number;
}

/**
 * The periods spent in each status, in order (a status entered twice gives two periods).
 * `asOf` closes the current period; it must not be before the last change
 * (throws `STATUS_HISTORY.AS_OF_BEFORE_LAST_CHANGE`, `TIMESTAMP.INVALID`, `STATUS_HISTORY.EMPTY`).
 */
export function statusPeriods<S extends string>(history: readonly StatusHistoryEntry<S>[], asOf: Timestamp): StatusPeriod<S>[] {
  if (!Array.isArray(history) || history.length === 0) {
    invalid('STATUS_HISTORY.EMPTY', 'Riwayat status kosong.', 'The status history is empty.', { path: ['history'] });
  }
  const end = parseTimestamp(asOf, ['asOf']);
  if (compareTimestamps(end, history[history.length - 1]!.at) < 0) {
    invalid('STATUS_HISTORY.AS_OF_BEFORE_LAST_CHANGE', 'Tanggal acuan sebelum perubahan terakhir.', 'The as-of instant is before the last change.', {
      path: ['asOf'],
    });
  }
  return history.map((h, i) => {
    const next = history[i + 1];
    return {
      status: h.to,
      from: h.at,
      until: next ? next.at : null,
      durationMs: timestampToEpochMs(next ? next.at : end) - timestampToEpochMs(h.at),
    };
  });
}

/** Total milliseconds per status (sums repeated periods). */
export function timeInStatus<S extends string>(history: readonly StatusHistoryEntry<S>[], asOf: Timestamp): Partial<Record<S, number>> {
  const out: Partial<Record<S, number>> = {};
  for (const p of statusPeriods(history, asOf)) out[p.status] = (out[p.status] ?? 0) + p.durationMs;
  return out;
}
