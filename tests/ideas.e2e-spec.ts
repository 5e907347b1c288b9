import { fromGlobalId } from '@app/core';
import { TrendingSweep } from '@app/ideas';
import { checkCounters } from './support/counter-check';
import { errorCode, GraphQLResponse, ok } from './support/graphql-client';
import { flag, itemOf, resolve } from './support/moderation';
import { MERGE, SET_STATUS, submitIdea, SUBMIT, UNVOTE, VOTE } from './support/ideas';
import { eventually, Member, TestApp } from './support/test-app';

const IDEA = `query($id: ID!) {
  idea(id: $id) {
    id title status statusNote voteCount viewerHasVoted tags
    board { id } author { handle } mergedInto { id }
    comments(first: 10) { totalCount edges { node { body author { handle } idea { id } } } }
  }
}`;
const IDEAS = `query($filter: IdeaFilter, $orderBy: IdeaOrder, $first: Int, $after: String) {
  ideas(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } edges { node { id title voteCount } }
  }
}`;
const SIMILAR = `query($title: String!, $first: Int) { similarIdeas(title: $title, first: $first) { id title } }`;
const COMMENT = `mutation($id: ID!, $body: String!) { commentOnIdea(ideaId: $id, body: $body) { id body status } }`;

interface IdeaView {
  id: string;
  title: string;
  status: string;
  statusNote: string | null;
  voteCount: number;
  viewerHasVoted: boolean;
  mergedInto: { id: string } | null;
  comments: { totalCount: number; edges: Array<{ node: { body: string } }> };
}
interface IdeasPage {
  ideas: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string };
    edges: Array<{ node: { id: string; title: string; voteCount: number } }>;
  };
}

