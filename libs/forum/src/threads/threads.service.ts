import {
  badInput,
  byKeys,
  canSee,
  clientMutationKey,
  ClientMutations,
  Connection,
  ContentStatus,
  markdownPlainText,
  notFound,
  OutboxService,
  PageRequest,
  renderMarkdown,
  RequestLoaders,
  toConnection,
  Transactions,
  Tx,
  Viewer,
} from '@app/core';
import { ContentScreening } from '@app/moderation';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { BoardsRepository } from '../boards/boards.repository';
import { FORUM_EVENTS, ThreadCreatedEvent } from '../forum.events';
import { BoardKind, ThreadOrder, ThreadStatus } from '../forum.enums';
import { ThreadSubscriptionsService } from '../subscriptions/thread-subscriptions.service';
import { mentionedHandles } from '../mentions';
import { ThreadEntity } from './thread.entity';
import { ThreadListQuery, ThreadsRepository } from './threads.repository';

/** A question to ask, its board already decoded to a UUID. */
export interface NewQuestion {
  boardId: string;
  title: string;
  body: string;
  tags?: string[] | null;
  clientMutationId?: string | null;
}

/** Which threads a list shows, its board already decoded to a UUID. */
export type ThreadListFilter = Pick<ThreadListQuery, 'boardId' | 'tag' | 'status' | 'unanswered'>;

/** Questions: asking, reading and listing them. */
@Injectable()
export class ThreadsService {
  constructor(
    private readonly transactions: Transactions,
    private readonly repository: ThreadsRepository,
    private readonly boards: BoardsRepository,
    private readonly subscriptions: ThreadSubscriptionsService,
    private readonly outbox: OutboxService,
    private readonly screening: ContentScreening,
    private readonly clientMutations: ClientMutations,
  ) {}

  /**
   * Asks a question on a QUESTIONS board; the author is subscribed to it. Automod may hold it
   * for review: then only its author and moderators see it, and nobody is told of it yet.
   */
  async ask(viewer: Viewer, input: NewQuestion): Promise<ThreadEntity> {
    const { boardId } = input;
    const title = input.title.trim();
    if (title.length < 8) throw badInput('title', 'must be 8 to 200 characters');
    if (!input.body.trim()) throw badInput('body', 'must not be blank');
    const tags = [...new Set(input.tags ?? [])];
    const mutation = {
      memberId: viewer.id,
      operation: 'askQuestion',
      key: clientMutationKey(input.clientMutationId),
    };
    const threadId = await this.transactions.run((tx) =>
      this.clientMutations.once(tx, mutation, randomUUID(), async (id) => {
        const board = await this.boards.byId(boardId, tx);
        if (!board) throw notFound('Board');
        if (board.kind !== BoardKind.QUESTIONS)
          throw badInput('boardId', 'is not a questions board');
        const verdict = await this.screening.screen(tx, {
          type: 'Thread',
          id,
          authorId: viewer.id,
          text: `${title}\n${input.body}`,
        });
        const contentStatus = verdict.held ? ContentStatus.PENDING_REVIEW : ContentStatus.PUBLISHED;
        await this.repository.insert(
          {
            id,
            boardId,
            authorId: viewer.id,
            title,
            body: input.body,
            bodyHtml: renderMarkdown(input.body),
            bodyText: markdownPlainText(input.body),
            tags,
            status: ThreadStatus.OPEN,
            contentStatus,
            acceptedPostId: null,
            answerCount: 0,
          },
          tx,
        );
        await this.subscriptions.subscribe(tx, id, viewer.id);
        if (contentStatus === ContentStatus.PUBLISHED) {
          await this.published(tx, {
            id,
            boardId,
            authorId: viewer.id,
            title,
            body: input.body,
          });
        }
      }),
    );
    return this.getById(threadId);
  }

  /** Counts a question on its board and tells whom it concerns, when it first goes public. */
  async published(
    tx: Tx,
    thread: Pick<ThreadEntity, 'id' | 'boardId' | 'authorId' | 'title' | 'body'>,
  ): Promise<void> {
    await this.boards.moveThreadCount(thread.boardId, 1, tx);
    await this.outbox.record(tx, FORUM_EVENTS.threadCreated, {
      threadId: thread.id,
      boardId: thread.boardId,
      authorId: thread.authorId,
      threadTitle: thread.title,
      mentionedHandles: mentionedHandles(thread.body),
    } satisfies ThreadCreatedEvent);
  }

  /** A thread as the viewer may see it, or null; batched through the request's loaders. */
  async findVisible(
    loaders: RequestLoaders,
    id: string,
    viewer: Viewer | null,
  ): Promise<ThreadEntity | null> {
    const thread = await this.load(loaders, id);
    return thread && canSee(thread.contentStatus, thread.authorId, viewer) ? thread : null;
  }

  /** A thread by UUID, batched through the request's loaders, whoever may see it. */
  load(loaders: RequestLoaders, id: string): Promise<ThreadEntity | null> {
    return loaders
      .get<
        string,
        ThreadEntity | null
      >('threads.byId', async (ids) => byKeys(ids, await this.repository.byIds(ids), (row) => row.id, null))
      .load(id);
  }

  /** A thread read fresh (after a change, or outside any request); it must exist. */
  async getById(id: string): Promise<ThreadEntity> {
    const thread = await this.repository.byId(id);
    if (!thread) throw notFound('Thread');
    return thread;
  }

  /** A page of threads matching the filter, newest activity (or newest) first. */
  async list(
    viewer: Viewer | null,
    filter: ThreadListFilter,
    orderBy: ThreadOrder,
    page: PageRequest,
  ): Promise<Connection<ThreadEntity>> {
    const query = { ...filter, orderBy, page, viewer };
    const rows = await this.repository.page(query);
    return toConnection(rows, page, {
      cursorOf: (thread) => this.repository.cursorOf(thread, orderBy),
      nodeOf: (thread) => thread,
      totalCount: () => this.repository.count(query),
    });
  }
}
