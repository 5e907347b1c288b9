import { createHash, randomUUID } from 'node:crypto';
import { flag, itemOf, resolve } from './support/moderation';
import { errorCode, GraphQLErrorShape, ok } from './support/graphql-client';
import { Member, TestApp } from './support/test-app';

// As the site's thread page asks: who is looking (null for anonymous readers), and the thread.
const PAGE = `query Page($id: ID!) {
  viewer { id }
  thread(id: $id) {
    id title status answerCount
    acceptedSolution { id }
    author { handle rank }
    answers(first: 20) {
      edges { node { id body status kudosCount viewerHasGivenKudo correction { note } author { handle } } }
    }
  }
}`;

interface Answer {
  id: string;
  body: string;
  kudosCount: number;
  viewerHasGivenKudo: boolean;
  correction: { note: string } | null;
}
interface Page {
  viewer: { id: string } | null;
  thread: {
    status: string;
    answerCount: number;
    acceptedSolution: { id: string } | null;
    answers: { edges: Array<{ node: Answer }> };
  } | null;
}

interface Read {
  status: number;
  cache: string | null;
  text: string;
  data: Page | null;
  errors?: GraphQLErrorShape[];
}

describe('response cache of anonymous thread pages', () => {
  const app = new TestApp();
  let admin: Member;
  let boardId: string;

  beforeAll(async () => {
    await app.start({ env: { RESPONSE_CACHE: 'on' } });
    admin = await app.member('ADMIN');
    boardId = await app.board(admin);
  });
  afterAll(() => app.stop());

  /** Posts an operation over HTTP, keeping the x-cache header and the body as sent. */
  async function send(
    query: string,
    variables: object,
    headers: Record<string, string> = {},
    url = app.url,
  ): Promise<Read> {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query, variables }),
    });
    const text = await response.text();
    const body = JSON.parse(text) as Pick<Read, 'data' | 'errors'>;
    return { status: response.status, cache: response.headers.get('x-cache'), text, ...body };
  }

  const read = (threadId: string, token?: string) =>
    send(PAGE, { id: threadId }, token ? { authorization: `Bearer ${token}` } : {});

  /** A thread with one answer, read anonymously until its page is served from the cache. */
  async function keptThread(): Promise<{
    asker: Member;
    author: Member;
    threadId: string;
    postId: string;
  }> {
    const [asker, author] = [await app.member(), await app.member()];
    const threadId = await app.ask(asker, boardId, 'Why does my router reboot at night?');
    const postId = await app.answer(author, threadId, 'It installs updates at 3 am.');
    expect((await read(threadId)).cache).toBe('miss');
    expect((await read(threadId)).cache).toBe('miss');
    expect((await read(threadId)).cache).toBe('hit');
    return { asker, author, threadId, postId };
  }

  const answersOf = (page: Read): Answer[] =>
    page.data?.thread?.answers.edges.map((edge) => edge.node) ?? [];

  it('keeps a page asked for twice and serves the next anonymous read, with the same body', async () => {
    const threadId = await app.ask(await app.member(), boardId, 'Can I keep my number?');
    const [first, second, third] = [
      await read(threadId),
      await read(threadId),
      await read(threadId),
    ];
    expect([first.cache, second.cache, third.cache]).toEqual(['miss', 'miss', 'hit']);
    expect(third.status).toBe(200);
    expect(third.text).toBe(first.text);
    expect(third.data?.thread?.answerCount).toBe(0);
    const metrics = await (await fetch(app.url.replace('/graphql', '/metrics'))).text();
    expect(metrics).toMatch(/graphql_response_cache_lookups_total\{result="hit"\} [1-9]/);
  });

  it('shows a new answer at once', async () => {
    const { threadId } = await keptThread();
    await app.answer(await app.member(), threadId, 'Or the power company cuts it.');
    const after = await read(threadId);
    expect(after.cache).toBe('miss');
    expect(after.data?.thread?.answerCount).toBe(2);
    expect((await read(threadId)).cache).toBe('hit');
  });

  it('serves the same entry to a GET and to a persisted-query hash', async () => {
    const { threadId } = await keptThread();
    const params = new URLSearchParams({
      query: PAGE,
      variables: JSON.stringify({ id: threadId }),
    });
    const get = await fetch(`${app.url}?${params}`, {
      headers: { 'apollo-require-preflight': 'true' },
    });
    expect(get.headers.get('x-cache')).toBe('hit');
    const sha256Hash = createHash('sha256').update(PAGE).digest('hex');
    const byHash = await fetch(app.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        variables: { id: threadId },
        extensions: { persistedQuery: { version: 1, sha256Hash } },
      }),
    });
    expect(byHash.headers.get('x-cache')).toBe('hit');
    expect(await byHash.text()).toBe(await get.text());
  });

  it('shows an edit at once', async () => {
    const { author, threadId, postId } = await keptThread();
    ok(
      await app.gql(
        `mutation($input: EditPostInput!) { editPost(input: $input) { id } }`,
        { input: { postId, body: 'It installs updates at 4 am.' } },
        author.token,
      ),
    );
    expect(answersOf(await read(threadId))[0].body).toBe('It installs updates at 4 am.');
  });

  it('shows a kudo given and taken back at once', async () => {
    const { asker, threadId, postId } = await keptThread();
    const kudo = `mutation($id: ID!) { giveKudo(postId: $id) { kudosCount } }`;
    ok(await app.gql(kudo, { id: postId }, asker.token));
    expect(answersOf(await read(threadId))[0].kudosCount).toBe(1);
    expect((await read(threadId)).cache).toBe('hit');
    ok(await app.gql(kudo.replace('giveKudo', 'removeKudo'), { id: postId }, asker.token));
    expect(answersOf(await read(threadId))[0].kudosCount).toBe(0);
  });

  it('shows an accepted solution, its withdrawal and a deleted answer at once', async () => {
    const { asker, author, threadId, postId } = await keptThread();
    ok(
      await app.gql(
        `mutation($id: ID!) { acceptSolution(postId: $id) { status } }`,
        { id: postId },
        asker.token,
      ),
    );
    expect((await read(threadId)).data?.thread?.acceptedSolution).toEqual({ id: postId });
    ok(
      await app.gql(
        `mutation($id: ID!) { unacceptSolution(threadId: $id) { status } }`,
        { id: threadId },
        asker.token,
      ),
    );
    expect((await read(threadId)).data?.thread?.acceptedSolution).toBeNull();
    ok(
      await app.gql(
        `mutation($id: ID!) { deletePost(postId: $id) { id } }`,
        { id: postId },
        author.token,
      ),
    );
    expect(answersOf(await read(threadId))).toEqual([]);
  });

  it('shows a correction and an answer a moderator hid at once', async () => {
    const moderator = await app.member('MODERATOR');
    const { threadId, postId } = await keptThread();
    ok(
      await app.gql(
        `mutation($input: CorrectPostInput!) { correctPost(input: $input) { id } }`,
        { input: { postId, note: 'Updates run at 4 am.' } },
        moderator.token,
      ),
    );
    expect(answersOf(await read(threadId))[0].correction).toEqual({ note: 'Updates run at 4 am.' });
    expect((await read(threadId)).cache).toBe('hit');
    ok(await flag(app, await app.member(), postId, 'OFFENSIVE'));
    const item = await itemOf(app, moderator, postId);
    ok(await resolve(app, moderator, { id: item.id, action: 'HIDE', note: 'Rude' }));
    const hidden = await read(threadId);
    expect(hidden.cache).toBe('miss');
    expect(answersOf(hidden)).toEqual([]);
  });

  it('never serves nor keeps the answer of a signed-in reader', async () => {
    const { asker, threadId } = await keptThread();
    const author = await app.member();
    const postId = await app.answer(author, threadId, 'Check the schedule in the app.');
    ok(
      await app.gql(
        `mutation($id: ID!) { giveKudo(postId: $id) { id } }`,
        { id: postId },
        asker.token,
      ),
    );
    expect((await read(threadId)).cache).toBe('miss');
    const signedIn = await read(threadId, asker.token);
    expect(signedIn.cache).toBeNull();
    expect(answersOf(signedIn).find((answer) => answer.id === postId)?.viewerHasGivenKudo).toBe(
      true,
    );
    expect(signedIn.data?.viewer).toEqual({ id: asker.id });
    expect((await read(threadId, asker.token)).cache).toBeNull();
    const anonymous = await read(threadId);
    expect(anonymous.cache).toBe('hit');
    expect(anonymous.data?.viewer).toBeNull();
    expect(answersOf(anonymous).every((answer) => !answer.viewerHasGivenKudo)).toBe(true);

    // Signed-in reads neither keep a page nor count towards keeping it.
    const other = await app.ask(asker, boardId, 'Is the night reboot optional?');
    await read(other, asker.token);
    await read(other, asker.token);
    expect([(await read(other)).cache, (await read(other)).cache]).toEqual(['miss', 'miss']);
    expect((await read(other)).cache).toBe('hit');
  });

  it('counts a page served from the cache against the anonymous limit, as if it ran', async () => {
    const limited = await new TestApp().start({
      env: { RESPONSE_CACHE: 'on', RATE_LIMIT: 'on', RATE_LIMIT_ANONYMOUS_PER_MINUTE: '8' },
    });
    try {
      // Two registrations (anonymous) cost 2 points, and each read of the page 2 (viewer, thread).
      const asker = await limited.member();
      const board = await limited.board(await limited.member('ADMIN'));
      const threadId = await limited.ask(asker, board, 'Roaming in Peru?');
      const page = () => send(PAGE, { id: threadId }, {}, limited.url);
      const reads = [await page(), await page(), await page()];
      expect(reads.map((read) => read.cache)).toEqual(['miss', 'miss', 'hit']);
      const refused = await page();
      expect(refused.status).toBe(429);
      expect(refused.cache).toBeNull();
      expect(refused.errors?.[0].extensions?.code).toBe('RATE_LIMITED');
    } finally {
      await limited.stop();
    }
  });

  it('keeps no answer with errors', async () => {
    for (let i = 0; i < 2; i++) {
      const reply = await send(PAGE, { id: 'not-an-id' });
      expect(reply.cache).toBeNull();
      expect(reply.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    }
  });

  it('never keeps a mutation: the same registration twice is a conflict the second time', async () => {
    const register = `mutation($input: RegisterInput!) { register(input: $input) { user { handle } } }`;
    const handle = `cache_${randomUUID().slice(0, 8)}`;
    const input = { handle, email: `${handle}@example.com`, password: 'correct-horse-battery' };
    const first = await send(register, { input });
    expect(first.cache).toBeNull();
    expect(first.errors).toBeUndefined();
    const second = await send(register, { input });
    expect(second.cache).toBeNull();
    expect(errorCode({ status: second.status, data: null, errors: second.errors })).toBe(
      'CONFLICT',
    );
  });

  it('keeps one entry per variables, and none for fields that reach other threads', async () => {
    const asker = await app.member();
    const one = await app.ask(asker, boardId, 'First question about roaming');
    const two = await app.ask(asker, boardId, 'Second question about roaming');
    for (let i = 0; i < 2; i++) {
      await read(one);
      await read(two);
    }
    const [again1, again2] = [await read(one), await read(two)];
    expect([again1.cache, again2.cache]).toEqual(['hit', 'hit']);
    expect(again1.text).toContain('First question');
    expect(again2.text).toContain('Second question');

    const elsewhere = `query($id: ID!) { thread(id: $id) { title author { recentAnswers { body } } } }`;
    expect((await send(elsewhere, { id: one })).cache).toBeNull();
    expect((await send(elsewhere, { id: one })).cache).toBeNull();
  });
});
