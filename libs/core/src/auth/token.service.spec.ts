import { JwtService } from '@nestjs/jwt';
import { loadConfig } from '../config/config';
import { TokenService } from './token.service';

describe('TokenService', () => {
  const config = loadConfig({});
  const tokens = new TokenService(config);
  const signer = new JwtService({ secret: config.jwtSecret });
  const userId = '0b6f7c9e-3a1d-4e5f-9a8b-7c6d5e4f3a2b';
  const sessionId = '5d1c8f2e-6b7a-4c3d-8e9f-0a1b2c3d4e5f';

  it('gives back the member and session of a token it issued', () => {
    expect(tokens.verify(tokens.issue({ userId, sessionId }))).toEqual({ userId, sessionId });
  });

  it('refuses a token signed with another secret', () => {
    const forged = new JwtService({ secret: 'another-secret-of-enough-length' }).sign({
      sub: userId,
      jti: sessionId,
    });
    expect(tokens.verify(forged)).toBeNull();
  });

  it('refuses an expired token', () => {
    const expired = signer.sign({
      sub: userId,
      jti: sessionId,
      exp: Math.floor(Date.now() / 1000) - 60,
    });
    expect(tokens.verify(expired)).toBeNull();
  });

  it.each([
    ['not a UUID', 'not-a-uuid'],
    ['empty', ''],
    ['a UUID with more around it', `${userId}' OR '1'='1`],
    ['a UUID without its dashes', userId.replace(/-/g, '')],
  ])('refuses a correctly signed token whose subject is %s', (_label, sub) => {
    expect(tokens.verify(signer.sign({ sub, jti: sessionId }))).toBeNull();
  });

  it.each([
    ['a number', 42],
    ['missing', undefined],
  ])('refuses a correctly signed token whose subject is %s', (_label, sub) => {
    const claims = sub === undefined ? { jti: sessionId } : { sub, jti: sessionId };
    expect(tokens.verify(signer.sign(claims))).toBeNull();
  });

  it.each([
    ['missing (a token from before sessions)', undefined],
    ['not a UUID', 'session-1'],
    ['a number', 7],
  ])('refuses a correctly signed token whose session is %s', (_label, jti) => {
    const claims = jti === undefined ? { sub: userId } : { sub: userId, jti };
    expect(tokens.verify(signer.sign(claims))).toBeNull();
  });

  it('refuses a token that is not a JWT at all', () => {
    expect(tokens.verify('not.a.token')).toBeNull();
  });
});
