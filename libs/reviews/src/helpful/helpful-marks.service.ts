import {
  badInput,
  canSee,
  ContentStatus,
  fromGlobalId,
  notFound,
  requestLoader,
  Viewer,
} from '@app/core';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ReviewEntity } from '../reviews/review.entity';

/**
 * "Helpful" marks: one per member per review. The mark and the review's count change in one
 * transaction, and the count only when the row really was inserted, so repeats and races never
 * count twice.
 */
@Injectable()
export class HelpfulMarksService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Marks someone else's published review helpful; marking it again changes nothing. */
  async mark(viewer: Viewer, reviewGlobalId: string): Promise<ReviewEntity> {
    const reviewId = fromGlobalId(reviewGlobalId, 'Review', 'reviewId');
    await this.dataSource.transaction(async (manager) => {
      const review = await manager.findOneBy(ReviewEntity, { id: reviewId });
      if (!review || !canSee(review.status, review.authorId, viewer)) throw notFound('Review');
      if (review.authorId === viewer.id) {
        throw badInput('reviewId', 'you cannot mark your own review helpful');
      }
      if (review.status !== ContentStatus.PUBLISHED) {
        throw badInput('reviewId', 'the review is not published');
      }
      const inserted: unknown[] = await manager.query(
        `INSERT INTO review_helpful_marks (review_id, user_id) VALUES ($1, $2)
         ON CONFLICT DO NOTHING RETURNING review_id`,
        [reviewId, viewer.id],
      );
      if (inserted.length === 0) return;
      await manager.query(`UPDATE reviews SET helpful_count = helpful_count + 1 WHERE id = $1`, [
        reviewId,
      ]);
    });
    return this.dataSource.manager.findOneByOrFail(ReviewEntity, { id: reviewId });
  }

  /** Whether the viewer has marked the review helpful, batched per request. */
  hasMarked(ctx: object, viewerId: string, reviewId: string): Promise<boolean> {
    return requestLoader<string, boolean>(ctx, `helpful.of.${viewerId}`, async (reviewIds) => {
      const rows: Array<{ review_id: string }> = await this.dataSource.query(
        `SELECT review_id FROM review_helpful_marks WHERE user_id = $1 AND review_id = ANY($2::uuid[])`,
        [viewerId, reviewIds],
      );
      const marked = new Set(rows.map((row) => row.review_id));
      return reviewIds.map((id) => marked.has(id));
    }).load(reviewId);
  }
}
