import { RequestContext, toGlobalId } from '@app/core';
import { UserEntity, UsersLoader, UserType } from '@app/identity';
import { ID, ResolveField, Resolver } from '@nestjs/graphql';
import { PostRevisionType } from './post-revision.type';
import { PostRevisionEntity } from './post-revision.entity';

@Resolver(() => PostRevisionType)
export class PostRevisionsResolver {
  constructor(private readonly users: UsersLoader) {}

  // graphql-js's own arguments instead of parameter decorators: Nest calls these directly, not
  // through its per-call pipeline, for every earlier version shown on a thread page.

  @ResolveField('id', () => ID)
  id(revision: PostRevisionEntity): string {
    return toGlobalId('PostRevision', revision.id);
  }

  @ResolveField('editor', () => UserType)
  editor(
    revision: PostRevisionEntity,
    _args: unknown,
    ctx: RequestContext,
  ): Promise<UserEntity | null> {
    return this.users.load(ctx.loaders, revision.editorId);
  }
}
