import {
  byKeys,
  cappedCount,
  ContentStatus,
  CursorPart,
  CursorValue,
  encodeCursor,
  keysetPage,
  PageRequest,
  SAMPLE,
  SAMPLE_MEMBER,
  SAMPLE_PAGE,
  SqlSnapshot,
  SUGGESTION_CANDIDATES,
  titleWordsQuerySql,
  Tx,
  Viewer,
  visibleSql,
} from '@app/core';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository, SelectQueryBuilder } from 'typeorm';
import { IdeaQueryFilter } from '../dto/idea-filter.input';
import { CLOSED_IDEA_STATUSES, IdeaOrder, IdeaStatus } from '../ideas.enums';
import { TRENDING_WINDOW_DAYS, voteWeightSql } from '../votes/trending';
import { IdeaEntity } from './idea.entity';

export interface IdeaListQuery extends IdeaQueryFilter {
  orderBy: IdeaOrder;
  page: PageRequest;
  viewer: Viewer | null;
}

/** A new idea's row; the database fills in its creation time. */
export type NewIdea = Omit<IdeaEntity, 'createdAt'>;

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
  [IdeaOrder.WEIGHTED]: {
    column: 'i.weighted_vote_count',
    part: 'count',
    valueOf: (idea) => idea.weightedVoteCount,
  },
  [IdeaOrder.NEWEST]: {
    column: 'i.created_at',
    part: 'timestamp',
    valueOf: (idea) => idea.createdAt.getTime(),
  },
};

// Written out, not bound, so that the planner matches the partial trigram index's predicate.
const OPEN_IDEA_SQL = `i.content_status = 'PUBLISHED' AND i.status NOT IN (${CLOSED_IDEA_STATUSES.map(
  (status) => `'${status}'`,
).join(', ')})`;

const listQuery = (query: Partial<IdeaListQuery>): IdeaListQuery => ({
  orderBy: IdeaOrder.TOP,
  page: SAMPLE_PAGE.FIRST,
  viewer: null,
  ...query,
});

/** The statements on ideas: keyset pages in each order, reads by id, status and score writes. */
@Injectable()
export class IdeasRepository {
  constructor(@InjectRepository(IdeaEntity) private readonly ideas: Repository<IdeaEntity>) {}

  /** One keyset page (limit + 1 rows, so the caller can tell if more follow), either way. */
  @SqlSnapshot({ name: 'top', params: [listQuery({})] })
  @SqlSnapshot({
    name: 'trending, as a member',
    params: [listQuery({ orderBy: IdeaOrder.TRENDING, viewer: SAMPLE_MEMBER })],
  })
  @SqlSnapshot({
    name: 'newest on a board',
    params: [listQuery({ orderBy: IdeaOrder.NEWEST, boardId: SAMPLE.UUID })],
  })
  @SqlSnapshot({ name: 'weighted', params: [listQuery({ orderBy: IdeaOrder.WEIGHTED })] })
  @SqlSnapshot({
    name: 'weighted on a board after a cursor',
    params: [
      listQuery({ orderBy: IdeaOrder.WEIGHTED, boardId: SAMPLE.UUID, page: SAMPLE_PAGE.after(7) }),
    ],
  })
  @SqlSnapshot({ name: 'top by status', params: [listQuery({ status: IdeaStatus.PLANNED })] })
  @SqlSnapshot({ name: 'top after a cursor', params: [listQuery({ page: SAMPLE_PAGE.after(3) })] })
  @SqlSnapshot({
    name: 'newest with a tag after a cursor',
    params: [
      listQuery({
        orderBy: IdeaOrder.NEWEST,
        tag: SAMPLE.TEXT,
        page: SAMPLE_PAGE.after(SAMPLE.DATE.getTime()),
      }),
    ],
  })
  async page(query: IdeaListQuery): Promise<IdeaEntity[]> {
    const { column, part } = SORT[query.orderBy];
    return keysetPage(this.filtered(query), query.page, {
      tail: {
        columns: [
          { sql: column, part },
          { sql: 'i.id', part: 'uuid' },
        ],
        order: 'DESC',
      },
    }).getMany();
  }

  /** How many ideas the list holds, for totalCount. */
  @SqlSnapshot({ params: [listQuery({ boardId: SAMPLE.UUID })] })
  count(query: IdeaListQuery): Promise<number> {
    return cappedCount(this.filtered(query));
  }

  cursorOf(idea: IdeaEntity, orderBy: IdeaOrder): string {
    return encodeCursor([SORT[orderBy].valueOf(idea), idea.id]);
  }

  /** The idea, or null; in `tx` when given. */
  @SqlSnapshot({ params: [SAMPLE.UUID] })
  findById(id: string, tx?: Tx): Promise<IdeaEntity | null> {
    return this.repo(tx).findOneBy({ id });
  }

  /** The ideas of these ids that exist, in no particular order (the loaders' batch read). */
  @SqlSnapshot({ params: [[SAMPLE.UUID, SAMPLE.UUID_2]] })
  findByIds(ids: readonly string[]): Promise<IdeaEntity[]> {
    return this.ideas.findBy({ id: In([...ids]) });
  }

