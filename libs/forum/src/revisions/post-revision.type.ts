import { UserType } from '@app/identity';
import { Field, GraphQLISODateTime, ID, ObjectType } from '@nestjs/graphql';

@ObjectType('PostRevision')
export class PostRevisionType {
  @Field(() => ID)
  id!: string;

  @Field(() => UserType)
  editor!: UserType;

  @Field()
  body!: string;

  @Field(() => String, { nullable: true })
  reason!: string | null;

  @Field(() => GraphQLISODateTime)
  createdAt!: Date;
}
