import {
  Authenticated,
  CLIENT_MUTATION_ID_DESCRIPTION,
  CurrentUser,
  fromGlobalId,
  RequestContext,
  Viewer,
} from '@app/core';
import { UserEntity, UsersLoader, UserType } from '@app/identity';
import { Args, Context, ID, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { IdeaEntity } from '../ideas/idea.entity';
import { IdeaType } from '../ideas/idea.type';
import { IdeasService } from '../ideas/ideas.service';
import { CommentEntity } from './comment.entity';
import { CommentType } from './comment.type';
import { CommentsService } from './comments.service';

@Resolver(() => CommentType)
export class CommentsResolver {
  constructor(
    private readonly comments: CommentsService,
    private readonly ideas: IdeasService,
    private readonly users: UsersLoader,
  ) {}

  @Mutation(() => CommentType)
  @Authenticated()
  commentOnIdea(
    @CurrentUser() viewer: Viewer,
    @Args('ideaId', { type: () => ID }) ideaId: string,
    @Args('body') body: string,
    @Args('clientMutationId', {
      type: () => String,
      nullable: true,
      description: CLIENT_MUTATION_ID_DESCRIPTION,
    })
    clientMutationId: string | null,
  ): Promise<CommentEntity> {
    return this.comments.comment(
      viewer,
      fromGlobalId(ideaId, 'Idea', 'ideaId'),
      body,
      clientMutationId,
    );
  }

  // A comment is only shown where its idea can be seen, so the idea is there for the viewer.
  @ResolveField('idea', () => IdeaType)
  idea(
    @Parent() comment: CommentEntity,
    @CurrentUser() viewer: Viewer | null,
    @Context() ctx: RequestContext,
  ): Promise<IdeaEntity | null> {
    return this.ideas.findVisible(ctx.loaders, comment.ideaId, viewer);
  }

  @ResolveField('author', () => UserType)
  author(
    @Parent() comment: CommentEntity,
    @Context() ctx: RequestContext,
  ): Promise<UserEntity | null> {
    return this.users.load(ctx.loaders, comment.authorId);
  }
}
