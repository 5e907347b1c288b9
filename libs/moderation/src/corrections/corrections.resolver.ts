import { RequestContext, toGlobalId } from '@app/core';
import { UserEntity, UsersLoader, UserType } from '@app/identity';
import { Context, ID, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { CorrectionEntity } from './correction.entity';
import { CorrectionType } from './correction.type';

@Resolver(() => CorrectionType)
export class CorrectionsResolver {
  constructor(private readonly users: UsersLoader) {}

  @ResolveField('id', () => ID)
  id(@Parent() correction: CorrectionEntity): string {
    return toGlobalId('Correction', correction.id);
  }

  @ResolveField('moderator', () => UserType)
  moderator(
    @Parent() correction: CorrectionEntity,
    @Context() ctx: RequestContext,
  ): Promise<UserEntity | null> {
    return this.users.load(ctx.loaders, correction.moderatorId);
  }
}
