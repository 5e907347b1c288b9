import { CurrentUser, fromGlobalId, RequestContext, Viewer } from '@app/core';
import { Args, Context, ID, Mutation, Resolver } from '@nestjs/graphql';
import { DeflectionsService } from './deflections.service';

@Resolver()
export class DeflectionsResolver {
  constructor(private readonly deflections: DeflectionsService) {}

  /**
   * Public, anonymous visitors included: the global rate limit already counts every anonymous
   * call per address, and a signed-in member's mutations per member.
   */
  @Mutation(() => Boolean, {
    description:
      "A suggested thread answered the viewer's question: counted once per viewer and thread a day.",
  })
  recordDeflection(
    @CurrentUser() viewer: Viewer | null,
    @Context() ctx: RequestContext,
    @Args('threadId', { type: () => ID }) threadId: string,
  ): Promise<boolean> {
    const id = fromGlobalId(threadId, 'Thread', 'threadId');
    return this.deflections.record(ctx.loaders, viewer, ctx.ip, id);
  }
}
