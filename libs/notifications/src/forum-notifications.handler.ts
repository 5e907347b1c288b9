import { DomainEventHandlers, notFound } from '@app/core';
import {
  FORUM_EVENTS,
  KudoGivenEvent,
  PostCreatedEvent,
  SolutionAcceptedEvent,
  ThreadCreatedEvent,
  ThreadSubscriptionsService,
} from '@app/forum';
import { UserEntity, UsersService } from '@app/identity';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { NotificationKind } from './notification-kind';
import { Notifier } from './notifier';

/**
 * Turns forum events into notifications: NEW_ANSWER for a thread's subscribers, MENTION for each
 * @handle in a question or answer, SOLUTION_ACCEPTED and KUDO_RECEIVED for the answer's author.
 * Nobody is notified of their own doing, and a member mentioned in an answer gets the MENTION
 * instead of the NEW_ANSWER.
 */
@Injectable()
export class ForumNotificationsHandler implements OnModuleInit {
  constructor(
    private readonly handlers: DomainEventHandlers,
    private readonly notifier: Notifier,
    private readonly subscriptions: ThreadSubscriptionsService,
    private readonly users: UsersService,
  ) {}

  /** One handler per event, each typed by the event map. */
  onModuleInit(): void {
    this.handlers.register({
      handles: FORUM_EVENTS.threadCreated,
      handle: (event) => this.threadCreated(event.id, event.payload),
    });
    this.handlers.register({
      handles: FORUM_EVENTS.postCreated,
      handle: (event) => this.postCreated(event.id, event.payload),
    });
    this.handlers.register({
      handles: FORUM_EVENTS.solutionAccepted,
      handle: (event) => this.solutionAccepted(event.id, event.payload),
    });
    this.handlers.register({
      handles: FORUM_EVENTS.kudoGiven,
      handle: (event) => this.kudoGiven(event.id, event.payload),
    });
  }

  private async threadCreated(eventId: string, event: ThreadCreatedEvent): Promise<void> {
    const author = await this.member(event.authorId);
    const mentioned = await this.mentionedIds(event.mentionedHandles, event.authorId);
    await this.notifier.notify(mentioned, {
      kind: NotificationKind.MENTION,
      message: `@${author.handle} mentioned you in “${event.threadTitle}”`,
      subjectType: 'Thread',
      subjectId: event.threadId,
      actorId: author.id,
      eventId,
    });
  }

  private async postCreated(eventId: string, event: PostCreatedEvent): Promise<void> {
    const author = await this.member(event.authorId);
    const mentioned = await this.mentionedIds(event.mentionedHandles, event.authorId);
    const draft = { subjectType: 'Post', subjectId: event.postId, actorId: author.id, eventId };
    await this.notifier.notify(mentioned, {
      ...draft,
      kind: NotificationKind.MENTION,
      message: `@${author.handle} mentioned you in an answer to “${event.threadTitle}”`,
    });
    const skipped = new Set([event.authorId, ...mentioned]);
    for await (const batch of this.subscriptions.subscriberIds(event.threadId)) {
      await this.notifier.notify(
        batch.filter((id) => !skipped.has(id)),
        {
          ...draft,
          kind: NotificationKind.NEW_ANSWER,
          message: `@${author.handle} answered “${event.threadTitle}”`,
        },
      );
    }
  }

  /** The answerer hears that their answer was accepted (unless they accepted it themselves). */
  private async solutionAccepted(eventId: string, event: SolutionAcceptedEvent): Promise<void> {
    if (event.answererId === event.acceptedById) return;
    await this.notifier.notify([event.answererId], {
      kind: NotificationKind.SOLUTION_ACCEPTED,
      message: `Your answer was accepted as the solution to “${event.threadTitle}”`,
      subjectType: 'Post',
      subjectId: event.postId,
      actorId: event.acceptedById,
      eventId,
    });
  }

  private async kudoGiven(eventId: string, event: KudoGivenEvent): Promise<void> {
    const giver = await this.member(event.giverId);
    await this.notifier.notify([event.authorId], {
      kind: NotificationKind.KUDO_RECEIVED,
      message: `@${giver.handle} gave your answer to “${event.threadTitle}” a kudo`,
      subjectType: 'Post',
      subjectId: event.postId,
      actorId: giver.id,
      eventId,
    });
  }

  /** The member behind an event; one gone since fails the job like any other failure. */
  private async member(id: string): Promise<UserEntity> {
    const member = await this.users.findById(id);
    if (!member) throw notFound('User');
    return member;
  }

  private async mentionedIds(handles: readonly string[], authorId: string): Promise<string[]> {
    const ids = await this.users.idsByHandles(handles);
    return ids.filter((id) => id !== authorId);
  }
}
