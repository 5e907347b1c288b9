import { ReviewType } from './reviews/review.type';
import { NodeRegistry } from '@app/core';
import { IdentityModule } from '@app/identity';
import { ModeratableRegistry, ModerationModule } from '@app/moderation';
import { Module, OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { HelpfulMarksRepository } from './helpful/helpful-marks.repository';
import { HelpfulMarksService } from './helpful/helpful-marks.service';
import { ReviewModerationHandler } from './moderation/review-moderation.handler';
import { ProductEntity } from './products/product.entity';
import { ProductsRepository } from './products/products.repository';
import { ProductsResolver } from './products/products.resolver';
import { ProductsService } from './products/products.service';
import { ProductReviewsResolver } from './reviews/product-reviews.resolver';
import { ReviewEntity } from './reviews/review.entity';
import { ReviewsRepository } from './reviews/reviews.repository';
import { ReviewsResolver } from './reviews/reviews.resolver';
import { ReviewsService } from './reviews/reviews.service';

/** Products, reviews, helpful marks and rating aggregates. */
@Module({
  imports: [
    IdentityModule,
    ModerationModule,
    TypeOrmModule.forFeature([ProductEntity, ReviewEntity]),
  ],
  providers: [
    ProductsRepository,
    ProductsService,
    ProductsResolver,
    ReviewsRepository,
    ReviewsService,
    ReviewsResolver,
    ProductReviewsResolver,
    HelpfulMarksRepository,
    HelpfulMarksService,
    ReviewModerationHandler,
  ],
})
export class ReviewsModule implements OnModuleInit {
  constructor(
    private readonly nodes: NodeRegistry,
    private readonly products: ProductsService,
    private readonly reviews: ReviewsService,
    private readonly moderatables: ModeratableRegistry,
    private readonly reviewModeration: ReviewModerationHandler,
  ) {
    // Known before the schema is built: the GraphQL module builds it in its onModuleInit.
    nodes.registerType(ReviewEntity, 'Review');
    nodes.registerType(ProductEntity, 'Product');
    moderatables.registerType(ReviewType);
  }

  onModuleInit(): void {
    this.nodes.register('Product', (id, _viewer, loaders) => this.products.load(id, loaders));
    this.nodes.register('Review', (id, viewer, loaders) =>
      this.reviews.visible(id, viewer, loaders),
    );
    this.moderatables.register(this.reviewModeration);
  }
}
