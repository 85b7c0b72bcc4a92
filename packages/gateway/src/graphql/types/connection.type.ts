/**
 * Relay cursor connections (https://relay.dev/graphql/connections.htm) with `totalCount`: forward
 * pagination with `first` / `after`; cursors are MikroORM's opaque keyset cursors.
 */
import { Cursor } from '@mikro-orm/core';
import { Max, Min } from 'class-validator';
import { ArgsType, Authorized, Field, Int, ObjectType, type ClassType } from 'type-graphql';
import type { Role } from '../../security/role';
import type { KeysetPage } from '../../read-models/rows';
import { GatewayError } from '../errors';

@ObjectType({ description: 'Where a page sits in a list (Relay PageInfo).' })
export class PageInfo {
  @Field(() => Boolean, { description: 'Whether more items follow the last one of this page.' })
  hasNextPage!: boolean;

  @Field(() => Boolean, { description: 'Whether items precede the first one of this page.' })
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true, description: 'Cursor of the first item of this page.' })
  startCursor!: string | null;

  @Field(() => String, { nullable: true, description: 'Cursor of the last item; pass it as `after` for the next page.' })
  endCursor!: string | null;
}

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;
/** Most values a list filter accepts (every filter list is a set of enum values or ids: far fewer exist). */
export const MAX_FILTER_VALUES = 50;

@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, description: `Page size: 1 to ${MAX_PAGE_SIZE}, default ${DEFAULT_PAGE_SIZE}.` })
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  first?: number;

  @Field(() => String, { nullable: true, description: 'Return the items after this cursor (`pageInfo.endCursor`).' })
  after?: string;
}

/** Check an `after` cursor before it reaches the ORM (a malformed one would otherwise be a 500). */
export function checkedCursor(after: string | undefined | null): string | undefined {
  if (after === undefined || after === null) return undefined;
  let ok = after.length <= 2000 && /^[A-Za-z0-9_-]+$/.test(after);
  if (ok) {
    try {
      ok = Array.isArray(Cursor.decode(after));
    } catch {
      ok = false;
    }
  }
  if (!ok) {
    throw new GatewayError(
      'BAD_USER_INPUT',
      { id: 'Kursor halaman tidak valid.', en: 'Invalid page cursor.' },
      { field: ['after'] },
    );
  }
  return after;
}

export interface EdgeShape<T> {
  cursor: string;
  node: T;
}
export interface ConnectionShape<T> {
  edges: Array<EdgeShape<T>>;
  pageInfo: PageInfo;
  /** A promise when the list counts lazily (pageConnection). */
  totalCount: number | Promise<number>;
}

/**
 * Declare `<Name>Edge` and `<Name>Connection` object types for a node type. `nodeRule`: the roles the
 * edge's `node` field needs (personal node types: the same rule as the type itself).
 */
export function connectionType<T extends object>(
  nodeType: ClassType<T>,
  name: string,
  what: string,
  options: { readonly nodeRule?: readonly Role[] } = {},
): ClassType<ConnectionShape<T>> {
  @ObjectType(`${name}Edge`, { description: `One ${what} in a list, with its cursor.` })
  class Edge {
    @Field(() => String, { description: 'Opaque cursor of this item.' })
    cursor!: string;

    @Field(() => nodeType, { description: `The ${what}.` })
    node!: T;
  }
  if (options.nodeRule) Authorized(...options.nodeRule)(Edge.prototype, 'node');

  @ObjectType(`${name}Connection`, { description: `A page of ${what} items (Relay connection).` })
  class Connection {
    @Field(() => [Edge], { description: 'The items of this page with their cursors.' })
    edges!: Edge[];

    @Field(() => PageInfo, { description: 'Paging information.' })
    pageInfo!: PageInfo;

    @Field(() => Int, { description: 'Number of items matching the filter, over all pages.' })
    totalCount!: number;
  }
  return Connection;
}

/** Build a connection from a MikroORM cursor, mapping each record to its GraphQL shape. */
export function toConnection<R extends object, T>(cursor: Cursor<R, any, any, any, true>, map: (r: R) => T): ConnectionShape<T> {
  const items = cursor.items as R[];
  return {
    edges: items.map((r) => ({ cursor: cursor.from(r as never), node: map(r) })),
    pageInfo: {
      hasNextPage: cursor.hasNextPage,
      hasPreviousPage: cursor.hasPrevPage,
      startCursor: cursor.startCursor,
      endCursor: cursor.endCursor,
    },
    totalCount: cursor.totalCount as number,
  };
}

/**
 * Build a connection from a read-model keyset page. `totalCount` is a getter: the `count(*)` runs only
 * when the query selects `totalCount` (graphql-js reads the property only then).
 */
export function pageConnection<R, T>(page: KeysetPage<R>, map: (r: R) => T): ConnectionShape<T> {
  // cursors are encoded only when read (a query that selects no `cursor` pays nothing for them)
  const edges = page.rows.map((r): EdgeShape<T> => ({
    get cursor(): string {
      return page.cursorOf(r);
    },
    node: map(r),
  }));
  const first = page.rows[0];
  const last = page.rows[page.rows.length - 1];
  return {
    edges,
    pageInfo: {
      hasNextPage: page.hasNextPage,
      hasPreviousPage: page.hasPreviousPage,
      get startCursor(): string | null {
        return first === undefined ? null : page.cursorOf(first);
      },
      get endCursor(): string | null {
        return last === undefined ? null : page.cursorOf(last);
      },
    },
    get totalCount(): Promise<number> {
      return page.totalCount();
    },
  };
}

/** An empty page (a caller whose rights match no row). */
export function emptyConnection<T>(): ConnectionShape<T> {
  return { edges: [], pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null }, totalCount: 0 };
}
