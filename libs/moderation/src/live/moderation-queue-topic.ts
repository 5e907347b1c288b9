import { APP_CONFIG, AppConfig } from '@app/core';
import { Inject, Injectable } from '@nestjs/common';

/** What travels on the queue's channel: the item that changed, read fresh by each instance. */
export interface QueueChangedMessage {
  reviewItemId: string;
}

/** The Redis channel of queue changes, named with the deployment's prefix (channels are not keys). */
@Injectable()
export class ModerationQueueTopic {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  get name(): string {
    return `${this.config.redisPrefix}:moderation-queue`;
  }
}
