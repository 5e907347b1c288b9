import { registerEnumType } from '@nestjs/graphql';

export enum FlagReason {
  INCORRECT_ADVICE = 'INCORRECT_ADVICE',
  SPAM = 'SPAM',
  OFFENSIVE = 'OFFENSIVE',
  OFF_TOPIC = 'OFF_TOPIC',
  OTHER = 'OTHER',
}

export enum ReviewItemKind {
  FLAGGED = 'FLAGGED',
  AUTOMOD = 'AUTOMOD',
}

export enum ReviewItemStatus {
  PENDING = 'PENDING',
  CLAIMED = 'CLAIMED',
  RESOLVED = 'RESOLVED',
}

export enum ReviewAction {
  APPROVE = 'APPROVE',
  DISMISS = 'DISMISS',
  CORRECT = 'CORRECT',
  HIDE = 'HIDE',
  DELETE = 'DELETE',
}

/** The statuses moderation sets on content (the content libs' ContentStatus values). */
export type ModeratedStatus = 'PUBLISHED' | 'PENDING_REVIEW' | 'HIDDEN' | 'DELETED';

registerEnumType(FlagReason, { name: 'FlagReason' });
registerEnumType(ReviewItemKind, { name: 'ReviewItemKind' });
registerEnumType(ReviewItemStatus, { name: 'ReviewItemStatus' });
registerEnumType(ReviewAction, { name: 'ReviewAction' });
