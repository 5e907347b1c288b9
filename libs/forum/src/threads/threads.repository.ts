import {
  cappedCount,
  CursorValue,
  encodeCursor,
  keysetPage,
  PageRequest,
  SAMPLE,
  SAMPLE_PAGE,
  SqlSnapshot,
  Tx,
  Viewer,
  visibleSql,
} from '@app/core';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository, SelectQueryBuilder } from 'typeorm';
import { ThreadOrder, ThreadStatus } from '../forum.enums';
import { ThreadEntity } from './thread.entity';

export interface ThreadListQuery {
  boardId?: string;
  tag?: string;
  status?: ThreadStatus;
  unanswered?: boolean;
  orderBy: ThreadOrder;
  page: PageRequest;
  viewer: Viewer | null;
}

/** A new thread's row; the database fills in its timestamps. */
export type NewThread = Omit<ThreadEntity, 'createdAt' | 'lastActivityAt' | 'acceptedBy'>;

const SORT_COLUMN: Record<ThreadOrder, { column: string; property: keyof ThreadEntity }> = {
  [ThreadOrder.LAST_ACTIVITY]: { column: 't.last_activity_at', property: 'lastActivityAt' },
  [ThreadOrder.NEWEST]: { column: 't.created_at', property: 'createdAt' },
};

const SAMPLE_LIST = { orderBy: ThreadOrder.LAST_ACTIVITY, page: SAMPLE_PAGE.FIRST, viewer: null };

/** The thread statements of the forum; each ordering walks its own index (see the migrations). */
@Injectable()
export class ThreadsRepository {
  constructor(@InjectRepository(ThreadEntity) private readonly threads: Repository<ThreadEntity>) {}

  /**
   * One keyset page of threads (limit + 1 rows, so the caller can tell if more follow), in the
   * page's direction: a backward page reads the same index the other way round.
   */
  @SqlSnapshot({ name: 'latest activity', params: [SAMPLE_LIST] })
  @SqlSnapshot({
    name: 'latest activity, after a cursor',
    params: [{ ...SAMPLE_LIST, page: SAMPLE_PAGE.after(SAMPLE.DATE.getTime()) }],
  })
  @SqlSnapshot({
    name: 'newest on a board',
    params: [{ ...SAMPLE_LIST, orderBy: ThreadOrder.NEWEST, boardId: SAMPLE.UUID }],
  })
  async page(query: ThreadListQuery): Promise<ThreadEntity[]> {
    const { column } = SORT_COLUMN[query.orderBy];
    return keysetPage(this.filtered(query), query.page, {
      tail: {
        columns: [
          { sql: column, part: 'timestamp' },
          { sql: 't.id', part: 'uuid' },
        ],
        order: 'DESC',
      },
    }).getMany();
  }

  /** How many threads match the filter (without the cursor), up to the cap. */
  @SqlSnapshot({ params: [SAMPLE_LIST] })
  count(query: ThreadListQuery): Promise<number> {
    return cappedCount(this.filtered(query));
  }

  /** The cursor of a thread in a list of the given order. */
  cursorOf(thread: ThreadEntity, orderBy: ThreadOrder): string {
    const value = thread[SORT_COLUMN[orderBy].property] as Date;
    return encodeCursor([value.getTime(), thread.id] satisfies CursorValue[]);
  }

