import { Inject, Injectable } from '@nestjs/common';
import { createSecretKey } from 'node:crypto';
import { JwtService } from '@nestjs/jwt';
import { APP_CONFIG } from '../config/config.module';
import { AppConfig } from '../config/config';

interface TokenClaims {
  sub: string;
  /** The session the token belongs to: signing out or a password reset ends it. */
  jti: string;
}

/** Who a valid token speaks for: a member, and the session that member signed in with. */
export interface TokenSubject {
  userId: string;
  sessionId: string;
}

/** Member and session ids are UUIDs; a claim of any other shape names nobody. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const isUuid = (value: unknown): value is string => typeof value === 'string' && UUID.test(value);

/**
 * Signs and checks the bearer tokens members use after login. A valid signature is necessary but
 * not enough: the session a token names must also still be open, which the viewer lookup checks.
 */
@Injectable()
export class TokenService {
  private readonly jwt: JwtService;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.jwt = new JwtService({
      // A key object, made once: given the secret as a string, jsonwebtoken first tries to read
      // it as a PEM public key on every verify, and that failed attempt costs more than the HMAC.
      secret: createSecretKey(Buffer.from(config.jwtSecret, 'utf8')),
      signOptions: { algorithm: 'HS256', expiresIn: config.tokenTtlSeconds },
      verifyOptions: { algorithms: ['HS256'] },
    });
  }

  /** Issues a token for a member's session. */
  issue(subject: TokenSubject): string {
    return this.jwt.sign({ sub: subject.userId, jti: subject.sessionId } satisfies TokenClaims);
  }

  /**
   * Returns the member and session a token was issued for, or null when it is forged, malformed,
   * expired, or its subject or session is not an id (a UUID); tokens from before sessions carry
   * no session and name nobody.
   */
  verify(token: string): TokenSubject | null {
    try {
      const claims = this.jwt.verify<Partial<TokenClaims>>(token);
      return isUuid(claims.sub) && isUuid(claims.jti)
        ? { userId: claims.sub, sessionId: claims.jti }
        : null;
    } catch {
      return null;
    }
  }
}
