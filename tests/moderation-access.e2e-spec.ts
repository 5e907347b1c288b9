import { toGlobalId } from '@app/core';
import { errorCode, GraphQLResponse, ok } from './support/graphql-client';
import { channelHasListener, liveClient, LiveSubscription } from './support/live-client';
import { CLAIM, CORRECT_POST, flag, itemOf, QUEUE, resolve } from './support/moderation';
import { Member, TestApp } from './support/test-app';

const LOG = `query { moderationLog(first: 20) { totalCount edges { node { action reason targetUser { handle } } } } }`;
const SANCTION = `mutation($input: SanctionInput!) { sanctionUser(input: $input) { status } }`;
const SET_ROLE = `mutation($userId: ID!, $role: Role!) { setUserRole(userId: $userId, role: $role) { role } }`;

/** What a refused call could have written. */
const SNAPSHOT = `SELECT
  (SELECT count(*) FROM flags)::int AS flags,
  (SELECT count(*) FROM corrections)::int AS corrections,
  (SELECT count(*) FROM moderation_actions)::int AS actions,
  (SELECT string_agg(concat_ws('/', id, status, claimed_by, resolution), ',' ORDER BY id) FROM review_items) AS items,
  (SELECT string_agg(concat_ws('/', id, status), ',' ORDER BY id) FROM posts) AS posts,
  (SELECT string_agg(concat_ws('/', id, status, accepted_post_id), ',' ORDER BY id) FROM threads) AS threads`;

