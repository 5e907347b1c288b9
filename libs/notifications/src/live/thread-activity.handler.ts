import { DomainEventHandlers } from '@app/core';
import { FORUM_EVENTS } from '@app/forum';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { LivePublisher } from './live-publisher';

/** New and edited published answers go out on their thread's live channel. */
@Injectable()
export class ThreadActivityHandler implements OnModuleInit {
  constructor(
    private readonly handlers: DomainEventHandlers,
    private readonly publisher: LivePublisher,
  ) {}

  /** One handler per event, each typed by the event map. */
  onModuleInit(): void {
    this.handlers.register({
      handles: FORUM_EVENTS.postCreated,
      handle: ({ payload }) => this.publisher.threadActivity(payload.threadId, payload.postId),
    });
    this.handlers.register({
      handles: FORUM_EVENTS.postEdited,
      handle: ({ payload }) => this.publisher.threadActivity(payload.threadId, payload.postId),
    });
  }
}
