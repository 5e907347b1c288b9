import {
  Connection,
  CurrentUser,
  MODERATOR_ROLES,
  PageArgs,
  pageRequest,
  RequestContext,
  Roles,
  Viewer,
} from '@app/core';
import { UserEntity, UsersLoader, UserType } from '@app/identity';
import { Args, Context, Info, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { GraphQLResolveInfo } from 'graphql';
import { Moderatable } from '../moderatable/moderatable';
import { ModeratableLoader } from '../moderatable/moderatable-loader';
import { ModerationActionEntity } from './moderation-action.entity';
import { ModerationActionConnection, ModerationActionType } from './moderation-action.type';
import { ModerationLogService } from './moderation-log.service';

@Resolver(() => ModerationActionType)
export class ModerationLogResolver {
  constructor(
    private readonly log: ModerationLogService,
    private readonly targets: ModeratableLoader,
    private readonly users: UsersLoader,
  ) {}

  @Query(() => ModerationActionConnection)
  @Roles(...MODERATOR_ROLES)
  moderationLog(
    @Args() paging: PageArgs,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Connection<ModerationActionEntity>> {
    return this.log.list(pageRequest(paging, info));
  }

  @ResolveField('actor', () => UserType)
  actor(
    @Parent() entry: ModerationActionEntity,
    @Context() ctx: RequestContext,
  ): Promise<UserEntity | null> {
    return this.users.load(ctx.loaders, entry.actorId);
  }

  @ResolveField('targetUser', () => UserType, { nullable: true })
  targetUser(
    @Parent() entry: ModerationActionEntity,
    @Context() ctx: RequestContext,
  ): Promise<UserEntity | null> | null {
    return entry.targetUserId ? this.users.load(ctx.loaders, entry.targetUserId) : null;
  }

  @ResolveField('target', () => Moderatable, { nullable: true })
  target(
    @Parent() entry: ModerationActionEntity,
    @CurrentUser() viewer: Viewer | null,
    @Context() ctx: RequestContext,
  ): Promise<object | null> {
    return this.targets.visible(entry.targetType, entry.targetId, viewer, ctx.loaders);
  }
}
