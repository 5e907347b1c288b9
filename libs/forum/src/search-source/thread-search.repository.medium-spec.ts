import { ContentStatus } from '@app/core';
import { MediumTest } from '@test/medium';
import { randomUUID } from 'node:crypto';
import { ForumModule } from '../forum.module';
import { ThreadStatus } from '../forum.enums';
import { ThreadSearchRepository, ThreadSearchRow } from './thread-search.repository';
import {
  ExcerptFormat,
  HitBoundary,
  SEARCH_CANDIDATES,
  SEARCH_WINDOW,
  SUGGESTION_WINDOW,
  ThreadTextQuery,
} from './thread-search.statements';

// Readable marks: matches between « and », the text's own `<` and `>` turned into `(` and `)`,
// its own « and » deleted (so that only ts_headline marks).
const EXCERPT: ExcerptFormat = {
  headlineOptions: 'StartSel=«, StopSel=»',
  translateFrom: '<>«»',
  translateTo: '()',
};

interface ThreadSeed {
  title: string;
  body?: string;
  /** What readers see of the body; the body itself when not given. */
  bodyText?: string;
  board?: string;
  status?: ThreadStatus;
  contentStatus?: ContentStatus;
}

interface PostSeed {
  body: string;
  bodyText?: string;
  status?: ContentStatus;
}

