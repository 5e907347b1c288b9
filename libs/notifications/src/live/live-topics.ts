import { APP_CONFIG, AppConfig } from '@app/core';
import { Inject, Injectable } from '@nestjs/common';

/** What travels on a thread's channel: the post to show, read fresh by each API instance. */
export interface ThreadActivityMessage {
  postId: string;
}

/** What travels on a member's channel: their new notification. */
export interface NotificationAddedMessage {
  notificationId: string;
}

/**
 * The Redis pub/sub channel names of live updates. Channels are not keys, so Redis key prefixes
 * do not reach them: the deployment's prefix is written into the name.
 */
@Injectable()
export class LiveTopics {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  threadActivity(threadId: string): string {
    return `${this.config.redisPrefix}:thread-activity:${threadId}`;
  }

  notificationAdded(recipientId: string): string {
    return `${this.config.redisPrefix}:notification-added:${recipientId}`;
  }
}
