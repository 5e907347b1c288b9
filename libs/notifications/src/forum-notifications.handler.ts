import { DomainEvent, DomainEventHandler, DomainEventHandlers } from '@app/core';
import {
  FORUM_EVENTS,
  PostCreatedEvent,
  SolutionAcceptedEvent,
  ThreadSubscriptionsService,
} from '@app/forum';
import { UsersService } from '@app/identity';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { NotificationKind } from './notification-kind';
import { NotificationWriter } from './notification-writer';

/** Turns forum events into in-app notifications: NEW_ANSWER and SOLUTION_ACCEPTED. */
@Injectable()
export class ForumNotificationsHandler implements DomainEventHandler, OnModuleInit {
  readonly handles = [FORUM_EVENTS.postCreated, FORUM_EVENTS.solutionAccepted];

  constructor(
    private readonly handlers: DomainEventHandlers,
    private readonly writer: NotificationWriter,
    private readonly subscriptions: ThreadSubscriptionsService,
    private readonly users: UsersService,
  ) {}

  onModuleInit(): void {
    this.handlers.register(this);
  }

  async handle(event: DomainEvent): Promise<void> {
    if (event.type === FORUM_EVENTS.postCreated) {
      await this.newAnswer(event.id, event.payload as PostCreatedEvent);
    } else if (event.type === FORUM_EVENTS.solutionAccepted) {
      await this.solutionAccepted(event.id, event.payload as SolutionAcceptedEvent);
    }
  }

  /** Every subscriber but the writer hears of a new answer. */
  private async newAnswer(eventId: string, event: PostCreatedEvent): Promise<void> {
    const author = await this.users.getById(event.authorId);
    for await (const batch of this.subscriptions.subscriberIds(event.threadId)) {
      await this.writer.notify(
        batch.filter((id) => id !== event.authorId),
        {
          kind: NotificationKind.NEW_ANSWER,
          message: `@${author.handle} answered “${event.threadTitle}”`,
          subjectType: 'Post',
          subjectId: event.postId,
          actorId: author.id,
          eventId,
        },
      );
    }
  }

  /** The answerer hears that their answer was accepted (unless they accepted it themselves). */
  private async solutionAccepted(eventId: string, event: SolutionAcceptedEvent): Promise<void> {
    if (event.answererId === event.acceptedById) return;
    await this.writer.notify([event.answererId], {
      kind: NotificationKind.SOLUTION_ACCEPTED,
      message: `Your answer was accepted as the solution to “${event.threadTitle}”`,
      subjectType: 'Post',
      subjectId: event.postId,
      actorId: event.acceptedById,
      eventId,
    });
  }
}
