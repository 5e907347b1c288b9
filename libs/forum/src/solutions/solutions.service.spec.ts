import { ContentStatus, OutboxService, Role, Transactions, Viewer } from '@app/core';
import { ReputationService, SOLUTION_REPUTATION } from '@app/identity';
import { ThreadStatus } from '../forum.enums';
import { PostEntity } from '../posts/post.entity';
import { PostsRepository } from '../posts/posts.repository';
import { build, codeOf, transactions, TX, viewer } from '../testing/doubles';
import { thread } from '../threads/thread.fixture';
import { post } from '../posts/post.fixture';
import { ThreadEntity } from '../threads/thread.entity';
import { ThreadsRepository } from '../threads/threads.repository';
import { ThreadsService } from '../threads/threads.service';
import { SolutionsService } from './solutions.service';

async function setup() {
  const asker = viewer();
  const question = thread({ authorId: asker.id });
  const threads = new Map<string, ThreadEntity>([[question.id, question]]);
  const posts = new Map<string, PostEntity>();
  const threadRows = {
    lock: jest.fn(async (id: string) => threads.get(id) ?? null),
    markSolved: jest.fn(async (id: string, postId: string, by: string) => {
      Object.assign(threads.get(id) ?? {}, {
        acceptedPostId: postId,
        acceptedBy: by,
        status: ThreadStatus.SOLVED,
      });
    }),
    reopen: jest.fn(async (id: string) => {
      Object.assign(threads.get(id) ?? {}, {
        acceptedPostId: null,
        acceptedBy: null,
        status: ThreadStatus.OPEN,
      });
    }),
  };
  const postRows = { byId: jest.fn(async (id: string) => posts.get(id) ?? null) };
  const reputation = { award: jest.fn(async () => undefined), lockMembers: jest.fn() };
  const outbox = { record: jest.fn(async () => undefined) };
  const service = await build(SolutionsService, [
    [Transactions, transactions],
    [ThreadsRepository, threadRows],
    [PostsRepository, postRows],
    [ThreadsService, { getById: async (id: string) => threads.get(id) }],
    [ReputationService, reputation],
    [OutboxService, outbox],
  ]);
  const answer = (overrides: Partial<PostEntity> = {}) => {
    const row = post({ threadId: question.id, ...overrides });
    posts.set(row.id, row);
    return row;
  };
  return { service, asker, question, answer, threadRows, reputation, outbox };
}

