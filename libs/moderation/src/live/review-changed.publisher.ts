import { DomainEvent, DomainEventHandler, DomainEventHandlers, PUB_SUB } from '@app/core';
import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { RedisPubSub } from 'graphql-redis-subscriptions';
import { MODERATION_EVENTS } from '../moderation.events';
import { ModerationQueueTopic, QueueChangedMessage } from './moderation-queue-topic';

/** Tells every API instance that a review item entered, changed in or left the queue. */
@Injectable()
export class ReviewChangedPublisher
  implements DomainEventHandler<typeof MODERATION_EVENTS.reviewChanged>, OnModuleInit
{
  readonly handles = MODERATION_EVENTS.reviewChanged;

  constructor(
    private readonly handlers: DomainEventHandlers,
    @Inject(PUB_SUB) private readonly pubSub: RedisPubSub,
    private readonly topic: ModerationQueueTopic,
  ) {}

  onModuleInit(): void {
    this.handlers.register(this);
  }

  async handle(event: DomainEvent<typeof MODERATION_EVENTS.reviewChanged>): Promise<void> {
    const { reviewItemId } = event.payload;
    const message: QueueChangedMessage = { reviewItemId };
    await this.pubSub.publish(this.topic.name, message);
  }
}
