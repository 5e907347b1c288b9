import {
  CARE_EVENTS,
  CaseAssignedEvent,
  CaseMessagePostedEvent,
  CaseOpenedEvent,
  CaseOrigin,
  CaseResolvedEvent,
} from '@app/care';
import { DomainEventHandlers, notFound } from '@app/core';
import { ThreadsService } from '@app/forum';
import { UserEntity, UsersService } from '@app/identity';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { NotificationKind } from './notification-kind';
import { Notifier } from './notifier';

/** The site's page of a case: what every care email links to. */
export function casePath(caseNumber: number): string {
  return `/cases/${caseNumber}`;
}

/**
 * Turns care events into notifications, each about the case (its subject node) and linking to
 * its page: CASE_REPLY for the member when staff answer and for the assignee when the member
 * does, CASE_RESOLVED for the member, CASE_ASSIGNED for the new assignee (routing to a
 * dedicated rep included), THREAD_ESCALATED for the author of a thread that staff or the
 * platform escalated. An internal note notifies nobody, and no message's text is ever copied
 * into a notification: what is written in-app, pushed live and emailed names the case only.
 * Nobody is told of their own doing.
 */
@Injectable()
export class CareNotificationsHandler implements OnModuleInit {
  constructor(
    private readonly handlers: DomainEventHandlers,
    private readonly notifier: Notifier,
    private readonly users: UsersService,
    private readonly threads: ThreadsService,
  ) {}

  /** One handler per event, each typed by the event map. */
  onModuleInit(): void {
    this.handlers.register({
      handles: CARE_EVENTS.caseOpened,
      handle: (event) => this.caseOpened(event.id, event.payload),
    });
    this.handlers.register({
      handles: CARE_EVENTS.caseMessagePosted,
      handle: (event) => this.messagePosted(event.id, event.payload),
    });
    this.handlers.register({
      handles: CARE_EVENTS.caseAssigned,
      handle: (event) => this.caseAssigned(event.id, event.payload),
    });
    this.handlers.register({
      handles: CARE_EVENTS.caseResolved,
      handle: (event) => this.caseResolved(event.id, event.payload),
    });
  }

  /** Routing to the dedicated rep tells the rep; an escalation by others tells the thread's author. */
  private async caseOpened(eventId: string, event: CaseOpenedEvent): Promise<void> {
    if (event.assigneeId) {
      await this.assigned(eventId, event.caseId, event.caseNumber, event.assigneeId, null);
    }
    const byOthers =
      event.origin === CaseOrigin.AUTO_ESCALATED ||
      (event.origin === CaseOrigin.ESCALATED &&
        event.escalatedById !== null &&
        event.escalatedById !== event.memberId);
    if (!byOthers || !event.threadId) return;
    const thread = await this.threads.getById(event.threadId);
    await this.notifier.notify(
      [event.memberId],
      {
        kind: NotificationKind.THREAD_ESCALATED,
        message: `Your question “${thread.title}” went to our care team as case #${event.caseNumber}`,
        subjectType: 'CareCase',
        subjectId: event.caseId,
        actorId: event.escalatedById,
        eventId,
      },
      casePath(event.caseNumber),
    );
  }

  /** Staff's reply tells the member, the member's tells the assignee; internal notes tell nobody. */
  private async messagePosted(eventId: string, event: CaseMessagePostedEvent): Promise<void> {
    if (event.internal) return;
    const recipientId = event.byStaff ? event.memberId : event.assigneeId;
    if (!recipientId || recipientId === event.authorId) return;
    const author = await this.member(event.authorId);
    await this.notifier.notify(
      [recipientId],
      {
        kind: NotificationKind.CASE_REPLY,
        message: event.byStaff
          ? `@${author.handle} replied to your case #${event.caseNumber}`
          : `@${author.handle} replied on case #${event.caseNumber}`,
        subjectType: 'CareCase',
        subjectId: event.caseId,
        actorId: author.id,
        eventId,
      },
      casePath(event.caseNumber),
    );
  }

  private async caseAssigned(eventId: string, event: CaseAssignedEvent): Promise<void> {
    // Back to the shared inbox tells nobody: the inbox itself shows it (careInboxChanged).
    if (!event.assigneeId) return;
    await this.assigned(eventId, event.caseId, event.caseNumber, event.assigneeId, event.byId);
  }

  private async caseResolved(eventId: string, event: CaseResolvedEvent): Promise<void> {
    if (event.resolvedById === event.memberId) return;
    await this.notifier.notify(
      [event.memberId],
      {
        kind: NotificationKind.CASE_RESOLVED,
        message: `Your case #${event.caseNumber} was resolved`,
        subjectType: 'CareCase',
        subjectId: event.caseId,
        actorId: event.resolvedById,
        eventId,
      },
      casePath(event.caseNumber),
    );
  }

  /** The new assignee hears of it, unless they took the case themselves. */
  private async assigned(
    eventId: string,
    caseId: string,
    caseNumber: number,
    assigneeId: string,
    byId: string | null,
  ): Promise<void> {
    if (byId === assigneeId) return;
    const by = byId ? await this.member(byId) : null;
    await this.notifier.notify(
      [assigneeId],
      {
        kind: NotificationKind.CASE_ASSIGNED,
        message: by
          ? `@${by.handle} assigned case #${caseNumber} to you`
          : `Case #${caseNumber} was assigned to you`,
        subjectType: 'CareCase',
        subjectId: caseId,
        actorId: byId,
        eventId,
      },
      casePath(caseNumber),
    );
  }

  /** The member behind an event; one gone since fails the job like any other failure. */
  private async member(id: string): Promise<UserEntity> {
    const member = await this.users.findById(id);
    if (!member) throw notFound('User');
    return member;
  }
}