describe('SolutionsService', () => {
  it("accepts an answer: the thread is solved, its author earns a solution, and it's told", async () => {
    const { service, asker, question, answer, reputation, outbox } = await setup();
    const good = answer();
    const solved = await service.accept(asker, good.id);
    expect(solved).toMatchObject({ acceptedPostId: good.id, status: ThreadStatus.SOLVED });
    expect(reputation.award).toHaveBeenCalledWith(TX, good.authorId, SOLUTION_REPUTATION, 1);
    expect(outbox.record).toHaveBeenCalledWith(TX, 'solution.accepted', {
      threadId: question.id,
      postId: good.id,
      answererId: good.authorId,
      acceptedById: asker.id,
      threadTitle: question.title,
    });
  });

  it('changes nothing when the same answer is accepted again', async () => {
    const { service, asker, answer, reputation, outbox } = await setup();
    const good = answer();
    await service.accept(asker, good.id);
    await service.accept(asker, good.id);
    expect(reputation.award).toHaveBeenCalledTimes(1);
    expect(outbox.record).toHaveBeenCalledTimes(1);
  });

  it('moves the mark and the reputation to another answer', async () => {
    const { service, asker, answer, reputation } = await setup();
    const first = answer();
    const second = answer();
    await service.accept(asker, first.id);
    const solved = await service.accept(asker, second.id);
    expect(solved.acceptedPostId).toBe(second.id);
    expect(reputation.award).toHaveBeenCalledWith(TX, first.authorId, -SOLUTION_REPUTATION, -1);
    expect(reputation.award).toHaveBeenCalledWith(TX, second.authorId, SOLUTION_REPUTATION, 1);
  });

  it("earns nothing for the asker's own answer or an official answer", async () => {
    const { service, asker, answer, reputation } = await setup();
    await service.accept(asker, answer({ authorId: asker.id }).id);
    await service.accept(asker, answer({ official: true }).id);
    expect(reputation.award).not.toHaveBeenCalled();
  });

  it('lets the asker, agents and moderators choose, and nobody else', async () => {
    const { service, answer } = await setup();
    const good = answer();
    expect(await codeOf(service.accept(viewer(), good.id))).toBe('FORBIDDEN');
    for (const role of [Role.AGENT, Role.MODERATOR]) {
      expect((await service.accept(viewer(role), good.id)).acceptedPostId).toBe(good.id);
    }
  });

  it('refuses an unknown or unseen post, an unpublished answer and a locked thread', async () => {
    const { service, asker, question, answer } = await setup();
    expect(await codeOf(service.accept(asker, '5a000000-0000-4000-8000-000000000000'))).toBe(
      'NOT_FOUND',
    );
    expect(await codeOf(service.accept(asker, answer({ status: ContentStatus.HIDDEN }).id))).toBe(
      'NOT_FOUND',
    );
    const mine: Viewer = viewer();
    const pending = answer({ authorId: mine.id, status: ContentStatus.PENDING_REVIEW });
    expect(await codeOf(service.accept(viewer(Role.MODERATOR), pending.id))).toBe('BAD_USER_INPUT');
    question.status = ThreadStatus.LOCKED;
    expect(await codeOf(service.accept(asker, answer().id))).toBe('BAD_USER_INPUT');
  });

  it("accepts in the caller's transaction with accept's rules", async () => {
    const { service, asker, question, answer, outbox } = await setup();
    const good = answer();
    expect(await codeOf(service.acceptInTransaction(TX, viewer(), good.id))).toBe('FORBIDDEN');
    await service.acceptInTransaction(TX, viewer(Role.AGENT), good.id);
    expect(question).toMatchObject({ acceptedPostId: good.id, status: ThreadStatus.SOLVED });
    expect(outbox.record).toHaveBeenCalledWith(
      TX,
      'solution.accepted',
      expect.objectContaining({ postId: good.id }),
    );
    question.status = ThreadStatus.LOCKED;
    expect(await codeOf(service.acceptInTransaction(TX, asker, answer().id))).toBe(
      'BAD_USER_INPUT',
    );
  });

  it('unaccepts: the reputation goes back and the thread reopens; nothing to withdraw is a no-op', async () => {
    const { service, asker, question, answer, reputation, threadRows } = await setup();
    expect((await service.unaccept(asker, question.id)).status).toBe(ThreadStatus.OPEN);
    expect(threadRows.reopen).not.toHaveBeenCalled();
    const good = answer();
    await service.accept(asker, good.id);
    const reopened = await service.unaccept(asker, question.id);
    expect(reopened).toMatchObject({ acceptedPostId: null, status: ThreadStatus.OPEN });
    expect(reputation.award).toHaveBeenLastCalledWith(TX, good.authorId, -SOLUTION_REPUTATION, -1);
    expect(await codeOf(service.unaccept(viewer(), question.id))).toBe('FORBIDDEN');
  });

  it("withdraws a post's mark in the caller's transaction, and ignores a post that is no solution", async () => {
    const { service, asker, question, answer, threadRows } = await setup();
    const good = answer();
    await service.withdrawSolutionOf(TX, good.id);
    expect(threadRows.reopen).not.toHaveBeenCalled();
    await service.accept(asker, good.id);
    await service.withdrawSolutionOf(TX, good.id);
    expect(question.acceptedPostId).toBeNull();
  });
});
