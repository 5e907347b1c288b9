import { ConnectionType, GlobalIdField, Node } from '@app/core';
import { BoardType } from '@app/forum';
import { UserType } from '@app/identity';
import { Field, GraphQLISODateTime, Int, ObjectType } from '@nestjs/graphql';
import { IdeaStatus } from '../ideas.enums';

@ObjectType('Idea', { implements: () => [Node] })
export class IdeaType implements Node {
  @GlobalIdField('Idea')
  id!: string;

  @Field(() => BoardType)
  board!: BoardType;

  @Field(() => UserType)
  author!: UserType;

  @Field()
  title!: string;

  @Field()
  body!: string;

  @Field()
  bodyHtml!: string;

  @Field(() => [String])
  tags!: string[];

  @Field(() => IdeaStatus)
  status!: IdeaStatus;

  @Field(() => String, { nullable: true })
  statusNote!: string | null;

  @Field(() => Int)
  voteCount!: number;

  @Field(() => Int, {
    description: "The sum of the voters' segment weights (1 for a voter without a segment), exact.",
  })
  weightedVoteCount!: number;

  @Field()
  viewerHasVoted!: boolean;

  @Field(() => IdeaType, { nullable: true })
  mergedInto!: IdeaType | null;

  // `comments` is declared by IdeasResolver (it takes paging arguments).

  @Field(() => GraphQLISODateTime)
  createdAt!: Date;
}

export const IdeaConnection = ConnectionType(IdeaType, 'Idea');
