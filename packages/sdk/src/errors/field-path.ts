/**
 * The input field an error is about. The gateway sends `extensions.field` as segments
 * (`["input", "profile", "nik"]`); older gateways and other servers send a dotted string
 * (`"input.profile.nik"`). Both become `fieldPath` (segments) and `field` (dotted).
 */
import type { FieldPath } from './jembatan-error.js';

/** Longest path accepted, in segments, and longest segment: real input paths are far shorter. */
const MAX_SEGMENTS = 32;
const MAX_SEGMENT_LENGTH = 100;

function isSegment(value: unknown): value is string | number {
  return (
    (typeof value === 'string' && value.length > 0 && value.length <= MAX_SEGMENT_LENGTH) ||
    (typeof value === 'number' && Number.isInteger(value) && value >= 0)
  );
}

/**
 * `value` as a field path: an array of names and list indices, or a dotted string (digit-only
 * segments become list indices). Anything else, or an empty path, is `undefined`.
 */
export function toFieldPath(value: unknown): FieldPath | undefined {
  if (Array.isArray(value)) {
    if (value.length === 0 || value.length > MAX_SEGMENTS || !value.every(isSegment)) return undefined;
    return Object.freeze([...(value as Array<string | number>)]);
  }
  if (typeof value !== 'string' || value.length === 0 || value.length > MAX_SEGMENTS * MAX_SEGMENT_LENGTH) return undefined;
  const parts = value.split('.');
  if (parts.length > MAX_SEGMENTS || parts.some((p) => p.length === 0 || p.length > MAX_SEGMENT_LENGTH)) return undefined;
  return Object.freeze(parts.map((p) => (/^\d{1,9}$/.test(p) ? Number(p) : p)));
}

/** `["input", "documents", 0, "kind"]` → `input.documents.0.kind`. */
export function dottedField(path: FieldPath): string {
  return path.join('.');
}
