import { ContentStatus, publishedDelta, Viewer } from '@app/core';
import { ModeratableHandler, ModeratableTarget } from '@app/moderation';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { PostEntity } from '../posts/post.entity';
import { PostsService } from '../posts/posts.service';
import { ThreadsService } from '../threads/threads.service';

/** How moderation acts on answers: status with the thread's count, solution marks, loading. */
@Injectable()
export class PostModerationHandler implements ModeratableHandler {
  readonly type = 'Post';
  readonly correctable = true;

  constructor(
    private readonly posts: PostsService,
    private readonly threads: ThreadsService,
  ) {}

  async lock(manager: EntityManager, id: string): Promise<ModeratableTarget | null> {
    const post = await manager.findOne(PostEntity, {
      where: { id },
      lock: { mode: 'pessimistic_write' },
    });
    if (!post) return null;
    const [thread]: Array<{ title: string }> = await manager.query(
      `SELECT title FROM threads WHERE id = $1`,
      [post.threadId],
    );
    return {
      type: this.type,
      id: post.id,
      authorId: post.authorId,
      status: post.status,
      label: `your answer to “${thread.title}”`,
    };
  }

  /**
   * Moves the answer in or out of view, keeping the thread's answer count to published answers.
   * An answer held by automod and then approved is announced as if it had just been posted.
   */
  async setStatus(manager: EntityManager, id: string, status: ContentStatus): Promise<void> {
    const post = await manager.findOneByOrFail(PostEntity, { id });
    if (post.status === status) return;
    await manager.update(PostEntity, { id }, { status: status });
    if (post.status === ContentStatus.PENDING_REVIEW && status === ContentStatus.PUBLISHED) {
      await this.posts.published(manager, post);
      return;
    }
    const delta = publishedDelta(post.status, status);
    if (delta !== 0) {
      await manager.query(`UPDATE threads SET answer_count = answer_count + $2 WHERE id = $1`, [
        post.threadId,
        delta,
      ]);
    }
  }

  load(ctx: object, id: string, viewer: Viewer | null): Promise<object | null> {
    return this.posts.findVisible(ctx, id, viewer);
  }

  async acceptedBy(manager: EntityManager, id: string): Promise<string | null> {
    const [thread]: Array<{ accepted_by: string | null }> = await manager.query(
      `SELECT accepted_by FROM threads WHERE accepted_post_id = $1`,
      [id],
    );
    return thread?.accepted_by ?? null;
  }

  unaccept(manager: EntityManager, id: string): Promise<void> {
    return this.threads.withdrawSolutionOf(manager, id);
  }
}