  /** The idea with its row locked until `tx` ends (votes on one idea queue up here), or null. */
  @SqlSnapshot({ params: [SAMPLE.UUID, SAMPLE.TX] })
  lockById(id: string, tx: Tx): Promise<IdeaEntity | null> {
    return tx.getRepository(IdeaEntity).findOne({
      where: { id },
      lock: { mode: 'pessimistic_write' },
    });
  }

  /** The ideas of these ids that exist, locked in id order (so that two lockers never deadlock). */
  lockByIds(ids: readonly string[], tx: Tx): Promise<IdeaEntity[]> {
    return tx.getRepository(IdeaEntity).find({
      where: { id: In([...ids]) },
      order: { id: 'ASC' },
      lock: { mode: 'pessimistic_write' },
    });
  }

  async insert(idea: NewIdea, tx: Tx): Promise<void> {
    await tx.getRepository(IdeaEntity).insert(idea);
  }

  async setStatus(id: string, status: IdeaStatus, note: string | null, tx: Tx): Promise<void> {
    await tx.getRepository(IdeaEntity).update({ id }, { status, statusNote: note });
  }

  /** Closes the source as MERGED into the target; its votes now count on the target. */
  async markMerged(sourceId: string, targetId: string, tx: Tx): Promise<void> {
    await tx
      .getRepository(IdeaEntity)
      .update(
        { id: sourceId },
        { status: IdeaStatus.MERGED, mergedInto: targetId, trendingScore: 0 },
      );
  }

  /** Sets the idea's moderation status (published, held, hidden, deleted). */
  async setContentStatus(id: string, status: ContentStatus, tx: Tx): Promise<void> {
    await tx.getRepository(IdeaEntity).update({ id }, { contentStatus: status });
  }

  /**
   * Up to `limit` open, published ideas whose title shares a word (by stem) with `title` or
   * looks like it (trigram similarity), closest first.
   */
  @SqlSnapshot({ params: [SAMPLE.TEXT, 5] })
  async similarOpen(title: string, limit: number): Promise<IdeaEntity[]> {
    const rows: Array<{ id: string }> = await this.ideas.query(
      `
      WITH typed AS (SELECT ${titleWordsQuerySql('$1')} AS query),
      nearest AS (
        SELECT i.id, i.title, i.search_vector, i.vote_count
          FROM ideas i
         WHERE ${OPEN_IDEA_SQL}
         ORDER BY i.title <-> $1
         LIMIT ${SUGGESTION_CANDIDATES}
      )
      SELECT n.id
        FROM nearest n
       WHERE n.search_vector @@ (SELECT query FROM typed) OR n.title % $1
       ORDER BY coalesce(ts_rank(n.search_vector, (SELECT query FROM typed)), 0)
                + similarity(n.title, $1) DESC, n.vote_count DESC, n.id
       LIMIT $2`,
      [title, limit],
    );
    const ids = rows.map((row) => row.id);
    const ideas = await this.findByIds(ids);
    return byKeys(ids, ideas, (idea) => idea.id, null).filter(
      (idea): idea is IdeaEntity => idea !== null,
    );
  }

  /**
   * Sets the trending score of every idea with votes in the window to the sum of their weights
   * now. Rows a vote or a merge holds are skipped (the next sweep gets them), so the sweep never
   * waits on members and never deadlocks with a merge locking two ideas.
   */
  @SqlSnapshot({ params: [] })
  async refreshTrendingScores(): Promise<void> {
    await this.ideas.query(
      `WITH recent AS (
         SELECT idea_id, sum(${voteWeightSql('created_at')}) AS score
           FROM idea_votes
          WHERE created_at > now() - interval '${TRENDING_WINDOW_DAYS + 1} days'
          GROUP BY idea_id
       ), free AS (
         SELECT i.id FROM ideas i JOIN recent ON recent.idea_id = i.id
          WHERE i.status <> 'MERGED'
          FOR UPDATE OF i SKIP LOCKED
       )
       UPDATE ideas i SET trending_score = recent.score
         FROM recent JOIN free ON free.id = recent.idea_id
        WHERE i.id = free.id`,
    );
  }

  /** Zeroes the trending score of ideas whose votes are all older than the window. */
  @SqlSnapshot({ params: [] })
  async clearStaleTrendingScores(): Promise<void> {
    await this.ideas.query(
      `WITH stale AS (
         SELECT id FROM ideas
          WHERE trending_score > 0
            AND NOT EXISTS (SELECT 1 FROM idea_votes v WHERE v.idea_id = ideas.id
                              AND v.created_at > now() - interval '${TRENDING_WINDOW_DAYS} days')
          FOR UPDATE SKIP LOCKED
       )
       UPDATE ideas SET trending_score = 0 WHERE id IN (SELECT id FROM stale)`,
    );
  }

  private repo(tx?: Tx): Repository<IdeaEntity> {
    return tx ? tx.getRepository(IdeaEntity) : this.ideas;
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
