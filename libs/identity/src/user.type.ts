import { AccountStatus, GlobalIdField, Node, Role } from '@app/core';
import { Field, GraphQLISODateTime, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('User', { implements: () => [Node] })
export class UserType implements Node {
  @GlobalIdField('User')
  id!: string;

  @Field()
  handle!: string;

  @Field()
  displayName!: string;

  @Field(() => Role)
  role!: Role;

  @Field(() => AccountStatus)
  status!: AccountStatus;

  @Field(() => Int)
  reputation!: number;

  @Field()
  rank!: string;

  @Field(() => Int)
  acceptedSolutionCount!: number;

  @Field(() => GraphQLISODateTime)
  createdAt!: Date;
}
