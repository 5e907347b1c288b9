import { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner';
import { errorCode, GraphQLResponse, ok } from './support/graphql-client';
import { Member, TestApp } from './support/test-app';

const SEARCH = `query($query: String!, $boardId: ID, $first: Int, $after: String) {
  search(query: $query, boardId: $boardId, first: $first, after: $after) {
    totalCount
    edges { cursor node { thread { id title author { handle } } post { id author { handle } } highlight score } }
    pageInfo { hasNextPage hasPreviousPage endCursor }
  }
}`;
const SIMILAR = `query($title: String!, $body: String, $first: Int) {
  similarThreads(title: $title, body: $body, first: $first) { id title status }
}`;
const ASK = `mutation($input: AskQuestionInput!) { askQuestion(input: $input) { id } }`;
const ACCEPT = `mutation($id: ID!) { acceptSolution(postId: $id) { status } }`;

interface Hit {
  thread: { id: string; title: string };
  post: { id: string } | null;
  highlight: string;
  score: number;
}
interface SearchResult {
  search: {
    totalCount: number;
    edges: Array<{ cursor: string; node: Hit }>;
    pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; endCursor: string | null };
  };
}
interface SimilarResult {
  similarThreads: Array<{ id: string; title: string; status: string }>;
}

/** The database UUID inside a global ID, for setting up rows with SQL. */
const uuidOf = (globalId: string): string =>
  Buffer.from(globalId, 'base64url').toString('utf8').split(':')[1];

