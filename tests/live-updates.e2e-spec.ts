import { Client } from 'graphql-ws';
import { fromGlobalId, toGlobalId } from '@app/core';
import { ok } from './support/graphql-client';
import { channelHasListener, liveClient, LiveSubscription } from './support/live-client';
import { Member, TestApp } from './support/test-app';

const THREAD_ACTIVITY = `subscription($threadId: ID!) {
  threadActivity(threadId: $threadId) { id body author { handle } editedAt }
}`;
const NOTIFICATION_ADDED = `subscription { notificationAdded { kind message actor { handle } } }`;

interface ThreadActivity {
  threadActivity: { id: string; body: string; author: { handle: string }; editedAt: string | null };
}
interface NotificationAdded {
  notificationAdded: { kind: string; message: string; actor: { handle: string } };
}

/**
 * Live updates cross API instances: the answer is posted through one instance and the
 * subscriber is connected to another, so it can only arrive through Redis.
 */
describe('live updates over graphql-ws', () => {
  const app = new TestApp();
  let secondApiUrl: string;
  let admin: Member;
  let boardId: string;
  const clients: Client[] = [];

  const connect = (url: string, token?: string): Client => {
    const client = liveClient(url, token);
    clients.push(client);
    return client;
  };
  const threadChannel = (threadId: string): string =>
    `${app.name}:thread-activity:${fromGlobalId(threadId, 'Thread', 'threadId')}`;
  const memberChannel = (member: Member): string =>
    `${app.name}:notification-added:${fromGlobalId(member.id, 'User', 'id')}`;

  beforeAll(async () => {
    await app.start({ worker: true });
    secondApiUrl = await app.anotherApi();
    admin = await app.member('ADMIN');
    boardId = await app.board(admin);
  });
  afterAll(async () => {
    await Promise.all(clients.map((client) => client.dispose()));
    await app.stop();
  });

  it('delivers a new answer and its edit to a subscriber of another instance', async () => {
    const asker = await app.member();
    const answerer = await app.member();
    const threadId = await app.ask(asker, boardId, 'Is there 5G coverage on the coast?');

    const live = new LiveSubscription<ThreadActivity>(connect(secondApiUrl), THREAD_ACTIVITY, {
      threadId,
    });
    await channelHasListener(threadChannel(threadId));

    const postId = await app.answer(answerer, threadId, 'Yes, since **March**.');
    const [created] = await live.received(1);
    expect(created.data?.threadActivity).toEqual({
      id: postId,
      body: 'Yes, since **March**.',
      author: { handle: answerer.handle },
      editedAt: null,
    });

    ok(
      await app.gql(
        `mutation($input: EditPostInput!) { editPost(input: $input) { id } }`,
        { input: { postId, body: 'Yes, since **April**.' } },
        answerer.token,
      ),
    );
    const [, edited] = await live.received(2);
    expect(edited.data?.threadActivity).toMatchObject({
      id: postId,
      body: 'Yes, since **April**.',
    });
    expect(edited.data?.threadActivity.editedAt).not.toBeNull();
    live.close();
  });

  it("delivers a member's own notifications only to that member, signed in by connection params", async () => {
    const asker = await app.member();
    const bystander = await app.member();
    const answerer = await app.member();
    const threadId = await app.ask(asker, boardId, 'Which plan includes roaming in Canada?');

    const mine = new LiveSubscription<NotificationAdded>(
      connect(secondApiUrl, asker.token),
      NOTIFICATION_ADDED,
      {},
    );
    const theirs = new LiveSubscription<NotificationAdded>(
      connect(secondApiUrl, bystander.token),
      NOTIFICATION_ADDED,
      {},
    );
    await channelHasListener(memberChannel(asker));
    await channelHasListener(memberChannel(bystander));

    await app.answer(answerer, threadId, 'The Travel plan does.');
    const [added] = await mine.received(1);
    expect(added.data?.notificationAdded).toEqual({
      kind: 'NEW_ANSWER',
      message: `@${answerer.handle} answered “Which plan includes roaming in Canada?”`,
      actor: { handle: answerer.handle },
    });
    // The bystander's channel carries nothing of the asker's: give a stray message time to come.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(theirs.results).toEqual([]);
    mine.close();
    theirs.close();
  });

  it('refuses notificationAdded without a valid token', async () => {
    for (const token of [undefined, 'not-a-token']) {
      const live = new LiveSubscription<NotificationAdded>(
        connect(app.url, token),
        NOTIFICATION_ADDED,
        {},
      );
      const [result] = await live.received(1);
      expect(result.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    }
  });

  it('refuses threadActivity on a malformed or unknown thread', async () => {
    const malformed = new LiveSubscription<ThreadActivity>(connect(app.url), THREAD_ACTIVITY, {
      threadId: 'nonsense',
    });
    const [bad] = await malformed.received(1);
    expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');

    const unknownId = toGlobalId('Thread', '00000000-0000-4000-8000-000000000000');
    const unknown = new LiveSubscription<ThreadActivity>(connect(app.url), THREAD_ACTIVITY, {
      threadId: unknownId,
    });
    const [missing] = await unknown.received(1);
    expect(missing.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });
});
