import { errorCode, ok } from './support/graphql-client';
import { CLAIM, CORRECT_POST, flag, itemOf, queue, resolve } from './support/moderation';
import { eventually, Member, TestApp } from './support/test-app';

const THREAD = `query($id: ID!) {
  thread(id: $id) {
    status answerCount
    acceptedSolution { id }
    answers(first: 10) { edges { node { id body status correction { note noteHtml moderator { handle } } } } }
  }
}`;
const NODE = `query($id: ID!) { node(id: $id) { ... on Post { id status body } } }`;
const INBOX = `query { notifications(first: 20) { edges { node { kind message } } } }`;

interface ThreadView {
  thread: {
    status: string;
    answerCount: number;
    acceptedSolution: { id: string } | null;
    answers: {
      edges: Array<{
        node: {
          id: string;
          body: string;
          status: string;
          correction: { note: string; noteHtml: string; moderator: { handle: string } } | null;
        };
      }>;
    };
  };
}

describe('moderation: correcting bad advice, abuse and races', () => {
  const app = new TestApp();
  let moderator: Member;
  let boardId: string;

  const readThread = async (threadId: string, token?: string) =>
    ok(await app.gql<ThreadView>(THREAD, { id: threadId }, token)).thread;
  const inbox = async (member: Member) =>
    ok(
      await app.gql<{
        notifications: { edges: Array<{ node: { kind: string; message: string } }> };
      }>(INBOX, {}, member.token),
    ).notifications.edges.map((edge) => edge.node);

  beforeAll(async () => {
    await app.start({ worker: true });
    const admin = await app.member('ADMIN');
    moderator = await app.member('MODERATOR');
    boardId = await app.board(admin);
  });
  afterAll(() => app.stop());

  it('corrects accepted bad advice in place, reopens the thread and tells everyone who relied on it', async () => {
    const asker = await app.member();
    const peer = await app.member();
    const follower = await app.member();
    const fan = await app.member();
    const flagger = await app.member();
    const threadId = await app.ask(asker, boardId, 'Is it safe to factory reset to fix eSIM?');
    const badAdvice = 'Yes, reset the phone: the eSIM comes back by itself.';
    const postId = await app.answer(peer, threadId, badAdvice);
    ok(
      await app.gql(
        `mutation($id: ID!) { subscribe(targetId: $id) }`,
        { id: threadId },
        follower.token,
      ),
    );
    ok(
      await app.gql(
        `mutation($id: ID!) { giveKudo(postId: $id) { id } }`,
        { id: postId },
        fan.token,
      ),
    );
    ok(
      await app.gql(
        `mutation($id: ID!) { acceptSolution(postId: $id) { status } }`,
        { id: postId },
        asker.token,
      ),
    );
    const [{ before }] = await app.sql<{ before: number }>(
      `SELECT reputation AS before FROM users WHERE lower(handle) = lower($1)`,
      [peer.handle],
    );

    ok(await flag(app, flagger, postId, 'INCORRECT_ADVICE', 'A reset deletes the eSIM profile.'));
    // Incorrect advice stays in view: it is corrected, not hidden.
    expect((await readThread(threadId)).answers.edges.map((edge) => edge.node.id)).toEqual([
      postId,
    ]);

    const [first] = await queue(app, moderator);
    expect(first).toMatchObject({
      kind: 'FLAGGED',
      status: 'PENDING',
      reasons: ['INCORRECT_ADVICE'],
      target: { __typename: 'Post', id: postId },
      flags: [
        {
          reason: 'INCORRECT_ADVICE',
          note: 'A reset deletes the eSIM profile.',
          reporter: { handle: flagger.handle },
        },
      ],
    });
    const claimed = ok(
      await app.gql<{ claimReviewItem: { status: string; claimedBy: { handle: string } } }>(
        CLAIM,
        { id: first.id },
        moderator.token,
      ),
    );
    expect(claimed.claimReviewItem).toMatchObject({
      status: 'CLAIMED',
      claimedBy: { handle: moderator.handle },
    });
    const correction =
      'A factory reset **deletes** the eSIM; ask the shop for a new QR code first.';
    const resolved = ok(
      await resolve(app, moderator, {
        id: first.id,
        action: 'CORRECT',
        correction,
        unaccept: true,
      }),
    );
    expect(resolved.resolveReviewItem).toMatchObject({ status: 'RESOLVED', resolution: 'CORRECT' });

    const seen = await readThread(threadId);
    expect(seen.status).toBe('OPEN');
    expect(seen.acceptedSolution).toBeNull();
    expect(seen.answers.edges[0].node).toEqual({
      id: postId,
      body: badAdvice,
      status: 'PUBLISHED',
      correction: {
        note: correction,
        noteHtml:
          '<p>A factory reset <strong>deletes</strong> the eSIM; ask the shop for a new QR code first.</p>\n',
        moderator: { handle: moderator.handle },
      },
    });
    const [{ after }] = await app.sql<{ after: number }>(
      `SELECT reputation AS after FROM users WHERE lower(handle) = lower($1)`,
      [peer.handle],
    );
    expect(after).toBe(before - 15);

    for (const member of [asker, follower, fan]) {
      const received = await eventually(
        () => inbox(member),
        (entries) => entries.some((entry) => entry.kind === 'POST_CORRECTED'),
      );
      expect(received.filter((entry) => entry.kind === 'POST_CORRECTED')).toEqual([
        {
          kind: 'POST_CORRECTED',
          message:
            'An answer you relied on in “Is it safe to factory reset to fix eSIM?” was corrected',
        },
      ]);
    }
    const authorNews = await eventually(
      () => inbox(peer),
      (entries) => entries.some((entry) => entry.kind === 'POST_CORRECTED'),
    );
    expect(authorNews.find((entry) => entry.kind === 'POST_CORRECTED')?.message).toBe(
      'Your answer to “Is it safe to factory reset to fix eSIM?” was corrected and is no longer the solution',
    );

    const log = ok(
      await app.gql<{
        moderationLog: {
          edges: Array<{
            node: {
              action: string;
              reason: string;
              actor: { handle: string };
              targetUser: { handle: string };
              target: { id: string };
            };
          }>;
        };
      }>(
        `query { moderationLog(first: 5) { edges { node { action reason actor { handle } targetUser { handle } target { ... on Post { id } } } } } }`,
        {},
        moderator.token,
      ),
    );
    expect(log.moderationLog.edges[0].node).toEqual({
      action: 'RESOLVE_CORRECT',
      reason: correction,
      actor: { handle: moderator.handle },
      targetUser: { handle: peer.handle },
      target: { id: postId },
    });

    expect(errorCode(await resolve(app, moderator, { id: first.id, action: 'DISMISS' }))).toBe(
      'CONFLICT',
    );
  });

  it('lets an agent correct a post without a flag; the latest correction is shown', async () => {
    const agent = await app.member('AGENT');
    const asker = await app.member();
    const peer = await app.member();
    const threadId = await app.ask(asker, boardId, 'Does Wi-Fi calling cost extra?');
    const postId = await app.answer(peer, threadId, 'Yes, it is billed per minute.');
    const corrected = ok(
      await app.gql<{ correctPost: { body: string; correction: { note: string } } }>(
        `mutation($input: CorrectPostInput!) { correctPost(input: $input) { body correction { note } } }`,
        { input: { postId, note: 'Wi-Fi calls cost the same as normal calls.' } },
        agent.token,
      ),
    );
    expect(corrected.correctPost).toEqual({
      body: 'Yes, it is billed per minute.',
      correction: { note: 'Wi-Fi calls cost the same as normal calls.' },
    });
    expect((await readThread(threadId)).answers.edges[0].node.correction?.note).toBe(
      'Wi-Fi calls cost the same as normal calls.',
    );
  });

  it('hides a post at three OFFENSIVE flags, restores it on DISMISS, and keeps a DELETE for moderators', async () => {
    const asker = await app.member();
    const troll = await app.member();
    const threadId = await app.ask(asker, boardId, 'Why is the 5G icon missing today?');
    const postId = await app.answer(troll, threadId, 'Nobody cares about your icon.');
    const reporters = [await app.member(), await app.member(), await app.member()];

    ok(await flag(app, reporters[0], postId, 'OFFENSIVE'));
    ok(await flag(app, reporters[1], postId, 'OFFENSIVE'));
    expect((await readThread(threadId)).answerCount).toBe(1);
    ok(await flag(app, reporters[2], postId, 'OFFENSIVE'));

    const hidden = await readThread(threadId);
    expect(hidden.answerCount).toBe(0);
    expect(hidden.answers.edges).toEqual([]);
    expect(ok(await app.gql<{ node: null }>(NODE, { id: postId })).node).toBeNull();
    expect(
      ok(await app.gql<{ node: { status: string } }>(NODE, { id: postId }, troll.token)).node,
    ).toMatchObject({ status: 'HIDDEN' });

    const item = await itemOf(app, moderator, postId);
    expect(item.flags).toHaveLength(3);
    ok(await resolve(app, moderator, { id: item.id, action: 'DISMISS' }));
    const restored = await readThread(threadId);
    expect(restored.answerCount).toBe(1);
    expect(restored.answers.edges.map((edge) => edge.node.id)).toEqual([postId]);

    // Flagged again after the resolution: a new item opens.
    const spamReporter = await app.member();
    ok(await flag(app, spamReporter, postId, 'SPAM', 'Still rude.'));
    const reopened = await itemOf(app, moderator, postId);
    expect(reopened.id).not.toBe(item.id);
    ok(
      await resolve(app, moderator, { id: reopened.id, action: 'DELETE', note: 'Personal attack' }),
    );
    expect((await readThread(threadId)).answers.edges).toEqual([]);
    expect(ok(await app.gql<{ node: null }>(NODE, { id: postId }, troll.token)).node).toBeNull();
    expect(
      ok(
        await app.gql<{ node: { status: string; body: string } }>(
          NODE,
          { id: postId },
          moderator.token,
        ),
      ).node,
    ).toEqual({ id: postId, status: 'DELETED', body: 'Nobody cares about your icon.' });
    const news = await eventually(
      () => inbox(troll),
      (entries) => entries.some((entry) => entry.kind === 'CONTENT_MODERATED'),
    );
    expect(news.find((entry) => entry.kind === 'CONTENT_MODERATED')?.message).toBe(
      'A moderator removed your answer to “Why is the 5G icon missing today?”: Personal attack',
    );
  });

  it('hides at once on one flag of a trusted reporter, and never for INCORRECT_ADVICE', async () => {
    const asker = await app.member();
    const author = await app.member();
    const threadId = await app.ask(asker, boardId, 'How do I block a spam caller?');
    const wrongId = await app.answer(author, threadId, 'You cannot block numbers at all.');
    for (let i = 0; i < 4; i += 1)
      ok(await flag(app, await app.member(), wrongId, 'INCORRECT_ADVICE'));
    expect((await readThread(threadId)).answerCount).toBe(1);

    const rudeId = await app.answer(author, threadId, 'Stop whining and google it.');
    const expert = await app.member();
    await app.sql(`UPDATE users SET reputation = 1000 WHERE lower(handle) = lower($1)`, [
      expert.handle,
    ]);
    ok(await flag(app, expert, rudeId, 'OFFENSIVE'));
    expect((await readThread(threadId)).answers.edges.map((edge) => edge.node.id)).toEqual([
      wrongId,
    ]);
  });

  it('refuses a second flag by the same member, a flag on one’s own post, and flags on what one cannot see', async () => {
    const asker = await app.member();
    const author = await app.member();
    const reporter = await app.member();
    const threadId = await app.ask(asker, boardId, 'Can I use my phone as a hotspot?');
    const postId = await app.answer(author, threadId, 'Only on the Unlimited plan.');
    ok(await flag(app, reporter, postId, 'OTHER'));
    expect(errorCode(await flag(app, reporter, postId, 'SPAM'))).toBe('CONFLICT');
    expect(errorCode(await flag(app, author, postId, 'SPAM'))).toBe('BAD_USER_INPUT');
    expect(errorCode(await flag(app, reporter, 'garbage', 'SPAM'))).toBe('BAD_USER_INPUT');
    expect(errorCode(await flag(app, reporter, boardId, 'SPAM'))).toBe('BAD_USER_INPUT');
    const missing = Buffer.from('Post:00000000-0000-4000-8000-000000000000').toString('base64url');
    expect(errorCode(await flag(app, reporter, missing, 'SPAM'))).toBe('NOT_FOUND');
    const [{ flags }] = await app.sql<{ flags: number }>(
      `SELECT count(*)::int AS flags FROM flags WHERE reporter_id = (SELECT id FROM users WHERE lower(handle) = lower($1))`,
      [reporter.handle],
    );
    expect(flags).toBe(1);
  });

  it('settles races: one of two moderators wins a claim or a resolution, 20 parallel flags share one item', async () => {
    const other = await app.member('MODERATOR');
    const asker = await app.member();
    const author = await app.member();
    const threadId = await app.ask(asker, boardId, 'Where do I find my PUK code?');
    const postId = await app.answer(author, threadId, 'It is printed on the SIM card holder.');

    const reporters = await Promise.all(Array.from({ length: 20 }, () => app.member()));
    const flags = await Promise.all(
      reporters.map((reporter) => flag(app, reporter, postId, 'INCORRECT_ADVICE')),
    );
    expect(flags.filter((reply) => reply.errors)).toEqual([]);
    const [counts] = await app.sql<{ items: number; flags: number; flag_count: number }>(
      `SELECT count(DISTINCT r.id)::int AS items, count(f.id)::int AS flags, max(r.flag_count) AS flag_count
         FROM review_items r JOIN flags f ON f.review_item_id = r.id
        WHERE r.target_id = (SELECT id FROM posts WHERE body = 'It is printed on the SIM card holder.')`,
    );
    expect(counts).toEqual({ items: 1, flags: 20, flag_count: 20 });

    const item = await itemOf(app, moderator, postId);
    const claims = await Promise.all([
      app.gql(CLAIM, { id: item.id }, moderator.token),
      app.gql(CLAIM, { id: item.id }, other.token),
    ]);
    expect(claims.map((reply) => reply.errors?.[0]?.extensions?.code ?? 'OK').sort()).toEqual([
      'CONFLICT',
      'OK',
    ]);
    const winner = claims[0].errors ? other : moderator;
    const loser = winner === moderator ? other : moderator;
    expect(errorCode(await resolve(app, loser, { id: item.id, action: 'DISMISS' }))).toBe(
      'CONFLICT',
    );

    const resolutions = await Promise.all([
      resolve(app, winner, { id: item.id, action: 'DISMISS' }),
      resolve(app, winner, { id: item.id, action: 'HIDE' }),
    ]);
    expect(resolutions.map((reply) => reply.errors?.[0]?.extensions?.code ?? 'OK').sort()).toEqual([
      'CONFLICT',
      'OK',
    ]);
    const [{ resolved }] = await app.sql<{ resolved: number }>(
      `SELECT count(*)::int AS resolved FROM moderation_actions WHERE target_id = (SELECT id FROM posts WHERE body = 'It is printed on the SIM card holder.')`,
    );
    expect(resolved).toBe(1);
  });

  it('lets another moderator take over a claim older than 15 minutes', async () => {
    const other = await app.member('MODERATOR');
    const asker = await app.member();
    const author = await app.member();
    const threadId = await app.ask(asker, boardId, 'Can I get a paper bill by post?');
    const postId = await app.answer(author, threadId, 'Paper bills were abolished.');
    ok(await flag(app, await app.member(), postId, 'INCORRECT_ADVICE'));
    const item = await itemOf(app, moderator, postId);
    ok(await app.gql(CLAIM, { id: item.id }, moderator.token));
    expect(errorCode(await app.gql(CLAIM, { id: item.id }, other.token))).toBe('CONFLICT');

    await app.sql(
      `UPDATE review_items SET claimed_at = now() - interval '16 minutes' WHERE claimed_at IS NOT NULL AND status = 'CLAIMED'`,
    );
    const taken = ok(
      await app.gql<{ claimReviewItem: { claimedBy: { handle: string } } }>(
        CLAIM,
        { id: item.id },
        other.token,
      ),
    );
    expect(taken.claimReviewItem.claimedBy.handle).toBe(other.handle);
    expect(errorCode(await resolve(app, moderator, { id: item.id, action: 'DISMISS' }))).toBe(
      'CONFLICT',
    );
    ok(await resolve(app, other, { id: item.id, action: 'DISMISS' }));
  });

  it('never brings back what its author deleted, and corrects only advice in view', async () => {
    const agent = await app.member('AGENT');
    const asker = await app.member();
    const author = await app.member();
    const threadId = await app.ask(asker, boardId, 'Is my contract renewed automatically?');
    const deletedId = await app.answer(author, threadId, 'Yes, every year in March.');
    ok(await flag(app, await app.member(), deletedId, 'INCORRECT_ADVICE'));
    ok(
      await app.gql(
        `mutation($id: ID!) { deletePost(postId: $id) { status } }`,
        { id: deletedId },
        author.token,
      ),
    );
    const item = await itemOf(app, moderator, deletedId);
    expect(
      errorCode(
        await resolve(app, moderator, { id: item.id, action: 'CORRECT', correction: 'It is not.' }),
      ),
    ).toBe('BAD_USER_INPUT');
    ok(await resolve(app, moderator, { id: item.id, action: 'HIDE' }));
    expect(
      ok(await app.gql<{ node: null }>(NODE, { id: deletedId }, author.token)).node,
    ).toBeNull();
    expect(
      ok(await app.gql<{ node: { status: string } }>(NODE, { id: deletedId }, moderator.token)).node
        .status,
    ).toBe('DELETED');

    const hiddenId = await app.answer(author, threadId, 'Only if you ask for it.');
    for (let i = 0; i < 3; i += 1) ok(await flag(app, await app.member(), hiddenId, 'SPAM'));
    for (const staff of [agent, moderator]) {
      expect(
        errorCode(
          await app.gql(
            CORRECT_POST,
            { input: { postId: hiddenId, note: 'Renewal is automatic.' } },
            staff.token,
          ),
        ),
      ).toBe('NOT_FOUND');
    }
    expect((await readThread(threadId)).answers.edges).toEqual([]);
  });
});