describe('searching the forum', () => {
  const app = new TestApp();
  let admin: Member;
  let asker: Member;
  let answerer: Member;

  beforeAll(async () => {
    await app.start();
    admin = await app.member('ADMIN');
    asker = await app.member();
    answerer = await app.member();
  });
  afterAll(() => app.stop());

  /** Asks a question with a body of our choosing; returns the thread's ID. */
  async function ask(boardId: string, title: string, body = 'Details of the question.') {
    const data = ok(
      await app.gql<{ askQuestion: { id: string } }>(
        ASK,
        { input: { boardId, title, body } },
        asker.token,
      ),
    );
    return data.askQuestion.id;
  }

  function search(variables: Record<string, unknown>, token?: string) {
    return app.gql<SearchResult>(SEARCH, variables, token);
  }

  /** The hits of a search that must succeed. */
  async function hits(query: string, boardId?: string, token?: string): Promise<Hit[]> {
    return ok(await search({ query, boardId }, token)).search.edges.map((edge) => edge.node);
  }

  const titles = (found: Hit[]) => found.map((hit) => hit.thread.title);

  function expectBadInput(response: GraphQLResponse<unknown>, field?: string): void {
    expect(errorCode(response)).toBe('BAD_USER_INPUT');
    if (field) expect(response.errors?.[0].extensions?.field).toBe(field);
  }

  describe('search', () => {
    it('finds words by their stem: "routers" finds a router, "configuring" finds configure', async () => {
      const boardId = await app.board(admin);
      await ask(boardId, 'My router reboots every night');
      await ask(boardId, 'How do I configure call forwarding?');
      await ask(boardId, 'Something else entirely here');

      expect(titles(await hits('routers', boardId))).toEqual(['My router reboots every night']);
      expect(titles(await hits('configuring', boardId))).toEqual([
        'How do I configure call forwarding?',
      ]);
    });

    it('ranks a thread with the word in its title above one with it only in the body', async () => {
      const boardId = await app.board(admin);
      await ask(boardId, 'A question about billing', 'My hotspot has stopped sharing data.');
      await ask(boardId, 'Hotspot disconnects my laptop', 'It happens every hour.');

      const found = await hits('hotspot', boardId);
      expect(titles(found)).toEqual(['Hotspot disconnects my laptop', 'A question about billing']);
      expect(found[0].score).toBeGreaterThan(found[1].score);
    });

    it('returns the answer that matched when the match was only in a published answer', async () => {
      const boardId = await app.board(admin);
      const threadId = await ask(boardId, 'Phone will not charge overnight');
      const postId = await app.answer(answerer, threadId, 'Clean the lint out of the port.');
      await app.answer(answerer, threadId, 'Try another cable first.');

      const [hit] = await hits('lint', boardId);
      expect(hit.thread.id).toBe(threadId);
      expect(hit.post?.id).toBe(postId);
      expect(hit.highlight).toBe('Clean the <mark>lint</mark> out of the port.');
    });

    it('returns the thread alone when it matches better than its answers', async () => {
      const boardId = await app.board(admin);
      const threadId = await ask(boardId, 'Roaming charges in Spain', 'Roaming was on.');
      await app.answer(answerer, threadId, 'Turn roaming off in settings.');

      const found = await hits('roaming', boardId);
      expect(found).toHaveLength(1);
      expect(found[0]).toMatchObject({ thread: { id: threadId }, post: null });
      expect(found[0].highlight).toContain('<mark>Roaming</mark> charges in Spain');
    });

    it('matches a quoted phrase only where its words stand together', async () => {
      const boardId = await app.board(admin);
      await ask(boardId, 'Setting up voice mail on Android');
      await ask(boardId, 'Voice calls drop when the mail app syncs');

      expect(titles(await hits('"voice mail"', boardId))).toEqual([
        'Setting up voice mail on Android',
      ]);
      expect(titles(await hits('voice mail', boardId)).sort()).toEqual([
        'Setting up voice mail on Android',
        'Voice calls drop when the mail app syncs',
      ]);
    });

    it.each([
      ['boolean operators', 'a & b | !c'],
      ['a phrase operator', 'signal <-> coverage'],
      ['a prefix operator', 'sig:*'],
      ['an unbalanced quote', '"unfinished phrase'],
      ['unbalanced parentheses', '((signal'],
      ['backslashes', 'C:\\Users\\me \\\\ \\'],
      ['SQL', "'; DROP TABLE threads; --"],
      ['only a negation', '-signal'],
      ['only stop words', 'the and of'],
      ['unicode', 'café 💥 测试'],
    ])('never fails on %s', async (_story, query) => {
      const response = await search({ query });
      expect(response.errors).toBeUndefined();
      expect(response.data?.search.edges).toEqual(expect.any(Array));
      const [table] = await app.sql<{ name: string | null }>(
        `SELECT to_regclass('threads') AS name`,
      );
      expect(table.name).toBe('threads');
    });

    it('finds nothing, without an error, for 200 characters of punctuation', async () => {
      const result = ok(await search({ query: '!@#$%^&*()<>:"\'|-'.repeat(12).slice(0, 200) }));
      expect(result.search.edges).toEqual([]);
      expect(result.search.totalCount).toBe(0);
      expect(result.search.pageInfo.hasNextPage).toBe(false);
    });

    it.each([
      ['an empty query', ''],
      ['a blank query', '   \t '],
      ['a query of 201 characters', 'x'.repeat(201)],
      ['a query of 10 KB', 'voicemail '.repeat(1024)],
    ])('refuses %s as BAD_USER_INPUT', async (_story, query) => {
      expectBadInput(await search({ query }), 'query');
    });

    it('never finds hidden, pending or deleted threads and answers, whoever asks', async () => {
      const boardId = await app.board(admin);
      const moderator = await app.member('MODERATOR');
      const statuses = ['HIDDEN', 'PENDING_REVIEW', 'DELETED'];
      for (const status of statuses) {
        const threadId = await ask(boardId, `Zeppelin question that is ${status}`);
        await app.sql(`UPDATE threads SET content_status = $2 WHERE id = $1`, [
          uuidOf(threadId),
          status,
        ]);
      }
      const visibleThread = await ask(boardId, 'An ordinary published question');
      for (const status of statuses) {
        const postId = await app.answer(answerer, visibleThread, `A zeppelin answer ${status}`);
        await app.sql(`UPDATE posts SET status = $2 WHERE id = $1`, [uuidOf(postId), status]);
      }
      // A published answer inside a hidden thread is not found either.
      const hiddenThread = await ask(boardId, 'Another question about airships');
      await app.answer(answerer, hiddenThread, 'The zeppelin answer of a hidden thread.');
      await app.sql(`UPDATE threads SET content_status = 'HIDDEN' WHERE id = $1`, [
        uuidOf(hiddenThread),
      ]);

      for (const viewer of [undefined, asker, answerer, moderator, admin]) {
        const result = ok(await search({ query: 'zeppelin', boardId }, viewer?.token));
        expect(result.search.edges).toEqual([]);
        expect(result.search.totalCount).toBe(0);
      }
    });

    it('escapes markup in the highlight and marks the matched words', async () => {
      const boardId = await app.board(admin);
      await ask(boardId, '<script>alert(1)</script> router', 'It <b>really</b> & truly broke.');

      const [hit] = await hits('router', boardId);
      expect(hit.highlight).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
      expect(hit.highlight).toContain('<mark>router</mark>');
      expect(hit.highlight).toContain('&lt;b&gt;really&lt;/b&gt; &amp; truly');
      expect(hit.highlight).not.toContain('<script');
      expect(hit.highlight.replace(/<\/?mark>/g, '')).not.toMatch(/[<>]/);
    });

    it('pages through the hits with cursors, without repeats or gaps', async () => {
      const boardId = await app.board(admin);
      const asked = new Set<string>();
      // Equal titles score equally: the thread id breaks the tie, and the cursor must hold it.
      for (let i = 0; i < 3; i++) asked.add(await ask(boardId, 'Porting my number again'));
      asked.add(await ask(boardId, 'Porting a number', 'Porting takes long; porting is slow.'));
      asked.add(await ask(boardId, 'A question with the word in the body', 'About porting.'));

      const seen: string[] = [];
      let after: string | null = null;
      let pages = 0;
      do {
        const page: SearchResult = ok(await search({ query: 'porting', boardId, first: 2, after }));
        expect(page.search.totalCount).toBe(5);
        expect(page.search.pageInfo.hasPreviousPage).toBe(after !== null);
        seen.push(...page.search.edges.map((edge) => edge.node.thread.id));
        const scores = page.search.edges.map((edge) => edge.node.score);
        expect(scores).toEqual([...scores].sort((a, b) => b - a));
        after = page.search.pageInfo.hasNextPage ? page.search.pageInfo.endCursor : null;
        pages++;
      } while (after);
      expect(pages).toBe(3);
      expect(seen).toHaveLength(5);
      expect(new Set(seen)).toEqual(asked);
    });

    it.each([
      ['a garbage cursor', 'garbage'],
      ['a cursor of another list', Buffer.from('[1700000000000,"x"]').toString('base64url')],
      [
        'a cursor with a forged score',
        Buffer.from('["1; DROP TABLE threads","3f2b8c4e-9a1d-4e6f-8b7a-0c1d2e3f4a5b"]').toString(
          'base64url',
        ),
      ],
    ])('refuses %s as BAD_USER_INPUT on after', async (_story, after) => {
      expectBadInput(await search({ query: 'porting', after }), 'after');
    });

    it('searches one board when given its id, and every board without', async () => {
      const first = await app.board(admin);
      const second = await app.board(admin);
      await ask(first, 'Esim activation on the first board');
      await ask(second, 'Esim activation on the second board');

      expect(titles(await hits('esim activation', first))).toEqual([
        'Esim activation on the first board',
      ]);
      expect(titles(await hits('esim activation')).sort()).toEqual([
        'Esim activation on the first board',
        'Esim activation on the second board',
      ]);
    });

    it('refuses a boardId that is not the ID of a board', async () => {
      const boardId = await app.board(admin);
      const threadId = await ask(boardId, 'A thread whose id is not a board id');
      expectBadInput(await search({ query: 'thread', boardId: 'not-an-id' }), 'boardId');
      expectBadInput(await search({ query: 'thread', boardId: threadId }), 'boardId');
    });

    it('refuses first below 1 or above 100', async () => {
      expectBadInput(await search({ query: 'router', first: 101 }), 'first');
      expectBadInput(await search({ query: 'router', first: 0 }), 'first');
      expect(ok(await search({ query: 'router', first: 100 })).search.edges).toBeDefined();
    });

    it('costs the same number of SQL statements for 3 hits as for 12', async () => {
      const count = async (query: string) => {
        const spy = jest.spyOn(PostgresQueryRunner.prototype, 'query');
        try {
          ok(await search({ query }));
          return spy.mock.calls.length;
        } finally {
          spy.mockRestore();
        }
      };
      const boardId = await app.board(admin);
      for (let i = 0; i < 3; i++) {
        const threadId = await ask(boardId, `Kestrel question number ${i}`);
        await app.answer(answerer, threadId, `The falcon answer ${i}`);
      }
      for (let i = 0; i < 12; i++) {
        const threadId = await ask(boardId, `Albatross question number ${i}`);
        await app.answer(answerer, threadId, `The osprey answer ${i}`);
      }
      expect(await count('falcon')).toBe(await count('osprey'));
    });
  });

  describe('similarThreads', () => {
    const similar = (variables: Record<string, unknown>) =>
      app.gql<SimilarResult>(SIMILAR, variables);

    it('finds a thread despite typos in the title being typed', async () => {
      const boardId = await app.board(admin);
      const setup = await ask(boardId, 'Voicemail setup');
      const greeting = await ask(boardId, 'Voicemail greeting');

      const found = ok(await similar({ title: 'voicemial setup' })).similarThreads;
      expect(found.map((thread) => thread.id)).toContain(setup);
      // No word in common, not even by stem: only the trigrams of the title can find it.
      const typo = ok(await similar({ title: 'voicemial greting' })).similarThreads;
      expect(typo.map((thread) => thread.id)).toContain(greeting);
    });

    it('suggests solved threads first, then the closest', async () => {
      const boardId = await app.board(admin);
      const closest = await ask(boardId, 'Tethering stopped working on Pixel');
      const solved = await ask(boardId, 'Tethering question');
      const postId = await app.answer(answerer, solved, 'Reset the network settings.');
      ok(await app.gql(ACCEPT, { id: postId }, asker.token));

      const found = ok(await similar({ title: 'Tethering stopped working on my Pixel' }));
      const ids = found.similarThreads.map((thread) => thread.id);
      expect(ids.indexOf(solved)).toBeGreaterThanOrEqual(0);
      expect(ids.indexOf(solved)).toBeLessThan(ids.indexOf(closest));
      expect(found.similarThreads[0].status).toBe('SOLVED');
    });

    it('never suggests unpublished threads', async () => {
      const boardId = await app.board(admin);
      for (const status of ['HIDDEN', 'PENDING_REVIEW', 'DELETED']) {
        const threadId = await ask(boardId, `Quasar firmware update ${status}`);
        await app.sql(`UPDATE threads SET content_status = $2 WHERE id = $1`, [
          uuidOf(threadId),
          status,
        ]);
      }
      const found = ok(await similar({ title: 'Quasar firmware update', first: 20 }));
      expect(found.similarThreads).toEqual([]);
    });

    it('reads the title as text, never as query syntax', async () => {
      for (const title of ["'; DROP TABLE threads; --", 'a & b | !c <-> d:*', '\\\'"(', '???']) {
        expect(ok(await similar({ title })).similarThreads).toEqual(expect.any(Array));
      }
    });

    it.each([
      ['first: 0', { title: 'Voicemail setup', first: 0 }, 'first'],
      ['first: 21', { title: 'Voicemail setup', first: 21 }, 'first'],
      ['a blank title', { title: '  ' }, 'title'],
      ['a title of 201 characters', { title: 't'.repeat(201) }, 'title'],
      ['a body over 50,000 characters', { title: 'Voicemail', body: 'b'.repeat(50_001) }, 'body'],
    ])('refuses %s as BAD_USER_INPUT', async (_story, variables, field) => {
      expectBadInput(await similar(variables), field);
    });
  });
});
