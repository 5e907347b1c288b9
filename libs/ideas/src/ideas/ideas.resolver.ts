import {
  EXPENSIVE_FIELD_COST,
  Authenticated,
  Connection,
  CurrentUser,
  fromGlobalId,
  PageArgs,
  pageRequest,
  RequestContext,
  Role,
  Roles,
  Viewer,
} from '@app/core';
import { BoardsService, BoardType } from '@app/forum';
import { UserEntity, UsersLoader, UserType } from '@app/identity';
import {
  Args,
  Context,
  ID,
  Info,
  Int,
  Mutation,
  Parent,
  Query,
  ResolveField,
  Resolver,
} from '@nestjs/graphql';
import { GraphQLResolveInfo } from 'graphql';
import { CommentEntity } from '../comments/comment.entity';
import { CommentConnection } from '../comments/comment.type';
import { CommentsService } from '../comments/comments.service';
import { decodeIdeaFilter, IdeaFilter } from '../dto/idea-filter.input';
import { MergeIdeaInput, SetIdeaStatusInput } from '../dto/set-idea-status.input';
import { SubmitIdeaInput } from '../dto/submit-idea.input';
import { IdeaOrder } from '../ideas.enums';
import { IdeaStatusService } from '../status/idea-status.service';
import { VotesService } from '../votes/votes.service';
import { IdeaEntity } from './idea.entity';
import { IdeaConnection, IdeaType } from './idea.type';
import { IdeasService } from './ideas.service';

@Resolver(() => IdeaType)
export class IdeasResolver {
  constructor(
    private readonly ideas: IdeasService,
    private readonly votes: VotesService,
    private readonly statuses: IdeaStatusService,
    private readonly comments: CommentsService,
    private readonly boards: BoardsService,
    private readonly users: UsersLoader,
  ) {}

  @Query(() => IdeaType, { nullable: true })
  idea(
    @Args('id', { type: () => ID }) id: string,
    @CurrentUser() viewer: Viewer | null,
    @Context() ctx: RequestContext,
  ): Promise<IdeaEntity | null> {
    return this.ideas.findVisible(ctx.loaders, fromGlobalId(id, 'Idea', 'id'), viewer);
  }

  @Query(() => IdeaConnection, { name: 'ideas' })
  listIdeas(
    @CurrentUser() viewer: Viewer | null,
    // Typed without `| null`: the validation pipe reads the class from the parameter's type.
    @Args('filter', { type: () => IdeaFilter, nullable: true }) filter: IdeaFilter,
    @Args('orderBy', { type: () => IdeaOrder, defaultValue: IdeaOrder.TOP, nullable: true })
    orderBy: IdeaOrder | null,
    @Args() paging: PageArgs,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Connection<IdeaEntity>> {
    const page = pageRequest(paging, info);
    return this.ideas.list(viewer, decodeIdeaFilter(filter), orderBy ?? IdeaOrder.TOP, page);
  }

  @Query(() => [IdeaType], {
    complexity: EXPENSIVE_FIELD_COST,
    description:
      'Open ideas like the one being submitted, so that members vote instead of duplicating.',
  })
  similarIdeas(
    @Args('title') title: string,
    @Args('body', { type: () => String, nullable: true }) body: string | null,
    @Args('first', { type: () => Int, defaultValue: 5, nullable: true }) first: number | null,
  ): Promise<IdeaEntity[]> {
    return this.ideas.similar(title, body, first);
  }

  @Mutation(() => IdeaType)
  @Authenticated()
  submitIdea(
    @CurrentUser() viewer: Viewer,
    @Args('input') input: SubmitIdeaInput,
  ): Promise<IdeaEntity> {
    return this.ideas.submit(viewer, {
      ...input,
      boardId: fromGlobalId(input.boardId, 'Board', 'boardId'),
    });
  }

  @Mutation(() => IdeaType)
  @Authenticated()
  voteIdea(
    @CurrentUser() viewer: Viewer,
    @Args('ideaId', { type: () => ID }) ideaId: string,
  ): Promise<IdeaEntity> {
    return this.votes.vote(viewer, fromGlobalId(ideaId, 'Idea', 'ideaId'));
  }

  @Mutation(() => IdeaType)
  @Authenticated()
  unvoteIdea(
    @CurrentUser() viewer: Viewer,
    @Args('ideaId', { type: () => ID }) ideaId: string,
  ): Promise<IdeaEntity> {
    return this.votes.unvote(viewer, fromGlobalId(ideaId, 'Idea', 'ideaId'));
  }

  @Mutation(() => IdeaType)
  @Roles(Role.PRODUCT_MANAGER)
  setIdeaStatus(
    @CurrentUser() viewer: Viewer,
    @Args('input') input: SetIdeaStatusInput,
  ): Promise<IdeaEntity> {
    const ideaId = fromGlobalId(input.ideaId, 'Idea', 'ideaId');
    return this.statuses.setStatus(viewer, ideaId, input.status, input.note);
  }

  @Mutation(() => IdeaType)
  @Roles(Role.PRODUCT_MANAGER)
  mergeIdea(
    @CurrentUser() viewer: Viewer,
    @Args('input') input: MergeIdeaInput,
  ): Promise<IdeaEntity> {
    return this.statuses.merge(
      viewer,
      fromGlobalId(input.sourceId, 'Idea', 'sourceId'),
      fromGlobalId(input.targetId, 'Idea', 'targetId'),
    );
  }

  @ResolveField('board', () => BoardType)
  board(
    @Parent() idea: IdeaEntity,
    @Context() ctx: RequestContext,
  ): ReturnType<BoardsService['load']> {
    return this.boards.load(ctx.loaders, idea.boardId);
  }

  @ResolveField('author', () => UserType)
  author(@Parent() idea: IdeaEntity, @Context() ctx: RequestContext): Promise<UserEntity | null> {
    return this.users.load(ctx.loaders, idea.authorId);
  }

  @ResolveField('viewerHasVoted', () => Boolean)
  viewerHasVoted(
    @Parent() idea: IdeaEntity,
    @CurrentUser() viewer: Viewer | null,
    @Context() ctx: RequestContext,
  ): Promise<boolean> | boolean {
    return viewer ? this.votes.hasVoted(ctx.loaders, viewer.id, idea.id) : false;
  }

  @ResolveField('mergedInto', () => IdeaType, { nullable: true })
  mergedInto(
    @Parent() idea: IdeaEntity,
    @CurrentUser() viewer: Viewer | null,
    @Context() ctx: RequestContext,
  ): Promise<IdeaEntity | null> | null {
    return idea.mergedInto ? this.ideas.findVisible(ctx.loaders, idea.mergedInto, viewer) : null;
  }

  @ResolveField('comments', () => CommentConnection)
  ideaComments(
    @Parent() idea: IdeaEntity,
    @CurrentUser() viewer: Viewer | null,
    @Args() paging: PageArgs,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Connection<CommentEntity>> {
    return this.comments.list(idea.id, viewer, pageRequest(paging, info));
  }
}
