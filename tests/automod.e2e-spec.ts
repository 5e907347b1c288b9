import { ok } from './support/graphql-client';
import { itemOf, resolve } from './support/moderation';
import { eventually, Member, TestApp } from './support/test-app';

const ANSWER = `mutation($input: PostAnswerInput!) { postAnswer(input: $input) { id status } }`;
const ASK = `mutation($input: AskQuestionInput!) { askQuestion(input: $input) { id contentStatus } }`;
const THREAD = `query($id: ID!) { thread(id: $id) { answerCount answers(first: 10) { edges { node { id status } } } } }`;
const SEARCH = `query($q: String!) { search(query: $q) { totalCount } }`;
const INBOX = `query { notifications(first: 10) { edges { node { kind } } } }`;

interface ThreadView {
  thread: {
    answerCount: number;
    answers: { edges: Array<{ node: { id: string; status: string } }> };
  };
}

/** Automod at its default threshold: new content is screened before anyone else sees it. */
describe('automod screening', () => {
  const app = new TestApp();
  let moderator: Member;
  let boardId: string;

  const thread = async (threadId: string, token?: string) =>
    ok(await app.gql<ThreadView>(THREAD, { id: threadId }, token)).thread;
  const searchCount = async (query: string) =>
    ok(await app.gql<{ search: { totalCount: number } }>(SEARCH, { q: query })).search.totalCount;

  beforeAll(async () => {
    await app.start({
      worker: true,
      env: { AUTOMOD_THRESHOLD: '3', AUTOMOD_BLOCKED_WORDS: 'casino,jackpot' },
    });
    moderator = await app.member('MODERATOR');
    boardId = await app.board(await app.member('ADMIN'));
  });
  afterAll(() => app.stop());

  it("holds a new member's answer with four links until a moderator approves it", async () => {
    const asker = await app.member();
    const spammer = await app.member();
    const threadId = await app.ask(asker, boardId, 'Which charger works with my phone?');
    const body =
      'Zanzibarcharger deals: https://a.example https://b.example http://c.example www.d.example';
    const posted = ok(
      await app.gql<{ postAnswer: { id: string; status: string } }>(
        ANSWER,
        { input: { threadId, body } },
        spammer.token,
      ),
    );
    const postId = posted.postAnswer.id;
    expect(posted.postAnswer.status).toBe('PENDING_REVIEW');

    expect(await thread(threadId)).toEqual({ answerCount: 0, answers: { edges: [] } });
    expect((await thread(threadId, spammer.token)).answers.edges).toEqual([
      { node: { id: postId, status: 'PENDING_REVIEW' } },
    ]);
    expect(await searchCount('zanzibarcharger')).toBe(0);

    const item = await itemOf(app, moderator, postId);
    expect(item).toMatchObject({
      kind: 'AUTOMOD',
      reasons: ['4 links from a member under 10 reputation'],
    });
    ok(await resolve(app, moderator, { id: item.id, action: 'APPROVE' }));

    expect(await thread(threadId)).toEqual({
      answerCount: 1,
      answers: { edges: [{ node: { id: postId, status: 'PUBLISHED' } }] },
    });
    expect(await searchCount('zanzibarcharger')).toBe(1);
    // Approval announces the answer as if it had just been posted.
    await eventually(
      async () =>
        ok(
          await app.gql<{ notifications: { edges: Array<{ node: { kind: string } }> } }>(
            INBOX,
            {},
            asker.token,
          ),
        ).notifications.edges,
      (edges) => edges.some((edge) => edge.node.kind === 'NEW_ANSWER'),
    );
  });

  it('publishes a member’s link once they have 10 reputation', async () => {
    const asker = await app.member();
    const regular = await app.member();
    await app.sql(`UPDATE users SET reputation = 10 WHERE lower(handle) = lower($1)`, [
      regular.handle,
    ]);
    const threadId = await app.ask(asker, boardId, 'Where is the APN guide for Android?');
    const posted = ok(
      await app.gql<{ postAnswer: { status: string } }>(
        ANSWER,
        { input: { threadId, body: 'See https://help.example/apn for the steps.' } },
        regular.token,
      ),
    );
    expect(posted.postAnswer.status).toBe('PUBLISHED');
  });

  it('holds a question with a blocked word, and a repeated answer, saying which rule fired', async () => {
    const member = await app.member();
    const asked = ok(
      await app.gql<{ askQuestion: { id: string; contentStatus: string } }>(
        ASK,
        {
          input: {
            boardId,
            title: 'Free CASINO credit for every customer',
            body: 'Claim it now.',
          },
        },
        member.token,
      ),
    );
    expect(asked.askQuestion.contentStatus).toBe('PENDING_REVIEW');
    const threads = ok(
      await app.gql<{ threads: { edges: Array<{ node: { id: string } }> } }>(
        `query { threads(first: 100) { edges { node { id } } } }`,
      ),
    );
    expect(threads.threads.edges.map((edge) => edge.node.id)).not.toContain(asked.askQuestion.id);
    expect((await itemOf(app, moderator, asked.askQuestion.id)).reasons).toEqual([
      'blocked word "casino"',
    ]);

    const asker = await app.member();
    const threadId = await app.ask(asker, boardId, 'How do I check my data balance?');
    const first = ok(
      await app.gql<{ postAnswer: { status: string } }>(
        ANSWER,
        { input: { threadId, body: 'Dial *100# and press call.' } },
        member.token,
      ),
    );
    expect(first.postAnswer.status).toBe('PUBLISHED');
    const repeated = ok(
      await app.gql<{ postAnswer: { id: string; status: string } }>(
        ANSWER,
        { input: { threadId, body: 'dial *100#   and press call.' } },
        member.token,
      ),
    );
    expect(repeated.postAnswer.status).toBe('PENDING_REVIEW');
    expect((await itemOf(app, moderator, repeated.postAnswer.id)).reasons).toEqual([
      'the same text was posted again',
    ]);
  });
});
