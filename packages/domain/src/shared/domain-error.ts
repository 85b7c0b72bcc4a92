/**
 * Typed, bilingual errors and results shared by every module of the domain.
 *
 * Expected business failures come back as `Result` values with a stable `code`
 * (e.g. `QUOTA.EXHAUSTED`); invalid input to a pure function throws `DomainError`
 * with the same shape, so callers (the gateway) can map both to `extensions.code`.
 */

import type { Text } from './text';

/** A message in Bahasa Indonesia (`id`) and English (`en`). */
export interface Messages {
  readonly id: string;
  readonly en: string;
}

/** `M`: `Text` (by reference) in the warnings of a lean calculator's result (issue 14). */
export interface DomainErrorData<M extends Text = Messages> {
  /** Stable, dotted, upper-case code: `AREA.REASON`, e.g. `NIK.INVALID_LENGTH`. */
  readonly code: string;
  readonly message: M;
  /** Field path of the offending input, when there is one (e.g. `['profile', 'birthDate']`). */
  readonly path?: readonly string[];
  /** Non-personal details that help a developer (limits, allowed values). Never echo personal input. */
  readonly details?: Readonly<Record<string, string | number | boolean | null>>;
}

/**
 * `M`: `Text` for an error a lean calculator throws (issue 14): its `messages` is then by reference
 * (a `TextRef`, named in `message` by its key) and `renderError` of `@jembatan/domain/messages` gives
 * the error the main entry's calculator throws. Errors of the main entry always carry `Messages`.
 */
export class DomainError<M extends Text = Messages> extends Error {
  readonly code: string;
  readonly messages: M;
  readonly path?: readonly string[];
  readonly details?: Readonly<Record<string, string | number | boolean | null>>;

  constructor(data: DomainErrorData<M>) {
    super(`${data.code}: ${'en' in data.message ? data.message.en : data.message.text}`);
    this.name = 'DomainError';
    this.code = data.code;
    this.messages = data.message;
    if (data.path) this.path = data.path;
    if (data.details) this.details = data.details;
  }


  toJSON(): DomainErrorData<M> {
    return {
      code: this.code,
      message: this.messages,
      ...(this.path ? { path: this.path } : {}),
      ...(this.details ? { details: this.details } : {}),
    };
  }
}

export function isDomainError(e: unknown): e is DomainError {
  return e instanceof DomainError;
}

export type Ok<T> = { readonly ok: true; readonly value: T };
export type Err<E = DomainErrorData> = { readonly ok: false; readonly error: E };
export type Result<T, E = DomainErrorData> = Ok<T> | Err<E>;

export function ok<T>(value: T): Ok<T> {
  return { ok: true, value };
}

export function err<E = DomainErrorData>(error: E): Err<E> {
  return { ok: false, error };
}

/** Build error data in one line: `fail('MONEY.NEGATIVE', 'Jumlah negatif', 'Negative amount')`. */
export function errorData(
  code: string,
  id: string,
  en: string,
  extra: { path?: readonly string[]; details?: DomainErrorData['details'] } = {},
): DomainErrorData {
  return { code, message: { id, en }, ...extra };
}

/** Throw a DomainError for invalid input. */
export function invalid(
  code: string,
  id: string,
  en: string,
  extra: { path?: readonly string[]; details?: DomainErrorData['details'] } = {},
): never {
  throw new DomainError(errorData(code, id, en, extra));
}

/** Unwrap a result or throw its error as a DomainError. */
export function unwrap<T>(r: Result<T>): T {
  if (r.ok) return r.value;
  throw new DomainError(r.error);
}
