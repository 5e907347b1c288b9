import { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner';
import { errorCode, ok } from './support/graphql-client';
import { Member, TestApp } from './support/test-app';

const RECENT = `query($handle: String!, $first: Int) {
  user(handle: $handle) { recentAnswers(first: $first) { id status createdAt thread { id title } } }
}`;
const THREADS = `query($after: String, $size: Int) {
  sitemapThreads(after: $after, size: $size) { threads { id lastActivityAt } endCursor hasNextPage }
}`;
const PAGES = `query($size: Int) { sitemapPages(size: $size) { after threadCount lastActivityAt } }`;

interface Recent {
  user: {
    recentAnswers: Array<{ id: string; status: string; thread: { id: string; title: string } }>;
  };
}
interface SitemapThreads {
  sitemapThreads: {
    threads: Array<{ id: string; lastActivityAt: string }>;
    endCursor: string | null;
    hasNextPage: boolean;
  };
}
interface SitemapPages {
  sitemapPages: Array<{ after: string | null; threadCount: number; lastActivityAt: string }>;
}

/** The database UUID inside a global ID, for setting up rows with SQL. */
const uuidOf = (globalId: string): string =>
  Buffer.from(globalId, 'base64url').toString('utf8').split(':')[1];

describe("a member's recent answers and the sitemap's threads", () => {
  const app = new TestApp();
  let admin: Member;
  let asker: Member;
  let boardId: string;

  beforeAll(async () => {
    await app.start();
    admin = await app.member('ADMIN');
    asker = await app.member();
    boardId = await app.board(admin);
  });
  afterAll(() => app.stop());

  const recent = async (handle: string, first?: number) =>
    ok(await app.gql<Recent>(RECENT, { handle, first })).user.recentAnswers;

  describe('User.recentAnswers', () => {
    it('lists published answers in visible threads only, newest first', async () => {
      const member = await app.member();
      const open = await app.ask(asker, boardId, 'Where is the voicemail menu?');
      const hiddenThread = await app.ask(asker, boardId, 'A thread a moderator will hide');
      const first = await app.answer(member, open, 'First answer.');
      const deleted = await app.answer(member, open, 'An answer its author deletes.');
      const hidden = await app.answer(member, open, 'An answer a moderator hides.');
      const held = await app.answer(member, open, 'An answer automod holds.');
      await app.answer(member, hiddenThread, 'An answer in a hidden thread.');
      const last = await app.answer(member, open, 'Latest answer.');
      ok(
        await app.gql(
          'mutation($id: ID!) { deletePost(postId: $id) { id } }',
          { id: deleted },
          member.token,
        ),
      );
      await app.sql(`UPDATE posts SET status = 'HIDDEN' WHERE id = $1`, [uuidOf(hidden)]);
      await app.sql(`UPDATE posts SET status = 'PENDING_REVIEW' WHERE id = $1`, [uuidOf(held)]);
      await app.sql(`UPDATE threads SET content_status = 'HIDDEN' WHERE id = $1`, [
        uuidOf(hiddenThread),
      ]);

      // The member themselves, a moderator and a visitor all see the same public list.
      for (const token of [undefined, member.token, admin.token]) {
        const data = ok(await app.gql<Recent>(RECENT, { handle: member.handle }, token));
        expect(data.user.recentAnswers.map((post) => post.id)).toEqual([last, first]);
      }
      const answers = await recent(member.handle);
      expect(answers.every((post) => post.status === 'PUBLISHED')).toBe(true);
      expect(answers[0].thread).toEqual({ id: open, title: 'Where is the voicemail menu?' });
    });

    it('takes the five latest by default, `first` of them when asked, 1 to 100', async () => {
      const member = await app.member();
      const threadId = await app.ask(asker, boardId, 'A thread with many answers');
      const posted: string[] = [];
      for (let i = 0; i < 7; i++) posted.push(await app.answer(member, threadId, `Answer ${i}`));
      const newestFirst = [...posted].reverse();

      expect((await recent(member.handle)).map((post) => post.id)).toEqual(newestFirst.slice(0, 5));
      expect((await recent(member.handle, 2)).map((post) => post.id)).toEqual(
        newestFirst.slice(0, 2),
      );
      expect(await recent((await app.member()).handle)).toEqual([]);
      for (const first of [0, -1, 101]) {
        expect(errorCode(await app.gql(RECENT, { handle: member.handle, first }))).toBe(
          'BAD_USER_INPUT',
        );
      }
    });

    it('reads the answers of every member of a list in the same number of statements', async () => {
      const board = await app.board(admin);
      const members = await Promise.all(Array.from({ length: 6 }, () => app.member()));
      for (const member of members) {
        const threadId = await app.ask(member, board, `The question of ${member.handle}`);
        await app.answer(members[0], threadId, 'An answer.');
        await app.answer(member, threadId, 'My own answer.');
      }
      const listing = `query($boardId: ID!, $first: Int!) {
        threads(first: $first, filter: { boardId: $boardId }) {
          edges { node { author { recentAnswers(first: 3) { id thread { id } } } } }
        }
      }`;
      const statements = async (first: number): Promise<number> => {
        const spy = jest.spyOn(PostgresQueryRunner.prototype, 'query');
        try {
          ok(await app.gql(listing, { boardId: board, first }));
          return spy.mock.calls.length;
        } finally {
          spy.mockRestore();
        }
      };
      expect(await statements(6)).toBe(await statements(2));
    });
  });

  describe('sitemapThreads and sitemapPages', () => {
    /** What a visitor may see, in the sitemap's order, straight from the rows. */
    const published = async (): Promise<string[]> =>
      (
        await app.sql<{ id: string }>(
          `SELECT id FROM threads WHERE content_status = 'PUBLISHED' ORDER BY created_at, id`,
        )
      ).map((row) => row.id);

    it('walks every published thread oldest first, never a hidden, held or deleted one', async () => {
      const board = await app.board(admin);
      const kept = await app.ask(asker, board, 'A thread every visitor sees');
      const removed: string[] = [];
      for (const status of ['HIDDEN', 'PENDING_REVIEW', 'DELETED']) {
        const id = await app.ask(asker, board, `A thread that is ${status.toLowerCase()}`);
        await app.sql(`UPDATE threads SET content_status = $2 WHERE id = $1`, [uuidOf(id), status]);
        removed.push(id);
      }

      const walked: string[] = [];
      let after: string | null = null;
      let reads = 0;
      for (;;) {
        const page: SitemapThreads['sitemapThreads'] = ok(
          await app.gql<SitemapThreads>(THREADS, { after, size: 3 }),
        ).sitemapThreads;
        walked.push(...page.threads.map((thread) => thread.id));
        reads++;
        if (!page.hasNextPage) break;
        expect(page.threads).toHaveLength(3);
        after = page.endCursor;
      }
      expect(walked.map(uuidOf)).toEqual(await published());
      expect(reads).toBe(Math.ceil(walked.length / 3));
      expect(walked).toContain(kept);
      for (const id of removed) expect(walked).not.toContain(id);

      const [row] = await app.sql<{ last_activity_at: Date }>(
        'SELECT last_activity_at FROM threads WHERE id = $1',
        [uuidOf(kept)],
      );
      const all = ok(await app.gql<SitemapThreads>(THREADS, {})).sitemapThreads;
      expect(all.threads.find((thread) => thread.id === kept)?.lastActivityAt).toBe(
        row.last_activity_at.toISOString(),
      );
    });

    it('cuts the threads into pages that each start where sitemapThreads reads them', async () => {
      const ids = await published();
      const size = 4;
      const pages = ok(await app.gql<SitemapPages>(PAGES, { size })).sitemapPages;
      expect(pages).toHaveLength(Math.ceil(ids.length / size));
      expect(pages[0].after).toBeNull();
      for (const [index, page] of pages.entries()) {
        const expected = ids.slice(index * size, (index + 1) * size);
        const read = ok(
          await app.gql<SitemapThreads>(THREADS, { after: page.after, size }),
        ).sitemapThreads;
        expect(read.threads.map((thread) => uuidOf(thread.id))).toEqual(expected);
        expect(page.threadCount).toBe(expected.length);
        const [latest] = await app.sql<{ at: Date }>(
          'SELECT max(last_activity_at) AS at FROM threads WHERE id = ANY($1::uuid[])',
          [expected],
        );
        expect(page.lastActivityAt).toBe(latest.at.toISOString());
      }
    });

    it('refuses sizes out of range and cursors it did not make', async () => {
      for (const size of [0, 10001]) {
        expect(errorCode(await app.gql(THREADS, { size }))).toBe('BAD_USER_INPUT');
      }
      for (const size of [0, 50001]) {
        expect(errorCode(await app.gql(PAGES, { size }))).toBe('BAD_USER_INPUT');
      }
      expect(errorCode(await app.gql(THREADS, { after: 'bm90LWEtY3Vyc29y' }))).toBe(
        'BAD_USER_INPUT',
      );
      expect(ok(await app.gql<SitemapPages>(PAGES, {})).sitemapPages).toHaveLength(1);
    });
  });
});
