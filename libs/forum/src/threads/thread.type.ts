import { ConnectionType, ContentStatus, Node } from '@app/core';
import { UserType } from '@app/identity';
import { Field, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';
import { BoardType } from '../boards/board.type';
import { ThreadStatus } from '../forum.enums';

@ObjectType('Thread', { implements: () => [Node] })
export class ThreadType implements Node {
  /** The global id, resolved by ThreadsResolver: a field middleware would make every id async. */
  @Field(() => ID)
  id!: string;

  @Field(() => BoardType)
  board!: BoardType;

  @Field(() => UserType)
  author!: UserType;

  @Field()
  title!: string;

  @Field({ description: 'The question, in markdown as written.' })
  body!: string;

  @Field()
  bodyHtml!: string;

  @Field(() => [String])
  tags!: string[];

  @Field(() => ThreadStatus)
  status!: ThreadStatus;

  @Field(() => ContentStatus)
  contentStatus!: ContentStatus;

  // `acceptedSolution` is declared by SolutionsResolver, `answers` by ThreadAnswersResolver: they
  // show posts, and this folder does not import posts.

  @Field(() => Int, { description: 'Published answers.' })
  answerCount!: number;

  @Field()
  viewerIsSubscribed!: boolean;

  @Field(() => GraphQLISODateTime)
  createdAt!: Date;

  @Field(() => GraphQLISODateTime)
  lastActivityAt!: Date;
}

export const ThreadConnection = ConnectionType(ThreadType, 'Thread');
