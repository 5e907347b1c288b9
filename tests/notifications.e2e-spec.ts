import { ok } from './support/graphql-client';
import { eventually, Member, TestApp } from './support/test-app';

const INBOX = `query { notifications(first: 50) { edges { node { kind message actor { handle } subject { __typename } } } } }`;

interface InboxEntry {
  kind: string;
  message: string;
  actor: { handle: string } | null;
  subject: { __typename: string } | null;
}
interface Inbox {
  notifications: { edges: Array<{ node: InboxEntry }> };
}

describe('forum notifications: mentions and kudos', () => {
  const app = new TestApp();
  let boardId: string;

  const inbox = async (member: Member): Promise<InboxEntry[]> =>
    ok(await app.gql<Inbox>(INBOX, {}, member.token)).notifications.edges.map((edge) => edge.node);
  /** Waits for `count` notifications and for every event to be relayed, then a moment more for strays. */
  const settledInbox = async (member: Member, count: number): Promise<InboxEntry[]> => {
    await eventually(
      () => inbox(member),
      (entries) => entries.length >= count,
    );
    await eventually(
      () =>
        app.sql<{ pending: number }>(
          `SELECT count(*)::int AS pending FROM outbox WHERE dispatched_at IS NULL`,
        ),
      ([row]) => row.pending === 0,
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    return inbox(member);
  };

  beforeAll(async () => {
    await app.start({ worker: true });
    boardId = await app.board(await app.member('ADMIN'));
  });
  afterAll(() => app.stop());

  it('tells each member mentioned in a question, whatever the case of the handle, but not the author', async () => {
    const asker = await app.member();
    const expert = await app.member();
    const threadId = await app.gql<{ askQuestion: { id: string } }>(
      `mutation($input: AskQuestionInput!) { askQuestion(input: $input) { id } }`,
      {
        input: {
          boardId,
          title: 'Who knows about eSIM transfers?',
          body: `@${expert.handle.toUpperCase()} and @${asker.handle} and @nobody_here, any idea?`,
        },
      },
      asker.token,
    );
    ok(threadId);

    const received = await settledInbox(expert, 1);
    expect(received).toEqual([
      {
        kind: 'MENTION',
        message: `@${asker.handle} mentioned you in “Who knows about eSIM transfers?”`,
        actor: { handle: asker.handle },
        subject: { __typename: 'Thread' },
      },
    ]);
    expect(await inbox(asker)).toEqual([]);
  });

  it('gives a mentioned subscriber the MENTION instead of the NEW_ANSWER, other subscribers the NEW_ANSWER', async () => {
    const asker = await app.member();
    const follower = await app.member();
    const answerer = await app.member();
    const threadId = await app.ask(asker, boardId, 'Can I keep my number when I move?');
    ok(
      await app.gql(
        `mutation($id: ID!) { subscribe(targetId: $id) }`,
        { id: threadId },
        follower.token,
      ),
    );
    await app.answer(answerer, threadId, `Yes @${asker.handle}, ask for a PAC code.`);

    expect((await settledInbox(asker, 1)).map((entry) => entry.kind)).toEqual(['MENTION']);
    expect(await settledInbox(follower, 1)).toEqual([
      expect.objectContaining({ kind: 'NEW_ANSWER', subject: { __typename: 'Post' } }),
    ]);
    expect(await inbox(answerer)).toEqual([]);
  });

  it('tells the author of an answer about each kudo it receives', async () => {
    const asker = await app.member();
    const answerer = await app.member();
    const fan = await app.member();
    const threadId = await app.ask(asker, boardId, 'How do I stop premium texts?');
    const postId = await app.answer(answerer, threadId, 'Text STOP to the short code.');
    ok(
      await app.gql(
        `mutation($id: ID!) { giveKudo(postId: $id) { id } }`,
        { id: postId },
        fan.token,
      ),
    );
    // Giving it again changes nothing, so it tells nobody again.
    ok(
      await app.gql(
        `mutation($id: ID!) { giveKudo(postId: $id) { id } }`,
        { id: postId },
        fan.token,
      ),
    );

    expect(await settledInbox(answerer, 1)).toEqual([
      {
        kind: 'KUDO_RECEIVED',
        message: `@${fan.handle} gave your answer to “How do I stop premium texts?” a kudo`,
        actor: { handle: fan.handle },
        subject: { __typename: 'Post' },
      },
    ]);
  });

  it('tells the author of a kudo once per giver and post, however often it is taken back and given again', async () => {
    const asker = await app.member();
    const answerer = await app.member();
    const fan = await app.member();
    const other = await app.member();
    const threadId = await app.ask(asker, boardId, 'Why does my phone restart at night?');
    const postId = await app.answer(answerer, threadId, 'Automatic updates install at 3am.');
    const kudo = (mutation: 'giveKudo' | 'removeKudo', by: Member) =>
      app.gql(`mutation($id: ID!) { ${mutation}(postId: $id) { id } }`, { id: postId }, by.token);
    for (const mutation of [
      'giveKudo',
      'removeKudo',
      'giveKudo',
      'removeKudo',
      'giveKudo',
    ] as const) {
      ok(await kudo(mutation, fan));
      // Each kudo is relayed before the next, so no repeat can hide behind a slow worker.
      await eventually(
        () =>
          app.sql<{ pending: number }>(
            `SELECT count(*)::int AS pending FROM outbox WHERE dispatched_at IS NULL`,
          ),
        ([row]) => row.pending === 0,
      );
    }
    ok(await kudo('giveKudo', other));

    const received = await settledInbox(answerer, 2);
    expect(received.map((entry) => [entry.kind, entry.actor?.handle]).sort()).toEqual(
      [
        ['KUDO_RECEIVED', fan.handle],
        ['KUDO_RECEIVED', other.handle],
      ].sort(),
    );
    const [{ kudos }] = await app.sql<{ kudos: number }>(
      `SELECT kudos_count AS kudos FROM posts WHERE id = $1`,
      [Buffer.from(postId, 'base64url').toString().split(':')[1]],
    );
    expect(kudos).toBe(2);
  });
});
