import { ContentStatus, RequestLoaders, Role, Transactions } from '@app/core';
import { MediumTest } from '@test/medium';
import { ForumModule } from '../forum.module';
import { ThreadOrder, ThreadStatus } from '../forum.enums';
import { ForumRows } from '../testing/forum-rows';
import { ThreadFollowable } from './thread-followable';
import { ThreadsRepository } from './threads.repository';
import { ThreadsService } from './threads.service';

const firstPage = (limit: number) => ({ direction: 'forward' as const, limit, cursor: null });

describe('Threads on the real database', () => {
  const medium = new MediumTest();
  const rows = new ForumRows(medium);
  let threads: ThreadsService;
  let repository: ThreadsRepository;
  let transactions: Transactions;

  beforeAll(async () => {
    await medium.start([ForumModule]);
    threads = medium.get(ThreadsService);
    repository = medium.get(ThreadsRepository);
    transactions = medium.get(Transactions);
  });
  afterAll(() => medium.stop());

  it('asks a question: stored, its author subscribed, its board counted, and announced', async () => {
    const board = await rows.board();
    const asker = await medium.viewer();
    const asked = await threads.ask(asker, {
      boardId: board,
      title: 'Router blinks red after update',
      body: 'Since **yesterday**.',
      tags: ['wifi'],
    });
    expect(asked).toMatchObject({ boardId: board, answerCount: 0, tags: ['wifi'] });
    expect((await rows.row<{ thread_count: number }>('boards', board)).thread_count).toBe(1);
    const [subscribed] = await medium.sql(
      'SELECT 1 FROM thread_subscriptions WHERE thread_id = $1 AND user_id = $2',
      [asked.id, asker.id],
    );
    expect(subscribed).toBeDefined();
    expect(await rows.events('thread.created')).toContainEqual({
      payload: expect.objectContaining({ threadId: asked.id, boardId: board }),
    });
  });

  it('lists threads by filter and order, a page at a time, with the count of all', async () => {
    const board = await rows.board();
    const at = (day: number) => new Date(Date.UTC(2026, 0, day));
    const [first, second, third] = [
      await rows.thread({ board, createdAt: at(1) }),
      await rows.thread({ board, createdAt: at(2), status: ThreadStatus.SOLVED }),
      await rows.thread({ board, createdAt: at(3) }),
    ];
    await rows.thread({ board, createdAt: at(4), contentStatus: ContentStatus.HIDDEN });
    await medium.sql('UPDATE threads SET answer_count = 1 WHERE id = $1', [first]);
    const page = await threads.list(null, { boardId: board }, ThreadOrder.NEWEST, firstPage(2));
    expect(page.edges.map((edge) => edge.node.id)).toEqual([third, second]);
    expect(await page.totalCount()).toBe(3);
    const next = await threads.list(null, { boardId: board }, ThreadOrder.NEWEST, {
      direction: 'forward',
      limit: 2,
      cursor: page.pageInfo.endCursor,
    });
    expect(next.edges.map((edge) => edge.node.id)).toEqual([first]);
    const list = (filter: object) =>
      threads
        .list(null, { boardId: board, ...filter }, ThreadOrder.LAST_ACTIVITY, firstPage(10))
        .then((found) => found.edges.map((edge) => edge.node.id));
    expect(await list({ status: ThreadStatus.SOLVED })).toEqual([second]);
    expect(await list({ unanswered: false })).toEqual([first]);
    expect(await list({ unanswered: true })).toEqual([third, second]);
    const moderator = await medium.viewer(Role.MODERATOR);
    const all = await threads.list(
      moderator,
      { boardId: board },
      ThreadOrder.NEWEST,
      firstPage(10),
    );
    expect(all.edges).toHaveLength(4);
  });

  it('reads threads for the viewer who may see them, and fresh by id', async () => {
    const author = await medium.viewer();
    const held = await rows.thread({
      author: author.id,
      contentStatus: ContentStatus.PENDING_REVIEW,
    });
    const loaders = new RequestLoaders();
    expect(await threads.findVisible(loaders, held, null)).toBeNull();
    expect((await threads.findVisible(loaders, held, author))?.id).toBe(held);
    expect((await threads.load(loaders, held))?.id).toBe(held);
    expect((await threads.getById(held)).contentStatus).toBe(ContentStatus.PENDING_REVIEW);
    await expect(threads.getById('0e000000-0000-4000-8000-000000000000')).rejects.toMatchObject({
      extensions: { code: 'NOT_FOUND' },
    });
  });

  it('follows and unfollows a thread the viewer can see, and refuses one they cannot', async () => {
    const followable = medium.get(ThreadFollowable);
    const member = await medium.viewer();
    const open = await rows.thread();
    await followable.follow(new RequestLoaders(), member, open);
    await followable.follow(new RequestLoaders(), member, open);
    const subscribed = () =>
      medium.sql('SELECT 1 FROM thread_subscriptions WHERE thread_id = $1', [open]);
    expect(await subscribed()).toHaveLength(1);
    await followable.unfollow(new RequestLoaders(), member, open);
    expect(await subscribed()).toHaveLength(0);
    const hidden = await rows.thread({ contentStatus: ContentStatus.HIDDEN });
    await expect(followable.follow(new RequestLoaders(), member, hidden)).rejects.toMatchObject({
      extensions: { code: 'NOT_FOUND' },
    });
  });

  it('writes solution marks, answer counts and moderation status through the repository', async () => {
    const thread = await rows.thread();
    const post = await rows.post(thread);
    const accepter = await medium.member();
    await transactions.run(async (tx) => {
      expect((await repository.lock(thread, tx))?.id).toBe(thread);
      await repository.markSolved(thread, post, accepter, tx);
      expect(await repository.acceptedByOfPost(post, tx)).toBe(accepter);
      expect(await repository.countNewAnswer(thread, tx)).toBe('How do I reset the router?');
      await repository.moveAnswerCount(thread, 2, tx);
      await repository.setContentStatus(thread, ContentStatus.HIDDEN, tx);
    });
    expect(await rows.row('threads', thread)).toMatchObject({
      accepted_post_id: post,
      accepted_by: accepter,
      status: ThreadStatus.SOLVED,
      answer_count: 3,
      content_status: ContentStatus.HIDDEN,
    });
    await transactions.run((tx) => repository.reopen(thread, tx));
    expect(await rows.row('threads', thread)).toMatchObject({
      accepted_post_id: null,
      accepted_by: null,
      status: ThreadStatus.OPEN,
    });
    await transactions.run(async (tx) => {
      expect(await repository.countNewAnswer('0e000000-0000-4000-8000-000000000001', tx)).toBe(
        null,
      );
      expect(await repository.acceptedByOfPost(post, tx)).toBeNull();
    });
  });
});
