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

registerEnumType(FlagReason, { name: 'FlagReason' });
registerEnumType(ReviewItemKind, { name: 'ReviewItemKind' });
registerEnumType(ReviewItemStatus, { name: 'ReviewItemStatus' });
registerEnumType(ReviewAction, { name: 'ReviewAction' });
