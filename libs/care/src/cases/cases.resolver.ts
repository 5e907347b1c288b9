import {
  Authenticated,
  Connection,
  CurrentUser,
  fromGlobalId,
  PageArgs,
  pageRequest,
  RequestContext,
  Role,
  Roles,
  Viewer,
} from '@app/core';
import {
  PostEntity,
  PostsService,
  PostType,
  ThreadEntity,
  ThreadsService,
  ThreadType,
} from '@app/forum';
import { UserEntity, UsersLoader, UserType } from '@app/identity';
import {
  Args,
  Context,
  ID,
  Info,
  Mutation,
  Parent,
  Query,
  ResolveField,
  Resolver,
} from '@nestjs/graphql';
import { GraphQLResolveInfo } from 'graphql';
import { CareInboxFilter } from '../dto/care-inbox-filter.input';
import { CaseMessagesArgs } from '../dto/case-messages.args';
import { EscalateThreadInput } from '../dto/escalate-thread.input';
import { OpenCaseInput } from '../dto/open-case.input';
import { ResolveCaseInput } from '../dto/resolve-case.input';
import { CareCaseEntity } from './care-case.entity';
import { CareCaseConnection, CareCaseType } from './care-case.type';
import { CaseMessageEntity } from './case-message.entity';
import { CaseMessageConnection } from './case-message.type';
import { CaseReadsService } from './case-reads.service';
import { slaBreached } from './case-rules';
import { CasesService } from './cases.service';

const caseId = (id: string, field = 'caseId'): string => fromGlobalId(id, 'CareCase', field);

@Resolver(() => CareCaseType)
export class CasesResolver {
  constructor(
    private readonly reads: CaseReadsService,
    private readonly cases: CasesService,
    private readonly users: UsersLoader,
    private readonly threads: ThreadsService,
    private readonly posts: PostsService,
  ) {}

  @Query(() => CareCaseType, { nullable: true })
  careCase(
    @Args('id', { type: () => ID }) id: string,
    @CurrentUser() viewer: Viewer | null,
    @Context() ctx: RequestContext,
  ): Promise<CareCaseEntity | null> {
    return this.reads.findVisible(ctx.loaders, caseId(id, 'id'), viewer);
  }

  @Query(() => CareCaseConnection, {
    description: "The viewer's own cases, latest activity first.",
  })
  @Authenticated()
  myCases(
    @CurrentUser() viewer: Viewer,
    @Args() paging: PageArgs,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Connection<CareCaseEntity>> {
    return this.reads.mine(viewer, pageRequest(paging, info));
  }

  @Query(() => CareCaseConnection, {
    description: 'Staff: by first-response due time, then priority.',
  })
  @Roles(Role.AGENT, Role.MODERATOR)
  careInbox(
    @CurrentUser() viewer: Viewer,
    // Typed without `| null`: the validation pipe reads the class from the parameter's type.
    @Args('filter', { type: () => CareInboxFilter, nullable: true }) filter: CareInboxFilter,
    @Args() paging: PageArgs,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Connection<CareCaseEntity>> {
    return this.reads.inbox(viewer, filter ?? {}, pageRequest(paging, info));
  }

  @Mutation(() => CareCaseType)
  @Authenticated()
  openCase(
    @CurrentUser() viewer: Viewer,
    @Args('input') input: OpenCaseInput,
  ): Promise<CareCaseEntity> {
    return this.cases.open(viewer, {
      ...input,
      threadId: input.threadId ? fromGlobalId(input.threadId, 'Thread', 'threadId') : null,
    });
  }

  @Mutation(() => CareCaseType)
  @Roles(Role.AGENT, Role.MODERATOR)
  escalateThread(
    @CurrentUser() viewer: Viewer,
    @Args('input') input: EscalateThreadInput,
  ): Promise<CareCaseEntity> {
    return this.cases.escalate(viewer, {
      ...input,
      threadId: fromGlobalId(input.threadId, 'Thread', 'threadId'),
    });
  }

  @Mutation(() => CareCaseType, { description: 'Without agentId: the viewer takes it.' })
  @Roles(Role.AGENT, Role.MODERATOR)
  assignCase(
    @CurrentUser() viewer: Viewer,
    @Args('caseId', { type: () => ID }) id: string,
    @Args('agentId', { type: () => ID, nullable: true }) agentId: string | null,
  ): Promise<CareCaseEntity> {
    return this.cases.assign(
      viewer,
      caseId(id),
      agentId ? fromGlobalId(agentId, 'User', 'agentId') : null,
    );
  }

  @Mutation(() => CareCaseType)
  @Roles(Role.AGENT, Role.MODERATOR)
  resolveCase(
    @CurrentUser() viewer: Viewer,
    @Args('input') input: ResolveCaseInput,
  ): Promise<CareCaseEntity> {
    return this.cases.resolve(viewer, { ...input, caseId: caseId(input.caseId) });
  }

  @Mutation(() => CareCaseType)
  @Authenticated()
  reopenCase(
    @CurrentUser() viewer: Viewer,
    @Args('caseId', { type: () => ID }) id: string,
    @Args('body') body: string,
  ): Promise<CareCaseEntity> {
    return this.cases.reopen(viewer, caseId(id), body);
  }

  @ResolveField('member', () => UserType)
  member(
    @Parent() careCase: CareCaseEntity,
    @Context() ctx: RequestContext,
  ): Promise<UserEntity | null> {
    return this.users.load(ctx.loaders, careCase.memberId);
  }

  @ResolveField('assignee', () => UserType, { nullable: true })
  assignee(
    @Parent() careCase: CareCaseEntity,
    @Context() ctx: RequestContext,
  ): Promise<UserEntity | null> | null {
    return careCase.assigneeId ? this.users.load(ctx.loaders, careCase.assigneeId) : null;
  }

  @ResolveField('thread', () => ThreadType, {
    nullable: true,
    description: 'The public thread it came from, if any.',
  })
  thread(
    @Parent() careCase: CareCaseEntity,
    @CurrentUser() viewer: Viewer | null,
    @Context() ctx: RequestContext,
  ): Promise<ThreadEntity | null> | null {
    return careCase.threadId
      ? this.threads.findVisible(ctx.loaders, careCase.threadId, viewer)
      : null;
  }

  @ResolveField('publicAnswer', () => PostType, {
    nullable: true,
    description:
      'The answer an agent posted back on the thread when resolving, for every later reader.',
  })
  publicAnswer(
    @Parent() careCase: CareCaseEntity,
    @CurrentUser() viewer: Viewer | null,
    @Context() ctx: RequestContext,
  ): Promise<PostEntity | null> | null {
    return careCase.publicAnswerId
      ? this.posts.findVisible(ctx.loaders, careCase.publicAnswerId, viewer)
      : null;
  }

  @ResolveField('slaBreached', () => Boolean, {
    description: 'No agent answered by firstResponseDueAt.',
  })
  slaBreached(@Parent() careCase: CareCaseEntity): boolean {
    return slaBreached(careCase, new Date());
  }

  @ResolveField('messages', () => CaseMessageConnection, {
    description: 'Oldest first. The member never sees internal notes.',
  })
  messages(
    @Parent() careCase: CareCaseEntity,
    @CurrentUser() viewer: Viewer | null,
    @Args() paging: CaseMessagesArgs,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Connection<CaseMessageEntity>> {
    return this.reads.messagesOf(careCase, viewer, pageRequest(paging, info));
  }
}
