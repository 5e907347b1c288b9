import { RequestContext, toGlobalId } from '@app/core';
import { UserEntity, UsersLoader, UserType } from '@app/identity';
import { ID, ResolveField, Resolver } from '@nestjs/graphql';
import { CorrectionEntity } from './correction.entity';
import { CorrectionType } from './correction.type';

@Resolver(() => CorrectionType)
export class CorrectionsResolver {
  constructor(private readonly users: UsersLoader) {}

  // graphql-js's own arguments instead of parameter decorators: Nest calls these directly, not
  // through its per-call pipeline, on every corrected answer of a thread page.

  @ResolveField('id', () => ID)
  id(correction: CorrectionEntity): string {
    return toGlobalId('Correction', correction.id);
  }

  @ResolveField('moderator', () => UserType)
  moderator(
    correction: CorrectionEntity,
    _args: unknown,
    ctx: RequestContext,
  ): Promise<UserEntity | null> {
    return this.users.load(ctx.loaders, correction.moderatorId);
  }
}
