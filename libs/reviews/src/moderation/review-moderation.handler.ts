import { ContentStatus, publishedDelta, Viewer } from '@app/core';
import { ModeratableHandler, ModeratableTarget } from '@app/moderation';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ProductsRepository } from '../products/products.repository';
import { ReviewEntity } from '../reviews/review.entity';
import { ReviewsService } from '../reviews/reviews.service';

/** How moderation acts on reviews: status with the product's rating aggregates, and loading. */
@Injectable()
export class ReviewModerationHandler implements ModeratableHandler {
  readonly type = 'Review';
  readonly correctable = false;

  constructor(
    private readonly reviews: ReviewsService,
    private readonly products: ProductsRepository,
  ) {}

  async lock(manager: EntityManager, id: string): Promise<ModeratableTarget | null> {
    const review = await manager.findOne(ReviewEntity, {
      where: { id },
      lock: { mode: 'pessimistic_write' },
    });
    if (!review) return null;
    const [product]: Array<{ name: string }> = await manager.query(
      `SELECT name FROM products WHERE id = $1`,
      [review.productId],
    );
    return {
      type: this.type,
      id: review.id,
      authorId: review.authorId,
      status: review.status,
      label: `your review of “${product.name}”`,
    };
  }

  /**
   * Moves the review in or out of view; when it crosses PUBLISHED its rating moves in or out of
   * the product's aggregates in the same transaction. The row is read under its lock, so two
   * changes of one review never count it twice.
   */
  async setStatus(manager: EntityManager, id: string, status: ContentStatus): Promise<void> {
    const review = await manager.findOneOrFail(ReviewEntity, {
      where: { id },
      lock: { mode: 'pessimistic_write' },
    });
    if (review.status === status) return;
    await manager.update(ReviewEntity, { id }, { status });
    const delta = publishedDelta(review.status, status);
    if (delta !== 0) {
      await this.products.countRating(review.productId, review.rating, delta, manager);
    }
  }

  load(ctx: object, id: string, viewer: Viewer | null): Promise<object | null> {
    return this.reviews.findVisible(ctx, id, viewer);
  }
}
