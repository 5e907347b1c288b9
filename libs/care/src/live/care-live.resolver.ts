import {
  CurrentUser,
  fromGlobalId,
  notFound,
  PUB_SUB,
  RequestContext,
  RequestLoaders,
  Roles,
  STAFF_ROLES,
  Viewer,
} from '@app/core';
import { Inject } from '@nestjs/common';
import { Args, Context, ID, Resolver, Subscription } from '@nestjs/graphql';
import { RedisPubSub } from 'graphql-redis-subscriptions';
import { CareCaseEntity } from '../cases/care-case.entity';
import { CareCaseType } from '../cases/care-case.type';
import { CaseMessageEntity } from '../cases/case-message.entity';
import { CaseMessageType } from '../cases/case-message.type';
import { CaseReadsService } from '../cases/case-reads.service';
import { isStaff } from '../cases/case-rules';
import { CareInboxChangedMessage, CaseActivityMessage, CareLiveTopics } from './care-live-topics';

/**
 * Care's live feeds over graphql-ws. Messages arrive through Redis from the worker and name
 * what changed; each is read through the cases' readers with the subscriber as viewer, so a
 * case and its internal notes reach exactly whom its readers show them to.
 */
@Resolver()
export class CareLiveResolver {
  /**
   * Loaders shared by this instance's subscribers to one message: the rows are read once per
   * message, whatever the number of subscribers, while the readers' visibility rules still run
   * for each viewer (the loaders hold rows, never a viewer's verdict).
   */
  private readonly shared = new WeakMap<object, RequestLoaders>();

  constructor(
    @Inject(PUB_SUB) private readonly pubSub: RedisPubSub,
    private readonly topics: CareLiveTopics,
    private readonly reads: CaseReadsService,
  ) {}

  @Subscription(() => CaseMessageType, {
    description: 'New messages of one case: its member (never internal notes) and staff.',
    filter(
      this: CareLiveResolver,
      message: CaseActivityMessage,
      _args: unknown,
      ctx: RequestContext,
    ) {
      return this.messageFor(message, ctx.viewer ?? null).then(Boolean);
    },
    resolve(this: CareLiveResolver, message: CaseActivityMessage, _args, ctx: RequestContext) {
      // One context serves every event of the subscription: each event's fields read afresh.
      ctx.loaders.clear();
      return this.messageFor(message, ctx.viewer ?? null);
    },
  })
  async caseActivity(
    @Args('caseId', { type: () => ID }) caseGlobalId: string,
    @CurrentUser() viewer: Viewer | null,
    @Context() ctx: RequestContext,
  ): Promise<AsyncIterableIterator<CaseActivityMessage>> {
    const caseId = fromGlobalId(caseGlobalId, 'CareCase', 'caseId');
    // Anonymous, another member or an unknown case: one refusal, so a case is never confirmed.
    if (!(await this.reads.findVisible(ctx.loaders, caseId, viewer))) throw notFound('CareCase');
    return this.pubSub.asyncIterableIterator<CaseActivityMessage>(this.topics.caseActivity(caseId));
  }

  @Subscription(() => CareCaseType, {
    description: 'Staff: cases entering, changing in or leaving the inbox.',
    filter(
      this: CareLiveResolver,
      message: CareInboxChangedMessage,
      _args: unknown,
      ctx: RequestContext,
    ) {
      return this.caseFor(message, ctx.viewer ?? null).then(Boolean);
    },
    resolve(this: CareLiveResolver, message: CareInboxChangedMessage, _args, ctx: RequestContext) {
      ctx.loaders.clear();
      return this.caseFor(message, ctx.viewer ?? null);
    },
  })
  @Roles(...STAFF_ROLES)
  careInboxChanged(): AsyncIterableIterator<CareInboxChangedMessage> {
    return this.pubSub.asyncIterableIterator<CareInboxChangedMessage>(this.topics.careInbox);
  }

  /** The new message as this subscriber may see it, or null: then it is not sent to them. */
  async messageFor(
    message: CaseActivityMessage,
    viewer: Viewer | null,
  ): Promise<CaseMessageEntity | null> {
    // A member's subscription drops an internal note before anything is read.
    if (message.internal && !isStaff(viewer)) return null;
    return this.reads.findVisibleMessage(this.loadersOf(message), message.messageId, viewer);
  }

  /** The changed case as this subscriber may see it, or null: then it is not sent to them. */
  caseFor(message: CareInboxChangedMessage, viewer: Viewer | null): Promise<CareCaseEntity | null> {
    return this.reads.findVisible(this.loadersOf(message), message.caseId, viewer);
  }

  private loadersOf(message: object): RequestLoaders {
    let loaders = this.shared.get(message);
    if (!loaders) {
      loaders = new RequestLoaders();
      this.shared.set(message, loaders);
    }
    return loaders;
  }
}
