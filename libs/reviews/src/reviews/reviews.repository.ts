import { decodeCursor, encodeCursor, Viewer, visibleSql } from '@app/core';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository, SelectQueryBuilder } from 'typeorm';
import { ReviewOrder } from '../reviews.enums';
import { ReviewEntity } from './review.entity';

export interface ReviewPageQuery {
  productId: string;
  orderBy: ReviewOrder;
  limit: number;
  after?: string | null;
  viewer: Viewer | null;
}

/** The column an order sorts by first; every order then sorts newest first (created_at, id DESC). */
interface LeadingKey {
  column: string;
  direction: 'ASC' | 'DESC';
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

/** A product's reviews in pages; each order walks its own reviews_<order>_idx. */
@Injectable()
export class ReviewsRepository {
  constructor(@InjectRepository(ReviewEntity) private readonly reviews: Repository<ReviewEntity>) {}

  /** One keyset page of a product's reviews (limit + 1 rows). */
  page(query: ReviewPageQuery): Promise<ReviewEntity[]> {
    const qb = this.filtered(query);
    const lead = LEADING_KEY[query.orderBy];
    if (query.after) this.startAfter(qb, lead, query.after);
    if (lead) qb.orderBy(lead.column, lead.direction);
    return qb
      .addOrderBy('r.created_at', 'DESC')
      .addOrderBy('r.id', 'DESC')
      .limit(query.limit + 1)
      .getMany();
  }

  /** How many of the product's reviews the viewer can see. */
  count(query: ReviewPageQuery): Promise<number> {
    return this.filtered(query).getCount();
  }

  /** The cursor of a review in a list of the given order. */
  cursorOf(review: ReviewEntity, orderBy: ReviewOrder): string {
    const lead = LEADING_KEY[orderBy];
    const tail = [review.createdAt.getTime(), review.id];
    return encodeCursor(lead ? [lead.valueOf(review), ...tail] : tail);
  }

  /** Keeps only the reviews that come after the cursor's review in the order. */
  private startAfter(
    qb: SelectQueryBuilder<ReviewEntity>,
    lead: LeadingKey | null,
    cursor: string,
  ): void {
    if (!lead) {
      const [at, id] = decodeCursor(cursor, ['timestamp', 'uuid']);
      qb.andWhere('(r.created_at, r.id) < (:at, :id)', { at: new Date(at), id });
      return;
    }
    const [value, at, id] = decodeCursor(cursor, ['count', 'timestamp', 'uuid']);
    // The inclusive bound on the leading column lets the index skip the earlier pages; the OR
    // then breaks ties on the leading value by (created_at, id), which always run descending.
    const [bound, beyond] = lead.direction === 'DESC' ? ['<=', '<'] : ['>=', '>'];
    qb.andWhere(
      `${lead.column} ${bound} :lead AND (${lead.column} ${beyond} :lead OR (r.created_at, r.id) < (:at, :id))`,
      { lead: value, at: new Date(at), id },
    );
  }

  private filtered(query: ReviewPageQuery): SelectQueryBuilder<ReviewEntity> {
    const visible = visibleSql('r.status', 'r.author_id', query.viewer);
    return this.reviews
      .createQueryBuilder('r')
      .where('r.product_id = :productId', { productId: query.productId })
      .andWhere(visible.sql, visible.params);
  }
}
