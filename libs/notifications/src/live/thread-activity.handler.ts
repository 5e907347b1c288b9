import { DomainEvent, DomainEventHandler, DomainEventHandlers } from '@app/core';
import { FORUM_EVENTS, PostCreatedEvent, PostEditedEvent } from '@app/forum';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { LivePublisher } from './live-publisher';

/** New and edited published answers go out on their thread's live channel. */
@Injectable()
export class ThreadActivityHandler implements DomainEventHandler, OnModuleInit {
  readonly handles = [FORUM_EVENTS.postCreated, FORUM_EVENTS.postEdited];

  constructor(
    private readonly handlers: DomainEventHandlers,
    private readonly publisher: LivePublisher,
  ) {}

  onModuleInit(): void {
    this.handlers.register(this);
  }

  async handle(event: DomainEvent): Promise<void> {
    const { threadId, postId } = event.payload as PostCreatedEvent | PostEditedEvent;
    await this.publisher.threadActivity(threadId, postId);
  }
}
