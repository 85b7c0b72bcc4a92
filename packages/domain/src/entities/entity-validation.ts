/**
 * Small field checks shared by the entity factories. Each returns the clean value or a
 * `DomainErrorData` with a code `<AREA>.INVALID_<KIND>` and the field path; messages never contain
 * the submitted value. Factories (`create`, intention-revealing methods) turn the first problem into
 * an `err(...)`; `fromSnapshot` throws it as a `DomainError` (a stored record that does not pass is
 * corrupt, not an expected business failure).
 */
import { DomainError, errorData, type DomainErrorData, type Messages, type Result, err, ok } from '../shared/domain-error';
import { isIsoDate, type IsoDate } from '../shared/local-date';
import { isOneOf } from '../shared/vocabulary';
import { checkTimestamp, type Timestamp } from './timestamp';

/** Sanity caps against oversized input (not policy figures). */
export const ENTITY_MAX_NAME_LENGTH = 200;
export const ENTITY_MAX_TEXT_LENGTH = 4000;
export const ENTITY_MAX_LIST_LENGTH = 500;

/**
 * Entity ids are canonical lower-case UUID strings (8-4-4-4-12 hex digits), passed in by the caller
 * (the gateway generates them; the seed uses fixed ones). The domain never generates an id.
 */
const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function isEntityId(v: unknown): v is string {
  return typeof v === 'string' && UUID_RE.test(v);
}

export type Path = readonly string[];

/** A failed field check: `DomainErrorData`; a passed one: the clean value. */
export type Checked<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: DomainErrorData };

const pass = <T>(value: T): Checked<T> => ({ ok: true, value });
const fail = (error: DomainErrorData): Checked<never> => ({ ok: false, error });

export function checkId(area: string, v: unknown, path: Path): Checked<string> {
  if (isEntityId(v)) return pass(v);
  return fail(
    errorData(
      `${area}.INVALID_ID`,
      'Id harus berupa UUID huruf kecil (8-4-4-4-12 digit heksadesimal).',
      'The id must be a lower-case UUID (8-4-4-4-12 hexadecimal digits).',
      { path },
    ),
  );
}

export function checkNullableId(area: string, v: unknown, path: Path): Checked<string | null> {
  if (v === null || v === undefined) return pass(null);
  return checkId(area, v, path);
}

/** A trimmed, non-empty text of at most `max` characters, without control characters. */
export function checkText(area: string, v: unknown, path: Path, max = ENTITY_MAX_NAME_LENGTH): Checked<string> {
  if (typeof v !== 'string') {
    return fail(errorData(`${area}.INVALID_TEXT`, 'Nilai harus berupa teks.', 'The value must be a text.', { path }));
  }
  const t = v.trim();
  if (t === '') {
    return fail(errorData(`${area}.REQUIRED`, 'Nilai wajib diisi.', 'A value is required.', { path }));
  }
  if (t.length > max) {
    return fail(
      errorData(`${area}.TEXT_TOO_LONG`, 'Teks terlalu panjang.', 'The text is too long.', { path, details: { maxLength: max } }),
    );
  }
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(t)) {
    return fail(
      errorData(`${area}.INVALID_TEXT`, 'Teks berisi karakter kontrol.', 'The text contains control characters.', { path }),
    );
  }
  return pass(t);
}

/** Like `checkText`, but `null`, `undefined` and blank text become `null`. */
export function checkNullableText(area: string, v: unknown, path: Path, max = ENTITY_MAX_NAME_LENGTH): Checked<string | null> {
  if (v === null || v === undefined) return pass(null);
  if (typeof v === 'string' && v.trim() === '') return pass(null);
  return checkText(area, v, path, max);
}

