import { NotificationKind } from '../notification-kind';

/** The worker's queue of emails to send, one job per notification. */
export const EMAILS_QUEUE = 'emails';

export interface EmailJob {
  notificationId: string;
}

/** The notifications that also go out by email. */
export const EMAILED_KINDS: ReadonlySet<NotificationKind> = new Set([
  NotificationKind.NEW_ANSWER,
  NotificationKind.MENTION,
  NotificationKind.SOLUTION_ACCEPTED,
]);
