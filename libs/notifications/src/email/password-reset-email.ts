import { NotificationEmail } from './notification-email';

export interface PasswordResetEmailInput {
  recipientHandle: string;
  /** The site's address (PUBLIC_URL), which serves the page that takes the token. */
  publicUrl: string;
  token: string;
}

export const PASSWORD_RESET_SUBJECT = 'Reset your community password';

/** The page of the web site that takes a reset token (same origin as the API's PUBLIC_URL). */
export function passwordResetLink(publicUrl: string, token: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/reset-password?token=${encodeURIComponent(token)}`;
}

/** The plain-text email with a member's reset link (plain text: nothing in it can run as HTML). */
export function passwordResetEmail(input: PasswordResetEmailInput): NotificationEmail {
  const text = [
    `Hello @${input.recipientHandle},`,
    '',
    'Someone asked to reset the password of your community account. To choose a new one, open',
    'this link within an hour. It works once:',
    '',
    passwordResetLink(input.publicUrl, input.token),
    '',
    'If it was not you, ignore this email: your password stays as it is.',
  ].join('\n');
  return { subject: PASSWORD_RESET_SUBJECT, text };
}
