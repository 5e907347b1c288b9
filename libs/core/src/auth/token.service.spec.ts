import { JwtService } from '@nestjs/jwt';
import { loadConfig } from '../config/config';
import { TokenService } from './token.service';

describe('TokenService', () => {
  const config = loadConfig({});
  const tokens = new TokenService(config);
  const signer = new JwtService({ secret: config.jwtSecret });
  const userId = '0b6f7c9e-3a1d-4e5f-9a8b-7c6d5e4f3a2b';

  it('gives back the member id of a token it issued', () => {
    expect(tokens.verify(tokens.issue(userId))).toBe(userId);
  });

  it('refuses a token signed with another secret', () => {
    const forged = new JwtService({ secret: 'another-secret-of-enough-length' }).sign({
      sub: userId,
    });
    expect(tokens.verify(forged)).toBeNull();
  });

  it('refuses an expired token', () => {
    const expired = signer.sign({ sub: userId, exp: Math.floor(Date.now() / 1000) - 60 });
    expect(tokens.verify(expired)).toBeNull();
  });

  it.each([
    ['not a UUID', 'not-a-uuid'],
    ['empty', ''],
    ['a UUID with more around it', `${userId}' OR '1'='1`],
    ['a UUID without its dashes', userId.replace(/-/g, '')],
  ])('refuses a correctly signed token whose subject is %s', (_label, sub) => {
    expect(tokens.verify(signer.sign({ sub }))).toBeNull();
  });

  it.each([
    ['a number', 42],
    ['missing', undefined],
  ])('refuses a correctly signed token whose subject is %s', (_label, sub) => {
    expect(tokens.verify(signer.sign(sub === undefined ? {} : { sub }))).toBeNull();
  });

  it('refuses a token that is not a JWT at all', () => {
    expect(tokens.verify('not.a.token')).toBeNull();
  });
});
