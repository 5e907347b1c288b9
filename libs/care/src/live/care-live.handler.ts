import { DomainEventHandlers } from '@app/core';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { CARE_EVENTS } from '../care.events';
import { CareLivePublisher } from './care-live-publisher';

/**
 * Care's events go out live: each new message on its case's channel (internal notes too, for
 * staff; the API drops them for the member), and every case created, assigned, answered,
 * reopened or resolved on the inbox's channel. An internal note changes nothing in the inbox.
 * A redelivered event publishes again; subscribers see the same message twice at worst.
 */
@Injectable()
export class CareLiveHandler implements OnModuleInit {
  constructor(
    private readonly handlers: DomainEventHandlers,
    private readonly publisher: CareLivePublisher,
  ) {}

  /** One handler per event, each typed by the event map. */
  onModuleInit(): void {
    this.handlers.register({
      handles: CARE_EVENTS.caseMessagePosted,
      handle: async ({ payload }) => {
        await this.publisher.caseActivity(payload.caseId, payload.messageId, payload.internal);
        if (!payload.internal) await this.publisher.inboxChanged(payload.caseId);
      },
    });
    this.handlers.register({
      handles: CARE_EVENTS.caseOpened,
      handle: ({ payload }) => this.publisher.inboxChanged(payload.caseId),
    });
    this.handlers.register({
      handles: CARE_EVENTS.caseAssigned,
      handle: ({ payload }) => this.publisher.inboxChanged(payload.caseId),
    });
    this.handlers.register({
      handles: CARE_EVENTS.caseResolved,
      handle: ({ payload }) => this.publisher.inboxChanged(payload.caseId),
    });
    this.handlers.register({
      handles: CARE_EVENTS.caseReopened,
      handle: ({ payload }) => this.publisher.inboxChanged(payload.caseId),
    });
  }
}
