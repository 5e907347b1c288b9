import { Connection, CurrentUser, PageArgs, pageRequest, RequestContext, Viewer } from '@app/core';
import { Args, Context, Info, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { GraphQLResolveInfo } from 'graphql';
import { AnswerOrder } from '../forum.enums';
import { ThreadEntity } from '../threads/thread.entity';
import { ThreadType } from '../threads/thread.type';
import { PostEntity } from './post.entity';
import { PostConnection } from './post.type';
import { PostsService } from './posts.service';

/** A thread's answers, declared here where posts are known: threads do not import posts. */
@Resolver(() => ThreadType)
export class ThreadAnswersResolver {
  constructor(private readonly posts: PostsService) {}

  @ResolveField('answers', () => PostConnection)
  answers(
    @Parent() thread: ThreadEntity,
    @CurrentUser() viewer: Viewer | null,
    @Context() ctx: RequestContext,
    @Args() paging: PageArgs,
    @Info() info: GraphQLResolveInfo,
    @Args('orderBy', { type: () => AnswerOrder, defaultValue: AnswerOrder.OLDEST, nullable: true })
    orderBy: AnswerOrder,
  ): Promise<Connection<PostEntity>> {
    const page = pageRequest(paging, info);
    return this.posts.answers(ctx.loaders, thread, viewer, orderBy ?? AnswerOrder.OLDEST, page);
  }
}
