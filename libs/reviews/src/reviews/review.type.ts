import { ConnectionType, ContentStatus, GlobalIdField, Node } from '@app/core';
import { UserType } from '@app/identity';
import { Field, GraphQLISODateTime, Int, ObjectType } from '@nestjs/graphql';
import { ProductType } from '../products/product.type';

@ObjectType('Review', { implements: () => [Node] })
export class ReviewType implements Node {
  @GlobalIdField('Review')
  id!: string;

  @Field(() => ProductType)
  product!: ProductType;

  @Field(() => UserType)
  author!: UserType;

  @Field(() => Int)
  rating!: number;

  @Field()
  title!: string;

  @Field({ description: 'The review, in markdown as written.' })
  body!: string;

  @Field()
  bodyHtml!: string;

  @Field(() => ContentStatus)
  status!: ContentStatus;

  @Field(() => Int)
  helpfulCount!: number;

  @Field()
  viewerFoundHelpful!: boolean;

  @Field(() => GraphQLISODateTime)
  createdAt!: Date;
}

export const ReviewConnection = ConnectionType(ReviewType, 'Review');
