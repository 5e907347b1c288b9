import { createHash } from 'node:crypto';
import { newResetToken, resetTokenHash } from './reset-token';

describe('reset tokens', () => {
  it('are 32 random bytes in base64url, each different, stored as their SHA-256', () => {
    const first = newResetToken();
    const second = newResetToken();
    expect(first.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(first.token, 'base64url')).toHaveLength(32);
    expect(first.token).not.toBe(second.token);
    expect(first.hash).toEqual(createHash('sha256').update(first.token).digest());
    expect(resetTokenHash(first.token)).toEqual(first.hash);
  });

  it.each([
    ['empty', ''],
    ['too short', 'abc'],
    ['one character too long', `${'a'.repeat(43)}b`],
    ['padded base64', `${'a'.repeat(42)}=`],
    ['with a character outside base64url', `${'a'.repeat(42)}+`],
    ['huge', 'a'.repeat(100_000)],
  ])('hash to nothing when the text is %s', (_label, text) => {
    expect(resetTokenHash(text)).toBeNull();
  });
});
