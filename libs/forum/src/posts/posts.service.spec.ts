import {
  ClientMutations,
  ContentStatus,
  OutboxService,
  RequestLoaders,
  Role,
  Transactions,
} from '@app/core';
import { ContentScreening } from '@app/moderation';
import { AnswerOrder, ThreadStatus } from '../forum.enums';
import {
  build,
  clientMutations,
  codeOf,
  screening,
  transactions,
  TX,
  viewer,
} from '../testing/doubles';
import { thread } from '../threads/thread.fixture';
import { post } from './post.fixture';
import { ThreadEntity } from '../threads/thread.entity';
import { ThreadsRepository } from '../threads/threads.repository';
import { PostEntity } from './post.entity';
import { PostsRepository } from './posts.repository';
import { PostsService } from './posts.service';

async function setup(options: { held?: boolean } = {}) {
  const question = thread();
  const threads = new Map<string, ThreadEntity>([[question.id, question]]);
  const posts = new Map<string, PostEntity>();
  const repository = {
    insert: jest.fn(async (row: PostEntity) => void posts.set(row.id, post(row))),
    byId: jest.fn(async (id: string) => posts.get(id) ?? null),
    byIds: jest.fn(async (ids: readonly string[]) => ids.flatMap((id) => posts.get(id) ?? [])),
    page: jest.fn(async () => [...posts.values()]),
    count: jest.fn(async () => posts.size),
    cursorOf: (row: PostEntity) => `c:${row.id}`,
    startCursor: () => 'start',
  };
  const threadRows = {
    byId: jest.fn(async (id: string) => threads.get(id) ?? null),
    countNewAnswer: jest.fn(async (id: string) => threads.get(id)?.title ?? null),
  };
  const outbox = { record: jest.fn(async () => undefined) };
  const transaction = { run: jest.fn(transactions.run) };
  const service = await build(PostsService, [
    [Transactions, transaction],
    [PostsRepository, repository],
    [ThreadsRepository, threadRows],
    [OutboxService, outbox],
    [ContentScreening, screening(options.held)],
    [ClientMutations, clientMutations],
  ]);
  return { service, question, posts, repository, threadRows, outbox, transaction };
}

