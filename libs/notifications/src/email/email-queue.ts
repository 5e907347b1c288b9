import { NotificationKind } from '../notification-kind';

/** The worker's queue of emails to send, one job per notification. */
export const EMAILS_QUEUE = 'emails';

export interface EmailJob {
  notificationId: string;
  /** The site's page of what the notification is about (e.g. `/cases/12`), if it has one. */
  path?: string;
}

/** The notifications that also go out by email. */
export const EMAILED_KINDS: ReadonlySet<NotificationKind> = new Set([
  NotificationKind.NEW_ANSWER,
  NotificationKind.MENTION,
  NotificationKind.SOLUTION_ACCEPTED,
  // A member expects care's answer in their mailbox, and an agent the cases given to them.
  NotificationKind.CASE_REPLY,
  NotificationKind.CASE_RESOLVED,
  NotificationKind.CASE_ASSIGNED,
  NotificationKind.THREAD_ESCALATED,
]);
