import {
  CursorPart,
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
import { IdeaQueryFilter } from '../dto/idea-filter.input';
import { IdeaOrder } from '../ideas.enums';
import { IdeaEntity } from './idea.entity';

export interface IdeaListQuery extends IdeaQueryFilter {
  orderBy: IdeaOrder;
  page: PageRequest;
  viewer: Viewer | null;
}

interface SortKey {
  column: string;
  part: CursorPart;
  valueOf: (idea: IdeaEntity) => CursorValue;
}

// Each order walks its own index, with or without the board or status filter (see migrations).
const SORT: Record<IdeaOrder, SortKey> = {
  [IdeaOrder.TOP]: { column: 'i.vote_count', part: 'count', valueOf: (idea) => idea.voteCount },
  [IdeaOrder.TRENDING]: {
    column: 'i.trending_score',
    part: 'number',
    valueOf: (idea) => idea.trendingScore,
  },
  [IdeaOrder.NEWEST]: {
    column: 'i.created_at',
    part: 'timestamp',
    valueOf: (idea) => idea.createdAt.getTime(),
  },
};

/** The idea list queries: keyset pages in each order. */
@Injectable()
export class IdeasRepository {
  constructor(@InjectRepository(IdeaEntity) private readonly ideas: Repository<IdeaEntity>) {}

  /** One keyset page (limit + 1 rows, so the caller can tell if more follow), either way. */
  async page(query: IdeaListQuery): Promise<IdeaEntity[]> {
    const sort = SORT[query.orderBy];
    const { order, past } = seek(query.page, 'DESC');
    const qb = this.filtered(query);
    const cursor = pageCursor(query.page, [sort.part, 'uuid']);
    if (cursor) {
      const [value, id] = cursor;
      qb.andWhere(`(${sort.column}, i.id) ${past} (:cursorValue, :cursorId)`, {
        cursorValue: sort.part === 'timestamp' ? new Date(value as number) : value,
        cursorId: id,
      });
    }
    return qb
      .orderBy(sort.column, order)
      .addOrderBy('i.id', order)
      .limit(query.page.limit + 1)
      .getMany();
  }

  count(query: IdeaListQuery): Promise<number> {
    return this.filtered(query).getCount();
  }

  cursorOf(idea: IdeaEntity, orderBy: IdeaOrder): string {
    return encodeCursor([SORT[orderBy].valueOf(idea), idea.id]);
  }

  private filtered(query: IdeaListQuery): SelectQueryBuilder<IdeaEntity> {
    const visible = visibleSql('i.content_status', 'i.author_id', query.viewer);
    const qb = this.ideas.createQueryBuilder('i').where(visible.sql, visible.params);
    if (query.boardId) qb.andWhere('i.board_id = :boardId', { boardId: query.boardId });
    if (query.status) qb.andWhere('i.status = :status', { status: query.status });
    if (query.tag) qb.andWhere('i.tags @> ARRAY[:tag]::text[]', { tag: query.tag });
    return qb;
  }
}
