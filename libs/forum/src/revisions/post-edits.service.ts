import {
  badInput,
  canSee,
  ContentStatus,
  forbidden,
  hasRole,
  markdownPlainText,
  MODERATOR_ROLES,
  notFound,
  OutboxService,
  renderMarkdown,
  RequestLoaders,
  Transactions,
  Tx,
  Viewer,
} from '@app/core';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { FORUM_EVENTS, PostEditedEvent } from '../forum.events';
import { PostEntity } from '../posts/post.entity';
import { PostsRepository } from '../posts/posts.repository';
import { threadChanged } from '../threads/thread-changed';
import { ThreadsRepository } from '../threads/threads.repository';
import { SolutionsService } from '../solutions/solutions.service';
import { PostRevisionEntity } from './post-revision.entity';
import { PostRevisionsRepository } from './post-revisions.repository';

const MAX_REVISIONS_SHOWN = 100;

/** An edit of a post, the post already decoded to a UUID. */
export interface PostEdit {
  postId: string;
  body: string;
  reason?: string | null;
}

/** Editing and deleting answers: by their author or a moderator, never destroying text. */
@Injectable()
export class PostEditsService {
  constructor(
    private readonly transactions: Transactions,
    private readonly posts: PostsRepository,
    private readonly revisionRows: PostRevisionsRepository,
    private readonly threadRows: ThreadsRepository,
    private readonly solutions: SolutionsService,
    private readonly outbox: OutboxService,
  ) {}

  /** Replaces a post's body; the old body becomes a revision and `editedAt` is set. */
  async edit(viewer: Viewer, input: PostEdit): Promise<PostEntity> {
    const { postId } = input;
    if (!input.body.trim()) throw badInput('body', 'must not be blank');
    await this.transactions.run(async (tx) => {
      const post = await this.editablePost(tx, postId, viewer);
      if (post.body === input.body) return;
      await this.revisionRows.insert(
        {
          id: randomUUID(),
          postId: post.id,
          editorId: viewer.id,
          body: post.body,
          reason: input.reason?.trim() || null,
        },
        tx,
      );
      await this.posts.replaceBody(
        post.id,
        {
          body: input.body,
          bodyHtml: renderMarkdown(input.body),
          bodyText: markdownPlainText(input.body),
        },
        tx,
      );
      if (post.status === ContentStatus.PUBLISHED) {
        await this.outbox.record(tx, FORUM_EVENTS.postEdited, {
          postId: post.id,
          threadId: post.threadId,
          editorId: viewer.id,
        } satisfies PostEditedEvent);
      }
    });
    return this.fresh(postId);
  }

  /**
   * Soft-deletes a post: it stays for moderators, leaves every list and count, and stops being
   * the thread's solution (the reputation it earned goes with it).
   */
  async delete(
    viewer: Viewer,
    postId: string,
    reason: string | null | undefined,
  ): Promise<PostEntity> {
    if (reason && reason.length > 500) throw badInput('reason', 'must be at most 500 characters');
    await this.transactions.run(async (tx) => {
      const post = await this.editablePost(tx, postId, viewer);
      const thread = await this.threadRows.lock(post.threadId, tx);
      if (!thread) throw notFound('Thread');
      await this.posts.softDelete(post.id, viewer.id, reason?.trim() || null, tx);
      threadChanged(tx, thread.id);
      if (post.status === ContentStatus.PUBLISHED) {
        await this.threadRows.moveAnswerCount(thread.id, -1, tx);
      }
      await this.solutions.withdrawSolutionOf(tx, post.id);
    });
    return this.fresh(postId);
  }

  /** A post's earlier bodies, oldest first (the latest 100), batched through the loaders. */
  revisions(loaders: RequestLoaders, postId: string): Promise<PostRevisionEntity[]> {
    return loaders
      .get<string, PostRevisionEntity[]>(
        'revisions.byPost',
        async (postIds) => {
          const rows = await this.revisionRows.ofPosts(postIds);
          return postIds.map((id) =>
            rows.filter((row) => row.postId === id).slice(-MAX_REVISIONS_SHOWN),
          );
        },
        // After the posts: a thread page's solution and its answers arrive apart, and their
        // earlier versions are still one statement.
        1,
      )
      .load(postId);
  }

  private async editablePost(tx: Tx, postId: string, viewer: Viewer): Promise<PostEntity> {
    const post = await this.posts.lock(postId, tx);
    if (!post || !canSee(post.status, post.authorId, viewer)) throw notFound('Post');
    if (post.authorId !== viewer.id && !hasRole(viewer, MODERATOR_ROLES)) {
      throw forbidden('Only the author or a moderator can change this post');
    }
    if (post.status === ContentStatus.DELETED) throw badInput('postId', 'the post is deleted');
    return post;
  }

  private async fresh(postId: string): Promise<PostEntity> {
    const post = await this.posts.byId(postId);
    if (!post) throw notFound('Post');
    return post;
  }
}
