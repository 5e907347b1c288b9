import { parse } from 'csv-parse/sync';
import { randomBytes, randomUUID } from 'node:crypto';
import { fromGlobalId, toGlobalId } from '@app/core';
import { EXPORT_REQUESTED_EVENT } from '@app/ideas';
import { errorCode, ok } from './support/graphql-client';
import { eventually, Member, TestApp } from './support/test-app';

const PUBLIC_URL = 'https://community.example';
const HEADER = ['id', 'title', 'status', 'votes', 'author', 'created', 'tags', 'url'];

const EXPORT_IDEAS = `mutation($filter: IdeaFilter) {
  exportIdeas(filter: $filter) { id status rowCount downloadUrl error createdAt }
}`;
const EXPORT_JOB = `query($id: ID!) {
  exportJob(id: $id) { id status rowCount downloadUrl error createdAt }
}`;

interface ExportJobView {
  id: string;
  status: 'QUEUED' | 'RUNNING' | 'DONE' | 'FAILED';
  rowCount: number | null;
  downloadUrl: string | null;
  error: string | null;
  createdAt: string;
}

interface IdeaRow {
  id: string;
  title: string;
  status: string;
  vote_count: number;
  handle: string;
  created_at: Date;
  tags: string[];
}

describe('CSV exports of ideas', () => {
  const app = new TestApp();
  let admin: Member;
  let pm: Member;
  let author: Member;

  const requestExport = (member: Member | null, filter: object | null) =>
    app.gql<{ exportIdeas: ExportJobView }>(EXPORT_IDEAS, { filter }, member?.token);

  const exportJob = async (member: Member | null, id: string) =>
    ok(await app.gql<{ exportJob: ExportJobView | null }>(EXPORT_JOB, { id }, member?.token))
      .exportJob;

  /** Requests an export as `member` and waits until the worker has finished it. */
  const exportAndWait = async (member: Member, filter: object | null, timeoutMs = 10000) => {
    const { exportIdeas } = ok(await requestExport(member, filter));
    return eventually(
      async () => exportJob(member, exportIdeas.id),
      (job) => job?.status === 'DONE' || job?.status === 'FAILED',
      timeoutMs,
    ) as Promise<ExportJobView>;
  };

  const download = (exportId: string, token?: string) =>
    fetch(`${app.url.replace(/\/graphql$/, '')}/exports/${exportId}.csv`, {
      headers: token ? { authorization: `Bearer ${token}` } : {},
    });

  /** Downloads a finished export and parses it back, header first. */
  const downloadRows = async (job: ExportJobView, member: Member): Promise<string[][]> => {
    const response = await download(job.id, member.token);
    expect(response.status).toBe(200);
    return parse(await response.text()) as string[][];
  };

  /** The published ideas matching `where` as the CSV should list them, oldest first. */
  const expectedRows = async (where: string, params: unknown[]): Promise<string[][]> => {
    const rows = await app.sql<IdeaRow>(
      `SELECT i.id, i.title, i.status, i.vote_count, u.handle, i.created_at, i.tags
         FROM ideas i JOIN users u ON u.id = i.author_id
        WHERE i.content_status = 'PUBLISHED' AND ${where}
        ORDER BY i.created_at, i.id`,
      params,
    );
    return rows.map((row) => {
      const id = toGlobalId('Idea', row.id);
      return [
        id,
        row.title,
        row.status,
        String(row.vote_count),
        row.handle,
        row.created_at.toISOString(),
        row.tags.join(';'),
        `${PUBLIC_URL}/ideas/${id}`,
      ];
    });
  };

  const newBoard = async () => fromGlobalId(await app.board(admin, 'IDEAS'), 'Board', 'boardId');

  let clock = Date.UTC(2026, 1, 1);

  /**
   * Inserts one idea straight into the table, a second after the one inserted before it, so
   * that the export's order (oldest first) is the order of insertion.
   */
  const insertIdea = async (
    boardId: string,
    title: string,
    extra: { status?: string; tags?: string[]; contentStatus?: string } = {},
  ): Promise<void> => {
    clock += 1000;
    await app.sql(
      `INSERT INTO ideas (id, board_id, author_id, title, body, body_html, tags, status,
                          content_status, vote_count, created_at)
       VALUES (gen_random_uuid(), $1, $2, $3, 'Body', '<p>Body</p>', $4, $5, $6, 3, $7)`,
      [
        boardId,
        fromGlobalId(author.id, 'User', 'id'),
        title,
        extra.tags ?? [],
        extra.status ?? 'NEW',
        extra.contentStatus ?? 'PUBLISHED',
        new Date(clock),
      ],
    );
  };

  beforeAll(async () => {
    await app.start({ worker: true, env: { PUBLIC_URL } });
    admin = await app.member('ADMIN');
    pm = await app.member('PRODUCT_MANAGER');
    author = await app.member();
  });
  afterAll(() => app.stop());

  it('exports 50,000 ideas in pages and the CSV parses back to exactly those rows', async () => {
    const boardId = await newBoard();
    const other = await app.member();
    // Three ideas share each millisecond, so pages end in the middle of equal timestamps.
    await app.sql(
      `INSERT INTO ideas (id, board_id, author_id, title, body, body_html, tags, status,
                          vote_count, created_at)
       SELECT gen_random_uuid(), $1, (ARRAY[$2, $3]::uuid[])[1 + n % 2], 'Idea number ' || n,
              'Body', '<p>Body</p>', ARRAY['tag-' || n % 7, 'all'],
              (ARRAY['NEW', 'PLANNED', 'IN_PROGRESS'])[1 + n % 3], n % 500,
              timestamptz '2026-01-01T00:00:00Z' + (n / 3) * interval '1 millisecond'
         FROM generate_series(1, 50000) AS n`,
      [boardId, fromGlobalId(author.id, 'User', 'id'), fromGlobalId(other.id, 'User', 'id')],
    );
    await insertIdea(boardId, 'Held for review', { contentStatus: 'PENDING_REVIEW' });
    await insertIdea(boardId, 'Hidden by a moderator', { contentStatus: 'HIDDEN' });

    const job = await exportAndWait(pm, { boardId: toGlobalId('Board', boardId) }, 15000);
    expect(job).toMatchObject({ status: 'DONE', rowCount: 50000, error: null });
    expect(job.downloadUrl).toBe(`${PUBLIC_URL}/exports/${job.id}.csv`);

    const response = await download(job.id, pm.token);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('private, no-store');
    expect(response.headers.get('content-disposition')).toBe(
      `attachment; filename="ideas-${job.createdAt.slice(0, 10)}.csv"`,
    );
    const text = await response.text();
    expect(text.startsWith('id,title,status,votes,author,created,tags,url\r\n')).toBe(true);
    const [header, ...rows] = parse(text) as string[][];
    expect(header).toEqual(HEADER);
    expect(rows).toHaveLength(50000);
    expect(rows).toEqual(await expectedRows('i.board_id = $1', [boardId]));
  }, 30000);

  it('keeps hostile titles intact and shows would-be formulas as text', async () => {
    const boardId = await newBoard();
    const titles: Array<[stored: string, shown: string]> = [
      ['Quotes "inside" the title', 'Quotes "inside" the title'],
      ['Commas, everywhere, really', 'Commas, everywhere, really'],
      [
        'Line one\r\nline two\nline three\rline four',
        'Line one\r\nline two\nline three\rline four',
      ],
      ['=SUM(A1)', "'=SUM(A1)"],
      ['=HYPERLINK("http://evil.example","click")', `'=HYPERLINK("http://evil.example","click")`],
      ['+1 for dark mode', "'+1 for dark mode"],
      ['-2 clicks to export', "'-2 clicks to export"],
      ['@cmd /c calc', "'@cmd /c calc"],
      ['\tindented with a tab', "'\tindented with a tab"],
      ['\rstarts with a carriage return', "'\rstarts with a carriage return"],
      ['Zürich — 東京 ✓', 'Zürich — 東京 ✓'],
    ];
    for (const [stored] of titles) await insertIdea(boardId, stored);

    const job = await exportAndWait(pm, { boardId: toGlobalId('Board', boardId) });
    expect(job).toMatchObject({ status: 'DONE', rowCount: titles.length });
    const [, ...rows] = await downloadRows(job, pm);
    expect(rows.map((row) => row[1])).toEqual(titles.map(([, shown]) => shown));
  });

  it('honours the board, status and tag of the filter, together and apart', async () => {
    const [boardA, boardB] = [await newBoard(), await newBoard()];
    const tag = `t-${randomBytes(4).toString('hex')}`;
    await insertIdea(boardA, 'A new tagged', { tags: [tag] });
    await insertIdea(boardA, 'A planned tagged', { status: 'PLANNED', tags: ['x', tag] });
    await insertIdea(boardA, 'A planned untagged', { status: 'PLANNED' });
    await insertIdea(boardA, 'A planned tagged but hidden', {
      status: 'PLANNED',
      tags: [tag],
      contentStatus: 'HIDDEN',
    });
    await insertIdea(boardB, 'B planned tagged', { status: 'PLANNED', tags: [tag] });

    const titlesOf = async (filter: object) =>
      (await downloadRows(await exportAndWait(pm, filter), pm)).slice(1).map((row) => row[1]);
    const [a, b] = [toGlobalId('Board', boardA), toGlobalId('Board', boardB)];

    expect(await titlesOf({ boardId: a })).toEqual([
      'A new tagged',
      'A planned tagged',
      'A planned untagged',
    ]);
    expect(await titlesOf({ boardId: a, status: 'PLANNED' })).toEqual([
      'A planned tagged',
      'A planned untagged',
    ]);
    expect(await titlesOf({ tag })).toEqual([
      'A new tagged',
      'A planned tagged',
      'B planned tagged',
    ]);
    expect(await titlesOf({ boardId: a, status: 'PLANNED', tag })).toEqual(['A planned tagged']);
    expect(await titlesOf({ boardId: b, status: 'NEW' })).toEqual([]);
  });

  it('shows an export and serves its CSV to its requester only', async () => {
    const boardId = await newBoard();
    await insertIdea(boardId, 'Only for the requester');
    const job = await exportAndWait(pm, { boardId: toGlobalId('Board', boardId) });
    const otherPm = await app.member('PRODUCT_MANAGER');

    expect(await exportJob(otherPm, job.id)).toBeNull();
    expect(await exportJob(null, job.id)).toBeNull();
    const node = `query($id: ID!) { node(id: $id) { ... on ExportJob { status } } }`;
    expect(ok(await app.gql(node, { id: job.id }, pm.token))).toEqual({ node: { status: 'DONE' } });
    expect(ok(await app.gql(node, { id: job.id }, otherPm.token))).toEqual({ node: null });

    expect((await download(job.id, otherPm.token)).status).toBe(404);
    expect((await download(job.id, admin.token)).status).toBe(404);
    expect((await download(job.id)).status).toBe(401);
    expect((await download(job.id, 'not-a-token')).status).toBe(401);
    expect((await download(job.id, pm.token)).status).toBe(200);
    expect((await download(toGlobalId('ExportJob', randomUUID()), pm.token)).status).toBe(404);
    expect((await download(toGlobalId('Board', boardId), pm.token)).status).toBe(404);
  });

  it('serves nothing until the export is DONE', async () => {
    const id = randomUUID();
    await app.sql(
      `INSERT INTO export_jobs (id, requester_id, status, row_count) VALUES ($1, $2, 'RUNNING', 1000)`,
      [id, fromGlobalId(pm.id, 'User', 'id')],
    );
    await app.sql(`INSERT INTO export_chunks (job_id, seq, data) VALUES ($1, 0, 'partial')`, [id]);
    const exportId = toGlobalId('ExportJob', id);

    expect(await exportJob(pm, exportId)).toMatchObject({
      status: 'RUNNING',
      rowCount: 1000,
      downloadUrl: null,
    });
    expect((await download(exportId, pm.token)).status).toBe(404);
  });

  it('starts over cleanly when an attempt is retried after one that died half-way', async () => {
    const boardId = await newBoard();
    await insertIdea(boardId, 'Written once, not twice');
    const id = randomUUID();
    // What a worker that crashed in the middle of an export leaves behind.
    await app.sql(
      `INSERT INTO export_jobs (id, requester_id, filter, status, row_count)
       VALUES ($1, $2, $3, 'RUNNING', 2000)`,
      [id, fromGlobalId(pm.id, 'User', 'id'), { boardId }],
    );
    await app.sql(
      `INSERT INTO export_chunks (job_id, seq, data)
       SELECT $1, seq, 'stale chunk ' || seq || E'\r\n' FROM generate_series(0, 5) AS seq`,
      [id],
    );
    await app.sql(`INSERT INTO outbox (type, payload) VALUES ($1, $2)`, [
      EXPORT_REQUESTED_EVENT,
      { exportId: id },
    ]);

    const exportId = toGlobalId('ExportJob', id);
    const job = await eventually(
      () => exportJob(pm, exportId),
      (view) => view?.status === 'DONE',
    );
    expect(job).toMatchObject({ rowCount: 1 });
    const rows = await downloadRows(job as ExportJobView, pm);
    expect(rows).toEqual([HEADER, ...(await expectedRows('i.board_id = $1', [boardId]))]);
  });

  it('marks an export FAILED with the reason once its retries are spent', async () => {
    const id = randomUUID();
    // A filter no query can run: every attempt fails the same way.
    await app.sql(
      `INSERT INTO export_jobs (id, requester_id, filter) VALUES ($1, $2, '{"boardId": "nope"}')`,
      [id, fromGlobalId(pm.id, 'User', 'id')],
    );
    await app.sql(`INSERT INTO outbox (type, payload) VALUES ($1, $2)`, [
      EXPORT_REQUESTED_EVENT,
      { exportId: id },
    ]);

    const exportId = toGlobalId('ExportJob', id);
    const job = await eventually(
      () => exportJob(pm, exportId),
      (view) => view?.status === 'FAILED',
      15000,
    );
    expect(job).toMatchObject({ rowCount: 0, downloadUrl: null });
    expect(job?.error).toBe('The export could not be written; please ask for it again.');
    expect(await app.sql(`SELECT 1 FROM export_chunks WHERE job_id = $1`, [id])).toHaveLength(0);
  });

  it('lets only product managers and admins export', async () => {
    const filter = { boardId: await app.board(admin, 'IDEAS'), status: 'PLANNED', tag: 'maps' };
    const before = await app.sql(`SELECT 1 FROM export_jobs`);
    for (const role of ['MEMBER', 'AGENT', 'MODERATOR']) {
      const member = await app.member(role);
      expect(errorCode(await requestExport(member, filter))).toBe('FORBIDDEN');
    }
    expect(errorCode(await requestExport(null, filter))).toBe('UNAUTHENTICATED');
    expect(await app.sql(`SELECT 1 FROM export_jobs`)).toHaveLength(before.length);

    const { exportIdeas } = ok(await requestExport(admin, filter));
    expect(exportIdeas).toMatchObject({ status: 'QUEUED', rowCount: 0, downloadUrl: null });
    const [row] = await app.sql<{ requester_id: string; filter: object }>(
      `SELECT requester_id, filter FROM export_jobs WHERE id = $1`,
      [fromGlobalId(exportIdeas.id, 'ExportJob', 'id')],
    );
    // Stored with database ids, as the worker will query them.
    expect(row).toEqual({
      requester_id: fromGlobalId(admin.id, 'User', 'id'),
      filter: { ...filter, boardId: fromGlobalId(filter.boardId, 'Board', 'boardId') },
    });
  });

  it('refuses a bad filter as BAD_USER_INPUT without recording an export', async () => {
    const pm2 = await app.member('PRODUCT_MANAGER');
    const questions = await app.board(admin, 'QUESTIONS');
    for (const filter of [
      { boardId: 'not-an-id' },
      { boardId: toGlobalId('Idea', randomUUID()) },
      { boardId: questions },
      { boardId: toGlobalId('Board', randomUUID()) },
      { tag: 'Not A Tag!' },
      { tag: 'x'.repeat(31) },
      { status: 'SHIPPED' },
    ]) {
      expect({ filter, code: errorCode(await requestExport(pm2, filter)) }).toEqual({
        filter,
        code: 'BAD_USER_INPUT',
      });
    }
    const written = await app.sql(`SELECT 1 FROM export_jobs WHERE requester_id = $1`, [
      fromGlobalId(pm2.id, 'User', 'id'),
    ]);
    expect(written).toHaveLength(0);
  });
});
