import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { APP_CONFIG } from '../config/config.module';
import { AppConfig } from '../config/config';

interface TokenClaims {
  sub: string;
}

/** Member ids are UUIDs; a subject of any other shape names nobody. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Signs and checks the bearer tokens members use after login. */
@Injectable()
export class TokenService {
  private readonly jwt: JwtService;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.jwt = new JwtService({
      secret: config.jwtSecret,
      signOptions: { algorithm: 'HS256', expiresIn: config.tokenTtlSeconds },
      verifyOptions: { algorithms: ['HS256'] },
    });
  }

  /** Issues a token for a member. */
  issue(userId: string): string {
    return this.jwt.sign({ sub: userId } satisfies TokenClaims);
  }

  /**
   * Returns the member id a token was issued for, or null when it is forged, malformed, expired
   * or its subject is not a member id (a UUID).
   */
  verify(token: string): string | null {
    try {
      const claims = this.jwt.verify<Partial<TokenClaims>>(token);
      return typeof claims.sub === 'string' && UUID.test(claims.sub) ? claims.sub : null;
    } catch {
      return null;
    }
  }
}
