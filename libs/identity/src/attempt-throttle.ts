import { sharedLimiter, spend } from '@app/core';
import Redis from 'ioredis';
import { RateLimiterRedis } from 'rate-limiter-flexible';

/** Attempts allowed per window, for one key. */
export interface AttemptLimit {
  points: number;
  windowSeconds: number;
}

/** What an attempt keyed by an email address, sent from a client address, may spend. */
export interface AttemptRules {
  /** Namespaces the counters in Redis (the deployment's prefix included). */
  prefix: string;
  /** One email from one client address. */
  emailFromAddress: AttemptLimit;
  /** One email from anywhere, so that rotating addresses does not help. */
  email: AttemptLimit;
  /** One client address over every email. */
  address: AttemptLimit;
  /** The RATE_LIMITED message when the email's limits are spent. */
  emailMessage: string;
  /** The RATE_LIMITED message when the address's limit is spent. */
  addressMessage: string;
}

/**
 * Attempts at something keyed by an email (signing in, asking for a password reset), counted
 * in three limits shared by every API instance: the email from one address, the email from
 * anywhere, and the address over every email. Each attempt is counted before it is tried, so
 * that of many concurrent attempts only as many are tried as the limits allow. Emails count
 * ignoring case and surrounding spaces. A Redis outage counts in process memory meanwhile.
 */
export class AttemptThrottle {
  private readonly emailFromAddress: RateLimiterRedis;
  private readonly email: RateLimiterRedis;
  private readonly address: RateLimiterRedis;

  constructor(
    redis: Redis,
    private readonly rules: AttemptRules,
  ) {
    this.emailFromAddress = sharedLimiter(redis, {
      prefix: `${rules.prefix}-email-address`,
      ...rules.emailFromAddress,
    });
    this.email = sharedLimiter(redis, { prefix: `${rules.prefix}-email`, ...rules.email });
    this.address = sharedLimiter(redis, { prefix: `${rules.prefix}-address`, ...rules.address });
  }

  /** Spends one attempt for this email and address, or throws RATE_LIMITED. */
  async attempt(email: string, address: string): Promise<void> {
    const key = normalized(email);
    await spend(this.emailFromAddress, `${key}|${address}`, this.rules.emailMessage);
    await spend(this.email, key, this.rules.emailMessage);
    await spend(this.address, address, this.rules.addressMessage);
  }

  /** The attempt succeeded: it does not count, and the email's count from this address is cleared. */
  async forgive(email: string, address: string): Promise<void> {
    const key = normalized(email);
    await Promise.all([
      this.emailFromAddress.delete(`${key}|${address}`),
      this.email.reward(key),
      this.address.reward(address),
    ]).catch(() => undefined);
  }
}

function normalized(email: string): string {
  return email.trim().toLowerCase();
}
