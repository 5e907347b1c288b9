import { decodeCursor, encodeCursor, Viewer, visibleSql } from '@app/core';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository, SelectQueryBuilder } from 'typeorm';
import { AnswerOrder } from '../forum.enums';
import { PostEntity } from './post.entity';

export interface AnswerPageQuery {
  threadId: string;
  orderBy: AnswerOrder;
  limit: number;
  after?: string | null;
  /** Left out of the page: the accepted solution, which is shown first separately. */
  excludeId?: string | null;
  viewer: Viewer | null;
}

const MIN_UUID = '00000000-0000-0000-0000-000000000000';
const MAX_UUID = 'ffffffff-ffff-ffff-ffff-ffffffffffff';
const MAX_TIME = 8.64e15;
const MAX_KUDOS = 2 ** 31;

/** The answer queries; every ordering walks posts_thread_created_idx or posts_thread_kudos_idx. */
@Injectable()
export class PostsRepository {
  constructor(@InjectRepository(PostEntity) private readonly posts: Repository<PostEntity>) {}

  /** One keyset page of a thread's answers (limit + 1 rows). */
  page(query: AnswerPageQuery): Promise<PostEntity[]> {
    const qb = this.filtered(query);
    if (query.excludeId) qb.andWhere('p.id <> :excludeId', { excludeId: query.excludeId });
    switch (query.orderBy) {
      case AnswerOrder.OLDEST:
        if (query.after) {
          const [at, id] = decodeCursor(query.after, ['timestamp', 'uuid']);
          qb.andWhere('(p.created_at, p.id) > (:at, :id)', { at: new Date(at), id });
        }
        qb.orderBy('p.created_at', 'ASC').addOrderBy('p.id', 'ASC');
        break;
      case AnswerOrder.NEWEST:
        if (query.after) {
          const [at, id] = decodeCursor(query.after, ['timestamp', 'uuid']);
          qb.andWhere('(p.created_at, p.id) < (:at, :id)', { at: new Date(at), id });
        }
        qb.orderBy('p.created_at', 'DESC').addOrderBy('p.id', 'DESC');
        break;
      case AnswerOrder.MOST_KUDOS:
        if (query.after) {
          const [kudos, at, id] = decodeCursor(query.after, ['number', 'timestamp', 'uuid']);
          qb.andWhere(
            '(p.kudos_count < :kudos OR (p.kudos_count = :kudos AND (p.created_at, p.id) > (:at, :id)))',
            { kudos, at: new Date(at), id },
          );
        }
        qb.orderBy('p.kudos_count', 'DESC')
          .addOrderBy('p.created_at', 'ASC')
          .addOrderBy('p.id', 'ASC');
        break;
    }
    return qb.limit(query.limit + 1).getMany();
  }

  /** How many answers of the thread the viewer can see. */
  count(query: AnswerPageQuery): Promise<number> {
    return this.filtered(query).getCount();
  }

  /** The cursor of an answer in a list of the given order. */
  cursorOf(post: PostEntity, orderBy: AnswerOrder): string {
    const at = post.createdAt.getTime();
    return encodeCursor(
      orderBy === AnswerOrder.MOST_KUDOS ? [post.kudosCount, at, post.id] : [at, post.id],
    );
  }

  /** A cursor placed before every answer: given to the pinned solution so the next page starts at the top. */
  startCursor(orderBy: AnswerOrder): string {
    switch (orderBy) {
      case AnswerOrder.OLDEST:
        return encodeCursor([0, MIN_UUID]);
      case AnswerOrder.NEWEST:
        return encodeCursor([MAX_TIME, MAX_UUID]);
      case AnswerOrder.MOST_KUDOS:
        return encodeCursor([MAX_KUDOS, 0, MIN_UUID]);
    }
  }

  private filtered(query: AnswerPageQuery): SelectQueryBuilder<PostEntity> {
    const visible = visibleSql('p.status', 'p.author_id', query.viewer);
    return this.posts
      .createQueryBuilder('p')
      .where('p.thread_id = :threadId', { threadId: query.threadId })
      .andWhere(visible.sql, visible.params);
  }
}
