/**
 * Differencing across filters: in the protected view a filter may name only dimensions the
 * aggregate reports. Such a filter selects whole cells of the same table and never changes a
 * cell's value, so comparing a filtered answer with an unfiltered one gives nothing new. A filter
 * on any other dimension (a route, a stored verdict, an opening's MoU …) would cut the table's
 * cells into smaller ones that the answer does not show, and the difference of two answers could
 * be a suppressed cell: it is refused with `DISCLOSURE.FILTER_NOT_ALLOWED`.
 */
import { invalid } from '../shared/domain-error';

/** True when a filter value selects something (an empty list or null selects nothing, as the lists treat it). */
function names(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (Array.isArray(value)) return value.length > 0;
  return true;
}

/** The filter keys that select something, in key order. */
export function namedFilterKeys(filter: Readonly<Record<string, unknown>> | null | undefined): string[] {
  if (!filter) return [];
  return Object.keys(filter)
    .filter((k) => names(filter[k]))
    .sort();
}

/**
 * Refuse a filter that names a dimension the aggregate does not report. `allowed` lists the filter
 * keys that select reported dimensions (e.g. `stages` for a table by stage); `path` is where the
 * filter sits in the request (e.g. `['filter']`).
 */
export function assertFilterOnReportedDimensions(
  filter: Readonly<Record<string, unknown>> | null | undefined,
  allowed: readonly string[],
  path: readonly string[],
): void {
  const refused = namedFilterKeys(filter).find((k) => !allowed.includes(k));
  if (refused === undefined) return;
  const list = allowed.length ? allowed.join(', ') : '—';
  invalid(
    'DISCLOSURE.FILTER_NOT_ALLOWED',
    `Untuk analis dan mitra, agregat ini hanya dapat disaring menurut dimensi yang ditampilkannya (${list}). Saringan "${refused}" ditolak: selisih dua jawaban dapat membuka sel kecil yang disembunyikan.`,
    `For analysts and partners this aggregate can be filtered only by the dimensions it reports (${list}). The filter "${refused}" is refused: the difference of two answers could reveal a suppressed small cell.`,
    { path: [...path, refused], details: { filter: refused, allowed: allowed.join(',') } },
  );
}
