import { errorCode, ok } from './support/graphql-client';
import { Member, TestApp } from './support/test-app';

const POST_ANSWER = `mutation($input: PostAnswerInput!) {
  postAnswer(input: $input) { id official }
}`;
const THREAD_ANSWERS = `query($id: ID!) {
  thread(id: $id) { answerCount answers { edges { node { id official } } } }
}`;
const NODE = `query($id: ID!) { node(id: $id) { ... on Post { id official } } }`;
const GIVE = `mutation($id: ID!) { giveKudo(postId: $id) { kudosCount } }`;
const REMOVE = `mutation($id: ID!) { removeKudo(postId: $id) { kudosCount } }`;
const ACCEPT = `mutation($id: ID!) { acceptSolution(postId: $id) { status } }`;
const UNACCEPT = `mutation($id: ID!) { unacceptSolution(threadId: $id) { status } }`;

/** The row id inside a global id (base64url of `Type:uuid`). */
const uuidOf = (globalId: string) => Buffer.from(globalId, 'base64url').toString().split(':')[1];

interface Answered {
  id: string;
  official: boolean;
}

describe('official answers', () => {
  const app = new TestApp();
  let admin: Member;
  let agent: Member;
  let boardId: string;

  beforeAll(async () => {
    await app.start();
    admin = await app.member('ADMIN');
    agent = await app.member('AGENT');
    boardId = await app.board(admin);
  });
  afterAll(() => app.stop());

  async function answer(member: Member, threadId: string, official?: boolean): Promise<Answered> {
    const input = { threadId, body: 'Restart the router, then pair again.', official };
    const data = ok(await app.gql<{ postAnswer: Answered }>(POST_ANSWER, { input }, member.token));
    return data.postAnswer;
  }

  const reputationOf = async (member: Member) =>
    (
      await app.sql<{ reputation: number; accepted_solution_count: number }>(
        'SELECT reputation, accepted_solution_count FROM users WHERE id = $1',
        [uuidOf(member.id)],
      )
    )[0];

  it('lets an agent answer for the company: official in the result, the thread and node(id)', async () => {
    const asker = await app.member();
    const threadId = await app.ask(asker, boardId, 'Why does my router drop Wi-Fi every night?');
    const post = await answer(agent, threadId, true);
    expect(post.official).toBe(true);

    const thread = ok(
      await app.gql<{
        thread: { answerCount: number; answers: { edges: Array<{ node: Answered }> } };
      }>(THREAD_ANSWERS, { id: threadId }),
    ).thread;
    expect(thread.answerCount).toBe(1);
    expect(thread.answers.edges.map((edge) => edge.node)).toEqual([post]);
    expect(ok(await app.gql<{ node: Answered }>(NODE, { id: post.id })).node).toEqual(post);
  });

  it('gives a plain answer by default, for staff and members alike', async () => {
    const asker = await app.member();
    const threadId = await app.ask(asker, boardId, 'Can I keep my number when I switch?');
    expect((await answer(agent, threadId)).official).toBe(false);
    expect((await answer(await app.member(), threadId, false)).official).toBe(false);
  });

  it.each(['MEMBER', 'PRODUCT_MANAGER'])(
    'refuses an official answer from a %s and writes nothing',
    async (role) => {
      const asker = await app.member();
      const threadId = await app.ask(asker, boardId, 'Is there a fee for a new SIM card?');
      const member = await app.member(role);
      const counts = async () =>
        (
          await app.sql<Record<string, number>>(
            `SELECT (SELECT count(*)::int FROM posts WHERE author_id = $1) AS posts,
                  (SELECT count(*)::int FROM client_mutations WHERE member_id = $1) AS mutations,
                  (SELECT count(*)::int FROM outbox WHERE payload->>'authorId' = $1::text) AS events,
                  (SELECT answer_count FROM threads WHERE id = $2) AS answers`,
            [uuidOf(member.id), uuidOf(threadId)],
          )
        )[0];
      const before = await counts();
      const reply = await app.gql(
        POST_ANSWER,
        {
          input: { threadId, body: 'No fee.', official: true, clientMutationId: 'official-1' },
        },
        member.token,
      );
      expect(errorCode(reply)).toBe('FORBIDDEN');
      expect(reply.data?.postAnswer ?? null).toBeNull();
      expect(before).toEqual({ posts: 0, mutations: 0, events: 0, answers: 0 });
      expect(await counts()).toEqual(before);
    },
  );

  it('earns no reputation from kudos or acceptance, while a plain answer does; counts move as usual', async () => {
    const asker = await app.member();
    const member = await app.member();
    const threadId = await app.ask(asker, boardId, 'How do I turn on Wi-Fi calling?');
    const official = await answer(agent, threadId, true);
    const plain = await answer(member, threadId);
    const agentBefore = await reputationOf(agent);

    expect(ok(await app.gql(GIVE, { id: official.id }, asker.token))).toEqual({
      giveKudo: { kudosCount: 1 },
    });
    ok(await app.gql(ACCEPT, { id: official.id }, asker.token));
    expect(await reputationOf(agent)).toEqual(agentBefore);
    ok(await app.gql(REMOVE, { id: official.id }, asker.token));
    ok(await app.gql(UNACCEPT, { id: threadId }, asker.token));
    expect(await reputationOf(agent)).toEqual(agentBefore);

    ok(await app.gql(GIVE, { id: plain.id }, asker.token));
    ok(await app.gql(ACCEPT, { id: plain.id }, asker.token));
    expect(await reputationOf(member)).toEqual({ reputation: 25, accepted_solution_count: 1 });
    // Moving the solution to the official answer takes the plain answer's solution back.
    ok(await app.gql(ACCEPT, { id: official.id }, asker.token));
    expect(await reputationOf(member)).toEqual({ reputation: 10, accepted_solution_count: 0 });
    expect(await reputationOf(agent)).toEqual(agentBefore);
  });

  it('counts 20 parallel kudos on an official answer exactly, the author earning nothing', async () => {
    const asker = await app.member();
    const threadId = await app.ask(asker, boardId, 'Which plan includes roaming in the EU?');
    const official = await answer(agent, threadId, true);
    const before = await reputationOf(agent);
    const givers = await Promise.all(Array.from({ length: 20 }, () => app.member()));
    const replies = await Promise.all(
      givers.map((giver) => app.gql(GIVE, { id: official.id }, giver.token)),
    );
    replies.forEach((reply) => ok(reply));
    const [post] = await app.sql<{ kudos_count: number; kudos: number }>(
      `SELECT kudos_count, (SELECT count(*)::int FROM kudos WHERE post_id = $1) AS kudos
         FROM posts WHERE id = $1`,
      [uuidOf(official.id)],
    );
    expect(post).toEqual({ kudos_count: 20, kudos: 20 });
    expect(await reputationOf(agent)).toEqual(before);
  });
});