/** A bilingual text `{ id, en }`: both languages required. */
export function checkMessages(area: string, v: unknown, path: Path, max = ENTITY_MAX_TEXT_LENGTH): Checked<Messages> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) {
    return fail(
      errorData(
        `${area}.INVALID_TEXT`,
        'Teks dwibahasa harus berupa objek { id, en }.',
        'A bilingual text must be an object { id, en }.',
        { path },
      ),
    );
  }
  const o = v as Record<string, unknown>;
  const extra = Object.keys(o).filter((k) => k !== 'id' && k !== 'en');
  if (extra.length > 0) {
    return fail(errorData(`${area}.UNKNOWN_FIELD`, 'Kolom tidak dikenal.', 'Unknown field.', { path: [...path, extra[0]!] }));
  }
  const id = checkText(area, o['id'], [...path, 'id'], max);
  if (!id.ok) return id;
  const en = checkText(area, o['en'], [...path, 'en'], max);
  if (!en.ok) return en;
  return pass(Object.freeze({ id: id.value, en: en.value }));
}

export function checkEnum<T extends string>(area: string, values: readonly T[], v: unknown, path: Path): Checked<T> {
  if (isOneOf(values, v)) return pass(v);
  return fail(
    errorData(
      `${area}.INVALID_VALUE`,
      'Nilai tidak termasuk pilihan yang diizinkan.',
      'The value is not one of the allowed values.',
      { path, details: { allowed: values.join(',') } },
    ),
  );
}

export function checkBoolean(area: string, v: unknown, path: Path): Checked<boolean> {
  if (typeof v === 'boolean') return pass(v);
  return fail(errorData(`${area}.INVALID_TYPE`, 'Nilai harus ya/tidak (boolean).', 'The value must be a boolean.', { path }));
}

/** A whole number in [min, max]. */
export function checkInteger(area: string, v: unknown, path: Path, min: number, max: number): Checked<number> {
  if (typeof v !== 'number' || !Number.isInteger(v)) {
    return fail(errorData(`${area}.NOT_INTEGER`, 'Nilai harus bilangan bulat.', 'The value must be a whole number.', { path }));
  }
  if (v < min || v > max) {
    return fail(
      errorData(`${area}.OUT_OF_RANGE`, 'Nilai di luar rentang yang diizinkan.', 'The value is out of the allowed range.', {
        path,
        details: { min, max },
      }),
    );
  }
  return pass(v === 0 ? 0 : v);
}

export function checkDate(area: string, v: unknown, path: Path): Checked<IsoDate> {
  if (isIsoDate(v)) return pass(v);
  return fail(
    errorData(`${area}.INVALID_DATE`, 'Tanggal tidak valid; gunakan format TTTT-BB-HH.', 'Invalid date; use the YYYY-MM-DD format.', {
      path,
    }),
  );
}

export function checkNullableDate(area: string, v: unknown, path: Path): Checked<IsoDate | null> {
  if (v === null || v === undefined) return pass(null);
  return checkDate(area, v, path);
}

export function checkArray(area: string, v: unknown, path: Path, max = ENTITY_MAX_LIST_LENGTH): Checked<readonly unknown[]> {
  if (!Array.isArray(v)) {
    return fail(errorData(`${area}.INVALID_TYPE`, 'Nilai harus berupa daftar.', 'The value must be a list.', { path }));
  }
  if (v.length > max) {
    return fail(
      errorData(`${area}.TOO_MANY_ITEMS`, 'Daftar terlalu panjang.', 'The list is too long.', { path, details: { maxItems: max } }),
    );
  }
  return pass(v);
}

/**
 * The field names of `T`, written once as a list the compiler checks against `T`: a name `T` does
 * not have, or a name of `T` the list misses, fails to compile (`missingKeys` names it). Key lists
 * (which fields an input or a snapshot may carry) are written with it, so a field added to a
 * snapshot or an input cannot leave a list behind: `keysOf<QuotaSnapshot>()('id', 'mouId', …)`.
 */
export function keysOf<T>() {
  return <const L extends readonly (keyof T & string)[]>(
    ...keys: L & (Exclude<keyof T, L[number]> extends never ? unknown : { readonly missingKeys: Exclude<keyof T, L[number]> })
  ): readonly (keyof T & string)[] => keys;
}

