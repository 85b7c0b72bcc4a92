/**
 * A parameter snapshot: every parameter as of one date, optionally with "what-if" overlays
 * (OpenFisca reforms) that replace some values without editing the base data. Rules and
 * calculators receive a snapshot; they never load parameter files themselves.
 *
 * Overlays apply in order (a later overlay wins for the same id) and are in force on the
 * snapshot's date whatever the base coverage: `describe` reports them with `overlaidBy` and
 * `effectiveFrom` = the snapshot's date.
 *
 * A description names the parameter by id with its value, unit and effective date; its bilingual
 * description, sources and notes are looked up through `@jembatan/domain/sources`
 * (`describeParameter`, `withParameterSources`, `parameterSources`), which the calculators do not
 * import (issue 14: the texts are not in the calculators' bundle).
 */
import type { Messages } from '../shared/domain-error';
import { invalid } from '../shared/domain-error';
import { parseIsoDate, type IsoDate } from '../shared/local-date';
import { frozenCopy } from './deep-freeze';
import { datedValueAsOf } from './parameter-file';
import { isParameterId, PARAMETER_FILES, PARAMETER_IDS } from './parameter-registry';
import { parameterValueProblems } from './parameter-value-checks';
import type { ParameterId, ParameterValues } from './parameter-values';

export interface ParameterDescription<K extends ParameterId = ParameterId> {
  readonly id: K;
  readonly value: ParameterValues[K];
  readonly effectiveFrom: IsoDate;
  readonly unit: string;
  readonly isDefault: boolean;
  /** Name of the overlay that supplied the value, when one did. */
  readonly overlaidBy?: string;
}

export interface ParameterSnapshot {
  readonly asOf: IsoDate;
  /** Names of the overlays applied, in order. */
  readonly overlays: readonly string[];
  get<K extends ParameterId>(id: K): ParameterValues[K];
  describe<K extends ParameterId>(id: K): ParameterDescription<K>;
  /** Parameters in force on `asOf` (those before coverage or repealed are left out), sorted by id. */
  all(): Array<ParameterDescription>;
}

export interface ParameterOverlay {
  readonly name: string;
  readonly description: Messages;
  readonly values: { readonly [K in ParameterId]?: ParameterValues[K] };
}

function unknownParameter(id: unknown, path: readonly string[]): never {
  return invalid('PARAMETER.UNKNOWN', 'Parameter tidak dikenal.', 'Unknown parameter.', {
    path,
    details: { parameter: typeof id === 'string' ? id.slice(0, 80) : null },
  });
}

interface OverlayValue {
  readonly value: unknown;
  readonly overlay: string;
}

/** Validate overlays and return id → (frozen copy of the value, overlay name); later overlays win. */
function collectOverlays(overlays: readonly ParameterOverlay[]): Map<ParameterId, OverlayValue> {
  if (!Array.isArray(overlays)) {
    invalid('PARAMETER.INVALID_OVERLAY', 'Daftar overlay tidak valid.', 'Invalid list of overlays.', { path: ['overlays'] });
  }
  const out = new Map<ParameterId, OverlayValue>();
  overlays.forEach((o, i) => {
    const path = ['overlays', String(i)];
    if (typeof o !== 'object' || o === null || typeof o.name !== 'string' || o.name.trim() === '') {
      invalid('PARAMETER.INVALID_OVERLAY', 'Overlay harus memiliki nama.', 'An overlay needs a name.', { path: [...path, 'name'] });
    }
    const d = o.description as Messages | undefined;
    if (typeof d !== 'object' || d === null || typeof d.id !== 'string' || typeof d.en !== 'string' || !d.id || !d.en) {
      invalid('PARAMETER.INVALID_OVERLAY', 'Overlay harus memiliki deskripsi id dan en.', 'An overlay needs an id and en description.', {
        path: [...path, 'description'],
      });
    }
    if (typeof o.values !== 'object' || o.values === null || Array.isArray(o.values)) {
      invalid('PARAMETER.INVALID_OVERLAY', 'Nilai overlay tidak valid.', 'Invalid overlay values.', { path: [...path, 'values'] });
    }
    for (const [id, value] of Object.entries(o.values)) {
      if (!isParameterId(id)) unknownParameter(id, [...path, 'values', id]);
      if (value === undefined) continue;
      const problems = parameterValueProblems(id, value);
      if (problems.length > 0) {
        invalid(
          'PARAMETER.INVALID_VALUE',
          `Nilai overlay "${o.name}" untuk ${id} tidak valid.`,
          `The value overlay "${o.name}" gives for ${id} is invalid.`,
          { path: [...path, 'values', id], details: { parameter: id, problem: problems.join('; ') } },
        );
      }
      out.set(id, { value: frozenCopy(value), overlay: o.name });
    }
  });
  return out;
}

/** All parameters as of `asOf`, with optional what-if overlays. Throws `DATE.INVALID`, `PARAMETER.INVALID_OVERLAY`, `PARAMETER.UNKNOWN`, `PARAMETER.INVALID_VALUE`. */
export function parameterSnapshot(asOf: IsoDate, overlays: readonly ParameterOverlay[] = []): ParameterSnapshot {
  const date = parseIsoDate(asOf, ['asOf']);
  const replaced = collectOverlays(overlays);
  const names = Object.freeze(overlays.map((o) => o.name));

  function describe<K extends ParameterId>(id: K): ParameterDescription<K> {
    if (!isParameterId(id)) unknownParameter(id, ['id']);
    const file = PARAMETER_FILES[id];
    const over = replaced.get(id);
    const base = {
      id,
      unit: file.unit,
      isDefault: file.isDefault === true,
    };
    if (over) {
      return Object.freeze({ ...base, value: over.value as ParameterValues[K], effectiveFrom: date, overlaidBy: over.overlay });
    }
    const { value, effectiveFrom } = datedValueAsOf(file as (typeof PARAMETER_FILES)[K], date);
    return Object.freeze({ ...base, value: value as ParameterValues[K], effectiveFrom });
  }

  const snapshot: ParameterSnapshot = {
    asOf: date,
    overlays: names,
    get: (id) => describe(id).value,
    describe,
    all() {
      const out: ParameterDescription[] = [];
      for (const id of PARAMETER_IDS) {
        try {
          out.push(describe(id) as ParameterDescription);
        } catch (e) {
          const code = (e as { code?: string }).code;
          if (code !== 'PARAMETER.BEFORE_COVERAGE' && code !== 'PARAMETER.REPEALED') throw e;
        }
      }
      return out;
    },
  };
  return Object.freeze(snapshot);
}

/** Convenience: one parameter's value as of a date (no overlays). */
export function parameterAsOf<K extends ParameterId>(id: K, asOf: IsoDate): ParameterValues[K] {
  return parameterSnapshot(asOf).get(id);
}