describe('ThreadSearchRepository (full-text search over published threads and answers)', () => {
  const medium = new MediumTest();
  let search: ThreadSearchRepository;
  let author: string;
  let board: string;
  let otherBoard: string;

  const newBoard = async (): Promise<string> => {
    const id = randomUUID();
    await medium.sql(
      `INSERT INTO boards (id, slug, name, description, kind) VALUES ($1, $2, 'Help', '', 'QUESTIONS')`,
      [id, `b-${id}`],
    );
    return id;
  };

  const newThread = async (seed: ThreadSeed): Promise<string> => {
    const id = randomUUID();
    const body = seed.body ?? 'Details of the question.';
    await medium.sql(
      `INSERT INTO threads (id, board_id, author_id, title, body, body_html, body_text, status,
                            content_status)
       VALUES ($1, $2, $3, $4, $5, $5, $6, $7, $8)`,
      [
        id,
        seed.board ?? board,
        author,
        seed.title,
        body,
        seed.bodyText ?? body,
        seed.status ?? ThreadStatus.OPEN,
        seed.contentStatus ?? ContentStatus.PUBLISHED,
      ],
    );
    return id;
  };

  const newPost = async (thread: string, seed: PostSeed): Promise<string> => {
    const id = randomUUID();
    await medium.sql(
      `INSERT INTO posts (id, thread_id, author_id, body, body_html, body_text, status)
       VALUES ($1, $2, $3, $4, $4, $5, $6)`,
      [id, thread, author, seed.body, seed.bodyText ?? seed.body, seed.status ?? 'PUBLISHED'],
    );
    return id;
  };

  const text = (words: string, boardId: string | null = null): ThreadTextQuery => ({
    text: words,
    boardId,
  });
  const firstPage = (query: ThreadTextQuery, limit = 20): Promise<ThreadSearchRow[]> =>
    search.hits(query, limit, null, 'forward', EXCERPT);

  beforeAll(async () => {
    await medium.start([ForumModule]);
    search = medium.get(ThreadSearchRepository);
    author = await medium.member();
    board = await newBoard();
    otherBoard = await newBoard();
  });
  afterAll(() => medium.stop());

  it('ranks a match in the title above one in the question, above one in an answer', async () => {
    const inAnswer = await newThread({ title: 'Slow internet at night' });
    const answer = await newPost(inAnswer, { body: 'Move the zeppelin antenna higher.' });
    const inBody = await newThread({ title: 'Antenna advice', body: 'My zeppelin antenna fell.' });
    const inTitle = await newThread({ title: 'Zeppelin antenna reboots' });

    const rows = await firstPage(text('zeppelin'));

    expect(rows.map((row) => [row.threadId, row.postId])).toEqual([
      [inTitle, null],
      [inBody, null],
      [inAnswer, answer],
    ]);
    const scores = rows.map((row) => Number(row.score));
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(scores[0]).toBeGreaterThan(scores[1]);
    expect(scores[1]).toBeGreaterThan(scores[2]);
    // Exact numeric text, which a cursor carries as it is.
    for (const row of rows) expect(row.score).toMatch(/^\d+\.\d{6}$/);
    expect(await search.countHits(text('zeppelin'))).toBe(3);
  });

  it('gives one hit per thread when a word is in every answer, and pages through them all', async () => {
    const threads: string[] = [];
    for (let n = 0; n < 5; n += 1) {
      const thread = await newThread({ title: `Question number ${n}` });
      for (let k = 0; k < 3; k += 1) {
        await newPost(thread, { body: `Check the quokka settings (${'and again '.repeat(k)}).` });
      }
      threads.push(thread);
    }

    const all = await firstPage(text('quokka'));
    expect(all.map((row) => row.threadId).sort()).toEqual([...threads].sort());
    expect(all.every((row) => row.postId !== null)).toBe(true);
    expect(await search.countHits(text('quokka'))).toBe(5);

    // Two at a time (limit + 1 rows each), forward from the start, then back from the end.
    const forward: string[] = [];
    let from: HitBoundary | null = null;
    for (;;) {
      const page: ThreadSearchRow[] = await search.hits(
        text('quokka'),
        2,
        from,
        'forward',
        EXCERPT,
      );
      forward.push(...page.slice(0, 2).map((row) => row.threadId));
      if (page.length <= 2) break;
      from = { score: page[1].score, threadId: page[1].threadId };
    }
    expect(forward).toEqual(all.map((row) => row.threadId));
    const last = all[all.length - 1];
    const back = await search.hits(
      text('quokka'),
      2,
      { score: last.score, threadId: last.threadId },
      'backward',
      EXCERPT,
    );
    // Nearest the cursor first: the hits just before the last one, worst first.
    expect(back.map((row) => row.threadId)).toEqual(
      all
        .slice(0, -1)
        .reverse()
        .slice(0, 3)
        .map((row) => row.threadId),
    );
  });

  it('never finds hidden, deleted or pending content, nor answers of a thread that is not published', async () => {
    const statuses = [ContentStatus.HIDDEN, ContentStatus.DELETED, ContentStatus.PENDING_REVIEW];
    const unpublishedThreads: string[] = [];
    for (const contentStatus of statuses) {
      const thread = await newThread({ title: 'Wombat pairing', contentStatus });
      await newPost(thread, { body: 'A wombat answer.' });
      unpublishedThreads.push(thread);
    }
    const shown = await newThread({ title: 'Headset troubles' });
    const unpublishedPosts: string[] = [];
    for (const status of statuses) {
      unpublishedPosts.push(await newPost(shown, { body: 'Hidden wombat advice.', status }));
    }

    expect(await firstPage(text('wombat'))).toEqual([]);
    expect(await search.countHits(text('wombat'))).toBe(0);
    expect(await search.similarThreadIds('Wombat pairing', 5)).toEqual([]);
    expect(await search.publishedThreads([...unpublishedThreads, shown])).toEqual([
      expect.objectContaining({ id: shown, title: 'Headset troubles' }),
    ]);
    expect(await search.publishedPosts(unpublishedPosts)).toEqual([]);
  });

  it('loads the published threads and answers a page points to, and nothing for no ids', async () => {
    const thread = await newThread({ title: 'Kiwi roaming charges' });
    const answer = await newPost(thread, { body: 'Turn roaming off.' });
    expect((await search.publishedThreads([thread])).map((row) => row.id)).toEqual([thread]);
    expect((await search.publishedPosts([answer])).map((row) => [row.id, row.threadId])).toEqual([
      [answer, thread],
    ]);
    expect(await search.publishedThreads([])).toEqual([]);
    expect(await search.publishedPosts([])).toEqual([]);
  });

  it('searches one board when asked', async () => {
    const here = await newThread({ title: 'Narwhal firmware update' });
    await newThread({ title: 'Narwhal firmware rollback', board: otherBoard });
    expect((await firstPage(text('narwhal', board))).map((row) => row.threadId)).toEqual([here]);
    expect(await search.countHits(text('narwhal', board))).toBe(1);
    expect(await search.countHits(text('narwhal'))).toBe(2);
  });

  it('finds nothing for a query of only excluded words', async () => {
    await newThread({ title: 'Ocelot modem lights' });
    expect(await firstPage(text('-ocelot'))).toEqual([]);
    expect(await search.countHits(text('-ocelot'))).toBe(0);
  });

  it('quotes the text as readers see it in the excerpt, marked in the caller’s format', async () => {
    const thread = await newThread({
      title: 'Pelican cable',
      body: 'Which **pelican** cable fits <b>here</b>?',
      bodyText: 'Which pelican cable fits <b>here</b>? «forged»',
    });
    const [row] = await firstPage(text('pelican'));
    expect(row.threadId).toBe(thread);
    expect(row.headline).toContain('«pelican»');
    expect(row.headline).toContain('(b)here(/b)');
    expect(row.headline).not.toContain('**');
    expect(row.headline).not.toContain('«forged»');
  });

  it('ranks a solved thread above an open one for the same kind of match, not above a better match', async () => {
    const openAnswered = await newThread({ title: 'Modem question one' });
    // Twice: a better match than the solved thread's answer, but not by half again.
    await newPost(openAnswered, { body: 'Restart the dingo box, then the dingo app.' });
    const solvedAnswered = await newThread({
      title: 'Modem question two',
      status: ThreadStatus.SOLVED,
    });
    await newPost(solvedAnswered, { body: 'Restart the dingo box.' });
    const openTitle = await newThread({ title: 'Dingo lights blinking' });
    const rows = await firstPage(text('dingo'));
    expect(rows.map((row) => row.threadId)).toEqual([openTitle, solvedAnswered, openAnswered]);
  });

  /**
   * `count` threads, each with one answer, all newest first a second apart and before every
   * other row of the test; the word goes in each answer, or in each title.
   */
  const manyThreads = async (count: number, word: string, where: 'answer' | 'title') => {
    const rows = await medium.sql<{ id: string }>(
      `INSERT INTO threads (id, board_id, author_id, title, body, body_html, body_text, status,
                            content_status, created_at)
       SELECT gen_random_uuid(), $1, $2, $3 || n, 'Details.', 'Details.', 'Details.', 'OPEN',
              'PUBLISHED', now() - interval '1 day' - n * interval '1 second'
         FROM generate_series(1, $4::int) AS n
       RETURNING id, created_at`,
      [board, author, where === 'title' ? `Question about ${word} ` : 'Question number ', count],
    );
    await medium.sql(
      `INSERT INTO posts (id, thread_id, author_id, body, body_html, body_text, status, created_at)
       SELECT gen_random_uuid(), t.id, $2, $3, $3, $3, 'PUBLISHED', t.created_at
         FROM threads t WHERE t.id = ANY ($1::uuid[])`,
      [rows.map((row) => row.id), author, where === 'answer' ? `Check the ${word} twice.` : 'Ok.'],
    );
    // Newest first: the order in which candidates are taken.
    const [{ ids }] = await medium.sql<{ ids: string[] }>(
      `SELECT array_agg(id ORDER BY created_at DESC, id DESC) AS ids FROM threads WHERE id = ANY ($1::uuid[])`,
      [rows.map((row) => row.id)],
    );
    return ids;
  };

  /** Every hit of the query, `limit` at a time from the first page on. */
  const allPages = async (query: ThreadTextQuery, limit: number): Promise<ThreadSearchRow[]> => {
    const all: ThreadSearchRow[] = [];
    let from: HitBoundary | null = null;
    for (;;) {
      const page: ThreadSearchRow[] = await search.hits(query, limit, from, 'forward', EXCERPT);
      all.push(...page.slice(0, limit));
      if (page.length <= limit) return all;
      from = { score: page[limit - 1].score, threadId: page[limit - 1].threadId };
    }
  };

  it('ranks only the newest matching answers when a word is in more of them than the bound', async () => {
    const newestFirst = await manyThreads(SEARCH_CANDIDATES + 30, 'yeti', 'answer');
    expect(await firstPage(text('yeti'))).toHaveLength(21);
    const hits = await allPages(text('yeti'), 100);
    const found = hits.map((row) => row.threadId);
    expect(new Set(found).size).toBe(found.length);
    expect([...found].sort()).toEqual(newestFirst.slice(0, SEARCH_CANDIDATES).sort());
    const scores = hits.map((row) => Number(row.score));
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(await search.countHits(text('yeti'))).toBe(SEARCH_CANDIDATES);
  });

  it('ranks only the newest matching threads when a word is in more titles than the bound', async () => {
    const newestFirst = await manyThreads(SEARCH_CANDIDATES + 30, 'kraken', 'title');
    const found = (await allPages(text('kraken'), 100)).map((row) => row.threadId);
    expect(found).toHaveLength(SEARCH_CANDIDATES);
    expect(new Set(found)).toEqual(new Set(newestFirst.slice(0, SEARCH_CANDIDATES)));
    expect(await search.countHits(text('kraken'))).toBe(SEARCH_CANDIDATES);
    // A newer match takes the place of the oldest candidate.
    const newest = await newThread({ title: 'Kraken firmware' });
    const now = (await allPages(text('kraken'), 100)).map((row) => row.threadId);
    expect(now).toContain(newest);
    expect(now).not.toContain(newestFirst[SEARCH_CANDIDATES - 1]);
    expect(await search.countHits(text('kraken'))).toBe(SEARCH_CANDIDATES);
  });

  it('suggests an older thread by a shared word, and forgives typos among the newest titles only', async () => {
    const oldWord = await newThread({
      title: 'Capybara roaming charges',
      status: ThreadStatus.SOLVED,
    });
    const oldLookAlike = await newThread({ title: 'Voicemail greeting lost' });
    await medium.sql(
      `UPDATE threads SET created_at = now() - interval '30 days' WHERE id = ANY ($1)`,
      [[oldWord, oldLookAlike]],
    );
    // Newer than both: more titles than a suggestion looks through, none like the typed ones.
    await manyThreads(SUGGESTION_WINDOW + 10, 'nothing', 'title');
    const recentLookAlike = await newThread({ title: 'Voicemail greeting reset' });

    expect(await search.similarThreadIds('capybara', 5)).toEqual([oldWord]);
    expect(await search.similarThreadIds('voicemial greting', 5)).toEqual([recentLookAlike]);
  });

  it('finds a rare word in a thread and an answer older than the newest ones it reads first', async () => {
    const inTitle = await newThread({ title: 'Okapi pairing code' });
    const answered = await newThread({ title: 'Headset pairing code' });
    const answer = await newPost(answered, { body: 'The okapi code is 0000.' });
    await medium.sql(
      `UPDATE threads SET created_at = now() - interval '30 days' WHERE id = ANY ($1)`,
      [[inTitle, answered]],
    );
    await medium.sql(`UPDATE posts SET created_at = now() - interval '30 days' WHERE id = $1`, [
      answer,
    ]);
    // Newer than both: more threads and answers than the window holds, none of them matching.
    await manyThreads(SEARCH_WINDOW + 10, 'nothing', 'title');
    const rows = await firstPage(text('okapi'));
    expect(rows.map((row) => [row.threadId, row.postId])).toEqual([
      [inTitle, null],
      [answered, answer],
    ]);
    expect(await search.countHits(text('okapi'))).toBe(2);
  });

  it('suggests threads like a title typed with a typo, solved ones first', async () => {
    const open = await newThread({ title: 'Voicemail setup on my phone' });
    const solved = await newThread({
      title: 'Voicemail setup after porting',
      status: ThreadStatus.SOLVED,
    });
    await newThread({ title: 'Billing address change' });

    expect(await search.similarThreadIds('voicemial setup', 5)).toEqual([solved, open]);
    expect(await search.similarThreadIds('voicemial setup', 1)).toEqual([solved]);
  });
});
