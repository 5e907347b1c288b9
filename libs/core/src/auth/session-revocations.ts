import { Inject, Injectable, Logger } from '@nestjs/common';
import { RedisPubSub } from 'graphql-redis-subscriptions';
import { APP_CONFIG } from '../config/config.module';
import { AppConfig } from '../config/config';
import { PUB_SUB } from '../pubsub/pubsub.module';

/** Sessions that just ended: one of a member's, or all of them but one. */
export interface SessionRevocation {
  userId: string;
  /** The ended session; null when every session of the member ended but `kept`. */
  sessionId: string | null;
  /** With `sessionId` null, the one session left open (a password reset signs in with a new one). */
  kept: string | null;
}

/**
 * Tells every API instance, through Redis pub/sub, that sessions ended, so each can close the
 * WebSocket connections opened with their tokens. The session's row is what refuses the token;
 * this notice only hurries the sockets that checked it before. It is best effort: while Redis
 * is away the notice is lost, and those sockets stay open until they close.
 */
@Injectable()
export class SessionRevocations {
  private readonly logger = new Logger(SessionRevocations.name);
  /** Channels are not keys, so Redis key prefixes do not reach them: the prefix is in the name. */
  private readonly channel: string;

  constructor(
    @Inject(PUB_SUB) private readonly pubSub: RedisPubSub,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.channel = `${config.redisPrefix}:session-revocations`;
  }

  /** Announces ended sessions; never waits for Redis, never fails the caller. */
  announce(revocation: SessionRevocation): void {
    this.pubSub
      .publish(this.channel, revocation)
      .catch((error: Error) =>
        this.logger.warn(`session revocation not announced: ${error.message}`),
      );
  }

  /** Calls `handler` for each announcement; resolves to a function that stops listening. */
  async listen(handler: (revocation: SessionRevocation) => void): Promise<() => void> {
    const id = await this.pubSub.subscribe(this.channel, handler);
    return () => this.pubSub.unsubscribe(id);
  }
}
