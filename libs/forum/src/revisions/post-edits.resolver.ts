import { Authenticated, CurrentUser, fromGlobalId, RequestContext, Viewer } from '@app/core';
import { Args, ID, Mutation, ResolveField, Resolver } from '@nestjs/graphql';
import { EditPostInput } from '../dto/edit-post.input';
import { PostEntity } from '../posts/post.entity';
import { PostType } from '../posts/post.type';
import { PostEditsService } from './post-edits.service';
import { PostRevisionEntity } from './post-revision.entity';
import { PostRevisionType } from './post-revision.type';

/** Editing and deleting posts, and the earlier bodies an edit keeps. */
@Resolver(() => PostType)
export class PostEditsResolver {
  constructor(private readonly edits: PostEditsService) {}

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

  // graphql-js's own arguments instead of parameter decorators: Nest calls it directly, not
  // through its per-call pipeline, for every answer of a thread page.
  @ResolveField('revisions', () => [PostRevisionType])
  revisions(post: PostEntity, _args: unknown, ctx: RequestContext): Promise<PostRevisionEntity[]> {
    return this.edits.revisions(ctx.loaders, post.id);
  }
}
