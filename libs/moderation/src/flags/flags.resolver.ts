import { Authenticated, CurrentUser, RequestContext, toGlobalId, Viewer } from '@app/core';
import { UserEntity, UsersLoader, UserType } from '@app/identity';
import { Args, Context, ID, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { FlagInput } from '../dto/moderation.inputs';
import { ModeratableRegistry } from '../moderatable/moderatable.registry';
import { FlagType } from '../review-items/review-item.type';
import { FlagEntity } from './flag.entity';
import { FlagsService } from './flags.service';

@Resolver(() => FlagType)
export class FlagsResolver {
  constructor(
    private readonly flags: FlagsService,
    private readonly moderatables: ModeratableRegistry,
    private readonly users: UsersLoader,
  ) {}

  @Mutation(() => FlagType)
  @Authenticated()
  flag(@CurrentUser() viewer: Viewer, @Args('input') input: FlagInput): Promise<FlagEntity> {
    return this.flags.flag(viewer, this.moderatables.decode(input.targetId, 'targetId'), input);
  }

  @ResolveField('id', () => ID)
  id(@Parent() flag: FlagEntity): string {
    return toGlobalId('Flag', flag.id);
  }

  @ResolveField('reporter', () => UserType)
  reporter(@Parent() flag: FlagEntity, @Context() ctx: RequestContext): Promise<UserEntity | null> {
    return this.users.load(ctx.loaders, flag.reporterId);
  }
}
