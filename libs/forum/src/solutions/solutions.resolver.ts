import { Authenticated, CurrentUser, fromGlobalId, RequestContext, Viewer } from '@app/core';
import { Args, Context, ID, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { PostEntity } from '../posts/post.entity';
import { PostType } from '../posts/post.type';
import { PostsService } from '../posts/posts.service';
import { ThreadEntity } from '../threads/thread.entity';
import { ThreadType } from '../threads/thread.type';
import { SolutionsService } from './solutions.service';

/** Choosing a thread's solution, and showing it on the thread. */
@Resolver(() => ThreadType)
export class SolutionsResolver {
  constructor(
    private readonly solutions: SolutionsService,
    private readonly posts: PostsService,
  ) {}

  @Mutation(() => ThreadType)
  @Authenticated()
  acceptSolution(
    @CurrentUser() viewer: Viewer,
    @Args('postId', { type: () => ID }) postId: string,
  ): Promise<ThreadEntity> {
    return this.solutions.accept(viewer, fromGlobalId(postId, 'Post', 'postId'));
  }

  @Mutation(() => ThreadType)
  @Authenticated()
  unacceptSolution(
    @CurrentUser() viewer: Viewer,
    @Args('threadId', { type: () => ID }) threadId: string,
  ): Promise<ThreadEntity> {
    return this.solutions.unaccept(viewer, fromGlobalId(threadId, 'Thread', 'threadId'));
  }

  @ResolveField('acceptedSolution', () => PostType, { nullable: true })
  acceptedSolution(
    @Parent() thread: ThreadEntity,
    @CurrentUser() viewer: Viewer | null,
    @Context() ctx: RequestContext,
  ): Promise<PostEntity | null> | null {
    return thread.acceptedPostId
      ? this.posts.findVisible(ctx.loaders, thread.acceptedPostId, viewer)
      : null;
  }
}
