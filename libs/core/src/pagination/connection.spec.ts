import { GraphQLError } from 'graphql';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, pageSize, toConnection } from './connection';
import { PageRequest } from './page-request';

interface Row {
  id: string;
  title: string;
}

const rows = (count: number): Row[] =>
  Array.from({ length: count }, (_, index) => ({ id: `r${index + 1}`, title: `Row ${index + 1}` }));

const options = (overrides: { totalCount?: () => Promise<number> } = {}) => ({
  cursorOf: (row: Row) => `cursor-${row.id}`,
  nodeOf: (row: Row) => ({ title: row.title }),
  totalCount: overrides.totalCount ?? (() => Promise.resolve(0)),
});

const forward = (limit: number, cursor: string | null = null): PageRequest => ({
  direction: 'forward',
  limit,
  cursor,
});
const backward = (limit: number, cursor: string | null = null): PageRequest => ({
  direction: 'backward',
  limit,
  cursor,
});

/** Expects `fn` to throw BAD_USER_INPUT on the `field` argument (`first` unless told). */
function expectBadSize(fn: () => unknown, field = 'first'): void {
  let caught: unknown;
  try {
    fn();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(GraphQLError);
  expect((caught as GraphQLError).extensions).toMatchObject({
    code: 'BAD_USER_INPUT',
    field,
  });
}

describe('pageSize', () => {
  it('uses the default page size of 20 when first is null', () => {
    expect(DEFAULT_PAGE_SIZE).toBe(20);
    expect(pageSize(null, 'first')).toBe(20);
  });

  it('uses the default page size when first is omitted', () => {
    expect(pageSize(undefined, 'first')).toBe(20);
  });

  it('accepts the smallest page, 1', () => {
    expect(pageSize(1, 'first')).toBe(1);
  });

  it('accepts the largest page, 100', () => {
    expect(MAX_PAGE_SIZE).toBe(100);
    expect(pageSize(100, 'first')).toBe(100);
  });

  it('rejects first: 0 as BAD_USER_INPUT on first', () => {
    expectBadSize(() => pageSize(0, 'first'));
  });

  it('rejects first: 101 as BAD_USER_INPUT on first', () => {
    expectBadSize(() => pageSize(101, 'first'));
  });

  it('rejects a negative first', () => {
    expectBadSize(() => pageSize(-5, 'first'));
  });

  it('rejects a fractional first such as 2.5', () => {
    expectBadSize(() => pageSize(2.5, 'first'));
  });

  it('rejects NaN and Infinity', () => {
    expectBadSize(() => pageSize(Number.NaN, 'first'));
    expectBadSize(() => pageSize(Number.POSITIVE_INFINITY, 'first'));
  });

  it('names the argument it checks, last as well as first', () => {
    expect(pageSize(100, 'last')).toBe(100);
    expectBadSize(() => pageSize(0, 'last'), 'last');
    expectBadSize(() => pageSize(101, 'last'), 'last');
  });

  it('says the bounds in its message', () => {
    let message = '';
    try {
      pageSize(500, 'first');
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain('first');
    expect(message).toContain('100');
  });
});

describe('toConnection', () => {
  it('reports a next page when the extra row was fetched, and leaves that row out', () => {
    const connection = toConnection(rows(4), forward(3), options());
    expect(connection.pageInfo.hasNextPage).toBe(true);
    expect(connection.edges.map((edge) => edge.cursor)).toEqual([
      'cursor-r1',
      'cursor-r2',
      'cursor-r3',
    ]);
  });

  it('reports no next page when exactly limit rows came back', () => {
    const connection = toConnection(rows(3), forward(3), options());
    expect(connection.pageInfo.hasNextPage).toBe(false);
    expect(connection.edges).toHaveLength(3);
  });

  it('reports no next page on a short last page', () => {
    const connection = toConnection(rows(2), forward(3), options());
    expect(connection.pageInfo.hasNextPage).toBe(false);
    expect(connection.edges).toHaveLength(2);
  });

  it('sets the start and end cursors to the first and last edge shown', () => {
    const { pageInfo } = toConnection(rows(4), forward(3), options());
    expect(pageInfo.startCursor).toBe('cursor-r1');
    expect(pageInfo.endCursor).toBe('cursor-r3');
  });

  it('uses the same cursor for start and end on a page of one', () => {
    const { pageInfo } = toConnection(rows(1), forward(5), options());
    expect(pageInfo.startCursor).toBe('cursor-r1');
    expect(pageInfo.endCursor).toBe('cursor-r1');
  });

  it('maps each row to its node', () => {
    const connection = toConnection(rows(2), forward(5), options());
    expect(connection.edges.map((edge) => edge.node)).toEqual([
      { title: 'Row 1' },
      { title: 'Row 2' },
    ]);
  });

  it('gives an empty page null cursors and no next page', () => {
    const connection = toConnection<Row, { title: string }>([], forward(20), options());
    expect(connection.edges).toEqual([]);
    expect(connection.pageInfo).toEqual({
      hasNextPage: false,
      hasPreviousPage: false,
      startCursor: null,
      endCursor: null,
    });
  });

  it('has a previous page going forward from a cursor, none from the start', () => {
    expect(toConnection(rows(1), forward(5, 'c'), options()).pageInfo.hasPreviousPage).toBe(true);
    expect(toConnection(rows(1), forward(5), options()).pageInfo.hasPreviousPage).toBe(false);
  });

  it('leaves the total count uncounted until asked for', async () => {
    const totalCount = jest.fn(() => Promise.resolve(42));
    const connection = toConnection(rows(2), forward(5), options({ totalCount }));
    expect(totalCount).not.toHaveBeenCalled();
    await expect(connection.totalCount()).resolves.toBe(42);
    expect(totalCount).toHaveBeenCalledTimes(1);
  });

  it('never computes the cursor of the extra row', () => {
    const cursorOf = jest.fn((row: Row) => `cursor-${row.id}`);
    toConnection(rows(3), forward(2), { ...options(), cursorOf });
    expect(cursorOf.mock.calls.map(([row]) => row.id)).toEqual(['r1', 'r2']);
  });
});

describe('toConnection going backward', () => {
  // Fetched nearest the cursor first: r4, r3, r2, r1 come back for "the 3 before r5".
  const fetched = (count: number): Row[] => rows(count).reverse();

  it('turns the page back into the list order and leaves the extra (farthest) row out', () => {
    const connection = toConnection(fetched(4), backward(3, 'cursor-r5'), options());
    expect(connection.edges.map((edge) => edge.cursor)).toEqual([
      'cursor-r2',
      'cursor-r3',
      'cursor-r4',
    ]);
    expect(connection.pageInfo).toEqual({
      hasNextPage: true,
      hasPreviousPage: true,
      startCursor: 'cursor-r2',
      endCursor: 'cursor-r4',
    });
  });

  it('has no previous page when the extra row did not come back', () => {
    const { pageInfo } = toConnection(fetched(3), backward(3, 'cursor-r5'), options());
    expect(pageInfo.hasPreviousPage).toBe(false);
    expect(pageInfo.startCursor).toBe('cursor-r1');
  });

  it('has no next page when it starts from the end of the list (no cursor)', () => {
    const { pageInfo } = toConnection(fetched(2), backward(3), options());
    expect(pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: false });
  });

  it('gives an empty page null cursors', () => {
    const { pageInfo } = toConnection<Row, { title: string }>([], backward(3, 'c'), options());
    expect(pageInfo).toEqual({
      hasNextPage: true,
      hasPreviousPage: false,
      startCursor: null,
      endCursor: null,
    });
  });
});
