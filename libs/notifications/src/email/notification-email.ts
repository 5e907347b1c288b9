import { NotificationKind } from '../notification-kind';

export interface NotificationEmailInput {
  kind: NotificationKind;
  message: string;
  recipientHandle: string;
  communityUrl: string;
  /** The page of the site the notification is about (e.g. `/cases/12`); the home without it. */
  path?: string;
}

export interface NotificationEmail {
  subject: string;
  text: string;
}

const SUBJECTS: Partial<Record<NotificationKind, string>> = {
  [NotificationKind.NEW_ANSWER]: 'New answer in a thread you follow',
  [NotificationKind.MENTION]: 'You were mentioned',
  [NotificationKind.SOLUTION_ACCEPTED]: 'Your answer was accepted as the solution',
  [NotificationKind.CASE_REPLY]: 'New reply on a care case',
  [NotificationKind.CASE_RESOLVED]: 'Your care case was resolved',
  [NotificationKind.CASE_ASSIGNED]: 'A care case was assigned to you',
  [NotificationKind.THREAD_ESCALATED]: 'Your question went to our care team',
};

/** A page of the site (same origin as PUBLIC_URL), joined with one slash. */
export function pageLink(publicUrl: string, path: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}

/** The plain-text email for a notification (plain text: nothing in it can run as HTML). */
export function notificationEmail(input: NotificationEmailInput): NotificationEmail {
  const subject = SUBJECTS[input.kind] ?? 'New activity in the community';
  const text = [
    `Hello @${input.recipientHandle},`,
    '',
    input.message,
    '',
    `Read it in the community: ${input.path ? pageLink(input.communityUrl, input.path) : input.communityUrl}`,
  ].join('\n');
  return { subject, text };
}
