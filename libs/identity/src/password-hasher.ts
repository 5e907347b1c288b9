import { Injectable } from '@nestjs/common';
import argon2 from 'argon2';

// OWASP's argon2id baseline: 19 MiB, 2 passes, 1 lane.
const OPTIONS = { type: argon2.argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

/** Hashes and checks passwords with argon2id; the plain password is never stored. */
@Injectable()
export class PasswordHasher {
  // Compared against when the email is unknown, so both failures take the same time.
  private readonly decoy = argon2.hash('decoy-password-for-timing', OPTIONS);

  /** Hashes a new password. */
  hash(password: string): Promise<string> {
    return argon2.hash(password, OPTIONS);
  }

  /** Checks a password against a stored hash, or against a decoy when there is none. */
  async verify(hash: string | null, password: string): Promise<boolean> {
    const target = hash ?? (await this.decoy);
    const matches = await argon2.verify(target, password).catch(() => false);
    return hash !== null && matches;
  }
}
