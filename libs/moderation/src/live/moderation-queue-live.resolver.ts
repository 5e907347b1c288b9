import { MODERATOR_ROLES, PUB_SUB, RequestContext, Roles } from '@app/core';
import { Inject } from '@nestjs/common';
import { Resolver, Subscription } from '@nestjs/graphql';
import { RedisPubSub } from 'graphql-redis-subscriptions';
import { ReviewQueueService } from '../queue/review-queue.service';
import { ReviewItemEntity } from '../review-items/review-item.entity';
import { ReviewItemType } from '../review-items/review-item.type';
import { ModerationQueueTopic, QueueChangedMessage } from './moderation-queue-topic';

/** Moderators follow the queue live; each instance reads a changed item once per message. */
@Resolver()
export class ModerationQueueLiveResolver {
  private readonly items = new WeakMap<QueueChangedMessage, Promise<ReviewItemEntity | null>>();

  constructor(
    @Inject(PUB_SUB) private readonly pubSub: RedisPubSub,
    private readonly topic: ModerationQueueTopic,
    private readonly queue: ReviewQueueService,
  ) {}

  @Subscription(() => ReviewItemType, {
    description: 'Moderators only: items entering or leaving the queue.',
    filter(this: ModerationQueueLiveResolver, message: QueueChangedMessage) {
      return this.itemOf(message).then(Boolean);
    },
    resolve(
      this: ModerationQueueLiveResolver,
      message: QueueChangedMessage,
      _args,
      ctx: RequestContext,
    ) {
      // One context serves every event of the subscription: each event's fields read afresh.
      ctx.loaders.clear();
      return this.itemOf(message);
    },
  })
  @Roles(...MODERATOR_ROLES)
  moderationQueueChanged(): AsyncIterableIterator<QueueChangedMessage> {
    return this.pubSub.asyncIterableIterator<QueueChangedMessage>(this.topic.name);
  }

  private itemOf(message: QueueChangedMessage): Promise<ReviewItemEntity | null> {
    let item = this.items.get(message);
    if (!item) {
      item = this.queue.find(message.reviewItemId);
      this.items.set(message, item);
    }
    return item;
  }
}
