import {
  badInput,
  byKeys,
  canSee,
  clientMutationKey,
  ClientMutations,
  Connection,
  ContentStatus,
  forbidden,
  hasRole,
  markdownPlainText,
  notFound,
  OutboxService,
  PageRequest,
  pageSize,
  renderMarkdown,
  RequestLoaders,
  STAFF_ROLES,
  toConnection,
  Transactions,
  Tx,
  Viewer,
} from '@app/core';
import { ContentScreening } from '@app/moderation';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { FORUM_EVENTS, PostCreatedEvent } from '../forum.events';
import { AnswerOrder, ThreadStatus } from '../forum.enums';
import { ThreadEntity } from '../threads/thread.entity';
import { ThreadsRepository } from '../threads/threads.repository';
import { mentionedHandles } from '../mentions';
import { PostEntity } from './post.entity';
import { PostsRepository } from './posts.repository';

/** An answer to post, its thread already decoded to a UUID. */
export interface NewAnswer {
  threadId: string;
  body: string;
  official?: boolean | null;
  clientMutationId?: string | null;
}

/** Answers: posting them and listing a thread's answers. */
@Injectable()
export class PostsService {
  constructor(
    private readonly transactions: Transactions,
    private readonly repository: PostsRepository,
    private readonly threads: ThreadsRepository,
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
  async postAnswer(viewer: Viewer, input: NewAnswer): Promise<PostEntity> {
    const official = input.official === true;
    this.checkAnswer(viewer, input.body, official);
    const mutation = {
      memberId: viewer.id,
      operation: 'postAnswer',
      key: clientMutationKey(input.clientMutationId),
    };
    const postId = await this.transactions.run((tx) =>
      this.clientMutations.once(tx, mutation, randomUUID(), (id) =>
        this.answer(tx, viewer, id, { threadId: input.threadId, body: input.body, official }),
      ),
    );
    return this.getById(postId);
  }

  /**
   * Staff's answer for the company (`official`) in the caller's transaction (a case resolved
   * with its answer): the rules and events of `postAnswer`, and, being official, no reputation.
   */
  async postOfficialAnswer(
    tx: Tx,
    author: Viewer,
    threadId: string,
    body: string,
  ): Promise<PostEntity> {
    this.checkAnswer(author, body, true);
    const id = randomUUID();
    await this.answer(tx, author, id, { threadId, body, official: true });
    const post = await this.repository.byId(id, tx);
    if (!post) throw notFound('Post');
    return post;
  }

  /** What is refused before anything is written: an official answer by a member, a blank body. */
  private checkAnswer(viewer: Viewer, body: string, official: boolean): void {
    if (official && !hasRole(viewer, STAFF_ROLES)) {
      throw forbidden('Only staff can give an official answer');
    }
    if (!body.trim()) throw badInput('body', 'must not be blank');
  }

  /** Writes answer `id` to a published, unlocked thread the viewer can see. */
  private async answer(
    tx: Tx,
    viewer: Viewer,
    id: string,
    input: { threadId: string; body: string; official: boolean },
  ): Promise<void> {
    const { threadId, body, official } = input;
    const thread = await this.threads.byId(threadId, tx);
    if (!thread || !canSee(thread.contentStatus, thread.authorId, viewer)) {
      throw notFound('Thread');
    }
    if (thread.contentStatus !== ContentStatus.PUBLISHED) {
      throw badInput('threadId', 'the thread is not published');
    }
    if (thread.status === ThreadStatus.LOCKED) throw badInput('threadId', 'the thread is locked');
    const verdict = await this.screening.screen(tx, {
      type: 'Post',
      id,
      authorId: viewer.id,
      text: body,
    });
    const status = verdict.held ? ContentStatus.PENDING_REVIEW : ContentStatus.PUBLISHED;
    await this.repository.insert(
      {
        id,
        threadId,
        authorId: viewer.id,
        body,
        bodyHtml: renderMarkdown(body),
        bodyText: markdownPlainText(body),
        status,
        kudosCount: 0,
        official,
        editedAt: null,
      },
      tx,
    );
    if (status === ContentStatus.PUBLISHED) {
      // The event first, the thread's count last: everyone answering a busy thread waits for its
      // row, which is then locked only from the count to the commit.
      await this.announce(tx, { id, threadId, authorId: viewer.id, body }, thread.title);
      if ((await this.threads.countNewAnswer(threadId, tx)) === null) throw notFound('Thread');
    }
  }

  /** Counts an answer on its thread and tells whom it concerns, when it first goes public. */
  async published(
    tx: Tx,
    post: Pick<PostEntity, 'id' | 'threadId' | 'authorId' | 'body'>,
  ): Promise<void> {
    const threadTitle = await this.threads.countNewAnswer(post.threadId, tx);
    if (threadTitle === null) throw notFound('Thread');
    await this.announce(tx, post, threadTitle);
  }

  /** Records that the answer is public, for its thread's subscribers and those it mentions. */
  private async announce(
    tx: Tx,
    post: Pick<PostEntity, 'id' | 'threadId' | 'authorId' | 'body'>,
    threadTitle: string,
  ): Promise<void> {
    await this.outbox.record(tx, FORUM_EVENTS.postCreated, {
      postId: post.id,
      threadId: post.threadId,
      authorId: post.authorId,
      threadTitle,
      mentionedHandles: mentionedHandles(post.body),
    } satisfies PostCreatedEvent);
  }

  /**
   * A page of a thread's answers. The list is the accepted solution (when the viewer can see it)
   * followed by the other answers in `orderBy`, and pages either way walk that one sequence: the
   * solution leads the first page going forward and closes the walk going backward.
   */
  async answers(
    loaders: RequestLoaders,
    thread: ThreadEntity,
    viewer: Viewer | null,
    orderBy: AnswerOrder,
    page: PageRequest,
  ): Promise<Connection<PostEntity>> {
    // The solution is left out of the others whether or not the viewer may see it (the page's
    // own visibility rule would drop it then), so both are read at once. The page is tracked:
    // the authors and corrections of the solution wait for those of the page.
    const query = {
      threadId: thread.id,
      orderBy,
      page,
      excludeId: thread.acceptedPostId,
      viewer,
    };
    const [accepted, fetched] = await Promise.all([
      thread.acceptedPostId ? this.findVisible(loaders, thread.acceptedPostId, viewer) : null,
      loaders.track(this.repository.page(query)),
    ]);
    // The solution's cursor sits before every other answer: going forward it is behind any
    // cursor, going backward it is ahead of every cursor but its own.
    const solutionCursor = this.repository.startCursor(orderBy);
    const forward = page.direction === 'forward';
    const pinned = accepted && (forward ? !page.cursor : page.cursor !== solutionCursor);
    let rows = fetched;
    if (accepted && pinned) {
      // In fetch order: first going forward (the connection then cuts the page to its limit, and
      // the rows past it still tell that more follow); going backward last, once the others run out.
      if (forward) rows = [accepted, ...fetched];
      else if (fetched.length <= page.limit) rows = [...fetched, accepted];
    }
    return toConnection(rows, page, {
      cursorOf: (post) =>
        post === accepted ? solutionCursor : this.repository.cursorOf(post, orderBy),
      nodeOf: (post) => post,
      totalCount: () => this.repository.count({ ...query, excludeId: null }),
    });
  }

  /** A post as the viewer may see it, or null; batched through the request's loaders. */
  async findVisible(
    loaders: RequestLoaders,
    id: string,
    viewer: Viewer | null,
  ): Promise<PostEntity | null> {
    const post = await loaders
      .get<
        string,
        PostEntity | null
      >('posts.byId', async (ids) => byKeys(ids, await this.repository.byIds(ids), (row) => row.id, null))
      .load(id);
    return post && canSee(post.status, post.authorId, viewer) ? post : null;
  }

  /** A post read fresh (after a change, or outside any request); it must exist. */
  async getById(id: string): Promise<PostEntity> {
    const post = await this.repository.byId(id);
    if (!post) throw notFound('Post');
    return post;
  }

  /** A published post read fresh, for live updates outside any request; null otherwise. */
  findPublished(id: string): Promise<PostEntity | null> {
    return this.repository.publishedById(id);
  }

  /**
   * A member's latest published answers in published threads, newest first: what anyone may
   * read on their profile. The members of one request are read together, per `first`.
   */
  recentAnswers(loaders: RequestLoaders, authorId: string, first: number): Promise<PostEntity[]> {
    const limit = pageSize(first, 'first');
    return loaders
      .get<string, PostEntity[]>(`posts.recentByAuthor.${limit}`, async (ids) => {
        const posts = await this.repository.recentByAuthors(ids, limit);
        return ids.map((id) => posts.filter((post) => post.authorId === id));
      })
      .load(authorId);
  }
}
