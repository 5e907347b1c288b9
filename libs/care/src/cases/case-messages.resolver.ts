import { Authenticated, CurrentUser, fromGlobalId, RequestContext, Viewer } from '@app/core';
import { UserEntity, UsersLoader, UserType } from '@app/identity';
import { Args, Context, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { ReplyToCaseInput } from '../dto/reply-to-case.input';
import { CaseMessageEntity } from './case-message.entity';
import { CaseMessageType } from './case-message.type';
import { CasesService } from './cases.service';

@Resolver(() => CaseMessageType)
export class CaseMessagesResolver {
  constructor(
    private readonly cases: CasesService,
    private readonly users: UsersLoader,
  ) {}

  @Mutation(() => CaseMessageType)
  @Authenticated()
  replyToCase(
    @CurrentUser() viewer: Viewer,
    @Args('input') input: ReplyToCaseInput,
  ): Promise<CaseMessageEntity> {
    return this.cases.reply(viewer, {
      ...input,
      caseId: fromGlobalId(input.caseId, 'CareCase', 'caseId'),
    });
  }

  @ResolveField('author', () => UserType)
  author(
    @Parent() message: CaseMessageEntity,
    @Context() ctx: RequestContext,
  ): Promise<UserEntity | null> {
    return this.users.load(ctx.loaders, message.authorId);
  }
}
