import { APP_CONFIG, AppConfig } from '@app/core';
import { Inject, Injectable } from '@nestjs/common';

/**
 * What travels on a case's channel: the new message to show, read fresh by each API instance,
 * and whether it is an internal note, so that a member's subscription drops it unread. Never
 * a message's text.
 */
export interface CaseActivityMessage {
  messageId: string;
  internal: boolean;
}

/** What travels on the care inbox's channel: the case that entered, changed in or left it. */
export interface CareInboxChangedMessage {
  caseId: string;
}

/**
 * The Redis pub/sub channel names of care's live feeds. Channels are not keys, so Redis key
 * prefixes do not reach them: the deployment's prefix is written into the name.
 */
@Injectable()
export class CareLiveTopics {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  caseActivity(caseId: string): string {
    return `${this.config.redisPrefix}:case-activity:${caseId}`;
  }

  get careInbox(): string {
    return `${this.config.redisPrefix}:care-inbox`;
  }
}
