import { PUB_SUB } from '@app/core';
import { Inject, Injectable } from '@nestjs/common';
import { RedisPubSub } from 'graphql-redis-subscriptions';
import { LiveTopics, NotificationAddedMessage, ThreadActivityMessage } from './live-topics';

/** Publishes live updates from the worker; every API instance relays them to its own sockets. */
@Injectable()
export class LivePublisher {
  constructor(
    @Inject(PUB_SUB) private readonly pubSub: RedisPubSub,
    private readonly topics: LiveTopics,
  ) {}

  async threadActivity(threadId: string, postId: string): Promise<void> {
    const message: ThreadActivityMessage = { postId };
    await this.pubSub.publish(this.topics.threadActivity(threadId), message);
  }

  /**
   * Tells each recipient's sockets of their new notification. A fan-out writes thousands at a
   * time, so they go to Redis in one pipeline (one write, one round trip) rather than one
   * command each; the first refused publish fails the call, as a single one would.
   */
  async notificationsAdded(
    added: ReadonlyArray<{ recipientId: string; notificationId: string }>,
  ): Promise<void> {
    if (added.length === 0) return;
    const pipeline = this.pubSub.getPublisher().pipeline();
    for (const { recipientId, notificationId } of added) {
      const message: NotificationAddedMessage = { notificationId };
      // The serialisation RedisPubSub.publish applies, so subscribers read it the same way.
      pipeline.publish(this.topics.notificationAdded(recipientId), JSON.stringify(message));
    }
    const replies = (await pipeline.exec()) ?? [];
    const refused = replies.find(([error]) => error);
    if (refused) throw refused[0];
  }
}
