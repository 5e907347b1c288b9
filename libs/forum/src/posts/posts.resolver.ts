import {
  Authenticated,
  CurrentUser,
  fromGlobalId,
  RequestContext,
  Roles,
  STAFF_ROLES,
  toGlobalId,
  Viewer,
} from '@app/core';
import { UserEntity, UsersLoader, UserType } from '@app/identity';
import {
  CorrectionEntity,
  CorrectionsService,
  CorrectionType,
  CorrectPostInput,
  ModeratableRegistry,
} from '@app/moderation';
import { Args, ID, Mutation, ResolveField, Resolver } from '@nestjs/graphql';
import { PostAnswerInput } from '../dto/post-answer.input';
import { ThreadEntity } from '../threads/thread.entity';
import { ThreadType } from '../threads/thread.type';
import { ThreadsService } from '../threads/threads.service';
import { PostEntity } from './post.entity';
import { PostType } from './post.type';
import { PostsService } from './posts.service';

@Resolver(() => PostType)
export class PostsResolver {
  constructor(
    private readonly posts: PostsService,
    private readonly threads: ThreadsService,
    private readonly users: UsersLoader,
    private readonly corrections: CorrectionsService,
    private readonly moderatables: ModeratableRegistry,
  ) {}

  @Mutation(() => PostType)
  @Authenticated()
  postAnswer(
    @CurrentUser() viewer: Viewer,
    @Args('input') input: PostAnswerInput,
  ): Promise<PostEntity> {
    const threadId = fromGlobalId(input.threadId, 'Thread', 'threadId');
    return this.posts.postAnswer(viewer, { ...input, threadId });
  }

  // The field resolvers take graphql-js's own arguments (parent, args, context) instead of
  // parameter decorators: Nest then calls them directly, not through its per-call pipeline,
  // which a thread page would otherwise run for every field of each of its answers.

  @ResolveField('id', () => ID)
  id(post: PostEntity): string {
    return toGlobalId('Post', post.id);
  }

  @ResolveField('thread', () => ThreadType)
  thread(post: PostEntity, _args: unknown, ctx: RequestContext): Promise<ThreadEntity | null> {
    return this.threads.load(ctx.loaders, post.threadId);
  }

  @ResolveField('author', () => UserType)
  author(post: PostEntity, _args: unknown, ctx: RequestContext): Promise<UserEntity | null> {
    return this.users.load(ctx.loaders, post.authorId);
  }

  @ResolveField('isAcceptedSolution', () => Boolean)
  async isAcceptedSolution(
    post: PostEntity,
    _args: unknown,
    ctx: RequestContext,
  ): Promise<boolean> {
    const thread = await this.threads.load(ctx.loaders, post.threadId);
    return thread?.acceptedPostId === post.id;
  }

  @Mutation(() => PostType, {
    description: 'Agents and moderators correct bad advice in place, without a flag.',
  })
  @Roles(...STAFF_ROLES)
  async correctPost(
    @CurrentUser() viewer: Viewer,
    @Args('input') input: CorrectPostInput,
  ): Promise<PostEntity> {
    const postId = await this.corrections.correctPost(
      viewer,
      this.moderatables.decode(input.postId, 'postId'),
      input.note,
      input.unaccept ?? false,
    );
    return this.posts.getById(postId);
  }

  @ResolveField('correction', () => CorrectionType, { nullable: true })
  correction(
    post: PostEntity,
    _args: unknown,
    ctx: RequestContext,
  ): Promise<CorrectionEntity | null> {
    return this.corrections.latest(ctx.loaders, post.id);
  }
}
