import {
  encodeCursor,
  pageCursor,
  PageRequest,
  pastLeadingKey,
  seek,
  SortOrder,
  Viewer,
  visibleSql,
} from '@app/core';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository, SelectQueryBuilder } from 'typeorm';
import { ReviewOrder } from '../reviews.enums';
import { ReviewEntity } from './review.entity';

export interface ReviewPageQuery {
  productId: string;
  orderBy: ReviewOrder;
  page: PageRequest;
  viewer: Viewer | null;
}

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

/** A product's reviews in pages; each order walks its own reviews_<order>_idx. */
@Injectable()
export class ReviewsRepository {
  constructor(@InjectRepository(ReviewEntity) private readonly reviews: Repository<ReviewEntity>) {}

  /** One keyset page of a product's reviews (limit + 1 rows), in the page's direction. */
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
}
