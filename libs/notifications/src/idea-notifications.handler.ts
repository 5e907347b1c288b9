import { DomainEventHandlers } from '@app/core';
import { IDEA_EVENTS, IdeaAudience, IdeaMergedEvent, IdeaStatusChangedEvent } from '@app/ideas';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { NotificationKind } from './notification-kind';
import { Notifier } from './notifier';

/**
 * Tells an idea's voters, author and followers that its status changed, and a merged idea's
 * voters where their vote went. Fanned out a page at a time; a retried event writes only what
 * is missing (each notification is keyed by event, recipient and kind).
 */
@Injectable()
export class IdeaNotificationsHandler implements OnModuleInit {
  constructor(
    private readonly handlers: DomainEventHandlers,
    private readonly notifier: Notifier,
    private readonly audience: IdeaAudience,
  ) {}

  /** One handler per event, each typed by the event map. */
  onModuleInit(): void {
    this.handlers.register({
      handles: IDEA_EVENTS.statusChanged,
      handle: (event) => this.statusChanged(event.id, event.payload),
    });
    this.handlers.register({
      handles: IDEA_EVENTS.merged,
      handle: (event) => this.merged(event.id, event.payload),
    });
  }

  private async statusChanged(eventId: string, event: IdeaStatusChangedEvent): Promise<void> {
    const status = event.status.toLowerCase().replace('_', ' ');
    const draft = {
      kind: NotificationKind.IDEA_STATUS_CHANGED,
      message: `“${event.title}” is now ${status}${event.note ? `: ${event.note}` : ''}`,
      subjectType: 'Idea',
      subjectId: event.ideaId,
      actorId: event.actorId,
      eventId,
    };
    for await (const batch of this.audience.everyone(event.ideaId)) {
      await this.notifier.notify(batch, draft);
    }
  }

  private async merged(eventId: string, event: IdeaMergedEvent): Promise<void> {
    const draft = {
      kind: NotificationKind.IDEA_MERGED,
      message: `“${event.sourceTitle}” was merged into “${event.targetTitle}”; your vote moved with it`,
      subjectType: 'Idea',
      subjectId: event.targetId,
      actorId: event.actorId,
      eventId,
    };
    for await (const batch of this.audience.voters(event.sourceId)) {
      await this.notifier.notify(batch, draft);
    }
  }
}
