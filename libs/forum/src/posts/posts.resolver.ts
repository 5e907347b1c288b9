import {
  Authenticated,
  CurrentUser,
  fromGlobalId,
  RequestContext,
  Roles,
  STAFF_ROLES,
  Viewer,
} from '@app/core';
import { UserEntity, UsersLoader, UserType } from '@app/identity';
import {
  CorrectionEntity,
  CorrectionsService,
  CorrectionType,
  CorrectPostInput,
} from '@app/moderation';
import { Args, Context, ID, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { EditPostInput } from '../dto/edit-post.input';
import { KudosService } from '../kudos/kudos.service';
import { PostEditsService } from '../revisions/post-edits.service';
import { PostRevisionEntity } from '../revisions/post-revision.entity';
import { PostAnswerInput } from '../dto/post-answer.input';
import { ThreadEntity } from '../threads/thread.entity';
import { ThreadType } from '../threads/thread.type';
import { ThreadsService } from '../threads/threads.service';
import { PostEntity } from './post.entity';
import { PostRevisionType, PostType } from './post.type';
import { PostsService } from './posts.service';

@Resolver(() => PostType)
export class PostsResolver {
  constructor(
    private readonly posts: PostsService,
    private readonly threads: ThreadsService,
    private readonly users: UsersLoader,
    private readonly kudos: KudosService,
    private readonly edits: PostEditsService,
    private readonly corrections: CorrectionsService,
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

  @ResolveField('thread', () => ThreadType)
  thread(@Parent() post: PostEntity, @Context() ctx: RequestContext): Promise<ThreadEntity | null> {
    return this.threads.load(ctx.loaders, post.threadId);
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
    const thread = await this.threads.load(ctx.loaders, post.threadId);
    return thread?.acceptedPostId === post.id;
  }

  @Mutation(() => PostType)
  @Authenticated()
  editPost(
    @CurrentUser() viewer: Viewer,
    @Args('input') input: EditPostInput,
  ): Promise<PostEntity> {
    const postId = fromGlobalId(input.postId, 'Post', 'postId');
    return this.edits.edit(viewer, { ...input, postId });
  }

  @Mutation(() => PostType)
  @Authenticated()
  deletePost(
    @CurrentUser() viewer: Viewer,
    @Args('postId', { type: () => ID }) postId: string,
    @Args('reason', { type: () => String, nullable: true }) reason: string | null,
  ): Promise<PostEntity> {
    return this.edits.delete(viewer, fromGlobalId(postId, 'Post', 'postId'), reason);
  }

  @Mutation(() => PostType)
  @Authenticated()
  giveKudo(
    @CurrentUser() viewer: Viewer,
    @Args('postId', { type: () => ID }) postId: string,
  ): Promise<PostEntity> {
    return this.kudos.give(viewer, fromGlobalId(postId, 'Post', 'postId'));
  }

  @Mutation(() => PostType)
  @Authenticated()
  removeKudo(
    @CurrentUser() viewer: Viewer,
    @Args('postId', { type: () => ID }) postId: string,
  ): Promise<PostEntity> {
    return this.kudos.remove(viewer, fromGlobalId(postId, 'Post', 'postId'));
  }

  @ResolveField('viewerHasGivenKudo', () => Boolean)
  viewerHasGivenKudo(
    @Parent() post: PostEntity,
    @CurrentUser() viewer: Viewer | null,
    @Context() ctx: RequestContext,
  ): Promise<boolean> | boolean {
    return viewer ? this.kudos.hasGiven(ctx.loaders, viewer.id, post.id) : false;
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
      input.postId,
      input.note,
      input.unaccept ?? false,
    );
    return this.posts.getById(postId);
  }

  @ResolveField('correction', () => CorrectionType, { nullable: true })
  correction(
    @Parent() post: PostEntity,
    @Context() ctx: RequestContext,
  ): Promise<CorrectionEntity | null> {
    return this.corrections.latest(ctx, post.id);
  }

  @ResolveField('revisions', () => [PostRevisionType])
  revisions(
    @Parent() post: PostEntity,
    @Context() ctx: RequestContext,
  ): Promise<PostRevisionEntity[]> {
    return this.edits.revisions(ctx.loaders, post.id);
  }
}
