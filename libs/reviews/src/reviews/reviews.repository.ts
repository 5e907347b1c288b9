import {
  cappedCount,
  ContentStatus,
  CursorValue,
  encodeCursor,
  KeysetSort,
  keysetPage,
  PageRequest,
  SAMPLE,
  SAMPLE_MEMBER,
  SqlSnapshot,
  Tx,
  Viewer,
  visibleSql,
} from '@app/core';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository, SelectQueryBuilder } from 'typeorm';
import { ReviewOrder } from '../reviews.enums';
import { ReviewEntity } from './review.entity';

export interface ReviewPageQuery {
  productId: string;
  orderBy: ReviewOrder;
  page: PageRequest;
  viewer: Viewer | null;
}

/** A review as its author wrote it, with the status screening gave it. */
export type NewReview = Omit<ReviewEntity, 'helpfulCount' | 'createdAt'>;

/** Every order ends newest first: (created_at, id) DESC settles ties and sorts NEWEST alone. */
const NEWEST_FIRST: KeysetSort['tail'] = {
  columns: [
    { sql: 'r.created_at', part: 'timestamp' },
    { sql: 'r.id', part: 'uuid' },
  ],
  order: 'DESC',
};

/** Each order's sort (as its reviews_<order>_idx runs) and the value of its leading column. */
const SORT: Record<ReviewOrder, { sort: KeysetSort; leadOf?: (review: ReviewEntity) => number }> = {
  [ReviewOrder.MOST_HELPFUL]: {
    sort: { lead: { sql: 'r.helpful_count', part: 'count', order: 'DESC' }, tail: NEWEST_FIRST },
    leadOf: (review) => review.helpfulCount,
  },
  [ReviewOrder.NEWEST]: { sort: { tail: NEWEST_FIRST } },
  [ReviewOrder.HIGHEST_RATING]: {
    sort: { lead: { sql: 'r.rating', part: 'count', order: 'DESC' }, tail: NEWEST_FIRST },
    leadOf: (review) => review.rating,
  },
  [ReviewOrder.LOWEST_RATING]: {
    sort: { lead: { sql: 'r.rating', part: 'count', order: 'ASC' }, tail: NEWEST_FIRST },
    leadOf: (review) => review.rating,
  },
};

const sampleQuery = (orderBy: ReviewOrder, cursor: CursorValue[] | null): ReviewPageQuery => ({
  productId: SAMPLE.UUID,
  orderBy,
  page: { direction: 'forward', limit: 20, cursor: cursor ? encodeCursor(cursor) : null },
  viewer: SAMPLE_MEMBER,
});
const AT = SAMPLE.DATE.getTime();

/** Every statement on `reviews`; each order of a product's reviews walks its reviews_<order>_idx. */
@Injectable()
export class ReviewsRepository {
  constructor(@InjectRepository(ReviewEntity) private readonly reviews: Repository<ReviewEntity>) {}

  /** Inserts a review; a second one by the same member violates reviews_one_per_member_key. */
  async insert(review: NewReview, tx: Tx): Promise<void> {
    await tx.getRepository(ReviewEntity).insert({ ...review, helpfulCount: 0 });
  }

  /** The review with this id, or null. */
  byId(id: string, tx?: Tx): Promise<ReviewEntity | null> {
    return this.db(tx).findOneBy({ id });
  }

  /** The reviews with these ids that exist, in no particular order (for a DataLoader). */
  @SqlSnapshot({ params: [[SAMPLE.UUID, SAMPLE.UUID_2]] })
  byIds(ids: readonly string[]): Promise<ReviewEntity[]> {
    return this.reviews.findBy({ id: In([...ids]) });
  }

  /** The review with this id, its row locked until the end of `tx`; null when there is none. */
  lock(id: string, tx: Tx): Promise<ReviewEntity | null> {
    return tx.findOne(ReviewEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  /** Sets a review's status. */
  async setStatus(id: string, status: ContentStatus, tx: Tx): Promise<void> {
    await tx.update(ReviewEntity, { id }, { status });
  }

  /** One keyset page of a product's reviews (limit + 1 rows), in the page's direction. */
  @SqlSnapshot({
    name: 'most helpful, first page',
    params: [sampleQuery(ReviewOrder.MOST_HELPFUL, null)],
  })
  @SqlSnapshot({
    name: 'most helpful, after a cursor',
    params: [sampleQuery(ReviewOrder.MOST_HELPFUL, [3, AT, SAMPLE.UUID])],
  })
  @SqlSnapshot({
    name: 'newest, after a cursor',
    params: [sampleQuery(ReviewOrder.NEWEST, [AT, SAMPLE.UUID])],
  })
  @SqlSnapshot({
    name: 'lowest rating, after a cursor',
    params: [sampleQuery(ReviewOrder.LOWEST_RATING, [2, AT, SAMPLE.UUID])],
  })
  page(query: ReviewPageQuery): Promise<ReviewEntity[]> {
    return keysetPage(this.filtered(query), query.page, SORT[query.orderBy].sort).getMany();
  }

  /** How many of the product's reviews the viewer can see. */
  @SqlSnapshot({ params: [sampleQuery(ReviewOrder.MOST_HELPFUL, null)] })
  count(query: ReviewPageQuery): Promise<number> {
    return cappedCount(this.filtered(query));
  }

  /** The cursor of a review in a list of the given order. */
  cursorOf(review: ReviewEntity, orderBy: ReviewOrder): string {
    const { leadOf } = SORT[orderBy];
    const tail = [review.createdAt.getTime(), review.id];
    return encodeCursor(leadOf ? [leadOf(review), ...tail] : tail);
  }

  private filtered(query: ReviewPageQuery): SelectQueryBuilder<ReviewEntity> {
    const visible = visibleSql('r.status', 'r.author_id', query.viewer);
    return this.reviews
      .createQueryBuilder('r')
      .where('r.product_id = :productId', { productId: query.productId })
      .andWhere(visible.sql, visible.params);
  }

  private db(tx?: Tx): Repository<ReviewEntity> {
    return tx ? tx.getRepository(ReviewEntity) : this.reviews;
  }
}
