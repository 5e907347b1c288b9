import { RequestContext, toGlobalId } from '@app/core';
import { UserEntity, UsersLoader, UserType } from '@app/identity';
import { Context, ID, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { PostRevisionType } from './post-revision.type';
import { PostRevisionEntity } from './post-revision.entity';

@Resolver(() => PostRevisionType)
export class PostRevisionsResolver {
  constructor(private readonly users: UsersLoader) {}

  @ResolveField('id', () => ID)
  id(@Parent() revision: PostRevisionEntity): string {
    return toGlobalId('PostRevision', revision.id);
  }

  @ResolveField('editor', () => UserType)
  editor(
    @Parent() revision: PostRevisionEntity,
    @Context() ctx: RequestContext,
  ): Promise<UserEntity | null> {
    return this.users.load(ctx.loaders, revision.editorId);
  }
}
