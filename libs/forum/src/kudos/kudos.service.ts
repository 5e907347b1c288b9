import {
  badInput,
  canSee,
  ContentStatus,
  idPages,
  notFound,
  OutboxService,
  RequestLoaders,
  Transactions,
  Viewer,
} from '@app/core';
import { KUDO_REPUTATION, ReputationService } from '@app/identity';
import { Injectable } from '@nestjs/common';
import { FORUM_EVENTS, KudoGivenEvent } from '../forum.events';
import { PostEntity } from '../posts/post.entity';
import { PostsRepository } from '../posts/posts.repository';
import { threadChanged } from '../threads/thread-changed';
import { KudosRepository } from './kudos.repository';

/**
 * Kudos: one per member per post. The kudos row, the post's count and the author's reputation
 * change in one transaction, and only when the row really was inserted or deleted, so repeats
 * and races never count twice. An official answer's kudos count but earn its author nothing.
 *
 * A popular answer gets kudos from many members at once, and each of them waits for the rows of
 * the post and of its author: those are changed last, right before the commit, and the rules
 * are read before the transaction opens, so that each giver holds them as briefly as it can.
 */
@Injectable()
export class KudosService {
  constructor(
    private readonly transactions: Transactions,
    private readonly repository: KudosRepository,
    private readonly posts: PostsRepository,
    private readonly reputation: ReputationService,
    private readonly outbox: OutboxService,
  ) {}

  /** Gives the viewer's kudo to a post (not their own); giving it again changes nothing. */
  async give(viewer: Viewer, postId: string): Promise<PostEntity> {
    const [found, threadTitle] = await Promise.all([
      this.posts.byId(postId),
      this.repository.threadTitleOf(postId),
    ]);
    const post = this.kudoable(found, viewer);
    if (threadTitle === null) throw notFound('Post');
    const kudosCount = await this.transactions.run(async (tx) => {
      if (!(await this.repository.mark(post.id, viewer.id, tx))) return null;
      await this.outbox.record(tx, FORUM_EVENTS.kudoGiven, {
        postId: post.id,
        threadId: post.threadId,
        giverId: viewer.id,
        authorId: post.authorId,
        threadTitle,
      } satisfies KudoGivenEvent);
      const count = await this.repository.moveCount(post.id, 1, tx);
      // Official answers earn no reputation: the count still moves, the author's points do not.
      if (!post.official) await this.reputation.award(tx, post.authorId, KUDO_REPUTATION);
      return count;
    });
    return this.withCount(post, kudosCount);
  }

  /** Takes the viewer's kudo back; taking back a kudo never given changes nothing. */
  async remove(viewer: Viewer, postId: string): Promise<PostEntity> {
    const post = this.kudoable(await this.posts.byId(postId), viewer);
    const kudosCount = await this.transactions.run(async (tx) => {
      if (!(await this.repository.unmark(post.id, viewer.id, tx))) return null;
      threadChanged(tx, post.threadId);
      const count = await this.repository.moveCount(post.id, -1, tx);
      if (!post.official) await this.reputation.award(tx, post.authorId, -KUDO_REPUTATION);
      return count;
    });
    return this.withCount(post, kudosCount);
  }

  /** Whether the viewer has given a kudo to the post, batched through the request's loaders. */
  hasGiven(loaders: RequestLoaders, viewerId: string, postId: string): Promise<boolean> {
    // At stage 1, after the posts: a thread page's solution and its answers arrive apart, and
    // the viewer's kudos on them are still one statement.
    return loaders
      .get<
        string,
        boolean
      >(`kudos.of.${viewerId}`, (postIds) => this.repository.givenAmong(viewerId, postIds), 1)
      .load(postId);
  }

  /** Everyone who gave the post a kudo, in pages, for fan-outs that must not load them all. */
  giverIds(postId: string): AsyncGenerator<string[]> {
    return idPages((after, limit) => this.repository.giverPage(postId, after, limit));
  }

  /** The post the viewer may give a kudo to, read before the transaction (it locks nothing). */
  private kudoable(post: PostEntity | null, viewer: Viewer): PostEntity {
    if (!post || !canSee(post.status, post.authorId, viewer)) throw notFound('Post');
    if (post.authorId === viewer.id)
      throw badInput('postId', 'you cannot give kudos to your own post');
    if (post.status !== ContentStatus.PUBLISHED)
      throw badInput('postId', 'the post is not published');
    return post;
  }

  /**
   * The post with the count its transaction left (null: nothing changed, so it is read afresh,
   * with whatever others counted meanwhile).
   */
  private async withCount(post: PostEntity, kudosCount: number | null): Promise<PostEntity> {
    if (kudosCount === null) return this.fresh(post.id);
    post.kudosCount = kudosCount;
    return post;
  }

  private async fresh(postId: string): Promise<PostEntity> {
    const post = await this.posts.byId(postId);
    if (!post) throw notFound('Post');
    return post;
  }
}
