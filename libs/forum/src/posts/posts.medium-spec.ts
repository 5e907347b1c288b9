import { ContentStatus, PageRequest, RequestLoaders, Role, Transactions } from '@app/core';
import { MediumTest } from '@test/medium';
import { ForumModule } from '../forum.module';
import { AnswerOrder, ThreadStatus } from '../forum.enums';
import { ForumRows } from '../testing/forum-rows';
import { ThreadsService } from '../threads/threads.service';
import { PostsRepository } from './posts.repository';
import { PostsService } from './posts.service';

const firstPage = (limit: number) => ({ direction: 'forward' as const, limit, cursor: null });

describe('Answers on the real database', () => {
  const medium = new MediumTest();
  const rows = new ForumRows(medium);
  let posts: PostsService;
  let repository: PostsRepository;
  let transactions: Transactions;
  let threads: ThreadsService;

  beforeAll(async () => {
    await medium.start([ForumModule]);
    posts = medium.get(PostsService);
    repository = medium.get(PostsRepository);
    transactions = medium.get(Transactions);
    threads = medium.get(ThreadsService);
  });
  afterAll(() => medium.stop());

  const answerCount = async (thread: string) =>
    (await rows.row<{ answer_count: number }>('threads', thread)).answer_count;

  it('posts an answer: stored rendered, counted on its thread, and announced', async () => {
    const thread = await rows.thread();
    const answerer = await medium.viewer();
    const answer = await posts.postAnswer(answerer, { threadId: thread, body: 'Try **this**.' });
    expect(answer).toMatchObject({ bodyHtml: expect.stringContaining('<strong>this</strong>') });
    expect(await answerCount(thread)).toBe(1);
    expect(await rows.events('post.created')).toContainEqual({
      payload: expect.objectContaining({ postId: answer.id, threadId: thread }),
    });
  });

  it('counts every answer when many are posted to one thread at once', async () => {
    const thread = await rows.thread();
    const answerers = await rows.viewers(20);
    await Promise.all(
      answerers.map((answerer) => posts.postAnswer(answerer, { threadId: thread, body: 'Me!' })),
    );
    expect(await answerCount(thread)).toBe(20);
    const [{ n }] = await medium.sql<{ n: number }>(
      'SELECT count(*)::int AS n FROM posts WHERE thread_id = $1',
      [thread],
    );
    expect(n).toBe(20);
  });

  it('posts an official answer for staff and refuses a locked thread', async () => {
    const thread = await rows.thread();
    const agent = await medium.viewer(Role.AGENT);
    expect(
      (await posts.postAnswer(agent, { threadId: thread, body: 'Hi', official: true })).official,
    ).toBe(true);
    const locked = await rows.thread({ status: ThreadStatus.LOCKED });
    await expect(posts.postAnswer(agent, { threadId: locked, body: 'Hi' })).rejects.toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', field: 'threadId' },
    });
    expect(await answerCount(locked)).toBe(0);
  });

  it("posts an official answer in the caller's transaction: kept on commit, gone on rollback", async () => {
    const thread = await rows.thread();
    const agent = await medium.viewer(Role.AGENT);
    const answer = await transactions.run((tx) =>
      posts.postOfficialAnswer(tx, agent, thread, 'We fixed it.'),
    );
    expect(answer).toMatchObject({ official: true, status: ContentStatus.PUBLISHED });
    expect(await answerCount(thread)).toBe(1);
    expect(await rows.events('post.created')).toContainEqual({
      payload: expect.objectContaining({ postId: answer.id, threadId: thread }),
    });
    await expect(
      transactions.run(async (tx) => {
        await posts.postOfficialAnswer(tx, agent, thread, 'Never kept.');
        throw new Error('the case failed');
      }),
    ).rejects.toThrow('the case failed');
    expect(await answerCount(thread)).toBe(1);
  });

  it('pages answers oldest, newest and most kudos first, the solution pinned first', async () => {
    const thread = await rows.thread();
    const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 0, minute));
    const [a, b, c] = [
      await rows.post(thread, { createdAt: at(1) }),
      await rows.post(thread, { createdAt: at(2) }),
      await rows.post(thread, { createdAt: at(3) }),
    ];
    await rows.post(thread, { createdAt: at(4), status: ContentStatus.HIDDEN });
    await medium.sql('UPDATE posts SET kudos_count = 5 WHERE id = $1', [b]);
    await medium.sql('UPDATE threads SET accepted_post_id = $2 WHERE id = $1', [thread, c]);
    const solved = await threads.getById(thread);
    const walk = (orderBy: AnswerOrder, page: PageRequest) =>
      posts.answers(new RequestLoaders(), solved, null, orderBy, page);
    const ids = async (orderBy: AnswerOrder) =>
      (await walk(orderBy, firstPage(10))).edges.map((edge) => edge.node.id);
    expect(await ids(AnswerOrder.OLDEST)).toEqual([c, a, b]);
    expect(await ids(AnswerOrder.NEWEST)).toEqual([c, b, a]);
    expect(await ids(AnswerOrder.MOST_KUDOS)).toEqual([c, b, a]);
    const first = await walk(AnswerOrder.OLDEST, firstPage(2));
    expect(first.edges.map((edge) => edge.node.id)).toEqual([c, a]);
    const next = await walk(AnswerOrder.OLDEST, {
      direction: 'forward',
      limit: 2,
      cursor: first.pageInfo.endCursor,
    });
    expect(next.edges.map((edge) => edge.node.id)).toEqual([b]);
    expect(await next.totalCount()).toBe(3);
  });

  it("reads a member's latest published answers in published threads, batched per request", async () => {
    const author = await medium.member();
    const other = await medium.member();
    const open = await rows.thread();
    const held = await rows.thread({ contentStatus: ContentStatus.PENDING_REVIEW });
    const at = (minute: number) => new Date(Date.UTC(2026, 0, 2, 0, minute));
    const older = await rows.post(open, { author, createdAt: at(1) });
    const newer = await rows.post(open, { author, createdAt: at(2) });
    await rows.post(held, { author, createdAt: at(3) });
    await rows.post(open, { author, createdAt: at(4), status: ContentStatus.HIDDEN });
    const theirs = await rows.post(open, { author: other, createdAt: at(5) });
    const loaders = new RequestLoaders();
    const [mine, others] = await Promise.all([
      posts.recentAnswers(loaders, author, 5),
      posts.recentAnswers(loaders, other, 5),
    ]);
    expect(mine.map((post) => post.id)).toEqual([newer, older]);
    expect(others.map((post) => post.id)).toEqual([theirs]);
    expect((await repository.recentByAuthors([author], 1)).map((post) => post.id)).toEqual([newer]);
  });

  it('reads posts by id, published only, visible only, and locks, edits and deletes them', async () => {
    const author = await medium.viewer();
    const thread = await rows.thread();
    const post = await rows.post(thread, { author: author.id, status: ContentStatus.HIDDEN });
    expect(await posts.findPublished(post)).toBeNull();
    const loaders = new RequestLoaders();
    expect(await posts.findVisible(loaders, post, null)).toBeNull();
    expect((await posts.findVisible(loaders, post, author))?.id).toBe(post);
    expect((await repository.byIds([post])).map((row) => row.id)).toEqual([post]);
    await transactions.run(async (tx) => {
      expect((await repository.lock(post, tx))?.id).toBe(post);
      await repository.setStatus(post, ContentStatus.PUBLISHED, tx);
      await repository.replaceBody(
        post,
        { body: 'New', bodyHtml: '<p>New</p>', bodyText: 'New' },
        tx,
      );
    });
    expect(await posts.findPublished(post)).toMatchObject({
      body: 'New',
      editedAt: expect.any(Date),
    });
    await transactions.run((tx) => repository.softDelete(post, author.id, 'dup', tx));
    expect(await rows.row('posts', post)).toMatchObject({
      status: ContentStatus.DELETED,
      deleted_by: author.id,
      delete_reason: 'dup',
      deleted_at: expect.any(Date),
    });
  });
});
