import {
  Authenticated,
  Connection,
  CurrentUser,
  fromGlobalId,
  PageArgs,
  pageRequest,
  RequestContext,
  toGlobalId,
  Viewer,
} from '@app/core';
import { UserEntity, UsersLoader, UserType } from '@app/identity';
import { Args, Context, ID, Info, Mutation, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { GraphQLResolveInfo } from 'graphql';
import { BoardEntity } from '../boards/board.entity';
import { BoardType } from '../boards/board.type';
import { BoardsService } from '../boards/boards.service';
import { AskQuestionInput } from '../dto/ask-question.input';
import { ThreadFilter } from '../dto/thread-filter.input';
import { ThreadOrder } from '../forum.enums';
import { ThreadSubscriptionsService } from '../subscriptions/thread-subscriptions.service';
import { ThreadEntity } from './thread.entity';
import { ThreadConnection, ThreadType } from './thread.type';
import { ThreadsService } from './threads.service';

@Resolver(() => ThreadType)
export class ThreadsResolver {
  constructor(
    private readonly threads: ThreadsService,
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

  // The field resolvers below take graphql-js's own arguments (parent, args, context) instead of
  // parameter decorators: Nest then calls them directly rather than through its per-call
  // pipeline, which a thread page would run for each of its hundreds of fields.

  @ResolveField('id', () => ID)
  id(thread: ThreadEntity): string {
    return toGlobalId('Thread', thread.id);
  }

  @ResolveField('board', () => BoardType)
  board(thread: ThreadEntity, _args: unknown, ctx: RequestContext): Promise<BoardEntity | null> {
    return this.boards.load(ctx.loaders, thread.boardId);
  }

  @ResolveField('author', () => UserType)
  author(thread: ThreadEntity, _args: unknown, ctx: RequestContext): Promise<UserEntity | null> {
    return this.users.load(ctx.loaders, thread.authorId);
  }

  @ResolveField('viewerIsSubscribed', () => Boolean)
  viewerIsSubscribed(
    thread: ThreadEntity,
    _args: unknown,
    ctx: RequestContext,
  ): Promise<boolean> | boolean {
    // The auth guard of the operation's root field has put the viewer on the context.
    return ctx.viewer
      ? this.subscriptions.isSubscribed(ctx.loaders, ctx.viewer.id, thread.id)
      : false;
  }
}