export function checkObject(area: string, v: unknown, path: Path, fields: readonly string[]): Checked<Record<string, unknown>> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) {
    return fail(errorData(`${area}.NOT_AN_OBJECT`, 'Data harus berupa objek.', 'The value must be an object.', { path }));
  }
  const o = v as Record<string, unknown>;
  for (const key of Object.keys(o)) {
    if (!fields.includes(key)) {
      return fail(
        errorData(`${area}.UNKNOWN_FIELD`, 'Kolom tidak dikenal.', 'Unknown field.', {
          path: [...path, key],
          details: { allowed: fields.join(',') },
        }),
      );
    }
  }
  return pass(o);
}

/** Who recorded a change, when, and why: the caller's part of a history entry. */
export interface ChangeStamp {
  readonly at: Timestamp;
  readonly actor: string;
  readonly note: string | null;
}

/** Check the `at`, `actor` and optional `note` of a change input, in that order. */
export function takeChangeStamp(v: FieldChecks, area: string, o: Record<string, unknown>): ChangeStamp {
  return {
    at: v.take(checkTimestamp(area, o['at'], ['at'])),
    actor: v.take(checkText(area, o['actor'], ['actor'])),
    note: v.take(checkNullableText(area, o['note'], ['note'], ENTITY_MAX_TEXT_LENGTH)),
  };
}

/**
 * References in external systems, `{ system, reference }` (absent = none); each system at most once
 * (`<AREA>.DUPLICATE_REFERENCE`). Stops at the first problem.
 */
export function takeExternalRefs<S extends string>(
  v: FieldChecks,
  area: string,
  systems: readonly S[],
  input: unknown,
  base: Path,
): { system: S; reference: string }[] {
  if (input === undefined || input === null) return [];
  const list = v.take(checkArray(area, input, base, 20));
  if (v.failed) return [];
  const out: { system: S; reference: string }[] = [];
  for (const [i, x] of list.entries()) {
    const p = [...base, String(i)];
    const r = v.take(checkObject(area, x, p, keysOf<{ system: S; reference: string }>()('system', 'reference')));
    if (v.failed) return out;
    const system = v.take(checkEnum(area, systems, r['system'], [...p, 'system']));
    const reference = v.take(checkText(area, r['reference'], [...p, 'reference'], 100));
    if (v.failed) return out;
    if (out.some((e) => e.system === system)) {
      v.problem(
        errorData(`${area}.DUPLICATE_REFERENCE`, 'Satu sistem hanya boleh memiliki satu referensi.', 'Each system may carry only one reference.', {
          path: [...p, 'system'],
        }),
      );
      return out;
    }
    out.push({ system, reference });
  }
  return out;
}

/**
 * Run field checks in order and stop at the first failure (for factories). Usage:
 * `const v = new FieldChecks(); const id = v.take(checkId(...)); ...; if (v.failed) return err(v.error)`.
 */
export class FieldChecks {
  private firstError: DomainErrorData | undefined;

  take<T>(c: Checked<T>): T {
    if (!c.ok) {
      if (!this.firstError) this.firstError = c.error;
      return undefined as unknown as T;
    }
    return c.value;
  }

  /** Record a business-rule failure found while checking. */
  problem(e: DomainErrorData): void {
    if (!this.firstError) this.firstError = e;
  }

  get failed(): boolean {
    return this.firstError !== undefined;
  }

  get error(): DomainErrorData {
    if (!this.firstError) {
      throw new DomainError(errorData('ENTITY.INTERNAL', 'Kesalahan internal pemeriksaan.', 'Internal check error.'));
    }
    return this.firstError;
  }

  result<T>(build: () => T): Result<T> {
    return this.firstError ? err(this.firstError) : ok(build());
  }
}

/** For `fromSnapshot`: unwrap a factory result or throw it as a DomainError (a corrupt stored record). */
export function restoreOrThrow<T>(r: Result<T>): T {
  if (r.ok) return r.value;
  throw new DomainError(r.error);
}

/** Deep copy of plain JSON-like data (snapshots hand out copies, never internal state). */
export function cloneData<T>(v: T): T {
  if (Array.isArray(v)) return v.map((x) => cloneData(x)) as unknown as T;
  if (typeof v === 'object' && v !== null) {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) out[k] = cloneData(x);
    return out as T;
  }
  return v;
}
