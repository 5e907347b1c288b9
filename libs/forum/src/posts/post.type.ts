import { ConnectionType, ContentStatus, Node } from '@app/core';
import { UserType } from '@app/identity';
import { CorrectionType } from '@app/moderation';
import { Field, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('Post', { implements: () => [Node] })
export class PostType implements Node {
  /** The global id, resolved by PostsResolver: a field middleware would make every id async. */
  @Field(() => ID)
  id!: string;

  // `thread` is declared by PostsResolver, which can import ThreadType without a cycle.

  @Field(() => UserType)
  author!: UserType;

  @Field()
  body!: string;

  @Field()
  bodyHtml!: string;

  @Field(() => ContentStatus)
  status!: ContentStatus;

  @Field()
  isAcceptedSolution!: boolean;

  @Field(() => Int)
  kudosCount!: number;

  @Field({
    description:
      'An answer given by staff for the company (agent, moderator, admin): an official answer.',
  })
  official!: boolean;

  @Field()
  viewerHasGivenKudo!: boolean;

  @Field(() => CorrectionType, { nullable: true })
  correction!: CorrectionType | null;

  // `revisions` is declared by PostEditsResolver, which knows revisions; posts do not.

  @Field(() => GraphQLISODateTime)
  createdAt!: Date;

  @Field(() => GraphQLISODateTime, { nullable: true })
  editedAt!: Date | null;
}

export const PostConnection = ConnectionType(PostType, 'Post');
