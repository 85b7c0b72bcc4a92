import type { RequestOptions } from '../client/create-client.js';
import type { RequestDocument } from '../client/operation.js';
import { paginate, type ConnectionLike } from '../pagination/paginate.js';
import { JembatanError } from '../errors/jembatan-error.js';

/** The client's `request`, as the method groups call it (variables already typed by each method). */
export type Send = <TResult, TVariables>(
  document: RequestDocument<TResult, TVariables>,
  variables: TVariables,
  options?: RequestOptions,
) => Promise<TResult>;

/** Options of every `list()`: request options plus page size and a page limit. */
export interface ListOptions extends RequestOptions {
  /** Items fetched per request, 1–100 (the gateway's limit). Default 50. */
  readonly pageSize?: number;
  /** Stop after this many pages (a guard for unattended jobs). Default: no limit. */
  readonly maxPages?: number;
}

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 100;

function checkPageSize(pageSize: unknown): number {
  if (pageSize === undefined) return DEFAULT_PAGE_SIZE;
  if (typeof pageSize !== 'number' || !Number.isInteger(pageSize) || pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
    throw new JembatanError({
      code: 'INVALID_REQUEST',
      messages: {
        id: `pageSize harus bilangan bulat 1 sampai ${MAX_PAGE_SIZE}.`,
        en: `pageSize must be a whole number from 1 to ${MAX_PAGE_SIZE}.`,
      },
    });
  }
  return pageSize;
}

/**
 * Every node of a connection, page by page, as an async iterator. `fetchPage(first, after, options)`
 * asks for one page. Breaking out of `for await` fetches nothing more.
 */
export function listNodes<TNode>(
  fetchPage: (first: number, after: string | null, options: RequestOptions) => Promise<ConnectionLike<TNode>>,
  options: ListOptions = {},
): AsyncGenerator<TNode, void, undefined> {
  const { pageSize, maxPages, ...requestOptions } = options;
  const first = checkPageSize(pageSize);
  return paginate<TNode>((after) => fetchPage(first, after, requestOptions), {
    ...(maxPages !== undefined ? { maxPages } : {}),
    ...(requestOptions.signal ? { signal: requestOptions.signal } : {}),
  });
}

/** `[...list, one]` without duplicates; `undefined` when both are absent (no filter). */
export function mergeOne<T>(list: readonly T[] | null | undefined, one: T | null | undefined): T[] | undefined {
  if ((list === undefined || list === null) && (one === undefined || one === null)) return undefined;
  const out = [...(list ?? [])];
  if (one !== undefined && one !== null && !out.includes(one)) out.push(one);
  return out;
}

/** Removes keys whose value is `undefined` (so that they are not sent). */
export function defined<T extends Record<string, unknown>>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}
