import {
  AllowWhileSilenced,
  Authenticated,
  Connection,
  CurrentUser,
  fromGlobalId,
  Node,
  NodeRegistry,
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
  Int,
  Mutation,
  Parent,
  Query,
  ResolveField,
  Resolver,
} from '@nestjs/graphql';
import { GraphQLResolveInfo } from 'graphql';
import { NotificationEntity } from './notification.entity';
import { NotificationConnection, NotificationType } from './notification.type';
import { NotificationsService } from './notifications.service';

@Resolver(() => NotificationType)
export class NotificationsResolver {
  constructor(
    private readonly notifications: NotificationsService,
    private readonly users: UsersLoader,
    private readonly nodes: NodeRegistry,
  ) {}

  @Query(() => NotificationConnection, { name: 'notifications' })
  @Authenticated()
  listNotifications(
    @CurrentUser() viewer: Viewer,
    @Args('unreadOnly', { type: () => Boolean, defaultValue: false, nullable: true })
    unreadOnly: boolean | null,
    @Args() paging: PageArgs,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Connection<NotificationEntity>> {
    return this.notifications.list(viewer, unreadOnly ?? false, pageRequest(paging, info));
  }

  @Query(() => Int)
  @Authenticated()
  unreadNotificationCount(@CurrentUser() viewer: Viewer): Promise<number> {
    return this.notifications.unreadCount(viewer);
  }

  @Mutation(() => Int, {
    description: 'Marks these notifications (null: all) read; returns how many changed.',
  })
  @Authenticated()
  @AllowWhileSilenced()
  markNotificationsRead(
    @CurrentUser() viewer: Viewer,
    @Args('ids', { type: () => [ID], nullable: true }) ids: string[] | null,
  ): Promise<number> {
    const uuids = ids?.map((id) => fromGlobalId(id, 'Notification', 'ids')) ?? null;
    return this.notifications.markRead(viewer, uuids);
  }

  @ResolveField('subject', () => Node, { nullable: true })
  subject(
    @Parent() notification: NotificationEntity,
    @CurrentUser() viewer: Viewer | null,
    @Context() ctx: RequestContext,
  ): Promise<object | null> | null {
    const { subjectType, subjectId } = notification;
    return subjectType && subjectId
      ? this.nodes.load(subjectType, subjectId, viewer, ctx.loaders)
      : null;
  }

  @ResolveField('actor', () => UserType, { nullable: true })
  actor(
    @Parent() notification: NotificationEntity,
    @Context() ctx: RequestContext,
  ): Promise<UserEntity | null> | null {
    return notification.actorId ? this.users.load(ctx.loaders, notification.actorId) : null;
  }
}
