import {
  Authenticated,
  CurrentUser,
  fromGlobalId,
  notFound,
  PUB_SUB,
  RequestContext,
  Viewer,
} from '@app/core';
import { PostEntity, PostsService, PostType, ThreadsService } from '@app/forum';
import { Inject } from '@nestjs/common';
import { Args, Context, ID, Resolver, Subscription } from '@nestjs/graphql';
import { RedisPubSub } from 'graphql-redis-subscriptions';
import { NotificationEntity } from '../notification.entity';
import { NotificationType } from '../notification.type';
import { NotificationsService } from '../notifications.service';
import { LiveTopics, NotificationAddedMessage, ThreadActivityMessage } from './live-topics';

/**
 * Live updates over graphql-ws. Messages arrive through Redis from the worker and name what
 * changed; each instance reads it once per message, whatever the number of its subscribers.
 */
@Resolver()
export class LiveUpdatesResolver {
  private readonly posts = new WeakMap<ThreadActivityMessage, Promise<PostEntity | null>>();
  private readonly notifications = new WeakMap<
    NotificationAddedMessage,
    Promise<NotificationEntity | null>
  >();

  constructor(
    @Inject(PUB_SUB) private readonly pubSub: RedisPubSub,
    private readonly topics: LiveTopics,
    private readonly threadsService: ThreadsService,
    private readonly postsService: PostsService,
    private readonly notificationsService: NotificationsService,
  ) {}

  @Subscription(() => PostType, {
    description: 'New or changed published posts of one thread.',
    filter(this: LiveUpdatesResolver, message: ThreadActivityMessage) {
      return this.postOf(message).then(Boolean);
    },
    resolve(this: LiveUpdatesResolver, message: ThreadActivityMessage, _args, ctx: RequestContext) {
      ctx.loaders.clear();
      return this.postOf(message);
    },
  })
  async threadActivity(
    @Args('threadId', { type: () => ID }) threadGlobalId: string,
    @CurrentUser() viewer: Viewer | null,
    @Context() ctx: RequestContext,
  ): Promise<AsyncIterableIterator<ThreadActivityMessage>> {
    const threadId = fromGlobalId(threadGlobalId, 'Thread', 'threadId');
    if (!(await this.threadsService.findVisible(ctx.loaders, threadId, viewer)))
      throw notFound('Thread');
    return this.pubSub.asyncIterableIterator<ThreadActivityMessage>(
      this.topics.threadActivity(threadId),
    );
  }

  @Subscription(() => NotificationType, {
    description: "The viewer's own new notifications.",
    filter(this: LiveUpdatesResolver, message: NotificationAddedMessage) {
      return this.notificationOf(message).then(Boolean);
    },
    resolve(
      this: LiveUpdatesResolver,
      message: NotificationAddedMessage,
      _args,
      ctx: RequestContext,
    ) {
      ctx.loaders.clear();
      return this.notificationOf(message);
    },
  })
  @Authenticated()
  notificationAdded(
    @CurrentUser() viewer: Viewer,
  ): AsyncIterableIterator<NotificationAddedMessage> {
    return this.pubSub.asyncIterableIterator<NotificationAddedMessage>(
      this.topics.notificationAdded(viewer.id),
    );
  }

  private postOf(message: ThreadActivityMessage): Promise<PostEntity | null> {
    let post = this.posts.get(message);
    if (!post) {
      post = this.postsService.findPublished(message.postId);
      this.posts.set(message, post);
    }
    return post;
  }

  private notificationOf(message: NotificationAddedMessage): Promise<NotificationEntity | null> {
    let notification = this.notifications.get(message);
    if (!notification) {
      notification = this.notificationsService.findById(message.notificationId);
      this.notifications.set(message, notification);
    }
    return notification;
  }
}
