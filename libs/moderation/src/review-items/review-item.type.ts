import { ConnectionType, GlobalIdField, Node } from '@app/core';
import { UserType } from '@app/identity';
import { Field, Float, GraphQLISODateTime, ID, ObjectType } from '@nestjs/graphql';
import { Moderatable } from '../moderatable/moderatable';
import { FlagReason, ReviewAction, ReviewItemKind, ReviewItemStatus } from '../moderation.enums';

@ObjectType('Flag')
export class FlagType {
  @Field(() => ID)
  id!: string;

  @Field(() => FlagReason)
  reason!: FlagReason;

  @Field(() => String, { nullable: true })
  note!: string | null;

  @Field(() => UserType)
  reporter!: UserType;

  @Field(() => GraphQLISODateTime)
  createdAt!: Date;
}

@ObjectType('ReviewItem', { implements: () => [Node] })
export class ReviewItemType implements Node {
  @GlobalIdField('ReviewItem')
  id!: string;

  @Field(() => ReviewItemKind)
  kind!: ReviewItemKind;

  @Field(() => ReviewItemStatus)
  status!: ReviewItemStatus;

  @Field(() => Float, {
    description: 'Higher first: flag weights, reporter reputation, automod score, age.',
  })
  priority!: number;

  @Field(() => Moderatable)
  target!: object;

  @Field(() => [FlagType])
  flags!: FlagType[];

  @Field(() => [String])
  reasons!: string[];

  @Field(() => UserType, { nullable: true })
  claimedBy!: UserType | null;

  @Field(() => ReviewAction, { nullable: true })
  resolution!: ReviewAction | null;

  @Field(() => String, { nullable: true })
  resolutionNote!: string | null;

  @Field(() => UserType, { nullable: true })
  resolvedBy!: UserType | null;

  @Field(() => GraphQLISODateTime)
  createdAt!: Date;

  @Field(() => GraphQLISODateTime, { nullable: true })
  resolvedAt!: Date | null;
}

export const ReviewItemConnection = ConnectionType(ReviewItemType, 'ReviewItem');
