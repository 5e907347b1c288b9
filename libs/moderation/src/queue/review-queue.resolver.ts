import {
  Connection,
  CurrentUser,
  fromGlobalId,
  MODERATOR_ROLES,
  PageArgs,
  pageRequest,
  RequestContext,
  Roles,
  Viewer,
} from '@app/core';
import { UserEntity, UsersLoader, UserType } from '@app/identity';
import {
  Args,
  Context,
  Float,
  ID,
  Info,
  Mutation,
  Parent,
  Query,
  ResolveField,
  Resolver,
} from '@nestjs/graphql';
import { GraphQLResolveInfo } from 'graphql';
import { ResolveReviewItemInput } from '../dto/moderation.inputs';
import { FlagEntity } from '../flags/flag.entity';
import { FlagsService } from '../flags/flags.service';
import { Moderatable } from '../moderatable/moderatable';
import { ModeratableLoader } from '../moderatable/moderatable-loader';
import { ReviewItemStatus } from '../moderation.enums';
import { ReviewItemEntity } from '../review-items/review-item.entity';
import { FlagType, ReviewItemConnection, ReviewItemType } from '../review-items/review-item.type';
import { priorityAt } from '../review-items/review-priority';
import { ReviewQueueService } from './review-queue.service';

@Resolver(() => ReviewItemType)
export class ReviewQueueResolver {
  constructor(
    private readonly queue: ReviewQueueService,
    private readonly flags: FlagsService,
    private readonly targets: ModeratableLoader,
    private readonly users: UsersLoader,
  ) {}

  @Query(() => ReviewItemConnection)
  @Roles(...MODERATOR_ROLES)
  moderationQueue(
    @Args('status', {
      type: () => ReviewItemStatus,
      defaultValue: ReviewItemStatus.PENDING,
      nullable: true,
    })
    status: ReviewItemStatus | null,
    @Args() paging: PageArgs,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Connection<ReviewItemEntity>> {
    return this.queue.list(status ?? ReviewItemStatus.PENDING, pageRequest(paging, info));
  }

  @Mutation(() => ReviewItemType)
  @Roles(...MODERATOR_ROLES)
  claimReviewItem(
    @CurrentUser() viewer: Viewer,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<ReviewItemEntity> {
    return this.queue.claim(viewer, fromGlobalId(id, 'ReviewItem', 'id'));
  }

  @Mutation(() => ReviewItemType)
  @Roles(...MODERATOR_ROLES)
  resolveReviewItem(
    @CurrentUser() viewer: Viewer,
    @Args('input') input: ResolveReviewItemInput,
  ): Promise<ReviewItemEntity> {
    return this.queue.resolve(viewer, fromGlobalId(input.id, 'ReviewItem', 'id'), input);
  }

  @ResolveField('priority', () => Float)
  priority(@Parent() item: ReviewItemEntity): number {
    return priorityAt(item.priority, new Date());
  }

  @ResolveField('target', () => Moderatable)
  target(
    @Parent() item: ReviewItemEntity,
    @CurrentUser() viewer: Viewer | null,
    @Context() ctx: RequestContext,
  ): Promise<object | null> {
    return this.targets.visible(item.targetType, item.targetId, viewer, ctx.loaders);
  }

  @ResolveField('flags', () => [FlagType])
  itemFlags(
    @Parent() item: ReviewItemEntity,
    @Context() ctx: RequestContext,
  ): Promise<FlagEntity[]> {
    return this.flags.ofItem(ctx.loaders, item.id);
  }

  @ResolveField('claimedBy', () => UserType, { nullable: true })
  claimedBy(
    @Parent() item: ReviewItemEntity,
    @Context() ctx: RequestContext,
  ): Promise<UserEntity | null> | null {
    return item.claimedBy ? this.users.load(ctx.loaders, item.claimedBy) : null;
  }

  @ResolveField('resolvedBy', () => UserType, { nullable: true })
  resolvedBy(
    @Parent() item: ReviewItemEntity,
    @Context() ctx: RequestContext,
  ): Promise<UserEntity | null> | null {
    return item.resolvedBy ? this.users.load(ctx.loaders, item.resolvedBy) : null;
  }
}
