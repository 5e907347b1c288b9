import { ContentStatus, publishedDelta, RequestLoaders, Tx, Viewer } from '@app/core';
import { ModeratableContent } from '@app/moderation';
import { Injectable } from '@nestjs/common';
import { ProductsRepository } from '../products/products.repository';
import { ReviewEntity } from '../reviews/review.entity';
import { ReviewsRepository } from '../reviews/reviews.repository';
import { ReviewsService } from '../reviews/reviews.service';

/** How moderation acts on reviews: their visibility with the product's rating aggregates. */
@Injectable()
export class ReviewModerationHandler extends ModeratableContent<ReviewEntity> {
  readonly type = 'Review';

  constructor(
    private readonly reviews: ReviewsService,
    private readonly reviewRows: ReviewsRepository,
    private readonly products: ProductsRepository,
  ) {
    super();
  }

  protected lockRow(id: string, tx: Tx): Promise<ReviewEntity | null> {
    return this.reviewRows.lock(id, tx);
  }

  protected writeStatus(id: string, status: ContentStatus, tx: Tx): Promise<void> {
    return this.reviewRows.setStatus(id, status, tx);
  }

  protected statusOf(review: ReviewEntity): ContentStatus {
    return review.status;
  }

  protected async label(review: ReviewEntity, tx: Tx): Promise<string> {
    return `your review of “${(await this.products.nameOf(review.productId, tx)) ?? ''}”`;
  }

  /** When the review crosses PUBLISHED its rating moves in or out of the product's aggregates. */
  protected override async statusChanged(
    review: ReviewEntity,
    to: ContentStatus,
    tx: Tx,
  ): Promise<void> {
    const delta = publishedDelta(review.status, to);
    if (delta !== 0) await this.products.countRating(review.productId, review.rating, delta, tx);
  }

  load(id: string, viewer: Viewer | null, loaders: RequestLoaders): Promise<object | null> {
    return this.reviews.visible(id, viewer, loaders);
  }
}
