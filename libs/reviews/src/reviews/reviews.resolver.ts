import { Authenticated, CurrentUser, fromGlobalId, RequestContext, Viewer } from '@app/core';
import { UserEntity, UsersLoader, UserType } from '@app/identity';
import { Args, Context, ID, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { WriteReviewInput } from '../dto/write-review.input';
import { HelpfulMarksService } from '../helpful/helpful-marks.service';
import { ProductEntity } from '../products/product.entity';
import { ProductType } from '../products/product.type';
import { ProductsService } from '../products/products.service';
import { ReviewEntity } from './review.entity';
import { ReviewType } from './review.type';
import { ReviewsService } from './reviews.service';

@Resolver(() => ReviewType)
export class ReviewsResolver {
  constructor(
    private readonly reviews: ReviewsService,
    private readonly products: ProductsService,
    private readonly helpful: HelpfulMarksService,
    private readonly users: UsersLoader,
  ) {}

  @Mutation(() => ReviewType)
  @Authenticated()
  writeReview(
    @CurrentUser() viewer: Viewer,
    @Args('input') input: WriteReviewInput,
  ): Promise<ReviewEntity> {
    const productId = fromGlobalId(input.productId, 'Product', 'productId');
    return this.reviews.write(viewer, { ...input, productId });
  }

  @Mutation(() => ReviewType)
  @Authenticated()
  markReviewHelpful(
    @CurrentUser() viewer: Viewer,
    @Args('reviewId', { type: () => ID }) reviewId: string,
  ): Promise<ReviewEntity> {
    return this.helpful.mark(viewer, fromGlobalId(reviewId, 'Review', 'reviewId'));
  }

  @ResolveField('product', () => ProductType)
  product(
    @Parent() review: ReviewEntity,
    @Context() ctx: RequestContext,
  ): Promise<ProductEntity | null> {
    return this.products.load(review.productId, ctx.loaders);
  }

  @ResolveField('author', () => UserType)
  author(
    @Parent() review: ReviewEntity,
    @Context() ctx: RequestContext,
  ): Promise<UserEntity | null> {
    return this.users.load(ctx.loaders, review.authorId);
  }

  @ResolveField('viewerFoundHelpful', () => Boolean)
  viewerFoundHelpful(
    @Parent() review: ReviewEntity,
    @CurrentUser() viewer: Viewer | null,
    @Context() ctx: RequestContext,
  ): Promise<boolean> | boolean {
    return viewer ? this.helpful.hasMarked(viewer.id, review.id, ctx.loaders) : false;
  }
}
