import {
  badInput,
  canSee,
  ContentStatus,
  forbidden,
  fromGlobalId,
  hasRole,
  markdownPlainText,
  MODERATOR_ROLES,
  notFound,
  OutboxService,
  renderMarkdown,
  requestLoader,
  Viewer,
} from '@app/core';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager, In } from 'typeorm';
import { EditPostInput } from '../dto/edit-post.input';
import { FORUM_EVENTS, PostEditedEvent } from '../forum.events';
import { PostEntity } from '../posts/post.entity';
import { ThreadEntity } from '../threads/thread.entity';
import { ThreadsService } from '../threads/threads.service';
import { PostRevisionEntity } from './post-revision.entity';

const MAX_REVISIONS_SHOWN = 100;

/** Editing and deleting answers: by their author or a moderator, never destroying text. */
@Injectable()
export class PostEditsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly threads: ThreadsService,
    private readonly outbox: OutboxService,
  ) {}

  /** Replaces a post's body; the old body becomes a revision and `editedAt` is set. */
  async edit(viewer: Viewer, input: EditPostInput): Promise<PostEntity> {
    const postId = fromGlobalId(input.postId, 'Post', 'postId');
    if (!input.body.trim()) throw badInput('body', 'must not be blank');
    await this.dataSource.transaction(async (manager) => {
      const post = await this.editablePost(manager, postId, viewer);
      if (post.body === input.body) return;
      await manager.insert(PostRevisionEntity, {
        id: randomUUID(),
        postId: post.id,
        editorId: viewer.id,
        body: post.body,
        reason: input.reason?.trim() || null,
      });
      await manager.update(
        PostEntity,
        { id: post.id },
        {
          body: input.body,
          bodyHtml: renderMarkdown(input.body),
          bodyText: markdownPlainText(input.body),
          editedAt: () => 'now()',
        },
      );
      if (post.status === ContentStatus.PUBLISHED) {
        await this.outbox.record(manager, FORUM_EVENTS.postEdited, {
          postId: post.id,
          threadId: post.threadId,
          editorId: viewer.id,
        } satisfies PostEditedEvent);
      }
    });
    return this.dataSource.manager.findOneByOrFail(PostEntity, { id: postId });
  }

  /**
   * Soft-deletes a post: it stays for moderators, leaves every list and count, and stops being
   * the thread's solution (the reputation it earned goes with it).
   */
  async delete(
    viewer: Viewer,
    postGlobalId: string,
    reason: string | null | undefined,
  ): Promise<PostEntity> {
    const postId = fromGlobalId(postGlobalId, 'Post', 'postId');
    if (reason && reason.length > 500) throw badInput('reason', 'must be at most 500 characters');
    await this.dataSource.transaction(async (manager) => {
      const post = await this.editablePost(manager, postId, viewer);
      const thread = await manager.findOneOrFail(ThreadEntity, {
        where: { id: post.threadId },
        lock: { mode: 'pessimistic_write' },
      });
      await manager.update(
        PostEntity,
        { id: post.id },
        {
          status: ContentStatus.DELETED,
          deletedAt: () => 'now()',
          deletedBy: viewer.id,
          deleteReason: reason?.trim() || null,
        },
      );
      if (post.status === ContentStatus.PUBLISHED) {
        await manager.query(`UPDATE threads SET answer_count = answer_count - 1 WHERE id = $1`, [
          thread.id,
        ]);
      }
      await this.threads.withdrawSolutionOf(manager, post.id);
    });
    return this.dataSource.manager.findOneByOrFail(PostEntity, { id: postId });
  }

  /** A post's earlier bodies, oldest first, batched per request. */
  revisions(ctx: object, postId: string): Promise<PostRevisionEntity[]> {
    return requestLoader<string, PostRevisionEntity[]>(ctx, 'revisions.byPost', async (postIds) => {
      const rows = await this.dataSource.manager.find(PostRevisionEntity, {
        where: { postId: In([...postIds]) },
        order: { createdAt: 'ASC', id: 'ASC' },
      });
      return postIds.map((id) =>
        rows.filter((row) => row.postId === id).slice(-MAX_REVISIONS_SHOWN),
      );
    }).load(postId);
  }

  private async editablePost(
    manager: EntityManager,
    postId: string,
    viewer: Viewer,
  ): Promise<PostEntity> {
    const post = await manager.findOne(PostEntity, {
      where: { id: postId },
      lock: { mode: 'pessimistic_write' },
    });
    if (!post || !canSee(post.status, post.authorId, viewer)) throw notFound('Post');
    if (post.authorId !== viewer.id && !hasRole(viewer, MODERATOR_ROLES)) {
      throw forbidden('Only the author or a moderator can change this post');
    }
    if (post.status === ContentStatus.DELETED) throw badInput('postId', 'the post is deleted');
    return post;
  }
}
