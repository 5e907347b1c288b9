import { NotificationKind } from '../notification-kind';

export interface NotificationEmailInput {
  kind: NotificationKind;
  message: string;
  recipientHandle: string;
  communityUrl: string;
}

export interface NotificationEmail {
  subject: string;
  text: string;
}

const SUBJECTS: Partial<Record<NotificationKind, string>> = {
  [NotificationKind.NEW_ANSWER]: 'New answer in a thread you follow',
  [NotificationKind.MENTION]: 'You were mentioned',
  [NotificationKind.SOLUTION_ACCEPTED]: 'Your answer was accepted as the solution',
};

/** The plain-text email for a notification (plain text: nothing in it can run as HTML). */
export function notificationEmail(input: NotificationEmailInput): NotificationEmail {
  const subject = SUBJECTS[input.kind] ?? 'New activity in the community';
  const text = [
    `Hello @${input.recipientHandle},`,
    '',
    input.message,
    '',
    `Read it in the community: ${input.communityUrl}`,
  ].join('\n');
  return { subject, text };
}
