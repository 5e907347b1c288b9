import { DomainEventHandlers } from '@app/core';
import { KudosService, PostsService, ThreadsService, ThreadSubscriptionsService } from '@app/forum';
import { ContentModeratedEvent, MODERATION_EVENTS, PostCorrectedEvent } from '@app/moderation';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { NotificationKind } from './notification-kind';
import { Notifier } from './notifier';

/**
 * Tells authors what moderation did to their content, and tells everyone who relied on
 * corrected advice: the thread's subscribers, the member who accepted it, every kudo giver.
 */
@Injectable()
export class ModerationNotificationsHandler implements OnModuleInit {
  constructor(
    private readonly handlers: DomainEventHandlers,
    private readonly notifier: Notifier,
    private readonly posts: PostsService,
    private readonly threads: ThreadsService,
    private readonly subscriptions: ThreadSubscriptionsService,
    private readonly kudos: KudosService,
  ) {}

  /** One handler per event, each typed by the event map. */
  onModuleInit(): void {
    this.handlers.register({
      handles: MODERATION_EVENTS.postCorrected,
      handle: (event) => this.postCorrected(event.id, event.payload),
    });
    this.handlers.register({
      handles: MODERATION_EVENTS.contentModerated,
      handle: (event) => this.contentModerated(event.id, event.payload),
    });
  }

  private async postCorrected(eventId: string, event: PostCorrectedEvent): Promise<void> {
    const post = await this.posts.getById(event.postId);
    const thread = await this.threads.getById(post.threadId);
    const draft = {
      kind: NotificationKind.POST_CORRECTED,
      subjectType: 'Post',
      subjectId: event.postId,
      actorId: event.moderatorId,
      eventId,
    };
    await this.notifier.notify([event.authorId], {
      ...draft,
      message: `${sentence(event.label)} was corrected${event.unaccepted ? ' and is no longer the solution' : ''}`,
    });
    const relied = {
      ...draft,
      message: `An answer you relied on in “${thread.title}” was corrected`,
    };
    const skipped = new Set([event.authorId, event.moderatorId]);
    const others = (ids: string[]): string[] => ids.filter((id) => !skipped.has(id));
    if (event.acceptedById) await this.notifier.notify(others([event.acceptedById]), relied);
    for await (const batch of this.subscriptions.subscriberIds(post.threadId)) {
      await this.notifier.notify(others(batch), relied);
    }
    for await (const batch of this.kudos.giverIds(event.postId)) {
      await this.notifier.notify(others(batch), relied);
    }
  }

  private async contentModerated(eventId: string, event: ContentModeratedEvent): Promise<void> {
    const done = event.action === 'DELETE' ? 'removed' : 'hid';
    await this.notifier.notify([event.authorId], {
      kind: NotificationKind.CONTENT_MODERATED,
      message: `A moderator ${done} ${event.label}${event.reason ? `: ${event.reason}` : ''}`,
      subjectType: event.targetType,
      subjectId: event.targetId,
      actorId: event.moderatorId,
      eventId,
    });
  }
}

/** "your answer to …" as the start of a sentence. */
function sentence(label: string): string {
  return label.charAt(0).toUpperCase() + label.slice(1);
}
