import { GraphQLError } from 'graphql';
import { decodeHitCursor, hitCursor } from './search-cursor';

const ID = '3f2b8c4e-9a1d-4e6f-8b7a-0c1d2e3f4a5b';

describe('hit cursors', () => {
  it('carry the score exactly as text, with the thread id', () => {
    const position = { score: '0.607927', threadId: ID };
    expect(decodeHitCursor(hitCursor(position), 'after')).toEqual(position);
  });

  it.each([
    ['a score that is a number, not text', Buffer.from(`[0.5,"${ID}"]`).toString('base64url')],
    ['a score that is not a decimal', hitCursor({ score: '1e400', threadId: ID })],
    ['a score with SQL in it', hitCursor({ score: "0'; DROP TABLE threads; --", threadId: ID })],
    ['an id that is not a UUID', hitCursor({ score: '0.5', threadId: 'x' })],
    ['garbage', 'not-a-cursor'],
  ])('refuse %s as BAD_USER_INPUT on after', (_story, cursor) => {
    let caught: unknown;
    try {
      decodeHitCursor(cursor, 'after');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(GraphQLError);
    expect((caught as GraphQLError).extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'after',
    });
  });
});

describe('a hit cursor sent as before', () => {
  it('is refused on before when it is not one', () => {
    expect(() => decodeHitCursor(hitCursor({ score: '1e400', threadId: ID }), 'before')).toThrow(
      expect.objectContaining({
        extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'before' }),
      }),
    );
  });
});
