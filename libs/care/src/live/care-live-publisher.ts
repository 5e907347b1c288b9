import { PUB_SUB } from '@app/core';
import { Inject, Injectable } from '@nestjs/common';
import { RedisPubSub } from 'graphql-redis-subscriptions';
import { CareInboxChangedMessage, CaseActivityMessage, CareLiveTopics } from './care-live-topics';

/** Publishes care's live feeds from the worker; every API instance relays them to its sockets. */
@Injectable()
export class CareLivePublisher {
  constructor(
    @Inject(PUB_SUB) private readonly pubSub: RedisPubSub,
    private readonly topics: CareLiveTopics,
  ) {}

  async caseActivity(caseId: string, messageId: string, internal: boolean): Promise<void> {
    const message: CaseActivityMessage = { messageId, internal };
    await this.pubSub.publish(this.topics.caseActivity(caseId), message);
  }

  async inboxChanged(caseId: string): Promise<void> {
    const message: CareInboxChangedMessage = { caseId };
    await this.pubSub.publish(this.topics.careInbox, message);
  }
}
