import { Authenticated, CurrentUser, RequestContext, Viewer } from '@app/core';
import { UserEntity, UsersLoader, UserType } from '@app/identity';
import { Args, Context, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { PostAnswerInput } from '../dto/post-answer.input';
import { ThreadEntity } from '../threads/thread.entity';
import { ThreadType } from '../threads/thread.type';
import { ThreadsService } from '../threads/threads.service';
import { PostEntity } from './post.entity';
import { CorrectionType, PostRevisionType, PostType } from './post.type';
import { PostsService } from './posts.service';

@Resolver(() => PostType)
export class PostsResolver {
  constructor(
    private readonly posts: PostsService,
    private readonly threads: ThreadsService,
    private readonly users: UsersLoader,
  ) {}

  @Mutation(() => PostType)
  @Authenticated()
  postAnswer(
    @CurrentUser() viewer: Viewer,
    @Args('input') input: PostAnswerInput,
  ): Promise<PostEntity> {
    return this.posts.postAnswer(viewer, input);
  }

  @ResolveField('thread', () => ThreadType)
  thread(@Parent() post: PostEntity, @Context() ctx: RequestContext): Promise<ThreadEntity | null> {
    return this.threads.load(ctx, post.threadId);
  }

  @ResolveField('author', () => UserType)
  author(@Parent() post: PostEntity, @Context() ctx: RequestContext): Promise<UserEntity | null> {
    return this.users.load(ctx, post.authorId);
  }

  @ResolveField('isAcceptedSolution', () => Boolean)
  async isAcceptedSolution(
    @Parent() post: PostEntity,
    @Context() ctx: RequestContext,
  ): Promise<boolean> {
    const thread = await this.threads.load(ctx, post.threadId);
    return thread?.acceptedPostId === post.id;
  }

  // Kudos, corrections and edits arrive with their own features; until then no post has any.
  @ResolveField('viewerHasGivenKudo', () => Boolean)
  viewerHasGivenKudo(): boolean {
    return false;
  }

  @ResolveField('correction', () => CorrectionType, { nullable: true })
  correction(): null {
    return null;
  }

  @ResolveField('revisions', () => [PostRevisionType])
  revisions(): PostRevisionType[] {
    return [];
  }
}
