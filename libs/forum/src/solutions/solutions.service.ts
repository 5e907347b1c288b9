import {
  badInput,
  canSee,
  ContentStatus,
  forbidden,
  hasRole,
  notFound,
  OutboxService,
  STAFF_ROLES,
  Transactions,
  Tx,
  Viewer,
} from '@app/core';
import { ReputationService, SOLUTION_REPUTATION } from '@app/identity';
import { Injectable } from '@nestjs/common';
import { FORUM_EVENTS, SolutionAcceptedEvent } from '../forum.events';
import { ThreadStatus } from '../forum.enums';
import { PostEntity } from '../posts/post.entity';
import { PostsRepository } from '../posts/posts.repository';
import { threadChanged } from '../threads/thread-changed';
import { ThreadEntity } from '../threads/thread.entity';
import { ThreadsRepository } from '../threads/threads.repository';
import { ThreadsService } from '../threads/threads.service';

/** Accepted solutions: the answer a thread's asker (or staff) marks as what solved it. */
@Injectable()
export class SolutionsService {
  constructor(
    private readonly transactions: Transactions,
    private readonly threadRows: ThreadsRepository,
    private readonly posts: PostsRepository,
    private readonly threads: ThreadsService,
    private readonly reputation: ReputationService,
    private readonly outbox: OutboxService,
  ) {}

  /**
   * Marks a post as the thread's solution (the asker, an agent or a moderator). Accepting
   * another post moves the mark and the reputation with it; accepting the same post again
   * changes nothing. The thread row is locked so concurrent accepts settle one after another.
   */
  async accept(viewer: Viewer, postId: string): Promise<ThreadEntity> {
    const threadId = await this.transactions.run((tx) => this.choose(tx, viewer, postId));
    return this.threads.getById(threadId);
  }

  /** `accept` in the caller's transaction (a case resolved with its official answer). */
  async acceptInTransaction(tx: Tx, viewer: Viewer, postId: string): Promise<void> {
    await this.choose(tx, viewer, postId);
  }

  /** Marks the post as its thread's solution with `accept`'s rules; returns the thread's id. */
  private async choose(tx: Tx, viewer: Viewer, postId: string): Promise<string> {
    const post = await this.posts.byId(postId, tx);
    if (!post || !canSee(post.status, post.authorId, viewer)) throw notFound('Post');
    const thread = await this.lockForChoice(tx, post.threadId, viewer);
    if (post.status !== ContentStatus.PUBLISHED) {
      throw badInput('postId', 'only a published answer can be accepted');
    }
    if (thread.status === ThreadStatus.LOCKED) throw badInput('postId', 'the thread is locked');
    if (thread.acceptedPostId === post.id) return thread.id;
    const previous = thread.acceptedPostId
      ? await this.posts.byId(thread.acceptedPostId, tx)
      : null;
    await this.reputation.lockMembers(tx, [post.authorId, previous?.authorId ?? null]);
    if (previous) await this.takeBackReputation(tx, thread, previous);
    if (earnsReputation(post, thread)) {
      await this.reputation.award(tx, post.authorId, SOLUTION_REPUTATION, 1);
    }
    await this.threadRows.markSolved(thread.id, post.id, viewer.id, tx);
    await this.outbox.record(tx, FORUM_EVENTS.solutionAccepted, {
      threadId: thread.id,
      postId: post.id,
      answererId: post.authorId,
      acceptedById: viewer.id,
      threadTitle: thread.title,
    } satisfies SolutionAcceptedEvent);
    return thread.id;
  }

  /** Withdraws the accepted solution and reopens the thread; nothing to withdraw changes nothing. */
  async unaccept(viewer: Viewer, threadId: string): Promise<ThreadEntity> {
    await this.transactions.run(async (tx) => {
      const thread = await this.lockForChoice(tx, threadId, viewer);
      if (!thread.acceptedPostId) return;
      const accepted = await this.posts.byId(thread.acceptedPostId, tx);
      if (accepted) await this.reopen(tx, thread, accepted);
    });
    return this.threads.getById(threadId);
  }

  /**
   * Withdraws a post's accepted-solution mark in the caller's transaction (a correction with
   * `unaccept`, a deleted answer): the reputation goes back and the thread reopens. A post that
   * is no thread's solution changes nothing.
   */
  async withdrawSolutionOf(tx: Tx, postId: string): Promise<void> {
    const post = await this.posts.byId(postId, tx);
    if (!post) throw notFound('Post');
    const thread = await this.threadRows.lock(post.threadId, tx);
    if (!thread || thread.acceptedPostId !== postId) return;
    await this.reopen(tx, thread, post);
  }

  /** Locks the thread whose solution the viewer wants to choose, if they may. */
  private async lockForChoice(tx: Tx, threadId: string, viewer: Viewer): Promise<ThreadEntity> {
    const thread = await this.threadRows.lock(threadId, tx);
    if (!thread || !canSee(thread.contentStatus, thread.authorId, viewer)) {
      throw notFound('Thread');
    }
    if (thread.authorId !== viewer.id && !hasRole(viewer, STAFF_ROLES)) {
      throw forbidden('Only the asker, an agent or a moderator can choose the solution');
    }
    return thread;
  }

  /** Takes the solution mark off `post` and reopens the thread. */
  private async reopen(tx: Tx, thread: ThreadEntity, post: PostEntity): Promise<void> {
    await this.takeBackReputation(tx, thread, post);
    await this.threadRows.reopen(thread.id, tx);
    threadChanged(tx, thread.id);
  }

  private async takeBackReputation(tx: Tx, thread: ThreadEntity, post: PostEntity): Promise<void> {
    if (earnsReputation(post, thread)) {
      await this.reputation.award(tx, post.authorId, -SOLUTION_REPUTATION, -1);
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