describe('PostsService', () => {
  describe('postAnswer', () => {
    it('answers a thread: counted on it in one update, and whom it concerns is told', async () => {
      const { service, question, threadRows, outbox } = await setup();
      const answerer = viewer();
      const answer = await service.postAnswer(answerer, {
        threadId: question.id,
        body: 'Ask @Carol.',
      });
      expect(answer).toMatchObject({ status: ContentStatus.PUBLISHED, official: false });
      expect(threadRows.countNewAnswer).toHaveBeenCalledWith(question.id, TX);
      expect(outbox.record).toHaveBeenCalledWith(TX, 'post.created', {
        postId: answer.id,
        threadId: question.id,
        authorId: answerer.id,
        threadTitle: question.title,
        mentionedHandles: ['carol'],
      });
      // The thread's row, which every answerer waits for, is counted last, after the event.
      expect(threadRows.countNewAnswer.mock.invocationCallOrder[0]).toBeGreaterThan(
        outbox.record.mock.invocationCallOrder[0],
      );
    });

    it('holds a screened answer: it counts for nothing and tells nobody', async () => {
      const { service, question, threadRows, outbox } = await setup({ held: true });
      const answer = await service.postAnswer(viewer(), { threadId: question.id, body: 'Buy!' });
      expect(answer.status).toBe(ContentStatus.PENDING_REVIEW);
      expect(threadRows.countNewAnswer).not.toHaveBeenCalled();
      expect(outbox.record).not.toHaveBeenCalled();
    });

    it('lets staff answer officially and refuses members before anything is written', async () => {
      const { service, question, transaction } = await setup();
      const input = { threadId: question.id, body: 'Official.', official: true };
      expect(await codeOf(service.postAnswer(viewer(), input))).toBe('FORBIDDEN');
      expect(transaction.run).not.toHaveBeenCalled();
      for (const role of [Role.AGENT, Role.MODERATOR, Role.ADMIN]) {
        expect((await service.postAnswer(viewer(role), input)).official).toBe(true);
      }
    });

    it('refuses a blank body, an unseen thread, an unpublished one and a locked one', async () => {
      const { service, question, repository } = await setup();
      const asker = viewer();
      expect(await codeOf(service.postAnswer(asker, { threadId: question.id, body: ' ' }))).toBe(
        'BAD_USER_INPUT',
      );
      question.contentStatus = ContentStatus.PENDING_REVIEW;
      expect(await codeOf(service.postAnswer(asker, { threadId: question.id, body: 'x' }))).toBe(
        'NOT_FOUND',
      );
      question.authorId = asker.id;
      await expect(
        service.postAnswer(asker, { threadId: question.id, body: 'x' }),
      ).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'threadId' } });
      question.contentStatus = ContentStatus.PUBLISHED;
      question.status = ThreadStatus.LOCKED;
      expect(await codeOf(service.postAnswer(asker, { threadId: question.id, body: 'x' }))).toBe(
        'BAD_USER_INPUT',
      );
      expect(repository.insert).not.toHaveBeenCalled();
    });
  });

  describe('postOfficialAnswer', () => {
    it("posts staff's official answer in the caller's transaction, counted and announced", async () => {
      const { service, question, threadRows, outbox, transaction } = await setup();
      const agent = viewer(Role.AGENT);
      const answer = await service.postOfficialAnswer(TX, agent, question.id, 'Fixed.');
      expect(answer).toMatchObject({ official: true, status: ContentStatus.PUBLISHED });
      expect(transaction.run).not.toHaveBeenCalled();
      expect(threadRows.countNewAnswer).toHaveBeenCalledWith(question.id, TX);
      expect(outbox.record).toHaveBeenCalledWith(
        TX,
        'post.created',
        expect.objectContaining({ postId: answer.id, authorId: agent.id }),
      );
    });

    it("refuses a member, a blank body and postAnswer's threads before writing", async () => {
      const { service, question, repository } = await setup();
      const agent = viewer(Role.AGENT);
      expect(await codeOf(service.postOfficialAnswer(TX, viewer(), question.id, 'x'))).toBe(
        'FORBIDDEN',
      );
      expect(await codeOf(service.postOfficialAnswer(TX, agent, question.id, ' '))).toBe(
        'BAD_USER_INPUT',
      );
      question.status = ThreadStatus.LOCKED;
      expect(await codeOf(service.postOfficialAnswer(TX, agent, question.id, 'x'))).toBe(
        'BAD_USER_INPUT',
      );
      expect(await codeOf(service.postOfficialAnswer(TX, agent, 'missing', 'x'))).toBe('NOT_FOUND');
      expect(repository.insert).not.toHaveBeenCalled();
    });
  });

  describe('answers', () => {
    const firstPage = { direction: 'forward' as const, limit: 3, cursor: null };

    it('pins the visible accepted solution first with the start cursor, the others after', async () => {
      const { service, question, posts, repository } = await setup();
      const solution = post({ threadId: question.id });
      posts.set(solution.id, solution);
      const other = post({ threadId: question.id });
      repository.page.mockResolvedValueOnce([other]);
      const page = await service.answers(
        new RequestLoaders(),
        { ...question, acceptedPostId: solution.id },
        null,
        AnswerOrder.OLDEST,
        firstPage,
      );
      expect(page.edges.map((edge) => [edge.node.id, edge.cursor])).toEqual([
        [solution.id, 'start'],
        [other.id, `c:${other.id}`],
      ]);
      // Read at the same time as the solution, so with the whole page's limit.
      expect(repository.page).toHaveBeenCalledWith(
        expect.objectContaining({ excludeId: solution.id, page: firstPage }),
      );
    });

    it('gives the solution one row of the page, the extra row still telling that more follow', async () => {
      const { service, question, posts, repository } = await setup();
      const solution = post({ threadId: question.id });
      posts.set(solution.id, solution);
      const others = Array.from({ length: 4 }, () => post({ threadId: question.id }));
      repository.page.mockResolvedValueOnce(others);
      const page = await service.answers(
        new RequestLoaders(),
        { ...question, acceptedPostId: solution.id },
        null,
        AnswerOrder.OLDEST,
        firstPage,
      );
      expect(page.edges.map((edge) => edge.node.id)).toEqual([
        solution.id,
        others[0].id,
        others[1].id,
      ]);
      expect(page.pageInfo.hasNextPage).toBe(true);
      expect(page.pageInfo.endCursor).toBe(`c:${others[1].id}`);
    });

    it('does not pin a solution the viewer cannot see', async () => {
      const { service, question, posts, repository } = await setup();
      const hidden = post({ threadId: question.id, status: ContentStatus.HIDDEN });
      posts.set(hidden.id, hidden);
      repository.page.mockResolvedValueOnce([]);
      const page = await service.answers(
        new RequestLoaders(),
        { ...question, acceptedPostId: hidden.id },
        viewer(),
        AnswerOrder.OLDEST,
        firstPage,
      );
      expect(page.edges).toEqual([]);
    });
  });

  it('reads a post fresh whatever its status, and says NOT_FOUND when there is none', async () => {
    const { service, posts } = await setup();
    const hidden = post({ status: ContentStatus.HIDDEN });
    posts.set(hidden.id, hidden);
    expect(await codeOf(service.getById('5b000000-0000-4000-8000-000000000000'))).toBe('NOT_FOUND');
    expect((await service.getById(hidden.id)).id).toBe(hidden.id);
  });

  it("refuses a member's recent answers beyond the contract's 100", async () => {
    const { service } = await setup();
    expect(() => service.recentAnswers(new RequestLoaders(), 'x', 101)).toThrow(
      expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT', field: 'first' } }),
    );
  });
});
