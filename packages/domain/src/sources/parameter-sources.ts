/**
 * Descriptions and citations of the dated parameters, looked up by id: what a page or an API shows
 * next to a figure ("what is this, where does it come from?"). The calculators' outputs name
 * parameters by id with their value, unit and effective date (`ParameterDescription`);
 * `withParameterSources` / `describeParameter` add the bilingual description, the sources and the
 * note of the parameter file. An overlaid value keeps the description and sources of the base file
 * (`overlaidBy` says which overlay supplied the value), as it did before the split.
 */
import { invalid, type Messages } from '../shared/domain-error';
import { isIsoDate } from '../shared/local-date';
import type { ParameterDescription, ParameterSnapshot } from '../parameters/parameter-snapshot';
import type { ParameterId } from '../parameters/parameter-values';
import { PARAMETER_SOURCE_FILES, type ParameterSourceFile, type SourceRef } from './parameter-source-files';

/** A parameter description with what the parameter is (bilingual) and its citations. */
export interface CitedParameterDescription<K extends ParameterId = ParameterId> extends ParameterDescription<K> {
  /** What the parameter is, in Indonesian and English (from the `<id>.sources.json` file). */
  readonly description: Messages;
  readonly sources: readonly SourceRef[];
  /** Remark of the parameter file on how the dates or values were chosen, when it has one. */
  readonly note?: string;
}

/** The sources (and note) of parameter `id`. Throws `PARAMETER.UNKNOWN` for an id that is not a parameter. */
export function parameterSources(id: ParameterId): ParameterSourceFile {
  const given: unknown = id;
  if (typeof given !== 'string' || !Object.prototype.hasOwnProperty.call(PARAMETER_SOURCE_FILES, given)) {
    return invalid('PARAMETER.UNKNOWN', 'Parameter tidak dikenal.', 'Unknown parameter.', {
      path: ['id'],
      details: { parameter: typeof given === 'string' ? given.slice(0, 80) : null },
    });
  }
  return PARAMETER_SOURCE_FILES[id];
}

/** `d` (from `snapshot.describe`, `snapshot.all()` or a calculator's output) with the sources of its parameter. */
export function withParameterSources<K extends ParameterId>(d: ParameterDescription<K>): CitedParameterDescription<K> {
  const file = parameterSources(d.id);
  return Object.freeze({ ...d, description: file.description, sources: file.sources, ...(file.note !== undefined ? { note: file.note } : {}) });
}

/** `snapshot.describe(id)` with the parameter's sources. Throws what `describe` throws. */
export function describeParameter<K extends ParameterId>(snapshot: ParameterSnapshot, id: K): CitedParameterDescription<K> {
  return withParameterSources(snapshot.describe(id));
}

function sourceProblems(s: unknown, i: number): string[] {
  if (typeof s !== 'object' || s === null || Array.isArray(s)) return [`sources[${i}] is not an object`];
  const r = s as Record<string, unknown>;
  const problems: string[] = [];
  if (typeof r['title'] !== 'string' || !r['title']) problems.push(`sources[${i}].title is missing`);
  if (typeof r['url'] !== 'string' && typeof r['regulation'] !== 'string' && typeof r['note'] !== 'string') {
    problems.push(`sources[${i}] needs a url, a regulation, or a note saying why neither is recorded`);
  }
  if (r['note'] !== undefined && typeof r['note'] !== 'string') problems.push(`sources[${i}].note must be a string`);
  if (r['regulation'] !== undefined && typeof r['regulation'] !== 'string') problems.push(`sources[${i}].regulation must be a string`);
  if (r['url'] !== undefined && (typeof r['url'] !== 'string' || !/^https?:\/\/\S+$/.test(r['url']))) problems.push(`sources[${i}].url is not a URL`);
  if (!isIsoDate(r['readOn'])) problems.push(`sources[${i}].readOn is not an ISO date`);
  for (const k of Object.keys(r)) if (!['title', 'url', 'regulation', 'readOn', 'note'].includes(k)) problems.push(`sources[${i}] has an unexpected key ${k}`);
  return problems;
}

/**
 * Structural problems of a `<id>.sources.json` file (empty when it is well formed): the id, a
 * bilingual description (id and en texts), at least one source with a title, a URL, a regulation
 * number or a note, and a valid readOn date; an optional string note; no other key (values belong
 * in the `.parameter.json` file).
 */
export function parameterSourceFileProblems(p: unknown, expectedId?: string): string[] {
  if (typeof p !== 'object' || p === null || Array.isArray(p)) return ['not an object'];
  const f = p as Record<string, unknown>;
  const problems: string[] = [];
  if (typeof f['id'] !== 'string' || f['id'] === '') problems.push('id is missing');
  if (expectedId !== undefined && f['id'] !== expectedId) problems.push(`id ${String(f['id'])} does not match ${expectedId}`);
  if (f['note'] !== undefined && typeof f['note'] !== 'string') problems.push('note must be a string');
  const desc = f['description'] as Record<string, unknown> | undefined;
  if (typeof desc !== 'object' || desc === null || typeof desc['id'] !== 'string' || !desc['id'] || typeof desc['en'] !== 'string' || !desc['en']) {
    problems.push('description needs id and en texts');
  }
  const sources = f['sources'];
  if (!Array.isArray(sources) || sources.length === 0) problems.push('sources are missing');
  else sources.forEach((s: unknown, i) => problems.push(...sourceProblems(s, i)));
  for (const k of Object.keys(f)) if (!['id', 'description', 'sources', 'note'].includes(k)) problems.push(`unexpected key ${k} (values go in the .parameter.json file)`);
  return problems;
}
