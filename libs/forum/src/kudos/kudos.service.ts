import {
  badInput,
  canSee,
  ContentStatus,
  idPages,
  notFound,
  OutboxService,
  RequestLoaders,
  Transactions,
  Tx,
  Viewer,
} from '@app/core';
import { KUDO_REPUTATION, ReputationService } from '@app/identity';
import { Injectable } from '@nestjs/common';
import { FORUM_EVENTS, KudoGivenEvent } from '../forum.events';
import { PostEntity } from '../posts/post.entity';
import { PostsRepository } from '../posts/posts.repository';
import { threadChanged } from '../threads/thread-changed';
import { ThreadsRepository } from '../threads/threads.repository';
import { KudosRepository } from './kudos.repository';

/**
 * Kudos: one per member per post. The kudos row, the post's count and the author's reputation
 * change in one transaction, and only when the row really was inserted or deleted, so repeats
 * and races never count twice. An official answer's kudos count but earn its author nothing.
 */
@Injectable()
export class KudosService {
  constructor(
    private readonly transactions: Transactions,
    private readonly repository: KudosRepository,
    private readonly posts: PostsRepository,
    private readonly threads: ThreadsRepository,
    private readonly reputation: ReputationService,
    private readonly outbox: OutboxService,
  ) {}

  /** Gives the viewer's kudo to a post (not their own); giving it again changes nothing. */
  async give(viewer: Viewer, postId: string): Promise<PostEntity> {
    await this.transactions.run(async (tx) => {
      const post = await this.kudoablePost(tx, postId, viewer);
      if (!(await this.repository.add(post.id, viewer.id, tx))) return;
      // Official answers earn no reputation: the count still moves, the author's points do not.
      if (!post.official) await this.reputation.award(tx, post.authorId, KUDO_REPUTATION);
      const thread = await this.threads.byId(post.threadId, tx);
      if (!thread) throw notFound('Thread');
      await this.outbox.record(tx, FORUM_EVENTS.kudoGiven, {
        postId: post.id,
        threadId: post.threadId,
        giverId: viewer.id,
        authorId: post.authorId,
        threadTitle: thread.title,
      } satisfies KudoGivenEvent);
    });
    return this.fresh(postId);
  }

  /** Takes the viewer's kudo back; taking back a kudo never given changes nothing. */
  async remove(viewer: Viewer, postId: string): Promise<PostEntity> {
    await this.transactions.run(async (tx) => {
      const post = await this.kudoablePost(tx, postId, viewer);
      if (!(await this.repository.remove(post.id, viewer.id, tx))) return;
      threadChanged(tx, post.threadId);
      if (!post.official) await this.reputation.award(tx, post.authorId, -KUDO_REPUTATION);
    });
    return this.fresh(postId);
  }

  /** Whether the viewer has given a kudo to the post, batched through the request's loaders. */
  hasGiven(loaders: RequestLoaders, viewerId: string, postId: string): Promise<boolean> {
    return loaders
      .get<
        string,
        boolean
      >(`kudos.of.${viewerId}`, (postIds) => this.repository.givenAmong(viewerId, postIds))
      .load(postId);
  }

  /** Everyone who gave the post a kudo, in pages, for fan-outs that must not load them all. */
  giverIds(postId: string): AsyncGenerator<string[]> {
    return idPages((after, limit) => this.repository.giverPage(postId, after, limit));
  }

  private async kudoablePost(tx: Tx, postId: string, viewer: Viewer): Promise<PostEntity> {
    const post = await this.posts.byId(postId, tx);
    if (!post || !canSee(post.status, post.authorId, viewer)) throw notFound('Post');
    if (post.authorId === viewer.id)
      throw badInput('postId', 'you cannot give kudos to your own post');
    if (post.status !== ContentStatus.PUBLISHED)
      throw badInput('postId', 'the post is not published');
    return post;
  }

  private async fresh(postId: string): Promise<PostEntity> {
    const post = await this.posts.byId(postId);
    if (!post) throw notFound('Post');
    return post;
  }
}
