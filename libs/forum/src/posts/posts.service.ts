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
  pageSize,
  renderMarkdown,
  requestLoader,
  STAFF_ROLES,
  toConnection,
  Viewer,
} from '@app/core';
import { ContentScreening } from '@app/moderation';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager, In } from 'typeorm';
import { PostAnswerInput } from '../dto/post-answer.input';
import { FORUM_EVENTS, PostCreatedEvent } from '../forum.events';
import { AnswerOrder, ThreadStatus } from '../forum.enums';
import { ThreadEntity } from '../threads/thread.entity';
import { mentionedHandles } from '../mentions';
import { PostEntity } from './post.entity';
import { PostsRepository } from './posts.repository';

/** Answers: posting them and listing a thread's answers. */
@Injectable()
export class PostsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: PostsRepository,
    private readonly outbox: OutboxService,
    private readonly screening: ContentScreening,
    private readonly clientMutations: ClientMutations,
  ) {}

  /**
   * Answers a published, unlocked thread; its answer count and activity move in the same UPDATE.
   * An answer automod holds counts for nothing and tells nobody until a moderator approves it.
   * Only staff answer for the company (`official`); anyone else is refused before anything is
   * written, the idempotency record included.
   */
  async postAnswer(viewer: Viewer, input: PostAnswerInput): Promise<PostEntity> {
    const threadId = fromGlobalId(input.threadId, 'Thread', 'threadId');
    const official = input.official === true;
    if (official && !hasRole(viewer, STAFF_ROLES)) {
      throw forbidden('Only staff can give an official answer');
    }
    if (!input.body.trim()) throw badInput('body', 'must not be blank');
    const mutation = {
      memberId: viewer.id,
      operation: 'postAnswer',
      key: clientMutationKey(input.clientMutationId),
    };
    const postId = await this.dataSource.transaction((manager) =>
      this.clientMutations.once(manager, mutation, randomUUID(), async (id) => {
        const thread = await manager.findOneBy(ThreadEntity, { id: threadId });
        if (!thread || !canSee(thread.contentStatus, thread.authorId, viewer)) {
          throw notFound('Thread');
        }
        if (thread.contentStatus !== ContentStatus.PUBLISHED) {
          throw badInput('threadId', 'the thread is not published');
        }
        if (thread.status === ThreadStatus.LOCKED)
          throw badInput('threadId', 'the thread is locked');
        const verdict = await this.screening.screen(manager, {
          type: 'Post',
          id,
          authorId: viewer.id,
          text: input.body,
        });
        const status = verdict.held ? ContentStatus.PENDING_REVIEW : ContentStatus.PUBLISHED;
        await manager.insert(PostEntity, {
          id,
          threadId,
          authorId: viewer.id,
          body: input.body,
          bodyHtml: renderMarkdown(input.body),
          bodyText: markdownPlainText(input.body),
          status,
          kudosCount: 0,
          official,
          editedAt: null,
        });
        if (status === ContentStatus.PUBLISHED) {
          await this.published(manager, { id, threadId, authorId: viewer.id, body: input.body });
        }
      }),
    );
    return this.dataSource.manager.findOneByOrFail(PostEntity, { id: postId });
  }

  /** Counts an answer on its thread and tells whom it concerns, when it first goes public. */
  async published(
    manager: EntityManager,
    post: Pick<PostEntity, 'id' | 'threadId' | 'authorId' | 'body'>,
  ): Promise<void> {
    // Wrapped in a SELECT: TypeORM returns [rows, count] for a bare UPDATE … RETURNING.
    const [thread]: Array<{ title: string }> = await manager.query(
      `WITH bumped AS (
         UPDATE threads SET answer_count = answer_count + 1, last_activity_at = now()
          WHERE id = $1 RETURNING title
       ) SELECT title FROM bumped`,
      [post.threadId],
    );
    await this.outbox.record(manager, FORUM_EVENTS.postCreated, {
      postId: post.id,
      threadId: post.threadId,
      authorId: post.authorId,
      threadTitle: thread.title,
      mentionedHandles: mentionedHandles(post.body),
    } satisfies PostCreatedEvent);
  }

  /**
   * A page of a thread's answers. The list is the accepted solution (when the viewer can see it)
   * followed by the other answers in `orderBy`, and pages either way walk that one sequence: the
   * solution leads the first page going forward and closes the walk going backward.
   */
  async answers(
    ctx: object,
    thread: ThreadEntity,
    viewer: Viewer | null,
    orderBy: AnswerOrder,
    page: PageRequest,
  ): Promise<Connection<PostEntity>> {
    const accepted = thread.acceptedPostId
      ? await this.findVisible(ctx, thread.acceptedPostId, viewer)
      : null;
    // The solution's cursor sits before every other answer: going forward it is behind any
    // cursor, going backward it is ahead of every cursor but its own.
    const solutionCursor = this.repository.startCursor(orderBy);
    const forward = page.direction === 'forward';
    const pinned = accepted && (forward ? !page.cursor : page.cursor !== solutionCursor);
    const query = {
      threadId: thread.id,
      orderBy,
      // Forward, the solution takes the first row of the page.
      page: pinned && forward ? { ...page, limit: page.limit - 1 } : page,
      excludeId: accepted?.id,
      viewer,
    };
    const others = await this.repository.page(query);
    let rows = others;
    if (accepted && pinned) {
      // In fetch order: first going forward; going backward last, once the others run out.
      if (forward) rows = [accepted, ...others];
      else if (others.length <= page.limit) rows = [...others, accepted];
    }
    return toConnection(rows, page, {
      cursorOf: (post) =>
        post === accepted ? solutionCursor : this.repository.cursorOf(post, orderBy),
      nodeOf: (post) => post,
      totalCount: () => this.repository.count({ ...query, excludeId: null }),
    });
  }

  /** A post as the viewer may see it, or null. */
  async findVisible(ctx: object, id: string, viewer: Viewer | null): Promise<PostEntity | null> {
    const post = await this.load(ctx, id);
    return post && canSee(post.status, post.authorId, viewer) ? post : null;
  }

  /** A post by UUID, read fresh (after a change). */
  getById(id: string): Promise<PostEntity> {
    return this.dataSource.manager.findOneByOrFail(PostEntity, { id });
  }

  /** A published post read fresh from the database, for live updates outside any request. */
  findPublished(id: string): Promise<PostEntity | null> {
    return this.dataSource.manager.findOneBy(PostEntity, { id, status: ContentStatus.PUBLISHED });
  }

  /**
   * A member's latest published answers in published threads, newest first: what anyone may
   * read on their profile. The members of one request are read together, per `first`.
   */
  recentAnswers(ctx: object, authorId: string, first: number): Promise<PostEntity[]> {
    const limit = pageSize(first, 'first');
    return requestLoader<string, PostEntity[]>(
      ctx,
      `posts.recentByAuthor.${limit}`,
      async (ids) => {
        const posts = await this.repository.recentByAuthors(ids, limit);
        return ids.map((id) => posts.filter((post) => post.authorId === id));
      },
    ).load(authorId);
  }

  /** Loads a post by UUID through the request's loader (no visibility check). */
  load(ctx: object, id: string): Promise<PostEntity | null> {
    return requestLoader<string, PostEntity | null>(ctx, 'posts.byId', async (ids) => {
      const rows = await this.dataSource.manager.findBy(PostEntity, { id: In([...ids]) });
      return byKeys(ids, rows, (row) => row.id, null);
    }).load(id);
  }
}
