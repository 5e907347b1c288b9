import {
  AccountStatus,
  ContentStatus,
  CursorValue,
  encodeCursor,
  pageCursor,
  PageRequest,
  pastLeadingKey,
  Role,
  SAMPLE,
  seek,
  SortOrder,
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

/** The column an order sorts by first; every order then sorts newest first (created_at, id DESC). */
interface LeadingKey {
  column: string;
  direction: SortOrder;
  valueOf: (review: ReviewEntity) => number;
}

const LEADING_KEY: Record<ReviewOrder, LeadingKey | null> = {
  [ReviewOrder.MOST_HELPFUL]: {
    column: 'r.helpful_count',
    direction: 'DESC',
    valueOf: (review) => review.helpfulCount,
  },
  [ReviewOrder.NEWEST]: null,
  [ReviewOrder.HIGHEST_RATING]: {
    column: 'r.rating',
    direction: 'DESC',
    valueOf: (review) => review.rating,
  },
  [ReviewOrder.LOWEST_RATING]: {
    column: 'r.rating',
    direction: 'ASC',
    valueOf: (review) => review.rating,
  },
};

const MEMBER: Viewer = {
  id: SAMPLE.UUID_2,
  handle: SAMPLE.TEXT,
  role: Role.MEMBER,
  status: AccountStatus.ACTIVE,
  sessionId: SAMPLE.UUID_2,
};
const sampleQuery = (orderBy: ReviewOrder, cursor: CursorValue[] | null): ReviewPageQuery => ({
  productId: SAMPLE.UUID,
  orderBy,
  page: { direction: 'forward', limit: 20, cursor: cursor ? encodeCursor(cursor) : null },
  viewer: MEMBER,
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
    const qb = this.filtered(query);
    const lead = LEADING_KEY[query.orderBy];
    const tail = seek(query.page, 'DESC');
    this.startPast(qb, lead, query.page);
    if (lead) qb.orderBy(lead.column, seek(query.page, lead.direction).order);
    return qb
      .addOrderBy('r.created_at', tail.order)
      .addOrderBy('r.id', tail.order)
      .limit(query.page.limit + 1)
      .getMany();
  }

  /** How many of the product's reviews the viewer can see. */
  @SqlSnapshot({ params: [sampleQuery(ReviewOrder.MOST_HELPFUL, null)] })
  count(query: ReviewPageQuery): Promise<number> {
    return this.filtered(query).getCount();
  }

  /** The cursor of a review in a list of the given order. */
  cursorOf(review: ReviewEntity, orderBy: ReviewOrder): string {
    const lead = LEADING_KEY[orderBy];
    const tail = [review.createdAt.getTime(), review.id];
    return encodeCursor(lead ? [lead.valueOf(review), ...tail] : tail);
  }

  /** Keeps only the reviews past the page's cursor (after it forward, before it backward). */
  private startPast(
    qb: SelectQueryBuilder<ReviewEntity>,
    lead: LeadingKey | null,
    page: PageRequest,
  ): void {
    if (!lead) {
      const cursor = pageCursor(page, ['timestamp', 'uuid']);
      if (!cursor) return;
      const [at, id] = cursor;
      const { past } = seek(page, 'DESC');
      qb.andWhere(`(r.created_at, r.id) ${past} (:at, :id)`, { at: new Date(at), id });
      return;
    }
    const cursor = pageCursor(page, ['count', 'timestamp', 'uuid']);
    if (!cursor) return;
    const [value, at, id] = cursor;
    // Ties on the leading value are broken by (created_at, id), which always run descending.
    const past = pastLeadingKey(
      page,
      { sql: lead.column, order: lead.direction, cursor: ':lead' },
      { sql: '(r.created_at, r.id)', order: 'DESC', cursor: '(:at, :id)' },
    );
    qb.andWhere(past, { lead: value, at: new Date(at), id });
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
