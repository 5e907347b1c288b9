import { DataSource } from 'typeorm';
import { CursorValue, encodeCursor } from './cursor';
import { keysetPage, KeysetSort } from './keyset-page';
import { PageRequest } from './page-request';

// A data source that never connects: enough to build Postgres SQL and read it back.
const dataSource = new DataSource({ type: 'postgres' });
const reviews = () =>
  dataSource
    .createQueryBuilder()
    .select('r.id')
    .from('reviews', 'r')
    .where('r.product_id = :productId', { productId: 'p' });

const NEWEST: KeysetSort = {
  tail: {
    columns: [
      { sql: 'r.created_at', part: 'timestamp' },
      { sql: 'r.id', part: 'uuid' },
    ],
    order: 'DESC',
  },
};
const MOST_HELPFUL: KeysetSort = {
  lead: { sql: 'r.helpful_count', part: 'count', order: 'DESC' },
  ...NEWEST,
};
const LOWEST_RATING: KeysetSort = {
  lead: { sql: 'r.rating', part: 'count', order: 'ASC' },
  ...NEWEST,
};

const ID = '00000000-0000-4000-8000-000000000001';
const AT = Date.UTC(2026, 0, 1);
const page = (direction: PageRequest['direction'], cursor: CursorValue[] | null): PageRequest => ({
  direction,
  limit: 10,
  cursor: cursor ? encodeCursor(cursor) : null,
});
const built = (sort: KeysetSort, request: PageRequest) =>
  keysetPage(reviews(), request, sort).getQueryAndParameters();

describe('keysetPage', () => {
  it('starts a list at its beginning: no cursor condition, the sort order, one row more', () => {
    expect(built(NEWEST, page('forward', null))).toEqual([
      'SELECT r.id FROM "reviews" "r" WHERE r.product_id = $1 ' +
        'ORDER BY r.created_at DESC, r.id DESC LIMIT 11',
      ['p'],
    ]);
  });

  it('seeks past a cursor of the tail columns, keeping the query’s own conditions', () => {
    expect(built(NEWEST, page('forward', [AT, ID]))).toEqual([
      'SELECT r.id FROM "reviews" "r" WHERE r.product_id = $1 ' +
        'AND (r.created_at, r.id) < ($2, $3) ORDER BY r.created_at DESC, r.id DESC LIMIT 11',
      ['p', new Date(AT), ID],
    ]);
  });

  it('reads backward the other way round, nearest the cursor first', () => {
    expect(built(NEWEST, page('backward', [AT, ID]))[0]).toBe(
      'SELECT r.id FROM "reviews" "r" WHERE r.product_id = $1 ' +
        'AND (r.created_at, r.id) > ($2, $3) ORDER BY r.created_at ASC, r.id ASC LIMIT 11',
    );
  });

  it('seeks a leading column to its bound first, then settles ties by the tail', () => {
    expect(built(MOST_HELPFUL, page('forward', [3, AT, ID]))).toEqual([
      'SELECT r.id FROM "reviews" "r" WHERE r.product_id = $1 ' +
        'AND r.helpful_count <= $2 AND (r.helpful_count < $2 OR (r.created_at, r.id) < ($3, $4)) ' +
        'ORDER BY r.helpful_count DESC, r.created_at DESC, r.id DESC LIMIT 11',
      ['p', 3, new Date(AT), ID],
    ]);
  });

  it('lets the lead run against the tail (lowest rating first, ties newest first), either way', () => {
    expect(built(LOWEST_RATING, page('forward', [2, AT, ID]))[0]).toContain(
      'AND r.rating >= $2 AND (r.rating > $2 OR (r.created_at, r.id) < ($3, $4)) ' +
        'ORDER BY r.rating ASC, r.created_at DESC, r.id DESC',
    );
    expect(built(LOWEST_RATING, page('backward', [2, AT, ID]))[0]).toContain(
      'AND r.rating <= $2 AND (r.rating < $2 OR (r.created_at, r.id) > ($3, $4)) ' +
        'ORDER BY r.rating DESC, r.created_at ASC, r.id ASC',
    );
  });

  it('replaces any order the query had, so the page is sorted by its key alone', () => {
    const qb = reviews().orderBy('r.title', 'ASC');
    expect(keysetPage(qb, page('forward', null), NEWEST).getQuery()).toContain(
      'ORDER BY r.created_at DESC, r.id DESC',
    );
  });

  it.each([
    ['not a cursor', 'nope'],
    ['a cursor of another shape', encodeCursor([AT, ID])],
    ['a fractional count', encodeCursor([2.5, AT, ID])],
  ])('refuses %s with BAD_USER_INPUT on the page’s cursor argument', (_story, cursor) => {
    for (const [direction, field] of [
      ['forward', 'after'],
      ['backward', 'before'],
    ] as const) {
      expect(() => keysetPage(reviews(), { direction, limit: 10, cursor }, MOST_HELPFUL)).toThrow(
        expect.objectContaining({
          extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', field }),
        }),
      );
    }
  });
});
