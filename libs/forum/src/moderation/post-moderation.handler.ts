import { ContentStatus, publishedDelta, RequestLoaders, Tx, Viewer } from '@app/core';
import { ModeratableContent } from '@app/moderation';
import { Injectable } from '@nestjs/common';
import { PostEntity } from '../posts/post.entity';
import { PostsRepository } from '../posts/posts.repository';
import { PostsService } from '../posts/posts.service';
import { SolutionsService } from '../solutions/solutions.service';
import { threadChanged } from '../threads/thread-changed';
import { ThreadsRepository } from '../threads/threads.repository';

/** How moderation acts on answers: the thread's answer count, solution marks, corrections. */
@Injectable()
export class PostModerationHandler extends ModeratableContent<PostEntity> {
  readonly type = 'Post';
  override readonly correctable = true;

  constructor(
    private readonly posts: PostsService,
    private readonly postRows: PostsRepository,
    private readonly threadRows: ThreadsRepository,
    private readonly solutions: SolutionsService,
  ) {
    super();
  }

  protected lockRow(id: string, tx: Tx): Promise<PostEntity | null> {
    return this.postRows.lock(id, tx);
  }

  protected writeStatus(id: string, status: ContentStatus, tx: Tx): Promise<void> {
    return this.postRows.setStatus(id, status, tx);
  }

  protected statusOf(post: PostEntity): ContentStatus {
    return post.status;
  }

  protected async label(post: PostEntity, tx: Tx): Promise<string> {
    const thread = await this.threadRows.byId(post.threadId, tx);
    return `your answer to “${thread?.title ?? ''}”`;
  }

  /**
   * Keeps the thread's answer count to published answers. An answer held by automod and then
   * approved is announced as if it had just been posted.
   */
  protected override async statusChanged(
    post: PostEntity,
    to: ContentStatus,
    tx: Tx,
  ): Promise<void> {
    threadChanged(tx, post.threadId);
    if (post.status === ContentStatus.PENDING_REVIEW && to === ContentStatus.PUBLISHED) {
      await this.posts.published(tx, post);
      return;
    }
    const delta = publishedDelta(post.status, to);
    if (delta !== 0) await this.threadRows.moveAnswerCount(post.threadId, delta, tx);
  }

  load(id: string, viewer: Viewer | null, loaders: RequestLoaders): Promise<object | null> {
    return this.posts.findVisible(loaders, id, viewer);
  }

  /** Who accepted this answer as the solution, if it is one. */
  acceptedBy(id: string, tx: Tx): Promise<string | null> {
    return this.threadRows.acceptedByOfPost(id, tx);
  }

  /** Withdraws the accepted-solution mark of this answer, reopening its thread. */
  unaccept(id: string, tx: Tx): Promise<void> {
    return this.solutions.withdrawSolutionOf(tx, id);
  }
}
