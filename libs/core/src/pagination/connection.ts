import { Type } from '@nestjs/common';
import { Field, FieldMiddleware, Int, ObjectType } from '@nestjs/graphql';
import { badInput } from '../errors/app-errors';
import { PageInfo } from './page-info.type';

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

/** Checks `first` against the contract's bounds (1..100); null means the default. */
export function pageSize(first: number | null | undefined): number {
  if (first === null || first === undefined) return DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
    throw badInput('first', `must be between 1 and ${MAX_PAGE_SIZE}`);
  }
  return first;
}

/**
 * Builds a Relay connection from a keyset page: `rows` were fetched with `limit + 1` so that the
 * extra row tells whether another page follows.
 */
export function toConnection<Row, Node>(
  rows: Row[],
  limit: number,
  options: {
    cursorOf: (row: Row) => string;
    nodeOf: (row: Row) => Node;
    hasPreviousPage: boolean;
    totalCount: LazyCount;
  },
): Connection<Node> {
  const page = rows.slice(0, limit);
  const edges = page.map((row) => ({ cursor: options.cursorOf(row), node: options.nodeOf(row) }));
  return {
    edges,
    pageInfo: {
      hasNextPage: rows.length > limit,
      hasPreviousPage: options.hasPreviousPage,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
    totalCount: options.totalCount,
  };
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

    @Field(() => Int, { middleware: [countWhenAsked] })
    totalCount!: LazyCount;
  }
  return ConnectionObject;
}
