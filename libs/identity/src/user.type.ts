import { AccountStatus, Node, Role } from '@app/core';
import { Field, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('User', { implements: () => [Node] })
export class UserType implements Node {
  /** The global id, resolved by UsersResolver: a field middleware would make every id async. */
  @Field(() => ID)
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
