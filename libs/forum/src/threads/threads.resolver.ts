import {
  Authenticated,
  Connection,
  CurrentUser,
  fromGlobalId,
  PageArgs,
  pageRequest,
  RequestContext,
  Viewer,
} from '@app/core';
import { UserEntity, UsersLoader, UserType } from '@app/identity';
import {
  Args,
  Context,
  ID,
  Info,
  Mutation,
  Parent,
  Query,
  ResolveField,
  Resolver,
} from '@nestjs/graphql';
import { GraphQLResolveInfo } from 'graphql';
import { BoardEntity } from '../boards/board.entity';
import { BoardType } from '../boards/board.type';
import { BoardsService } from '../boards/boards.service';
import { AskQuestionInput } from '../dto/ask-question.input';
import { ThreadFilter } from '../dto/thread-filter.input';
import { AnswerOrder, ThreadOrder } from '../forum.enums';
import { PostEntity } from '../posts/post.entity';
import { PostConnection, PostType } from '../posts/post.type';
import { PostsService } from '../posts/posts.service';
import { ThreadSubscriptionsService } from '../subscriptions/thread-subscriptions.service';
import { ThreadEntity } from './thread.entity';
import { ThreadConnection, ThreadType } from './thread.type';
import { ThreadsService } from './threads.service';

@Resolver(() => ThreadType)
export class ThreadsResolver {
  constructor(
    private readonly threads: ThreadsService,
    private readonly posts: PostsService,
    private readonly boards: BoardsService,
    private readonly users: UsersLoader,
    private readonly subscriptions: ThreadSubscriptionsService,
  ) {}

  @Query(() => ThreadType, { nullable: true })
  thread(
    @Args('id', { type: () => ID }) id: string,
    @CurrentUser() viewer: Viewer | null,
    @Context() ctx: RequestContext,
  ): Promise<ThreadEntity | null> {
    return this.threads.findVisible(ctx.loaders, fromGlobalId(id, 'Thread', 'id'), viewer);
  }

  @Query(() => ThreadConnection, { name: 'threads' })
  listThreads(
    @CurrentUser() viewer: Viewer | null,
    // Typed as the class (not `| null`) so that the validation pipe sees and checks it.
    @Args('filter', { type: () => ThreadFilter, nullable: true }) filter: ThreadFilter,
    @Args('orderBy', {
      type: () => ThreadOrder,
      defaultValue: ThreadOrder.LAST_ACTIVITY,
      nullable: true,
    })
    orderBy: ThreadOrder,
    @Args() paging: PageArgs,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Connection<ThreadEntity>> {
    const page = pageRequest(paging, info);
    const decoded = {
      boardId: filter?.boardId
        ? fromGlobalId(filter.boardId, 'Board', 'filter.boardId')
        : undefined,
      tag: filter?.tag ?? undefined,
      status: filter?.status ?? undefined,
      unanswered: filter?.unanswered ?? undefined,
    };
    return this.threads.list(viewer, decoded, orderBy ?? ThreadOrder.LAST_ACTIVITY, page);
  }

  @Mutation(() => ThreadType)
  @Authenticated()
  askQuestion(
    @CurrentUser() viewer: Viewer,
    @Args('input') input: AskQuestionInput,
  ): Promise<ThreadEntity> {
    const boardId = fromGlobalId(input.boardId, 'Board', 'boardId');
    return this.threads.ask(viewer, { ...input, boardId });
  }

  @Mutation(() => ThreadType)
  @Authenticated()
  acceptSolution(
    @CurrentUser() viewer: Viewer,
    @Args('postId', { type: () => ID }) postId: string,
  ): Promise<ThreadEntity> {
    return this.threads.acceptSolution(viewer, fromGlobalId(postId, 'Post', 'postId'));
  }

  @Mutation(() => ThreadType)
  @Authenticated()
  unacceptSolution(
    @CurrentUser() viewer: Viewer,
    @Args('threadId', { type: () => ID }) threadId: string,
  ): Promise<ThreadEntity> {
    return this.threads.unacceptSolution(viewer, fromGlobalId(threadId, 'Thread', 'threadId'));
  }

  @ResolveField('board', () => BoardType)
  board(
    @Parent() thread: ThreadEntity,
    @Context() ctx: RequestContext,
  ): Promise<BoardEntity | null> {
    return this.boards.load(ctx.loaders, thread.boardId);
  }

  @ResolveField('author', () => UserType)
  author(
    @Parent() thread: ThreadEntity,
    @Context() ctx: RequestContext,
  ): Promise<UserEntity | null> {
    return this.users.load(ctx, thread.authorId);
  }

  @ResolveField('acceptedSolution', () => PostType, { nullable: true })
  acceptedSolution(
    @Parent() thread: ThreadEntity,
    @CurrentUser() viewer: Viewer | null,
    @Context() ctx: RequestContext,
  ): Promise<PostEntity | null> | null {
    return thread.acceptedPostId
      ? this.posts.findVisible(ctx.loaders, thread.acceptedPostId, viewer)
      : null;
  }

  @ResolveField('viewerIsSubscribed', () => Boolean)
  viewerIsSubscribed(
    @Parent() thread: ThreadEntity,
    @CurrentUser() viewer: Viewer | null,
    @Context() ctx: RequestContext,
  ): Promise<boolean> | boolean {
    return viewer ? this.subscriptions.isSubscribed(ctx.loaders, viewer.id, thread.id) : false;
  }

  @ResolveField('answers', () => PostConnection)
  answers(
    @Parent() thread: ThreadEntity,
    @CurrentUser() viewer: Viewer | null,
    @Context() ctx: RequestContext,
    @Args() paging: PageArgs,
    @Info() info: GraphQLResolveInfo,
    @Args('orderBy', { type: () => AnswerOrder, defaultValue: AnswerOrder.OLDEST, nullable: true })
    orderBy: AnswerOrder,
  ): Promise<Connection<PostEntity>> {
    const page = pageRequest(paging, info);
    return this.posts.answers(ctx.loaders, thread, viewer, orderBy ?? AnswerOrder.OLDEST, page);
  }
}
