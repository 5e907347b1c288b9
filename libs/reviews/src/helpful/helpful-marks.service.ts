import {
  badInput,
  canSee,
  ContentStatus,
  notFound,
  RequestLoaders,
  Transactions,
  Viewer,
} from '@app/core';
import { Injectable } from '@nestjs/common';
import { ReviewEntity } from '../reviews/review.entity';
import { ReviewsRepository } from '../reviews/reviews.repository';
import { HelpfulMarksRepository } from './helpful-marks.repository';

/**
 * "Helpful" marks: one per member per review. The mark and the review's count change in one
 * statement, and the count only when the row really was inserted, so repeats and races never
 * count twice.
 */
@Injectable()
export class HelpfulMarksService {
  constructor(
    private readonly transactions: Transactions,
    private readonly reviews: ReviewsRepository,
    private readonly marks: HelpfulMarksRepository,
  ) {}

  /** Marks someone else's published review helpful; marking it again changes nothing. */
  async mark(viewer: Viewer, reviewId: string): Promise<ReviewEntity> {
    await this.transactions.run(async (tx) => {
      const review = await this.reviews.byId(reviewId, tx);
      if (!review || !canSee(review.status, review.authorId, viewer)) throw notFound('Review');
      if (review.authorId === viewer.id) {
        throw badInput('reviewId', 'you cannot mark your own review helpful');
      }
      if (review.status !== ContentStatus.PUBLISHED) {
        throw badInput('reviewId', 'the review is not published');
      }
      await this.marks.add(reviewId, viewer.id, tx);
    });
    const marked = await this.reviews.byId(reviewId);
    if (!marked) throw notFound('Review');
    return marked;
  }

  /** Whether the member has marked the review helpful, batched per request. */
  hasMarked(memberId: string, reviewId: string, loaders: RequestLoaders): Promise<boolean> {
    return loaders
      .get<
        string,
        boolean
      >(`helpful.of.${memberId}`, (reviewIds) => this.marks.markedAmong(memberId, reviewIds))
      .load(reviewId);
  }
}
