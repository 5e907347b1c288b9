import { Type } from '@nestjs/common';
import { Field, FieldMiddleware, Int, ObjectType } from '@nestjs/graphql';
import { badInput } from '../errors/app-errors';
import { TOTAL_COUNT_DESCRIPTION } from './capped-count';
import { PageInfo } from './page-info.type';
import { PageRequest } from './page-request';

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

/** A count that is only computed when the client asks for it. */
export type LazyCount = () => Promise<number>;

const countWhenAsked: FieldMiddleware = async (_ctx, next) => {
  const count = (await next()) as LazyCount | number;
  return typeof count === 'function' ? count() : count;
};

export interface Edge<T> {
  cursor: string;
  node: T;
}

export interface Connection<T> {
  edges: Edge<T>[];
  pageInfo: PageInfo;
  totalCount: LazyCount;
}

/** Checks a page size (`first` or `last`) against the contract's bounds (1..100); null means the default. */
export function pageSize(size: number | null | undefined, argument: 'first' | 'last'): number {
  if (size === null || size === undefined) return DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE_SIZE) {
    throw badInput(argument, `must be between 1 and ${MAX_PAGE_SIZE}`);
  }
  return size;
}

/** The rows of a page in the list's order, and whether more lie beyond them in the fetch direction. */
export interface PageSlice<Row> {
  rows: Row[];
  more: boolean;
}

/**
 * Cuts a keyset page from `rows`, fetched as `page.limit + 1` rows in the page's direction (the
 * extra row tells whether more follow): a backward page was fetched nearest the cursor first,
 * so it is turned back into the list's order.
 */
export function pageSlice<Row>(rows: Row[], page: PageRequest): PageSlice<Row> {
  const shown = rows.slice(0, page.limit);
  return {
    rows: page.direction === 'forward' ? shown : shown.reverse(),
    more: rows.length > page.limit,
  };
}

/**
 * A connection of `edges` (in the list's order). Beyond the cursor the fetch tells (`more`);
 * behind it there is at least the cursor's own row, so a page with a cursor always has a page
 * on its other side.
 */
export function connectionOf<Node>(
  edges: Edge<Node>[],
  page: PageRequest,
  more: boolean,
  totalCount: LazyCount,
): Connection<Node> {
  const behind = page.cursor !== null;
  const forward = page.direction === 'forward';
  return {
    edges,
    pageInfo: {
      hasNextPage: forward ? more : behind,
      hasPreviousPage: forward ? behind : more,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
    totalCount,
  };
}

/** Builds a Relay connection from the rows of a keyset page (see pageSlice). */
export function toConnection<Row, Node>(
  rows: Row[],
  page: PageRequest,
  options: {
    cursorOf: (row: Row) => string;
    nodeOf: (row: Row) => Node;
    totalCount: LazyCount;
  },
): Connection<Node> {
  const slice = pageSlice(rows, page);
  const edges = slice.rows.map((row) => ({
    cursor: options.cursorOf(row),
    node: options.nodeOf(row),
  }));
  return connectionOf(edges, page, slice.more, options.totalCount);
}

/** Declares the GraphQL types `<Name>Edge` and `<Name>Connection` for a node type. */
export function ConnectionType<T>(nodeType: Type<T>, name: string): Type<Connection<T>> {
  @ObjectType(`${name}Edge`)
  class EdgeType {
    @Field()
    cursor!: string;

    @Field(() => nodeType)
    node!: T;
  }

  @ObjectType(`${name}Connection`)
  class ConnectionObject {
    @Field(() => [EdgeType])
    edges!: EdgeType[];

    @Field(() => PageInfo)
    pageInfo!: PageInfo;

    @Field(() => Int, { middleware: [countWhenAsked], description: TOTAL_COUNT_DESCRIPTION })
    totalCount!: LazyCount;
  }
  return ConnectionObject;
}
