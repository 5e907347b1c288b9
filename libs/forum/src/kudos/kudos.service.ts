import {
  badInput,
  canSee,
  ContentStatus,
  fromGlobalId,
  notFound,
  OutboxService,
  requestLoader,
  userIdPages,
  Viewer,
} from '@app/core';
import { KUDO_REPUTATION, ReputationService } from '@app/identity';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { FORUM_EVENTS, KudoGivenEvent } from '../forum.events';
import { PostEntity } from '../posts/post.entity';
import { ThreadEntity } from '../threads/thread.entity';

/**
 * Kudos: one per member per post. The kudos row, the post's count and the author's reputation
 * change in one transaction, and only when the row really was inserted or deleted, so repeats
 * and races never count twice. An official answer's kudos count but earn its author nothing.
 */
@Injectable()
export class KudosService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly reputation: ReputationService,
    private readonly outbox: OutboxService,
  ) {}

  /** Gives the viewer's kudo to a post (not their own); giving it again changes nothing. */
  async give(viewer: Viewer, postGlobalId: string): Promise<PostEntity> {
    const postId = fromGlobalId(postGlobalId, 'Post', 'postId');
    await this.dataSource.transaction(async (manager) => {
      const post = await this.kudoablePost(manager, postId, viewer);
      const inserted: unknown[] = await manager.query(
        `INSERT INTO kudos (post_id, user_id) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING post_id`,
        [post.id, viewer.id],
      );
      if (inserted.length === 0) return;
      await manager.query(`UPDATE posts SET kudos_count = kudos_count + 1 WHERE id = $1`, [
        post.id,
      ]);
      // Official answers earn no reputation: the count still moves, the author's points do not.
      if (!post.official) await this.reputation.award(manager, post.authorId, KUDO_REPUTATION);
      const thread = await manager.findOneByOrFail(ThreadEntity, { id: post.threadId });
      await this.outbox.record(manager, FORUM_EVENTS.kudoGiven, {
        postId: post.id,
        threadId: post.threadId,
        giverId: viewer.id,
        authorId: post.authorId,
        threadTitle: thread.title,
      } satisfies KudoGivenEvent);
    });
    return this.dataSource.manager.findOneByOrFail(PostEntity, { id: postId });
  }

  /** Takes the viewer's kudo back; taking back a kudo never given changes nothing. */
  async remove(viewer: Viewer, postGlobalId: string): Promise<PostEntity> {
    const postId = fromGlobalId(postGlobalId, 'Post', 'postId');
    await this.dataSource.transaction(async (manager) => {
      const post = await this.kudoablePost(manager, postId, viewer);
      // Wrapped in a SELECT: TypeORM returns [rows, count] for a bare DELETE.
      const [{ removed }]: Array<{ removed: number }> = await manager.query(
        `WITH gone AS (DELETE FROM kudos WHERE post_id = $1 AND user_id = $2 RETURNING 1)
         SELECT count(*)::int AS removed FROM gone`,
        [post.id, viewer.id],
      );
      if (removed === 0) return;
      await manager.query(`UPDATE posts SET kudos_count = kudos_count - 1 WHERE id = $1`, [
        post.id,
      ]);
      if (!post.official) await this.reputation.award(manager, post.authorId, -KUDO_REPUTATION);
    });
    return this.dataSource.manager.findOneByOrFail(PostEntity, { id: postId });
  }

  /** Whether the viewer has given a kudo to the post, batched per request. */
  hasGiven(ctx: object, viewerId: string, postId: string): Promise<boolean> {
    return requestLoader<string, boolean>(ctx, `kudos.of.${viewerId}`, async (postIds) => {
      const rows: Array<{ post_id: string }> = await this.dataSource.query(
        `SELECT post_id FROM kudos WHERE user_id = $1 AND post_id = ANY($2::uuid[])`,
        [viewerId, postIds],
      );
      const given = new Set(rows.map((row) => row.post_id));
      return postIds.map((id) => given.has(id));
    }).load(postId);
  }

  private async kudoablePost(
    manager: EntityManager,
    postId: string,
    viewer: Viewer,
  ): Promise<PostEntity> {
    const post = await manager.findOneBy(PostEntity, { id: postId });
    if (!post || !canSee(post.status, post.authorId, viewer)) throw notFound('Post');
    if (post.authorId === viewer.id)
      throw badInput('postId', 'you cannot give kudos to your own post');
    if (post.status !== ContentStatus.PUBLISHED)
      throw badInput('postId', 'the post is not published');
    return post;
  }

  /** Everyone who gave the post a kudo, in pages, for fan-outs that must not load them all. */
  giverIds(postId: string): AsyncGenerator<string[]> {
    return userIdPages(
      this.dataSource,
      `SELECT user_id FROM kudos WHERE post_id = $1 AND user_id > $2 ORDER BY user_id LIMIT $3`,
      postId,
    );
  }
}
