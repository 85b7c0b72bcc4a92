/**
 * Export filters from a query string (`?stage=REGISTERED,TRAINING&kecamatan=CIPOCOK_JAYA`) or the
 * command line (`--stage REGISTERED,TRAINING`): each parameter takes vocabulary codes, comma-separated
 * or repeated, upper case as in GraphQL. An unknown parameter or value is refused (400 BAD_USER_INPUT
 * naming the parameter, bilingual), never silently ignored: an ignored filter would export more rows
 * than the officer asked for.
 */
import { GatewayError } from '../graphql/errors';
import { MAX_FILTER_VALUES } from '../graphql/types/connection.type';

/** A query string as express or URLSearchParams gives it. */
export type RawQuery = Readonly<Record<string, unknown>>;

export interface FilterParameter {
  readonly name: string;
  readonly values: readonly string[];
}

export function badParameter(name: string, reason: string, detail: { id: string; en: string }): GatewayError {
  return new GatewayError('BAD_USER_INPUT', detail, { field: [name], details: { reason, parameter: name } });
}

function valuesOf(name: string, raw: unknown): string[] {
  const parts = (Array.isArray(raw) ? raw : [raw]).flatMap((v) => {
    if (typeof v !== 'string') throw badParameter(name, 'EXPORT_PARAMETER_MALFORMED', { id: `Parameter ${name} tidak valid.`, en: `Parameter ${name} is malformed.` });
    return v.split(',');
  });
  return [...new Set(parts.map((p) => p.trim()).filter((p) => p.length > 0))];
}

/** The checked values of each known parameter; `flags` are parameters without vocabulary (e.g. `mask`). */
export function parseFilters(query: RawQuery, parameters: readonly FilterParameter[], flags: readonly string[] = []): Map<string, string[]> {
  const known = new Map(parameters.map((p) => [p.name, p]));
  const out = new Map<string, string[]>();
  for (const [name, raw] of Object.entries(query)) {
    if (flags.includes(name)) continue;
    const parameter = known.get(name);
    if (!parameter) {
      const list = [...known.keys(), ...flags].join(', ');
      throw badParameter(name, 'EXPORT_PARAMETER_UNKNOWN', { id: `Parameter ${name} tidak dikenal; yang dikenal: ${list}.`, en: `Unknown parameter ${name}; known: ${list}.` });
    }
    const values = valuesOf(name, raw);
    if (values.length > MAX_FILTER_VALUES) {
      throw badParameter(name, 'EXPORT_PARAMETER_TOO_MANY', { id: `Terlalu banyak nilai untuk ${name} (maks. ${MAX_FILTER_VALUES}).`, en: `Too many values for ${name} (at most ${MAX_FILTER_VALUES}).` });
    }
    const unknown = values.filter((v) => !parameter.values.includes(v));
    if (unknown.length) {
      const shown = unknown.slice(0, 3).map((v) => v.slice(0, 40)).join(', ');
      throw badParameter(name, 'EXPORT_VALUE_UNKNOWN', {
        id: `Nilai ${name} tidak dikenal: ${shown}. Nilai yang sah: ${parameter.values.join(', ')}.`,
        en: `Unknown ${name} value: ${shown}. Valid values: ${parameter.values.join(', ')}.`,
      });
    }
    if (values.length) out.set(name, values);
  }
  return out;
}

/** `?mask=true` / `?mask=1` / `?mask` → true; `false` / `0` / absent → false; anything else refused. */
export function booleanFlag(query: RawQuery, name: string): boolean {
  const raw = query[name];
  if (raw === undefined) return false;
  const v = Array.isArray(raw) ? raw[raw.length - 1] : raw;
  if (v === '' || v === 'true' || v === '1' || v === true) return true;
  if (v === 'false' || v === '0' || v === false) return false;
  throw badParameter(name, 'EXPORT_PARAMETER_MALFORMED', { id: `Parameter ${name} harus true atau false.`, en: `Parameter ${name} must be true or false.` });
}
