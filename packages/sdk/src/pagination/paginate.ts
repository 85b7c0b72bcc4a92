import { JembatanError } from '../errors/jembatan-error.js';

/** The Relay connection fields `paginate` reads; generated connection types fit it. */
export interface ConnectionLike<TNode> {
  readonly edges?: ReadonlyArray<{ readonly node?: TNode | null } | null | undefined> | null;
  readonly pageInfo: { readonly hasNextPage: boolean; readonly endCursor?: string | null };
}

export interface PaginateOptions {
  /** Stop after this many pages (a guard for unattended jobs). Default: no limit. */
  readonly maxPages?: number;
  /** Stops the iteration (the next page is not fetched) when aborted. */
  readonly signal?: AbortSignal;
}

/**
 * Walks a Relay cursor connection page by page and yields its nodes. `fetchPage` receives the
 * cursor to continue `after` (`null` for the first page) and returns the connection, typically
 * `(after) => client.request(Doc, { first: 50, after }).then((d) => d.openings)`.
 *
 * Stops when `pageInfo.hasNextPage` is false, or when `fetchPage` returns `null` (a nullable
 * connection field). Null edges and null nodes are skipped. A page without `pageInfo`, or a
 * "next page" whose cursor is missing or repeats, is an `INVALID_RESPONSE` rather than an
 * endless loop. Breaking out of the `for await` loop fetches nothing more.
 */
export async function* paginate<TNode>(
  fetchPage: (after: string | null) => Promise<ConnectionLike<TNode> | null | undefined>,
  options: PaginateOptions = {},
): AsyncGenerator<TNode, void, undefined> {
  const maxPages = options.maxPages ?? Number.POSITIVE_INFINITY;
  if (!(maxPages >= 1)) throw refusal('maxPages harus paling sedikit 1.', 'maxPages must be at least 1.');
  const seen = new Set<string>();
  let after: string | null = null;
  for (let page = 1; page <= maxPages; page += 1) {
    if (options.signal?.aborted) {
      throw new JembatanError({
        code: 'ABORTED',
        messages: { id: 'Penelusuran halaman dibatalkan.', en: 'Pagination was cancelled.' },
        cause: options.signal.reason,
      });
    }
    const connection: unknown = await fetchPage(after);
    if (connection === null || connection === undefined) return;
    const { nodes, hasNextPage, endCursor } = readPage(connection, page);
    for (const node of nodes) yield node as TNode;
    if (!hasNextPage) return;
    if (endCursor === null || seen.has(endCursor)) {
      throw invalid(
        `halaman ${page} menyatakan ada halaman berikutnya tetapi endCursor ${endCursor === null ? 'kosong' : 'berulang'}.`,
        `page ${page} says there is a next page but its endCursor is ${endCursor === null ? 'missing' : 'repeated'}.`,
      );
    }
    seen.add(endCursor);
    after = endCursor;
  }
}

function readPage(connection: unknown, page: number): { nodes: unknown[]; hasNextPage: boolean; endCursor: string | null } {
  const c = connection as { edges?: unknown; pageInfo?: unknown };
  if (typeof connection !== 'object') {
    throw invalid(`halaman ${page} bukan connection.`, `page ${page} is not a connection.`);
  }
  const pageInfo = c.pageInfo as { hasNextPage?: unknown; endCursor?: unknown } | null | undefined;
  if (typeof pageInfo !== 'object' || pageInfo === null || typeof pageInfo.hasNextPage !== 'boolean') {
    throw invalid(
      `halaman ${page} tidak memiliki pageInfo { hasNextPage } (pilih field itu di kueri).`,
      `page ${page} has no pageInfo { hasNextPage } (select it in the query).`,
    );
  }
  const endCursor = typeof pageInfo.endCursor === 'string' && pageInfo.endCursor.length > 0 ? pageInfo.endCursor : null;
  if (c.edges !== undefined && c.edges !== null && !Array.isArray(c.edges)) {
    throw invalid(`edges di halaman ${page} bukan array.`, `edges on page ${page} is not an array.`);
  }
  const nodes: unknown[] = [];
  for (const edge of (c.edges as unknown[] | null | undefined) ?? []) {
    if (typeof edge !== 'object' || edge === null) continue;
    const node = (edge as { node?: unknown }).node;
    if (node !== null && node !== undefined) nodes.push(node);
  }
  return { nodes, hasNextPage: pageInfo.hasNextPage, endCursor };
}

function invalid(id: string, en: string): JembatanError<'INVALID_RESPONSE'> {
  return new JembatanError({
    code: 'INVALID_RESPONSE',
    messages: { id: `Connection tidak sah: ${id}`, en: `Invalid connection: ${en}` },
  });
}

function refusal(id: string, en: string): JembatanError<'INVALID_REQUEST'> {
  return new JembatanError({ code: 'INVALID_REQUEST', messages: { id, en } });
}
