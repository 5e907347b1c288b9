import {
  CursorValue,
  encodeCursor,
  pageCursor,
  PageRequest,
  seek,
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

const SORT_COLUMN: Record<ThreadOrder, { column: string; property: keyof ThreadEntity }> = {
  [ThreadOrder.LAST_ACTIVITY]: { column: 't.last_activity_at', property: 'lastActivityAt' },
  [ThreadOrder.NEWEST]: { column: 't.created_at', property: 'createdAt' },
};

/** The thread queries of the forum; each ordering walks its own index (see the migrations). */
@Injectable()
export class ThreadsRepository {
  constructor(@InjectRepository(ThreadEntity) private readonly threads: Repository<ThreadEntity>) {}

  /**
   * One keyset page of threads (limit + 1 rows, so the caller can tell if more follow), in the
   * page's direction: a backward page reads the same index the other way round.
   */
  async page(query: ThreadListQuery): Promise<ThreadEntity[]> {
    const { column } = SORT_COLUMN[query.orderBy];
    const { order, past } = seek(query.page, 'DESC');
    const qb = this.filtered(query);
    const cursor = pageCursor(query.page, ['timestamp', 'uuid']);
    if (cursor) {
      const [at, id] = cursor;
      qb.andWhere(`(${column}, t.id) ${past} (:cursorAt, :cursorId)`, {
        cursorAt: new Date(at as number),
        cursorId: id,
      });
    }
    return qb
      .orderBy(column, order)
      .addOrderBy('t.id', order)
      .limit(query.page.limit + 1)
      .getMany();
  }

  /** How many threads match the filter (without the cursor). */
  count(query: ThreadListQuery): Promise<number> {
    return this.filtered(query).getCount();
  }

  /** The cursor of a thread in a list of the given order. */
  cursorOf(thread: ThreadEntity, orderBy: ThreadOrder): string {
    const value = thread[SORT_COLUMN[orderBy].property] as Date;
    return encodeCursor([value.getTime(), thread.id] satisfies CursorValue[]);
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
