import { ConnectionType, GlobalIdField, Node } from '@app/core';
import { Field, Float, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('Product', { implements: () => [Node] })
export class ProductType implements Node {
  @GlobalIdField('Product')
  id!: string;

  @Field()
  sku!: string;

  @Field()
  name!: string;

  @Field()
  description!: string;

  @Field(() => Float, { nullable: true, description: 'Of published reviews; null when none.' })
  ratingAverage!: number | null;

  @Field(() => Int, { description: 'Published reviews.' })
  ratingCount!: number;

  @Field(() => [Int], { description: 'Counts of 1..5 star reviews, index 0 is one star.' })
  ratingHistogram!: number[];

  // `reviews` is declared by ProductReviewsResolver, which can import ReviewType without a cycle.
}

export const ProductConnection = ConnectionType(ProductType, 'Product');