describe('ideas', () => {
  const app = new TestApp();
  let admin: Member;
  let pm: Member;
  let boardId: string;

  const readIdea = async (id: string, member?: Member) =>
    ok(await app.gql<{ idea: IdeaView }>(IDEA, { id }, member?.token)).idea;
  const votesOf = async (ideaId: string) =>
    (
      await app.sql<{ rows: number; counter: number; distinct_voters: number }>(
        `SELECT (SELECT count(*)::int FROM idea_votes WHERE idea_id = $1) AS rows,
                (SELECT count(DISTINCT user_id)::int FROM idea_votes WHERE idea_id = $1) AS distinct_voters,
                (SELECT vote_count FROM ideas WHERE id = $1) AS counter`,
        [fromGlobalId(ideaId, 'Idea', 'id')],
      )
    )[0];

  beforeAll(async () => {
    await app.start({ worker: true });
    admin = await app.member('ADMIN');
    pm = await app.member('PRODUCT_MANAGER');
    boardId = await app.board(admin, 'IDEAS');
  });
  afterAll(() => app.stop());

  it("submits an idea with the author's vote counted, and comments on it", async () => {
    const author = await app.member();
    const submitted = ok(
      await app.gql<{ submitIdea: { voteCount: number; viewerHasVoted: boolean; status: string } }>(
        SUBMIT,
        {
          input: {
            boardId,
            title: 'Let me pause my plan while travelling',
            body: 'A **pause** button.',
            tags: ['billing', 'billing', 'travel'],
          },
        },
        author.token,
      ),
    );
    expect(submitted.submitIdea).toMatchObject({
      voteCount: 1,
      viewerHasVoted: true,
      status: 'NEW',
    });
    const ideaId = (submitted.submitIdea as unknown as { id: string }).id;

    const commenter = await app.member();
    const comment = ok(
      await app.gql<{ commentOnIdea: { body: string; status: string } }>(
        COMMENT,
        { id: ideaId, body: 'Yes please, for **three** months.' },
        commenter.token,
      ),
    );
    expect(comment.commentOnIdea).toMatchObject({ status: 'PUBLISHED' });
    const idea = await readIdea(ideaId);
    expect(idea).toMatchObject({
      title: 'Let me pause my plan while travelling',
      voteCount: 1,
      viewerHasVoted: false,
      tags: ['billing', 'travel'],
      mergedInto: null,
      comments: { totalCount: 1, edges: [{ node: { body: 'Yes please, for **three** months.' } }] },
    });
  });

  it('refuses bad input to submitIdea, voteIdea and commentOnIdea, writing nothing', async () => {
    const member = await app.member();
    const questions = await app.board(admin, 'QUESTIONS');
    const [{ before }] = await app.sql<{ before: number }>(
      `SELECT count(*)::int AS before FROM ideas`,
    );
    const bad = [
      { boardId, title: 'short', body: 'Body' },
      { boardId, title: 'A long enough title', body: '   ' },
      { boardId, title: 'A long enough title', body: 'x'.repeat(20_001) },
      { boardId, title: 'A long enough title', body: 'Body', tags: ['Not A Tag'] },
      { boardId, title: 'A long enough title', body: 'Body', tags: ['a', 'b', 'c', 'd', 'e', 'f'] },
      { boardId: questions, title: 'A long enough title', body: 'Body' },
      { boardId: 'nope', title: 'A long enough title', body: 'Body' },
    ];
    for (const input of bad) {
      expect(errorCode(await app.gql(SUBMIT, { input }, member.token))).toBe('BAD_USER_INPUT');
    }
    const [{ after }] = await app.sql<{ after: number }>(
      `SELECT count(*)::int AS after FROM ideas`,
    );
    expect(after).toBe(before);
    expect(errorCode(await app.gql(VOTE, { id: 'nope' }, member.token))).toBe('BAD_USER_INPUT');
    expect(errorCode(await app.gql(VOTE, { id: boardId }, member.token))).toBe('BAD_USER_INPUT');
    const ideaId = await submitIdea(app, member, boardId, 'Cheaper roaming in Norway');
    expect(errorCode(await app.gql(COMMENT, { id: ideaId, body: '' }, member.token))).toBe(
      'BAD_USER_INPUT',
    );
    expect(
      errorCode(await app.gql(COMMENT, { id: ideaId, body: 'x'.repeat(10_001) }, member.token)),
    ).toBe('BAD_USER_INPUT');
  });

  it('refuses the anonymous every idea mutation', async () => {
    const ideaId = await submitIdea(app, await app.member(), boardId, 'Dark mode in the app');
    const calls: Array<Promise<GraphQLResponse<unknown>>> = [
      app.gql(SUBMIT, { input: { boardId, title: 'A long enough title', body: 'Body' } }),
      app.gql(VOTE, { id: ideaId }),
      app.gql(UNVOTE, { id: ideaId }),
      app.gql(COMMENT, { id: ideaId, body: 'Hi' }),
      app.gql(SET_STATUS, { input: { ideaId, status: 'PLANNED' } }),
      app.gql(MERGE, { input: { sourceId: ideaId, targetId: ideaId } }),
    ];
    for (const reply of await Promise.all(calls)) expect(errorCode(reply)).toBe('UNAUTHENTICATED');
  });

  it('counts votes exactly when 200 members vote, repeat and unvote in parallel', async () => {
    const ideaId = await submitIdea(app, await app.member(), boardId, 'eSIM for smartwatches');
    const members = await Promise.all(Array.from({ length: 200 }, () => app.member()));
    const calls = members.flatMap((member, index) => {
      const votes = [
        app.gql(VOTE, { id: ideaId }, member.token),
        app.gql(VOTE, { id: ideaId }, member.token),
      ];
      return index % 4 === 0 ? [...votes, app.gql(UNVOTE, { id: ideaId }, member.token)] : votes;
    });
    const replies = await Promise.all(calls);
    expect(replies.filter((reply) => reply.errors)).toEqual([]);
    const counts = await votesOf(ideaId);
    expect(counts.counter).toBe(counts.rows);
    expect(counts.rows).toBe(counts.distinct_voters);
    // Every member voted at least once; a quarter may have unvoted after their votes or not.
    expect(counts.rows).toBeGreaterThanOrEqual(1 + 150);
    expect(counts.rows).toBeLessThanOrEqual(1 + 200);

    const voter = members[1];
    const again = ok(
      await app.gql<{ voteIdea: { voteCount: number; viewerHasVoted: boolean } }>(
        VOTE,
        { id: ideaId },
        voter.token,
      ),
    );
    expect(again.voteIdea).toEqual({ id: ideaId, voteCount: counts.rows, viewerHasVoted: true });
    expect(await checkCounters(app)).toEqual([]);
  });

  it('lists ideas by TOP, NEWEST and TRENDING with keyset pages and filters', async () => {
    const board = await app.board(admin, 'IDEAS');
    const author = await app.member();
    const fans = await Promise.all(Array.from({ length: 5 }, () => app.member()));
    const popular = await submitIdea(app, author, board, 'Unlimited data weekends', 'Body', [
      'data',
    ]);
    const recent = await submitIdea(app, author, board, 'Family plan sharing', 'Body', ['family']);
    const quiet = await submitIdea(app, author, board, 'Paper bills on request', 'Body', [
      'billing',
    ]);
    for (const fan of fans) ok(await app.gql(VOTE, { id: popular }, fan.token));
    for (const fan of fans.slice(0, 2)) ok(await app.gql(VOTE, { id: recent }, fan.token));
    // The popular idea's votes are all more than a week old: they no longer trend.
    await app.sql(
      `UPDATE idea_votes SET created_at = now() - interval '8 days' WHERE idea_id = $1`,
      [fromGlobalId(popular, 'Idea', 'id')],
    );
    await app.worker?.get(TrendingSweep).sweep();

    const page = async (orderBy: string, after?: string) =>
      ok(await app.gql<IdeasPage>(IDEAS, { filter: { boardId: board }, orderBy, first: 2, after }))
        .ideas;
    const top = await page('TOP');
    expect(top.totalCount).toBe(3);
    expect(top.edges.map((edge) => edge.node.id)).toEqual([popular, recent]);
    expect(top.pageInfo.hasNextPage).toBe(true);
    const rest = await page('TOP', top.pageInfo.endCursor);
    expect(rest.edges.map((edge) => edge.node.id)).toEqual([quiet]);
    expect(rest.pageInfo.hasNextPage).toBe(false);

    expect((await page('NEWEST')).edges.map((edge) => edge.node.id)).toEqual([quiet, recent]);
    const trending = await page('TRENDING');
    expect(trending.edges[0].node.id).toBe(recent);

    const tagged = ok(
      await app.gql<IdeasPage>(IDEAS, { filter: { boardId: board, tag: 'family' } }),
    ).ideas;
    expect(tagged.edges.map((edge) => edge.node.id)).toEqual([recent]);
    expect(errorCode(await app.gql(IDEAS, { filter: { tag: 'Bad Tag' } }))).toBe('BAD_USER_INPUT');
    expect(errorCode(await app.gql(IDEAS, { first: 101 }))).toBe('BAD_USER_INPUT');
    expect(errorCode(await app.gql(IDEAS, { after: 'garbage' }))).toBe('BAD_USER_INPUT');
    const forged = Buffer.from(JSON.stringify([1.5, '00000000-0000-4000-8000-000000000000']));
    expect(
      errorCode(await app.gql(IDEAS, { orderBy: 'TOP', after: forged.toString('base64url') })),
    ).toBe('BAD_USER_INPUT');
  });

  it('suggests open ideas like the one being typed, never closed ones', async () => {
    const author = await app.member();
    const open = await submitIdea(app, author, boardId, 'Voicemail transcription to text');
    const closed = await submitIdea(app, author, boardId, 'Voicemail greeting per contact');
    ok(await app.gql(SET_STATUS, { input: { ideaId: closed, status: 'DECLINED' } }, pm.token));
    const similar = ok(
      await app.gql<{ similarIdeas: Array<{ id: string }> }>(SIMILAR, {
        title: 'voicemial transcripts',
      }),
    ).similarIdeas.map((idea) => idea.id);
    expect(similar).toContain(open);
    expect(similar).not.toContain(closed);
    expect(errorCode(await app.gql(SIMILAR, { title: '' }))).toBe('BAD_USER_INPUT');
    expect(errorCode(await app.gql(SIMILAR, { title: 'x', first: 21 }))).toBe('BAD_USER_INPUT');
  });

  it('sets statuses with a note for product managers only, closing votes on final ones, and logs them', async () => {
    const author = await app.member();
    const voter = await app.member();
    const ideaId = await submitIdea(app, author, boardId, 'Show data usage per app');
    ok(await app.gql(VOTE, { id: ideaId }, voter.token));
    const follower = await app.member();
    const leaver = await app.member();
    for (const member of [follower, leaver]) {
      ok(
        await app.gql(
          `mutation($id: ID!) { subscribe(targetId: $id) }`,
          { id: ideaId },
          member.token,
        ),
      );
    }
    ok(
      await app.gql(
        `mutation($id: ID!) { unsubscribe(targetId: $id) }`,
        { id: ideaId },
        leaver.token,
      ),
    );
    expect(
      errorCode(
        await app.gql(
          `mutation($id: ID!) { subscribe(targetId: $id) }`,
          { id: boardId },
          follower.token,
        ),
      ),
    ).toBe('BAD_USER_INPUT');
    for (const role of ['MEMBER', 'AGENT', 'MODERATOR']) {
      const staff = await app.member(role);
      expect(
        errorCode(await app.gql(SET_STATUS, { input: { ideaId, status: 'PLANNED' } }, staff.token)),
      ).toBe('FORBIDDEN');
      expect(
        errorCode(
          await app.gql(MERGE, { input: { sourceId: ideaId, targetId: ideaId } }, staff.token),
        ),
      ).toBe('FORBIDDEN');
    }
    expect(
      errorCode(await app.gql(SET_STATUS, { input: { ideaId, status: 'MERGED' } }, pm.token)),
    ).toBe('BAD_USER_INPUT');
    expect(
      errorCode(
        await app.gql(
          SET_STATUS,
          { input: { ideaId, status: 'PLANNED', note: 'x'.repeat(2001) } },
          pm.token,
        ),
      ),
    ).toBe('BAD_USER_INPUT');
    expect(
      errorCode(await app.gql(SET_STATUS, { input: { ideaId, status: 'SHIPPED' } }, pm.token)),
    ).toBe('BAD_USER_INPUT');

    const set = ok(
      await app.gql<{ setIdeaStatus: { status: string; statusNote: string } }>(
        SET_STATUS,
        { input: { ideaId, status: 'DELIVERED', note: 'In the app since version 12.' } },
        pm.token,
      ),
    );
    expect(set.setIdeaStatus).toMatchObject({
      status: 'DELIVERED',
      statusNote: 'In the app since version 12.',
    });
    expect(errorCode(await app.gql(VOTE, { id: ideaId }, (await app.member()).token))).toBe(
      'BAD_USER_INPUT',
    );
    expect(errorCode(await app.gql(UNVOTE, { id: ideaId }, voter.token))).toBe('BAD_USER_INPUT');

    for (const member of [author, voter, follower]) {
      await eventually(
        async () =>
          ok(
            await app.gql<{
              notifications: { edges: Array<{ node: { kind: string; message: string } }> };
            }>(`query { notifications { edges { node { kind message } } } }`, {}, member.token),
          ).notifications.edges.map((edge) => edge.node),
        (entries) =>
          entries.some(
            (entry) =>
              entry.kind === 'IDEA_STATUS_CHANGED' &&
              entry.message ===
                '“Show data usage per app” is now delivered: In the app since version 12.',
          ),
      );
    }
    const [{ leaverNotified }] = await app.sql<{ leaverNotified: number }>(
      `SELECT count(*)::int AS "leaverNotified" FROM notifications
        WHERE kind = 'IDEA_STATUS_CHANGED' AND recipient_id = $1`,
      [fromGlobalId(leaver.id, 'User', 'id')],
    );
    expect(leaverNotified).toBe(0);
    const [logged] = await app.sql<{ action: string; reason: string }>(
      `SELECT action, reason FROM moderation_actions WHERE target_id = $1`,
      [fromGlobalId(ideaId, 'Idea', 'id')],
    );
    expect(logged).toEqual({
      action: 'IDEA_STATUS_DELIVERED',
      reason: 'In the app since version 12.',
    });
  });

  it('merges a duplicate: overlapping voters counted once, the source closed and its voters told', async () => {
    const author = await app.member();
    const target = await submitIdea(app, author, boardId, 'Roaming passes for Asia');
    const source = await submitIdea(app, await app.member(), boardId, 'Asia roaming bundle');
    const both = await Promise.all(Array.from({ length: 5 }, () => app.member()));
    const sourceOnly = await Promise.all(Array.from({ length: 3 }, () => app.member()));
    for (const member of both) {
      ok(await app.gql(VOTE, { id: target }, member.token));
      ok(await app.gql(VOTE, { id: source }, member.token));
    }
    for (const member of sourceOnly) ok(await app.gql(VOTE, { id: source }, member.token));
    // target: author + 5; source: its author + 5 + 3; union: 1 + 1 + 5 + 3 = 10 members.

    expect(
      errorCode(await app.gql(MERGE, { input: { sourceId: source, targetId: source } }, pm.token)),
    ).toBe('BAD_USER_INPUT');
    const merged = ok(
      await app.gql<{ mergeIdea: { id: string; voteCount: number } }>(
        MERGE,
        { input: { sourceId: source, targetId: target } },
        pm.token,
      ),
    );
    expect(merged.mergeIdea).toEqual({ id: target, voteCount: 10 });
    const counts = await votesOf(target);
    expect(counts).toEqual({ rows: 10, counter: 10, distinct_voters: 10 });
    const closed = await readIdea(source);
    expect(closed).toMatchObject({ status: 'MERGED', mergedInto: { id: target } });
    expect(errorCode(await app.gql(VOTE, { id: source }, (await app.member()).token))).toBe(
      'BAD_USER_INPUT',
    );
    const third = await submitIdea(app, author, boardId, 'Cheaper calls to Japan');
    expect(
      errorCode(await app.gql(MERGE, { input: { sourceId: third, targetId: source } }, pm.token)),
    ).toBe('BAD_USER_INPUT');
    expect(
      errorCode(await app.gql(MERGE, { input: { sourceId: source, targetId: third } }, pm.token)),
    ).toBe('BAD_USER_INPUT');

    await eventually(
      async () =>
        ok(
          await app.gql<{ notifications: { edges: Array<{ node: { kind: string } }> } }>(
            `query { notifications { edges { node { kind } } } }`,
            {},
            sourceOnly[0].token,
          ),
        ).notifications.edges,
      (edges) => edges.some((edge) => edge.node.kind === 'IDEA_MERGED'),
    );
    const [logged] = await app.sql<{ action: string }>(
      `SELECT action FROM moderation_actions WHERE target_id = $1`,
      [fromGlobalId(source, 'Idea', 'id')],
    );
    expect(logged.action).toBe('IDEA_MERGE');
  });

  it('moderates ideas and comments like any content: three OFFENSIVE flags hide them', async () => {
    const moderator = await app.member('MODERATOR');
    const author = await app.member();
    const ideaId = await submitIdea(app, author, boardId, 'Free phones for everybody forever');
    const commenter = await app.member();
    const comment = ok(
      await app.gql<{ commentOnIdea: { id: string } }>(
        COMMENT,
        { id: ideaId, body: 'What a stupid idea.' },
        commenter.token,
      ),
    ).commentOnIdea.id;
    for (let i = 0; i < 3; i += 1) {
      ok(await flag(app, await app.member(), comment, 'OFFENSIVE'));
    }
    expect((await readIdea(ideaId)).comments.totalCount).toBe(0);
    expect(
      ok(
        await app.gql<{ node: { status: string } }>(
          `query($id: ID!) { node(id: $id) { ... on Comment { status } } }`,
          { id: comment },
          commenter.token,
        ),
      ).node,
    ).toEqual({ status: 'HIDDEN' });

    // Once the idea is hidden, none of its comments lead to it.
    const visibleComment = ok(
      await app.gql<{ commentOnIdea: { id: string } }>(
        COMMENT,
        { id: ideaId, body: 'I would love that.' },
        moderator.token,
      ),
    ).commentOnIdea.id;
    for (let i = 0; i < 3; i += 1) ok(await flag(app, await app.member(), ideaId, 'SPAM'));
    expect(ok(await app.gql<{ idea: null }>(IDEA, { id: ideaId })).idea).toBeNull();
    const item = await itemOf(app, moderator, ideaId);
    expect(item.target).toEqual({ __typename: 'Idea', id: ideaId });
    expect(
      ok(
        await app.gql<{ node: null }>(
          `query($id: ID!) { node(id: $id) { ... on Comment { idea { title } } } }`,
          { id: visibleComment },
        ),
      ).node,
    ).toBeNull();
    ok(await resolve(app, moderator, { id: item.id, action: 'DISMISS' }));
    expect((await readIdea(ideaId)).title).toBe('Free phones for everybody forever');
  });
});
