import { GraphQLError } from 'graphql';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, pageSize, toConnection } from './connection';

interface Row {
  id: string;
  title: string;
}

const rows = (count: number): Row[] =>
  Array.from({ length: count }, (_, index) => ({ id: `r${index + 1}`, title: `Row ${index + 1}` }));

const options = (
  overrides: { hasPreviousPage?: boolean; totalCount?: () => Promise<number> } = {},
) => ({
  cursorOf: (row: Row) => `cursor-${row.id}`,
  nodeOf: (row: Row) => ({ title: row.title }),
  hasPreviousPage: overrides.hasPreviousPage ?? false,
  totalCount: overrides.totalCount ?? (() => Promise.resolve(0)),
});

/** Expects `fn` to throw BAD_USER_INPUT on the `first` argument. */
function expectBadFirst(fn: () => unknown): void {
  let caught: unknown;
  try {
    fn();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(GraphQLError);
  expect((caught as GraphQLError).extensions).toMatchObject({
    code: 'BAD_USER_INPUT',
    field: 'first',
  });
}

describe('pageSize', () => {
  it('uses the default page size of 20 when first is null', () => {
    expect(DEFAULT_PAGE_SIZE).toBe(20);
    expect(pageSize(null)).toBe(20);
  });

  it('uses the default page size when first is omitted', () => {
    expect(pageSize(undefined)).toBe(20);
  });

  it('accepts the smallest page, 1', () => {
    expect(pageSize(1)).toBe(1);
  });

  it('accepts the largest page, 100', () => {
    expect(MAX_PAGE_SIZE).toBe(100);
    expect(pageSize(100)).toBe(100);
  });

  it('rejects first: 0 as BAD_USER_INPUT on first', () => {
    expectBadFirst(() => pageSize(0));
  });

  it('rejects first: 101 as BAD_USER_INPUT on first', () => {
    expectBadFirst(() => pageSize(101));
  });

  it('rejects a negative first', () => {
    expectBadFirst(() => pageSize(-5));
  });

  it('rejects a fractional first such as 2.5', () => {
    expectBadFirst(() => pageSize(2.5));
  });

  it('rejects NaN and Infinity', () => {
    expectBadFirst(() => pageSize(Number.NaN));
    expectBadFirst(() => pageSize(Number.POSITIVE_INFINITY));
  });

  it('says the bounds in its message', () => {
    let message = '';
    try {
      pageSize(500);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain('first');
    expect(message).toContain('100');
  });
});

describe('toConnection', () => {
  it('reports a next page when the extra row was fetched, and leaves that row out', () => {
    const connection = toConnection(rows(4), 3, options());
    expect(connection.pageInfo.hasNextPage).toBe(true);
    expect(connection.edges.map((edge) => edge.cursor)).toEqual([
      'cursor-r1',
      'cursor-r2',
      'cursor-r3',
    ]);
  });

  it('reports no next page when exactly limit rows came back', () => {
    const connection = toConnection(rows(3), 3, options());
    expect(connection.pageInfo.hasNextPage).toBe(false);
    expect(connection.edges).toHaveLength(3);
  });

  it('reports no next page on a short last page', () => {
    const connection = toConnection(rows(2), 3, options());
    expect(connection.pageInfo.hasNextPage).toBe(false);
    expect(connection.edges).toHaveLength(2);
  });

  it('sets the start and end cursors to the first and last edge shown', () => {
    const { pageInfo } = toConnection(rows(4), 3, options());
    expect(pageInfo.startCursor).toBe('cursor-r1');
    expect(pageInfo.endCursor).toBe('cursor-r3');
  });

  it('uses the same cursor for start and end on a page of one', () => {
    const { pageInfo } = toConnection(rows(1), 5, options());
    expect(pageInfo.startCursor).toBe('cursor-r1');
    expect(pageInfo.endCursor).toBe('cursor-r1');
  });

  it('maps each row to its node', () => {
    const connection = toConnection(rows(2), 5, options());
    expect(connection.edges.map((edge) => edge.node)).toEqual([
      { title: 'Row 1' },
      { title: 'Row 2' },
    ]);
  });

  it('gives an empty page null cursors and no next page', () => {
    const connection = toConnection<Row, { title: string }>([], 20, options());
    expect(connection.edges).toEqual([]);
    expect(connection.pageInfo).toEqual({
      hasNextPage: false,
      hasPreviousPage: false,
      startCursor: null,
      endCursor: null,
    });
  });

  it('passes hasPreviousPage through', () => {
    expect(toConnection(rows(1), 5, options({ hasPreviousPage: true })).pageInfo).toMatchObject({
      hasPreviousPage: true,
    });
  });

  it('leaves the total count uncounted until asked for', async () => {
    const totalCount = jest.fn(() => Promise.resolve(42));
    const connection = toConnection(rows(2), 5, options({ totalCount }));
    expect(totalCount).not.toHaveBeenCalled();
    await expect(connection.totalCount()).resolves.toBe(42);
    expect(totalCount).toHaveBeenCalledTimes(1);
  });

  it('never computes the cursor of the extra row', () => {
    const cursorOf = jest.fn((row: Row) => `cursor-${row.id}`);
    toConnection(rows(3), 2, { ...options(), cursorOf });
    expect(cursorOf.mock.calls.map(([row]) => row.id)).toEqual(['r1', 'r2']);
  });
});
