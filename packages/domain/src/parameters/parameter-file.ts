/**
 * A dated parameter (modelled on OpenFisca's `parameters/*.yaml` and openfisca-core
 * `parameters/parameter.py`): unit and values keyed by the date they take effect.
 * Lookup rule: the latest start date on or before the as-of date wins; `null` means the parameter
 * was repealed on that date; a date before the first value is outside coverage.
 *
 * Each parameter is two files in `data/`: `<id>.parameter.json` (this shape: what a calculator
 * reads) and `<id>.sources.json` (its bilingual description, sources and notes: what a reader
 * checks). Those are served by the `@jembatan/domain/sources` entry point, so the calculators do
 * not carry them (issue 14).
 */
import { invalid } from '../shared/domain-error';
import { isIsoDate, parseIsoDate, type IsoDate } from '../shared/local-date';

export interface ParameterFile<T> {
  readonly id: string;
  readonly unit: string;
  /** true = a working default (e.g. an exchange rate used by sources), not an official figure. */
  readonly isDefault?: boolean;
  readonly values: Readonly<Record<string, T | null>>;
}

/** A value found for a date, with the date from which it applies. */
export interface DatedValue<T> {
  readonly value: T;
  readonly effectiveFrom: IsoDate;
}

/** Effective dates of a parameter, ascending. */
export function effectiveDates(p: ParameterFile<unknown>): IsoDate[] {
  return Object.keys(p.values).sort();
}

/**
 * The value in force on `asOf` and its start date. Throws `DATE.INVALID`,
 * `PARAMETER.BEFORE_COVERAGE` (asOf earlier than the first value), `PARAMETER.REPEALED` (null).
 */
export function datedValueAsOf<T>(p: ParameterFile<T>, asOf: IsoDate): DatedValue<T> {
  const date = parseIsoDate(asOf, ['asOf']);
  const dates = effectiveDates(p);
  let start: string | undefined;
  for (const d of dates) {
    if (d <= date) start = d;
    else break;
  }
  if (start === undefined) {
    return invalid(
      'PARAMETER.BEFORE_COVERAGE',
      `Parameter ${p.id} belum tercatat untuk tanggal tersebut; data tersedia mulai ${dates[0] ?? '-'}.`,
      `Parameter ${p.id} is not recorded for that date; coverage starts on ${dates[0] ?? '-'}.`,
      { path: ['asOf'], details: { parameter: p.id, coverageStart: dates[0] ?? null } },
    );
  }
  const value = p.values[start];
  if (value === null || value === undefined) {
    return invalid(
      'PARAMETER.REPEALED',
      `Parameter ${p.id} tidak berlaku lagi sejak ${start}.`,
      `Parameter ${p.id} no longer applies since ${start}.`,
      { path: ['asOf'], details: { parameter: p.id, repealedOn: start } },
    );
  }
  return { value, effectiveFrom: start };
}

/** The value in force on `asOf` (latest start date on or before it wins). */
export function valueAsOf<T>(p: ParameterFile<T>, asOf: IsoDate): T {
  return datedValueAsOf(p, asOf).value;
}

const PARAMETER_FILE_KEYS = ['id', 'unit', 'isDefault', 'values'];

/**
 * Structural problems of a parameter file (empty when it is well formed): id, unit, at least one
 * value, every key a valid ISO date, keys in ascending order, and no other key (the description,
 * sources and notes belong in the `<id>.sources.json` file next to it). Checked by
 * the data tests, not when the registry loads, so the calculators do not carry this checker.
 */
export function parameterFileProblems(p: unknown, expectedId?: string): string[] {
  const problems: string[] = [];
  if (typeof p !== 'object' || p === null) return ['not an object'];
  const f = p as Record<string, unknown>;
  if (typeof f['id'] !== 'string' || !/^[a-z][A-Za-z0-9]*(\.[a-z0-9][A-Za-z0-9]*)+$/.test(f['id'])) problems.push('id is not a dotted camelCase name');
  if (expectedId !== undefined && f['id'] !== expectedId) problems.push(`id ${String(f['id'])} does not match ${expectedId}`);
  if (typeof f['unit'] !== 'string' || f['unit'] === '') problems.push('unit is missing');
  if (f['isDefault'] !== undefined && typeof f['isDefault'] !== 'boolean') problems.push('isDefault must be a boolean');
  for (const k of Object.keys(f)) if (!PARAMETER_FILE_KEYS.includes(k)) problems.push(`unexpected key ${k} (the description, sources and notes go in the .sources.json file)`);
  const values = f['values'];
  if (typeof values !== 'object' || values === null || Array.isArray(values)) problems.push('values are missing');
  else {
    const keys = Object.keys(values);
    if (keys.length === 0) problems.push('values are empty');
    keys.forEach((k) => {
      if (!isIsoDate(k)) problems.push(`values key ${k} is not an ISO date`);
    });
    if (keys.join('|') !== [...keys].sort().join('|')) problems.push('values keys are not in ascending order');
    if ((values as Record<string, unknown>)[keys[0] ?? ''] === null) problems.push('the first value is null');
  }
  return problems;
}