describe('moderation: who may do what, bad input, the log', () => {
  const app = new TestApp();
  let admin: Member;
  let moderator: Member;
  const roles = {} as Record<'MEMBER' | 'AGENT' | 'PRODUCT_MANAGER', Member>;
  let boardId: string;
  let threadId: string;
  let postId: string;
  let itemId: string;

  /** Runs a call that must be refused with `code`, and checks that it wrote nothing. */
  const refused = async (
    call: () => Promise<GraphQLResponse<unknown>>,
    code: string,
  ): Promise<void> => {
    const [before] = await app.sql(SNAPSHOT);
    expect(errorCode(await call())).toBe(code);
    expect((await app.sql(SNAPSHOT))[0]).toEqual(before);
  };

  beforeAll(async () => {
    await app.start({ worker: true });
    admin = await app.member('ADMIN');
    moderator = await app.member('MODERATOR');
    for (const role of ['MEMBER', 'AGENT', 'PRODUCT_MANAGER'] as const) {
      roles[role] = await app.member(role);
    }
    boardId = await app.board(admin);
    const asker = await app.member();
    const author = await app.member();
    threadId = await app.ask(asker, boardId, 'Why does my battery drain on 5G?');
    postId = await app.answer(author, threadId, 'Turn 5G off and never use it again.');
    ok(await flag(app, roles.MEMBER, postId, 'INCORRECT_ADVICE'));
    itemId = (await itemOf(app, moderator, postId)).id;
  });
  afterAll(() => app.stop());

  describe.each([
    ['a member', 'MEMBER'],
    ['an agent', 'AGENT'],
    ['a product manager', 'PRODUCT_MANAGER'],
  ] as const)('as %s', (_story, role) => {
    it('refuses the queue, claiming, resolving and the log with FORBIDDEN', async () => {
      const token = roles[role].token;
      await refused(() => app.gql(QUEUE, {}, token), 'FORBIDDEN');
      await refused(() => app.gql(CLAIM, { id: itemId }, token), 'FORBIDDEN');
      await refused(() => resolve(app, roles[role], { id: itemId, action: 'HIDE' }), 'FORBIDDEN');
      await refused(() => app.gql(LOG, {}, token), 'FORBIDDEN');
    });
  });

  it.each([
    ['a member', 'MEMBER'],
    ['a product manager', 'PRODUCT_MANAGER'],
  ] as const)('refuses correctPost to %s', async (_story, role) => {
    await refused(
      () => app.gql(CORRECT_POST, { input: { postId, note: 'No.' } }, roles[role].token),
      'FORBIDDEN',
    );
  });

  it('refuses every moderation call to the anonymous with UNAUTHENTICATED', async () => {
    await refused(() => app.gql(QUEUE), 'UNAUTHENTICATED');
    await refused(() => app.gql(CLAIM, { id: itemId }), 'UNAUTHENTICATED');
    await refused(
      () =>
        app.gql(
          `mutation($input: ResolveReviewItemInput!) { resolveReviewItem(input: $input) { id } }`,
          { input: { id: itemId, action: 'HIDE' } },
        ),
      'UNAUTHENTICATED',
    );
    await refused(() => app.gql(LOG), 'UNAUTHENTICATED');
    await refused(
      () => app.gql(CORRECT_POST, { input: { postId, note: 'No.' } }),
      'UNAUTHENTICATED',
    );
    await refused(
      () =>
        app.gql(`mutation($input: FlagInput!) { flag(input: $input) { id } }`, {
          input: { targetId: postId, reason: 'SPAM' },
        }),
      'UNAUTHENTICATED',
    );
  });

  it('refuses a silenced member every write, flags included, and lets them read', async () => {
    const silenced = await app.member();
    ok(
      await app.gql(
        SANCTION,
        { input: { userId: silenced.id, status: 'SILENCED', reason: 'Cooling off' } },
        moderator.token,
      ),
    );
    await refused(() => flag(app, silenced, postId, 'SPAM'), 'FORBIDDEN');
    await refused(
      () =>
        app.gql(
          `mutation($input: PostAnswerInput!) { postAnswer(input: $input) { id } }`,
          { input: { threadId, body: 'Me too.' } },
          silenced.token,
        ),
      'FORBIDDEN',
    );
    await refused(
      () =>
        app.gql(
          `mutation($id: ID!) { giveKudo(postId: $id) { id } }`,
          { id: postId },
          silenced.token,
        ),
      'FORBIDDEN',
    );
    expect(
      ok(
        await app.gql<{ thread: { id: string } }>(
          `query($id: ID!) { thread(id: $id) { id } }`,
          { id: threadId },
          silenced.token,
        ),
      ).thread.id,
    ).toBe(threadId);
  });

  it('gives BAD_USER_INPUT for every invalid argument, and writes nothing', async () => {
    const cases: Array<[string, Record<string, unknown>]> = [
      ['CORRECT without a correction', { id: itemId, action: 'CORRECT' }],
      ['CORRECT with a blank correction', { id: itemId, action: 'CORRECT', correction: '   ' }],
      ['unaccept without CORRECT', { id: itemId, action: 'HIDE', unaccept: true }],
      ['a note over 1000 characters', { id: itemId, action: 'HIDE', note: 'x'.repeat(1001) }],
      ['a malformed id', { id: 'nope', action: 'HIDE' }],
      ['the id of another type', { id: postId, action: 'HIDE' }],
      ['an unknown action', { id: itemId, action: 'BAN' }],
    ];
    for (const [, input] of cases) {
      await refused(() => resolve(app, moderator, input), 'BAD_USER_INPUT');
    }
    await refused(() => app.gql(CLAIM, { id: 'nope' }, moderator.token), 'BAD_USER_INPUT');
    await refused(
      () =>
        app.gql(
          CLAIM,
          { id: toGlobalId('ReviewItem', '00000000-0000-4000-8000-000000000000') },
          moderator.token,
        ),
      'NOT_FOUND',
    );
    for (const input of [
      { postId, note: '' },
      { postId, note: 'x'.repeat(5001) },
      { postId: threadId, note: 'Threads are not corrected.' },
      { postId: 'nope', note: 'Bad id.' },
    ]) {
      await refused(() => app.gql(CORRECT_POST, { input }, moderator.token), 'BAD_USER_INPUT');
    }
    const reporter = await app.member();
    await refused(() => flag(app, reporter, postId, 'SPAM', 'x'.repeat(1001)), 'BAD_USER_INPUT');
    await refused(() => flag(app, reporter, postId, 'RUDE'), 'BAD_USER_INPUT');

    // A thread cannot be corrected, only hidden or deleted.
    ok(await flag(app, reporter, threadId, 'OFF_TOPIC'));
    const threadItem = await itemOf(app, moderator, threadId);
    await refused(
      () => resolve(app, moderator, { id: threadItem.id, action: 'CORRECT', correction: 'No.' }),
      'BAD_USER_INPUT',
    );
  });

  it('logs sanctions and role changes, and the database refuses to change the log', async () => {
    const member = await app.member();
    ok(
      await app.gql(
        SANCTION,
        { input: { userId: member.id, status: 'SUSPENDED', reason: 'Spam wave' } },
        moderator.token,
      ),
    );
    ok(await app.gql(SET_ROLE, { userId: member.id, role: 'AGENT' }, admin.token));
    const log = ok(
      await app.gql<{
        moderationLog: {
          edges: Array<{
            node: { action: string; reason: string; targetUser: { handle: string } };
          }>;
        };
      }>(LOG, {}, moderator.token),
    );
    const entries = log.moderationLog.edges.map((edge) => edge.node);
    expect(entries).toEqual(
      expect.arrayContaining([
        {
          action: 'SANCTION_SUSPENDED',
          reason: 'Spam wave',
          targetUser: { handle: member.handle },
        },
        { action: 'ROLE_AGENT', reason: 'was MEMBER', targetUser: { handle: member.handle } },
      ]),
    );
    await expect(app.sql(`UPDATE moderation_actions SET reason = 'rewritten'`)).rejects.toThrow(
      /append-only/,
    );
    await expect(app.sql(`DELETE FROM moderation_actions`)).rejects.toThrow(/append-only/);
  });

  it('streams queue changes to moderators over graphql-ws, and refuses members', async () => {
    const moderatorClient = liveClient(app.url, moderator.token);
    const memberClient = liveClient(app.url, roles.MEMBER.token);
    const QUEUE_CHANGED = `subscription { moderationQueueChanged { id kind target { ... on Post { id } } } }`;
    const live = new LiveSubscription<{
      moderationQueueChanged: { kind: string; target: { id: string } };
    }>(moderatorClient, QUEUE_CHANGED, {});
    await channelHasListener(`${app.name}:moderation-queue`);
    const author = await app.member();
    const otherPost = await app.answer(author, threadId, 'Keep the phone in the fridge.');
    ok(await flag(app, await app.member(), otherPost, 'INCORRECT_ADVICE'));
    const [changed] = await live.received(1);
    expect(changed.data?.moderationQueueChanged).toMatchObject({
      kind: 'FLAGGED',
      target: { id: otherPost },
    });
    live.close();

    const refusedLive = new LiveSubscription(memberClient, QUEUE_CHANGED, {});
    const [denied] = await refusedLive.received(1);
    expect(denied.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    await Promise.all([moderatorClient.dispose(), memberClient.dispose()]);
  });
});
