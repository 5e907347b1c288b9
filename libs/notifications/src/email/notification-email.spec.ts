import { NotificationKind } from '../notification-kind';
import { notificationEmail, pageLink } from './notification-email';

describe('notificationEmail', () => {
  const base = { recipientHandle: 'ada', communityUrl: 'https://community.example' };

  it('names the kind in the subject and greets the member with the message and a link', () => {
    const email = notificationEmail({
      ...base,
      kind: NotificationKind.MENTION,
      message: '@bob mentioned you in “Roaming in France”',
    });
    expect(email.subject).toBe('You were mentioned');
    expect(email.text).toBe(
      'Hello @ada,\n\n@bob mentioned you in “Roaming in France”\n\nRead it in the community: https://community.example',
    );
  });

  it('has its own subject for each emailed kind', () => {
    const subjects = [
      NotificationKind.NEW_ANSWER,
      NotificationKind.MENTION,
      NotificationKind.SOLUTION_ACCEPTED,
    ].map((kind) => notificationEmail({ ...base, kind, message: 'm' }).subject);
    expect(new Set(subjects).size).toBe(3);
  });

  it("links to the page of what it is about, such as a case's", () => {
    const email = notificationEmail({
      ...base,
      communityUrl: 'https://community.example/',
      kind: NotificationKind.CASE_REPLY,
      message: '@agent replied to your case #12',
      path: '/cases/12',
    });
    expect(email.subject).toBe('New reply on a care case');
    expect(email.text).toContain('Read it in the community: https://community.example/cases/12');
    expect(pageLink('https://example.com/community', 'cases/3')).toBe(
      'https://example.com/community/cases/3',
    );
  });
});