  /**
   * The threads of these ids that exist, in no particular order (the loaders' batch read): its
   * columns named one by one and read without the query builder, being on every thread page.
   */
  @SqlSnapshot({ params: [[SAMPLE.UUID, SAMPLE.UUID_2]] })
  async byIds(ids: readonly string[]): Promise<ThreadEntity[]> {
    const rows: object[] = await this.threads.query(
      `SELECT id, author_id AS "authorId", body, body_html AS "bodyHtml", created_at AS "createdAt",
              board_id AS "boardId", title, tags, status, content_status AS "contentStatus",
              accepted_post_id AS "acceptedPostId", accepted_by AS "acceptedBy",
              answer_count AS "answerCount", last_activity_at AS "lastActivityAt"
         FROM threads
        WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    // On the prototype, without the constructor's undefined keys for the columns left out.
    return rows.map((row) =>
      Object.assign(Object.create(ThreadEntity.prototype) as ThreadEntity, row),
    );
  }

  /** A thread by id, or null. */
  @SqlSnapshot({ params: [SAMPLE.UUID] })
  byId(id: string, tx?: Tx): Promise<ThreadEntity | null> {
    return this.repo(tx).findOneBy({ id });
  }

  /** A thread by id, its row locked until the transaction ends (settles concurrent changes). */
  @SqlSnapshot({ params: [SAMPLE.UUID, SAMPLE.TX] })
  lock(id: string, tx: Tx): Promise<ThreadEntity | null> {
    return tx.getRepository(ThreadEntity).findOne({
      where: { id },
      lock: { mode: 'pessimistic_write' },
    });
  }

  async insert(thread: NewThread, tx: Tx): Promise<void> {
    await tx.getRepository(ThreadEntity).insert(thread);
  }

  /** Marks `postId` as the thread's solution and the thread SOLVED, with fresh activity. */
  @SqlSnapshot({ params: [SAMPLE.UUID, SAMPLE.UUID_2, SAMPLE.UUID_2, SAMPLE.TX] })
  async markSolved(id: string, postId: string, acceptedBy: string, tx: Tx): Promise<void> {
    await tx.getRepository(ThreadEntity).update(
      { id },
      {
        acceptedPostId: postId,
        acceptedBy,
        status: ThreadStatus.SOLVED,
        lastActivityAt: () => 'now()',
      },
    );
  }

  /** Takes the solution off the thread and reopens it. */
  async reopen(id: string, tx: Tx): Promise<void> {
    await tx
      .getRepository(ThreadEntity)
      .update({ id }, { acceptedPostId: null, acceptedBy: null, status: ThreadStatus.OPEN });
  }

  /**
   * Counts one more published answer and moves the thread's activity, in one UPDATE; returns the
   * thread's title (null when there is no such thread).
   */
  @SqlSnapshot({ params: [SAMPLE.UUID, SAMPLE.TX] })
  async countNewAnswer(id: string, tx: Tx): Promise<string | null> {
    // Wrapped in a SELECT: TypeORM returns [rows, count] for a bare UPDATE … RETURNING.
    const rows: Array<{ title: string }> = await tx.query(
      `WITH bumped AS (
         UPDATE threads SET answer_count = answer_count + 1, last_activity_at = now()
          WHERE id = $1 RETURNING title
       ) SELECT title FROM bumped`,
      [id],
    );
    return rows[0]?.title ?? null;
  }

  /** Moves the count of published answers by `delta` (an answer hidden, deleted, restored). */
  @SqlSnapshot({ params: [SAMPLE.UUID, -1, SAMPLE.TX] })
  async moveAnswerCount(id: string, delta: number, tx: Tx): Promise<void> {
    await tx.query(`UPDATE threads SET answer_count = answer_count + $2 WHERE id = $1`, [
      id,
      delta,
    ]);
  }

  /** Who accepted the post as their thread's solution (null when it is nobody's solution). */
  async acceptedByOfPost(postId: string, tx: Tx): Promise<string | null> {
    const thread = await tx.getRepository(ThreadEntity).findOneBy({ acceptedPostId: postId });
    return thread?.acceptedBy ?? null;
  }

  async setContentStatus(
    id: string,
    contentStatus: ThreadEntity['contentStatus'],
    tx: Tx,
  ): Promise<void> {
    await tx.getRepository(ThreadEntity).update({ id }, { contentStatus });
  }

  private repo(tx?: Tx): Repository<ThreadEntity> {
    return tx ? tx.getRepository(ThreadEntity) : this.threads;
  }

  private filtered(query: ThreadListQuery): SelectQueryBuilder<ThreadEntity> {
    const visible = visibleSql('t.content_status', 't.author_id', query.viewer);
    const qb = this.threads.createQueryBuilder('t').where(visible.sql, visible.params);
    if (query.boardId) qb.andWhere('t.board_id = :boardId', { boardId: query.boardId });
    if (query.tag) qb.andWhere('t.tags @> ARRAY[:tag]::text[]', { tag: query.tag });
    if (query.status) qb.andWhere('t.status = :status', { status: query.status });
    if (query.unanswered === true) qb.andWhere('t.answer_count = 0');
    if (query.unanswered === false) qb.andWhere('t.answer_count > 0');
    return qb;
  }
}
