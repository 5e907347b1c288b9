import { ok } from './support/graphql-client';
import { eventually, Member, TestApp } from './support/test-app';

const NOTIFICATIONS = `query { notifications { totalCount edges { node { kind message actor { handle } subject { ... on Post { id } } } } } unreadNotificationCount }`;

interface NotificationsData {
  notifications: {
    totalCount: number;
    edges: Array<{
      node: { kind: string; message: string; actor: { handle: string }; subject: { id: string } };
    }>;
  };
  unreadNotificationCount: number;
}

describe('a question answered end to end', () => {
  const app = new TestApp();
  let admin: Member;

  beforeAll(async () => {
    await app.start({ worker: true });
    admin = await app.member('ADMIN');
  });
  afterAll(() => app.stop());

  it('notifies the asker of the answer, and the answerer of the accepted solution with +15 reputation', async () => {
    const boardId = await app.board(admin);
    const asker = await app.member();
    const answerer = await app.member();

    const threadId = await app.ask(asker, boardId, 'Why does my phone say No Service abroad?');
    const postId = await app.answer(answerer, threadId, 'Turn on **data roaming** in settings.');

    const askerInbox = await eventually(
      async () => ok(await app.gql<NotificationsData>(NOTIFICATIONS, {}, asker.token)),
      // The list and the unread count are two statements of one request: the notification can
      // commit between them, so wait until both have seen it.
      (data) => data.notifications.edges.length === 1 && data.unreadNotificationCount === 1,
    );
    expect(askerInbox.notifications.edges[0].node).toMatchObject({
      kind: 'NEW_ANSWER',
      actor: { handle: answerer.handle },
      subject: { id: postId },
    });
    expect(askerInbox.unreadNotificationCount).toBe(1);

    const accepted = ok(
      await app.gql<{
        acceptSolution: {
          status: string;
          acceptedSolution: { id: string; isAcceptedSolution: boolean };
        };
      }>(
        `mutation($id: ID!) { acceptSolution(postId: $id) { status acceptedSolution { id isAcceptedSolution } } }`,
        { id: postId },
        asker.token,
      ),
    );
    expect(accepted.acceptSolution).toEqual({
      status: 'SOLVED',
      acceptedSolution: { id: postId, isAcceptedSolution: true },
    });

    const answererView = await eventually(
      async () =>
        ok(
          await app.gql<
            NotificationsData & { viewer: { reputation: number; acceptedSolutionCount: number } }
          >(
            `query { viewer { reputation acceptedSolutionCount } ${NOTIFICATIONS.slice('query {'.length, -1)} }`,
            {},
            answerer.token,
          ),
        ),
      (data) => data.notifications.edges.length === 1,
    );
    expect(answererView.viewer).toEqual({ reputation: 15, acceptedSolutionCount: 1 });
    expect(answererView.notifications.edges[0].node).toMatchObject({
      kind: 'SOLUTION_ACCEPTED',
      actor: { handle: asker.handle },
    });

    const thread = ok(
      await app.gql<{
        thread: { status: string; answerCount: number; viewerIsSubscribed: boolean };
      }>(
        `query($id: ID!) { thread(id: $id) { status answerCount viewerIsSubscribed } }`,
        { id: threadId },
        asker.token,
      ),
    );
    expect(thread.thread).toEqual({ status: 'SOLVED', answerCount: 1, viewerIsSubscribed: true });

    // The answerer, not subscribed, got no NEW_ANSWER for their own post; the asker got exactly one.
    const kinds = await app.sql<{ kind: string; handle: string }>(
      `SELECT n.kind, u.handle FROM notifications n JOIN users u ON u.id = n.recipient_id ORDER BY n.created_at`,
    );
    expect(kinds).toEqual([
      { kind: 'NEW_ANSWER', handle: asker.handle },
      { kind: 'SOLUTION_ACCEPTED', handle: answerer.handle },
    ]);
  });
});
