import { GraphQLError } from 'graphql';
import { fromGlobalId, fromGlobalIdOfTypes, parseGlobalId, toGlobalId } from './global-id';

const UUID = '3f2b8c4e-9a1d-4e6f-8b7a-0c1d2e3f4a5b';

const b64 = (text: string): string => Buffer.from(text, 'utf8').toString('base64url');

/** The GraphQLError thrown by `fn` (fails the test when nothing is thrown). */
function thrown(fn: () => unknown): GraphQLError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(GraphQLError);
    return error as GraphQLError;
  }
  throw new Error('expected an error to be thrown');
}

describe('global IDs', () => {
  describe('toGlobalId and parseGlobalId', () => {
    it('round-trips a type and a UUID', () => {
      expect(parseGlobalId(toGlobalId('Thread', UUID))).toEqual({ type: 'Thread', id: UUID });
    });

    it('produces an opaque ID that does not show the UUID', () => {
      const id = toGlobalId('Post', UUID);
      expect(id).not.toContain(UUID);
      expect(id).toMatch(/^[A-Za-z0-9_-]+$/);
    });

    it('gives different IDs for the same UUID under different types', () => {
      expect(toGlobalId('Post', UUID)).not.toBe(toGlobalId('Thread', UUID));
    });
  });

  describe('parseGlobalId on malformed input', () => {
    it('returns null for an empty string', () => {
      expect(parseGlobalId('')).toBeNull();
    });

    it('returns null for a string that is not base64url (standard alphabet, padding)', () => {
      const standard = Buffer.from(`Thread:${UUID}`).toString('base64');
      expect(standard).toMatch(/[+/=]/);
      expect(parseGlobalId(standard)).toBeNull();
      expect(parseGlobalId(`${toGlobalId('Thread', UUID)}=`)).toBeNull();
      expect(parseGlobalId('abc def')).toBeNull();
    });

    it('returns null when the decoded text has no colon', () => {
      expect(parseGlobalId(b64(`Thread${UUID}`))).toBeNull();
    });

    it('returns null when the type before the colon is empty', () => {
      expect(parseGlobalId(b64(`:${UUID}`))).toBeNull();
    });

    it('returns null when the type is not letters only', () => {
      expect(parseGlobalId(b64(`Thread1:${UUID}`))).toBeNull();
      expect(parseGlobalId(b64(`Th read:${UUID}`))).toBeNull();
    });

    it('returns null when the part after the colon is not a UUID', () => {
      expect(parseGlobalId(b64('Thread:42'))).toBeNull();
      expect(parseGlobalId(b64(`Thread:${UUID}x`))).toBeNull();
      expect(parseGlobalId(b64(`Thread:${UUID.replace(/-/g, '')}`))).toBeNull();
      expect(parseGlobalId(b64("Thread:' OR 1=1 --"))).toBeNull();
    });

    it('returns null for an ID longer than 120 characters, even a well-formed one', () => {
      const long = toGlobalId('A'.repeat(60), UUID);
      expect(long.length).toBeGreaterThan(120);
      expect(parseGlobalId(long)).toBeNull();
    });

    it('returns null for unicode input', () => {
      expect(parseGlobalId('VGhyZWFk😀')).toBeNull();
      expect(parseGlobalId('Thréad')).toBeNull();
    });

    it('returns null for unicode hidden in the decoded type', () => {
      expect(parseGlobalId(b64(`Thréad:${UUID}`))).toBeNull();
    });

    it('returns null for a value that is not a string at all', () => {
      expect(parseGlobalId(undefined as unknown as string)).toBeNull();
      expect(parseGlobalId(42 as unknown as string)).toBeNull();
    });
  });

  describe('fromGlobalId', () => {
    it('returns the UUID of an ID of the expected type', () => {
      expect(fromGlobalId(toGlobalId('Post', UUID), 'Post', 'postId')).toBe(UUID);
    });

    it('accepts an ID of any of several allowed types', () => {
      expect(fromGlobalId(toGlobalId('Idea', UUID), ['Thread', 'Post', 'Idea'], 'targetId')).toBe(
        UUID,
      );
    });

    it.each([
      ['an empty string', ''],
      ['a string that is not base64url', 'not/an+id=='],
      ['an ID without a colon', b64(`Post${UUID}`)],
      ['an ID with a bad UUID', b64('Post:1234')],
      ['an overlong ID', 'A'.repeat(121)],
      ['unicode', 'P🙂st'],
    ])('rejects %s as BAD_USER_INPUT naming the field', (_what, input) => {
      const error = thrown(() => fromGlobalId(input, 'Post', 'postId'));
      expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'postId' });
      expect(error.message).toContain('postId');
    });

    it('rejects an ID of another type as BAD_USER_INPUT naming the field and the expected type', () => {
      const error = thrown(() => fromGlobalId(toGlobalId('Thread', UUID), 'Post', 'postId'));
      expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'postId' });
      expect(error.message).toContain('Post');
    });

    it('compares types exactly, not ignoring case', () => {
      const error = thrown(() => fromGlobalId(toGlobalId('post', UUID), 'Post', 'postId'));
      expect(error.extensions.code).toBe('BAD_USER_INPUT');
    });
  });

  describe('fromGlobalIdOfTypes', () => {
    it('says which of the allowed types the ID names', () => {
      expect(fromGlobalIdOfTypes(toGlobalId('Comment', UUID), ['Post', 'Comment'], 'id')).toEqual({
        type: 'Comment',
        id: UUID,
      });
    });

    it('lists every allowed type when the ID is of none of them', () => {
      const error = thrown(() =>
        fromGlobalIdOfTypes(toGlobalId('Review', UUID), ['Post', 'Comment'], 'targetId'),
      );
      expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'targetId' });
      expect(error.message).toContain('Post or Comment');
    });
  });
});
