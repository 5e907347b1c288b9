import { RequestContext } from '@app/core';
import { UserEntity, UserType } from '@app/identity';
import { Args, Context, Int, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { PostEntity } from './post.entity';
import { PostType } from './post.type';
import { PostsService } from './posts.service';

/** What a member wrote, on the member: declared here, where posts are known, not in identity. */
@Resolver(() => UserType)
export class MemberAnswersResolver {
  constructor(private readonly posts: PostsService) {}

  @ResolveField('recentAnswers', () => [PostType], {
    description:
      "The member's latest published answers in published threads, newest first (first: 1 to 100).",
  })
  recentAnswers(
    @Parent() user: UserEntity,
    @Args('first', { type: () => Int, defaultValue: 5, nullable: true }) first: number | null,
    @Context() ctx: RequestContext,
  ): Promise<PostEntity[]> {
    return this.posts.recentAnswers(ctx.loaders, user.id, first ?? 5);
  }
}
