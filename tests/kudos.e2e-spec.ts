import { checkCounters } from './support/counter-check';
import { errorCode, ok } from './support/graphql-client';
import { Member, TestApp } from './support/test-app';

const GIVE = `mutation($id: ID!) { giveKudo(postId: $id) { kudosCount viewerHasGivenKudo } }`;
const REMOVE = `mutation($id: ID!) { removeKudo(postId: $id) { kudosCount viewerHasGivenKudo } }`;

describe('kudos', () => {
  const app = new TestApp();
  let admin: Member;
  let boardId: string;

  beforeAll(async () => {
    await app.start();
    admin = await app.member('ADMIN');
    boardId = await app.board(admin);
  });
  afterAll(() => app.stop());

  async function answeredThread(): Promise<{
    asker: Member;
    author: Member;
    threadId: string;
    postId: string;
  }> {
    const [asker, author] = [await app.member(), await app.member()];
    const threadId = await app.ask(asker, boardId, 'Which charger is safe for my phone?');
    const postId = await app.answer(author, threadId, 'Any USB-C PD charger.');
    return { asker, author, threadId, postId };
  }

  const reputationOf = async (member: Member) =>
    (
      await app.sql<{ reputation: number }>(
        'SELECT reputation FROM users WHERE id = (SELECT id FROM users WHERE handle = $1)',
        [member.handle],
      )
    )[0].reputation;

  it('gives +10 reputation once per member, however often the kudo is given, and -10 when removed', async () => {
    const { asker, author, postId } = await answeredThread();
    expect(ok(await app.gql(GIVE, { id: postId }, asker.token))).toEqual({
      giveKudo: { kudosCount: 1, viewerHasGivenKudo: true },
    });
    expect(ok(await app.gql(GIVE, { id: postId }, asker.token))).toEqual({
      giveKudo: { kudosCount: 1, viewerHasGivenKudo: true },
    });
    expect(await reputationOf(author)).toBe(10);
    expect(ok(await app.gql(REMOVE, { id: postId }, asker.token))).toEqual({
      removeKudo: { kudosCount: 0, viewerHasGivenKudo: false },
    });
    expect(ok(await app.gql(REMOVE, { id: postId }, asker.token))).toEqual({
      removeKudo: { kudosCount: 0, viewerHasGivenKudo: false },
    });
    expect(await reputationOf(author)).toBe(0);
  });

  it("refuses a kudo on one's own post, and records nothing", async () => {
    const { author, postId } = await answeredThread();
    const reply = await app.gql(GIVE, { id: postId }, author.token);
    expect(errorCode(reply)).toBe('BAD_USER_INPUT');
    expect(reply.errors?.[0].extensions?.field).toBe('postId');
    expect(
      await app.sql(
        'SELECT * FROM kudos WHERE user_id = (SELECT id FROM users WHERE handle = $1)',
        [author.handle],
      ),
    ).toEqual([]);
  });

  it.each([
    ['a malformed id', 'nope', 'BAD_USER_INPUT'],
    [
      'the id of a thread',
      Buffer.from('Thread:00000000-0000-4000-8000-000000000000').toString('base64url'),
      'BAD_USER_INPUT',
    ],
    [
      'an unknown post',
      Buffer.from('Post:00000000-0000-4000-8000-000000000000').toString('base64url'),
      'NOT_FOUND',
    ],
  ])('answers %s with %s', async (_label, id, code) => {
    const member = await app.member();
    expect(errorCode(await app.gql(GIVE, { id }, member.token))).toBe(code);
    expect(errorCode(await app.gql(REMOVE, { id }, member.token))).toBe(code);
  });

  it('refuses anonymous kudos', async () => {
    const { postId } = await answeredThread();
    expect(errorCode(await app.gql(GIVE, { id: postId }))).toBe('UNAUTHENTICATED');
    expect(errorCode(await app.gql(REMOVE, { id: postId }))).toBe('UNAUTHENTICATED');
  });

  it('keeps count and reputation equal to the rows when 50 members give, repeat and remove in parallel', async () => {
    const { author, postId } = await answeredThread();
    const members = await Promise.all(Array.from({ length: 50 }, () => app.member()));
    // Everyone gives twice at once; every fifth member also takes it back in the same burst.
    await Promise.all(
      members.flatMap((member, i) => {
        const calls = [
          app.gql(GIVE, { id: postId }, member.token),
          app.gql(GIVE, { id: postId }, member.token),
        ];
        if (i % 5 === 0) calls.push(app.gql(REMOVE, { id: postId }, member.token));
        return calls;
      }),
    );
    const [row] = await app.sql<{ kudos_count: number; rows: number }>(
      `SELECT p.kudos_count, (SELECT count(*)::int FROM kudos k WHERE k.post_id = p.id) AS rows
         FROM posts p WHERE p.author_id = (SELECT id FROM users WHERE handle = $1)`,
      [author.handle],
    );
    expect(row.kudos_count).toBe(row.rows);
    expect(row.rows).toBeGreaterThanOrEqual(40);
    expect(await reputationOf(author)).toBe(row.rows * 10);
    expect(await checkCounters(app)).toEqual([]);
  });

  it('lists answers by most kudos with the accepted solution first', async () => {
    const asker = await app.member();
    const threadId = await app.ask(asker, boardId, 'Best way to save mobile data?');
    const authors = await Promise.all([1, 2, 3].map(() => app.member()));
    const [low, high, accepted] = [
      await app.answer(authors[0], threadId, 'Low kudos answer'),
      await app.answer(authors[1], threadId, 'High kudos answer'),
      await app.answer(authors[2], threadId, 'Accepted answer'),
    ];
    const fans = await Promise.all([1, 2].map(() => app.member()));
    for (const fan of fans) ok(await app.gql(GIVE, { id: high }, fan.token));
    ok(await app.gql(GIVE, { id: low }, fans[0].token));
    ok(
      await app.gql(
        `mutation($id: ID!) { acceptSolution(postId: $id) { id } }`,
        { id: accepted },
        asker.token,
      ),
    );
    const data = ok(
      await app.gql<{
        thread: { answers: { edges: Array<{ node: { body: string; kudosCount: number } }> } };
      }>(
        `query($id: ID!) { thread(id: $id) { answers(orderBy: MOST_KUDOS) { edges { node { body kudosCount } } } } }`,
        { id: threadId },
      ),
    );
    expect(data.thread.answers.edges.map((edge) => edge.node)).toEqual([
      { body: 'Accepted answer', kudosCount: 0 },
      { body: 'High kudos answer', kudosCount: 2 },
      { body: 'Low kudos answer', kudosCount: 1 },
    ]);
  });
});
