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

  async notificationAdded(recipientId: string, notificationId: string): Promise<void> {
    const message: NotificationAddedMessage = { notificationId };
    await this.pubSub.publish(this.topics.notificationAdded(recipientId), message);
  }
}
