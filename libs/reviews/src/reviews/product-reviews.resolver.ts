import { Connection, CurrentUser, PageArgs, pageRequest, Viewer } from '@app/core';
import { Args, Info, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { GraphQLResolveInfo } from 'graphql';
import { ProductEntity } from '../products/product.entity';
import { ProductType } from '../products/product.type';
import { ReviewOrder } from '../reviews.enums';
import { ReviewEntity } from './review.entity';
import { ReviewConnection } from './review.type';
import { ReviewsService } from './reviews.service';

/** `Product.reviews`, kept apart so that ProductType need not import ReviewType (a cycle). */
@Resolver(() => ProductType)
export class ProductReviewsResolver {
  constructor(private readonly reviews: ReviewsService) {}

  @ResolveField('reviews', () => ReviewConnection)
  reviewsOf(
    @Parent() product: ProductEntity,
    @CurrentUser() viewer: Viewer | null,
    @Args() paging: PageArgs,
    @Info() info: GraphQLResolveInfo,
    @Args('orderBy', {
      type: () => ReviewOrder,
      defaultValue: ReviewOrder.MOST_HELPFUL,
      nullable: true,
    })
    orderBy: ReviewOrder,
  ): Promise<Connection<ReviewEntity>> {
    const page = pageRequest(paging, info);
    return this.reviews.list(product.id, viewer, orderBy ?? ReviewOrder.MOST_HELPFUL, page);
  }
}
