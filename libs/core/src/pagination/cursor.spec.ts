import { GraphQLError } from 'graphql';
import { decodeCursor, encodeCursor } from './cursor';

const ID = '3f2b8c4e-9a1d-4e6f-8b7a-0c1d2e3f4a5b';

const rawCursor = (json: string): string => Buffer.from(json, 'utf8').toString('base64url');

/** Expects `fn` to throw BAD_USER_INPUT on the `after` argument. */
function expectBadAfter(fn: () => unknown): void {
  let caught: unknown;
  try {
    fn();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(GraphQLError);
  expect((caught as GraphQLError).extensions).toMatchObject({
    code: 'BAD_USER_INPUT',
    field: 'after',
  });
}

describe('cursors', () => {
  it('round-trips a timestamp and an id', () => {
    const cursor = encodeCursor([1_700_000_000_123, ID]);
    expect(decodeCursor(cursor, ['number', 'string'], 'after')).toEqual([1_700_000_000_123, ID]);
  });

  it('round-trips a three-part sort key', () => {
    const cursor = encodeCursor([7, 1_700_000_000_000, ID]);
    expect(decodeCursor(cursor, ['number', 'number', 'string'], 'after')).toEqual([
      7,
      1_700_000_000_000,
      ID,
    ]);
  });

  it('is opaque: URL-safe and not showing its values', () => {
    const cursor = encodeCursor([1_700_000_000_123, ID]);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(cursor).not.toContain(ID);
  });

  it('gives the same cursor for the same row every time (stable)', () => {
    expect(encodeCursor([5, ID])).toBe(encodeCursor([5, ID]));
  });

  it('rejects a cursor with fewer values than the sort key', () => {
    expectBadAfter(() => decodeCursor(encodeCursor([ID]), ['number', 'string'], 'after'));
  });

  it('rejects a cursor with more values than the sort key', () => {
    expectBadAfter(() => decodeCursor(encodeCursor([1, 2, ID]), ['number', 'string'], 'after'));
  });

  it('rejects a cursor whose values have the wrong types', () => {
    expectBadAfter(() => decodeCursor(encodeCursor([ID, 1]), ['number', 'string'], 'after'));
    expectBadAfter(() =>
      decodeCursor(encodeCursor(['1700000000000', ID]), ['number', 'string'], 'after'),
    );
  });

  it('rejects a cursor made for another ordering', () => {
    const kudosCursor = encodeCursor([3, 1_700_000_000_000, ID]);
    expectBadAfter(() => decodeCursor(kudosCursor, ['number', 'string'], 'after'));
  });

  it('rejects JSON that is not an array', () => {
    expectBadAfter(() => decodeCursor(rawCursor('{"0":1,"1":"x"}'), ['number', 'string'], 'after'));
    expectBadAfter(() => decodeCursor(rawCursor('null'), ['number', 'string'], 'after'));
    expectBadAfter(() => decodeCursor(rawCursor('"abc"'), ['string'], 'after'));
  });

  it('rejects null standing in for a value', () => {
    expectBadAfter(() => decodeCursor(rawCursor(`[null,"${ID}"]`), ['number', 'string'], 'after'));
  });

  it.each([
    ['random text', 'not a cursor at all'],
    ['an empty string', ''],
    ['base64 of broken JSON', rawCursor('[1,')],
    ['unicode', '💥💥💥'],
  ])('rejects %s as BAD_USER_INPUT on after', (_what, cursor) => {
    expectBadAfter(() => decodeCursor(cursor, ['number', 'string'], 'after'));
  });

  it('rejects a number that is not finite (1e400 parses to Infinity)', () => {
    // JSON.parse turns 1e400 into Infinity, which is typeof 'number'; as a timestamp it becomes an
    // Invalid Date that the database refuses, i.e. an internal error instead of bad input.
    expectBadAfter(() => decodeCursor(rawCursor(`[1e400,"${ID}"]`), ['number', 'string'], 'after'));
  });
});

describe('cursor parts of a sort key', () => {
  const uuid = '0b8e7f5e-4a1c-4d2b-9f3e-1a2b3c4d5e6f';

  it('accepts a time and a UUID made by encodeCursor', () => {
    expect(
      decodeCursor(encodeCursor([1700000000000, uuid]), ['timestamp', 'uuid'], 'after'),
    ).toEqual([1700000000000, uuid]);
  });

  it.each([
    ['a time beyond the range of a Date', [1e17, uuid]],
    ['a fractional time', [1.5, uuid]],
    ['an id that is not a UUID', [1700000000000, 'not-a-uuid']],
    ['an upper-case UUID', [1700000000000, uuid.toUpperCase()]],
  ])('rejects %s as BAD_USER_INPUT on after', (_label, values) => {
    expect(() => decodeCursor(encodeCursor(values), ['timestamp', 'uuid'], 'after')).toThrow(
      expect.objectContaining({
        extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'after' }),
      }),
    );
  });
});

describe('the argument a cursor came in', () => {
  it('is named in the error, so that a bad before says before', () => {
    expect(() => decodeCursor('not a cursor', ['timestamp', 'uuid'], 'before')).toThrow(
      expect.objectContaining({
        message: 'before: is not a valid cursor',
        extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'before' }),
      }),
    );
  });
});
