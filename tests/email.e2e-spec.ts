import { ok } from './support/graphql-client';
import { Mailbox } from './support/mailbox';
import { eventually, Member, TestApp } from './support/test-app';

describe('notification emails through SMTP', () => {
  const mailbox = new Mailbox();
  const app = new TestApp();
  let boardId: string;

  /** Waits until every relayed event has been handled and every queued email sent or dropped. */
  const settle = async (): Promise<void> => {
    await eventually(
      () =>
        app.sql<{ pending: number }>(
          `SELECT count(*)::int AS pending FROM outbox WHERE dispatched_at IS NULL`,
        ),
      ([row]) => row.pending === 0,
    );
    await new Promise((resolve) => setTimeout(resolve, 500));
  };

  beforeAll(async () => {
    const smtpUrl = await mailbox.start();
    await app.start({
      worker: true,
      env: { SMTP_URL: smtpUrl, MAIL_FROM: 'Community <community@example.com>' },
    });
    boardId = await app.board(await app.member('ADMIN'));
  });
  afterAll(async () => {
    await app.stop();
    await mailbox.stop();
  });

  it('emails NEW_ANSWER, MENTION and SOLUTION_ACCEPTED, and nothing for a kudo', async () => {
    const asker = await app.member();
    const answerer = await app.member();
    const expert: Member = await app.member();
    const threadId = await app.ask(asker, boardId, 'Why is my bill higher this month?');
    const postId = await app.answer(
      answerer,
      threadId,
      `Roaming charges, probably. @${expert.handle} knows the tariffs.`,
    );

    const [newAnswer] = await eventually(
      async () => mailbox.to(asker.email),
      (mails) => mails.length === 1,
    );
    expect(newAnswer.subject).toBe('New answer in a thread you follow');
    expect(newAnswer.raw).toContain(`Hello @${asker.handle},`);
    expect(newAnswer.raw).toMatch(/^From: Community <community@example\.com>$/m);

    const [mention] = await eventually(
      async () => mailbox.to(expert.email),
      (mails) => mails.length === 1,
    );
    expect(mention.subject).toBe('You were mentioned');

    ok(
      await app.gql(
        `mutation($id: ID!) { acceptSolution(postId: $id) { id } }`,
        { id: postId },
        asker.token,
      ),
    );
    ok(
      await app.gql(
        `mutation($id: ID!) { giveKudo(postId: $id) { id } }`,
        { id: postId },
        asker.token,
      ),
    );
    const [accepted] = await eventually(
      async () => mailbox.to(answerer.email),
      (mails) => mails.length >= 1,
    );
    expect(accepted.subject).toBe('Your answer was accepted as the solution');

    await settle();
    expect(mailbox.to(answerer.email)).toHaveLength(1);
    expect(mailbox.to(asker.email)).toHaveLength(1);
    expect(mailbox.to(expert.email)).toHaveLength(1);
  });

  it('retries an email the SMTP server refused, and delivers it once', async () => {
    const asker = await app.member();
    const answerer = await app.member();
    const threadId = await app.ask(asker, boardId, 'Can I pause my contract while abroad?');
    mailbox.refuse(1);
    const refusalsBefore = mailbox.refusals;

    await app.answer(answerer, threadId, 'Yes, for up to three months.');

    await eventually(
      async () => mailbox.to(asker.email),
      (mails) => mails.length === 1,
      20000,
    );
    expect(mailbox.refusals).toBe(refusalsBefore + 1);
    await settle();
    expect(mailbox.to(asker.email)).toHaveLength(1);
    const [{ emailed }] = await app.sql<{ emailed: number }>(
      `SELECT count(*)::int AS emailed FROM notifications n JOIN users u ON u.id = n.recipient_id
        WHERE u.email = $1 AND n.emailed_at IS NOT NULL`,
      [asker.email],
    );
    expect(emailed).toBe(1);
  });
});
