import {
  badInput,
  byKeys,
  canSee,
  clientMutationKey,
  ClientMutations,
  Connection,
  ContentStatus,
  forbidden,
  fromGlobalId,
  hasRole,
  markdownPlainText,
  notFound,
  OutboxService,
  PageRequest,
  renderMarkdown,
  requestLoader,
  STAFF_ROLES,
  toConnection,
  Viewer,
} from '@app/core';
import { ReputationService, SOLUTION_REPUTATION } from '@app/identity';
import { ContentScreening } from '@app/moderation';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager, In } from 'typeorm';
import { BoardEntity } from '../boards/board.entity';
import { AskQuestionInput } from '../dto/ask-question.input';
import { ThreadFilter } from '../dto/thread-filter.input';
import { FORUM_EVENTS, SolutionAcceptedEvent, ThreadCreatedEvent } from '../forum.events';
import { BoardKind, ThreadOrder, ThreadStatus } from '../forum.enums';
import { PostEntity } from '../posts/post.entity';
import { ThreadSubscriptionsService } from '../subscriptions/thread-subscriptions.service';
import { mentionedHandles } from '../mentions';
import { ThreadEntity } from './thread.entity';
import { ThreadsRepository } from './threads.repository';

/** Questions: asking, listing, and marking the accepted solution. */
@Injectable()
export class ThreadsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: ThreadsRepository,
    private readonly subscriptions: ThreadSubscriptionsService,
    private readonly reputation: ReputationService,
    private readonly outbox: OutboxService,
    private readonly screening: ContentScreening,
    private readonly clientMutations: ClientMutations,
  ) {}

  /**
   * Asks a question on a QUESTIONS board; the author is subscribed to it. Automod may hold it
   * for review: then only its author and moderators see it, and nobody is told of it yet.
   */
  async ask(viewer: Viewer, input: AskQuestionInput): Promise<ThreadEntity> {
    const boardId = fromGlobalId(input.boardId, 'Board', 'boardId');
    const title = input.title.trim();
    if (title.length < 8) throw badInput('title', 'must be 8 to 200 characters');
    if (!input.body.trim()) throw badInput('body', 'must not be blank');
    const tags = [...new Set(input.tags ?? [])];
    const mutation = {
      memberId: viewer.id,
      operation: 'askQuestion',
      key: clientMutationKey(input.clientMutationId),
    };
    const threadId = await this.dataSource.transaction((manager) =>
      this.clientMutations.once(manager, mutation, randomUUID(), async (id) => {
        const board = await manager.findOneBy(BoardEntity, { id: boardId });
        if (!board) throw notFound('Board');
        if (board.kind !== BoardKind.QUESTIONS)
          throw badInput('boardId', 'is not a questions board');
        const verdict = await this.screening.screen(manager, {
          type: 'Thread',
          id,
          authorId: viewer.id,
          text: `${title}\n${input.body}`,
        });
        const contentStatus = verdict.held ? ContentStatus.PENDING_REVIEW : ContentStatus.PUBLISHED;
        await manager.insert(ThreadEntity, {
          id,
          boardId,
          authorId: viewer.id,
          title,
          body: input.body,
          bodyHtml: renderMarkdown(input.body),
          bodyText: markdownPlainText(input.body),
          tags,
          status: ThreadStatus.OPEN,
          contentStatus,
          acceptedPostId: null,
          answerCount: 0,
        });
        await this.subscriptions.subscribe(manager, id, viewer.id);
        if (contentStatus === ContentStatus.PUBLISHED) {
          await this.published(manager, {
            id,
            boardId,
            authorId: viewer.id,
            title,
            body: input.body,
          });
        }
      }),
    );
    return this.dataSource.manager.findOneByOrFail(ThreadEntity, { id: threadId });
  }

  /** Counts a question on its board and tells whom it concerns, when it first goes public. */
  async published(
    manager: EntityManager,
    thread: Pick<ThreadEntity, 'id' | 'boardId' | 'authorId' | 'title' | 'body'>,
  ): Promise<void> {
    await manager.increment(BoardEntity, { id: thread.boardId }, 'threadCount', 1);
    await this.outbox.record(manager, FORUM_EVENTS.threadCreated, {
      threadId: thread.id,
      boardId: thread.boardId,
      authorId: thread.authorId,
      threadTitle: thread.title,
      mentionedHandles: mentionedHandles(thread.body),
    } satisfies ThreadCreatedEvent);
  }

  /**
   * Withdraws a post's accepted-solution mark in the caller's transaction (a correction with
   * `unaccept`, a deleted answer): the reputation goes back and the thread reopens.
   */
  async withdrawSolutionOf(manager: EntityManager, postId: string): Promise<void> {
    const post = await manager.findOneByOrFail(PostEntity, { id: postId });
    const thread = await manager.findOne(ThreadEntity, {
      where: { id: post.threadId },
      lock: { mode: 'pessimistic_write' },
    });
    if (!thread || thread.acceptedPostId !== postId) return;
    await this.reopen(manager, thread, postId);
  }

  /** A thread as the viewer may see it, or null. */
  async findVisible(ctx: object, id: string, viewer: Viewer | null): Promise<ThreadEntity | null> {
    const thread = await this.load(ctx, id);
    return thread && canSee(thread.contentStatus, thread.authorId, viewer) ? thread : null;
  }

  /** A page of threads matching the filter, newest activity (or newest) first. */
  async list(
    viewer: Viewer | null,
    filter: ThreadFilter | null | undefined,
    orderBy: ThreadOrder,
    page: PageRequest,
  ): Promise<Connection<ThreadEntity>> {
    const query = {
      boardId: filter?.boardId
        ? fromGlobalId(filter.boardId, 'Board', 'filter.boardId')
        : undefined,
      tag: filter?.tag ?? undefined,
      status: filter?.status ?? undefined,
      unanswered: filter?.unanswered ?? undefined,
      orderBy,
      page,
      viewer,
    };
    const rows = await this.repository.page(query);
    return toConnection(rows, page, {
      cursorOf: (thread) => this.repository.cursorOf(thread, orderBy),
      nodeOf: (thread) => thread,
      totalCount: () => this.repository.count(query),
    });
  }

  /**
   * Marks a post as the thread's solution (the asker, an agent or a moderator). Accepting
   * another post moves the mark and the reputation with it; accepting the same post again
   * changes nothing. The thread row is locked so concurrent accepts settle one after another.
   */
  async acceptSolution(viewer: Viewer, postGlobalId: string): Promise<ThreadEntity> {
    const postId = fromGlobalId(postGlobalId, 'Post', 'postId');
    const threadId = await this.dataSource.transaction(async (manager) => {
      const post = await manager.findOneBy(PostEntity, { id: postId });
      if (!post || !canSee(post.status, post.authorId, viewer)) throw notFound('Post');
      const thread = await this.lockThread(manager, post.threadId, viewer);
      if (post.status !== ContentStatus.PUBLISHED) {
        throw badInput('postId', 'only a published answer can be accepted');
      }
      if (thread.status === ThreadStatus.LOCKED) throw badInput('postId', 'the thread is locked');
      if (thread.acceptedPostId === post.id) return thread.id;
      const previous = thread.acceptedPostId
        ? await manager.findOneByOrFail(PostEntity, { id: thread.acceptedPostId })
        : null;
      await this.reputation.lockMembers(manager, [post.authorId, previous?.authorId ?? null]);
      if (thread.acceptedPostId) await this.withdraw(manager, thread, thread.acceptedPostId);
      if (earnsReputation(post, thread)) {
        await this.reputation.award(manager, post.authorId, SOLUTION_REPUTATION, 1);
      }
      await manager.update(
        ThreadEntity,
        { id: thread.id },
        {
          acceptedPostId: post.id,
          acceptedBy: viewer.id,
          status: ThreadStatus.SOLVED,
          lastActivityAt: () => 'now()',
        },
      );
      await this.outbox.record(manager, FORUM_EVENTS.solutionAccepted, {
        threadId: thread.id,
        postId: post.id,
        answererId: post.authorId,
        acceptedById: viewer.id,
        threadTitle: thread.title,
      } satisfies SolutionAcceptedEvent);
      return thread.id;
    });
    return this.dataSource.manager.findOneByOrFail(ThreadEntity, { id: threadId });
  }

  /** Withdraws the accepted solution and reopens the thread; nothing to withdraw changes nothing. */
  async unacceptSolution(viewer: Viewer, threadGlobalId: string): Promise<ThreadEntity> {
    const threadId = fromGlobalId(threadGlobalId, 'Thread', 'threadId');
    await this.dataSource.transaction(async (manager) => {
      const thread = await this.lockThread(manager, threadId, viewer);
      if (!thread.acceptedPostId) return;
      await this.reopen(manager, thread, thread.acceptedPostId);
    });
    return this.dataSource.manager.findOneByOrFail(ThreadEntity, { id: threadId });
  }

  /** A thread read fresh, outside any request. */
  getById(id: string): Promise<ThreadEntity> {
    return this.dataSource.manager.findOneByOrFail(ThreadEntity, { id });
  }

  /** Loads a thread by UUID through the request's loader (no visibility check). */
  load(ctx: object, id: string): Promise<ThreadEntity | null> {
    return requestLoader<string, ThreadEntity | null>(ctx, 'threads.byId', async (ids) => {
      const rows = await this.dataSource.manager.findBy(ThreadEntity, { id: In([...ids]) });
      return byKeys(ids, rows, (row) => row.id, null);
    }).load(id);
  }

  private async lockThread(
    manager: EntityManager,
    threadId: string,
    viewer: Viewer,
  ): Promise<ThreadEntity> {
    const thread = await manager.findOne(ThreadEntity, {
      where: { id: threadId },
      lock: { mode: 'pessimistic_write' },
    });
    if (!thread || !canSee(thread.contentStatus, thread.authorId, viewer)) {
      throw notFound('Thread');
    }
    if (thread.authorId !== viewer.id && !hasRole(viewer, STAFF_ROLES)) {
      throw forbidden('Only the asker, an agent or a moderator can choose the solution');
    }
    return thread;
  }

  /** Takes the solution mark off `postId` and reopens the thread. */
  private async reopen(
    manager: EntityManager,
    thread: ThreadEntity,
    postId: string,
  ): Promise<void> {
    await this.withdraw(manager, thread, postId);
    await manager.update(
      ThreadEntity,
      { id: thread.id },
      { acceptedPostId: null, acceptedBy: null, status: ThreadStatus.OPEN },
    );
  }

  /** Takes back the reputation a solution earned its author. */
  private async withdraw(
    manager: EntityManager,
    thread: ThreadEntity,
    postId: string,
  ): Promise<void> {
    const previous = await manager.findOneByOrFail(PostEntity, { id: postId });
    if (earnsReputation(previous, thread)) {
      await this.reputation.award(manager, previous.authorId, -SOLUTION_REPUTATION, -1);
    }
  }
}

/**
 * Whether accepting the post earns its author a solution: not on their own thread, and never for
 * an official answer (staff answer for the company, not for reputation).
 */
function earnsReputation(
  post: Pick<PostEntity, 'authorId' | 'official'>,
  thread: Pick<ThreadEntity, 'authorId'>,
): boolean {
  return post.authorId !== thread.authorId && !post.official;
}
