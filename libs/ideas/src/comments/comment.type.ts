import { ConnectionType, ContentStatus, GlobalIdField, Node } from '@app/core';
import { UserType } from '@app/identity';
import { Field, GraphQLISODateTime, ObjectType } from '@nestjs/graphql';

@ObjectType('Comment', { implements: () => [Node] })
export class CommentType implements Node {
  @GlobalIdField('Comment')
  id!: string;

  // `idea` is declared by CommentsResolver, which can import IdeaType without a cycle.

  @Field(() => UserType)
  author!: UserType;

  @Field()
  body!: string;

  @Field()
  bodyHtml!: string;

  @Field(() => ContentStatus)
  status!: ContentStatus;

  @Field(() => GraphQLISODateTime)
  createdAt!: Date;
}

export const CommentConnection = ConnectionType(CommentType, 'Comment');
