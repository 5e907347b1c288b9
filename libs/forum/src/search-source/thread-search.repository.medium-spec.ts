import { ContentStatus } from '@app/core';
import { MediumTest } from '@test/medium';
import { randomUUID } from 'node:crypto';
import { ForumModule } from '../forum.module';
import { ThreadStatus } from '../forum.enums';
import { ThreadSearchRepository, ThreadSearchRow } from './thread-search.repository';
import { ExcerptFormat, HitBoundary, ThreadTextQuery } from './thread-search.statements';

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
