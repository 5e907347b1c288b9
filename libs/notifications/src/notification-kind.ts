import { registerEnumType } from '@nestjs/graphql';

export enum NotificationKind {
  NEW_ANSWER = 'NEW_ANSWER',
  SOLUTION_ACCEPTED = 'SOLUTION_ACCEPTED',
  KUDO_RECEIVED = 'KUDO_RECEIVED',
  MENTION = 'MENTION',
  POST_CORRECTED = 'POST_CORRECTED',
  CONTENT_MODERATED = 'CONTENT_MODERATED',
  IDEA_STATUS_CHANGED = 'IDEA_STATUS_CHANGED',
  IDEA_MERGED = 'IDEA_MERGED',
}

registerEnumType(NotificationKind, { name: 'NotificationKind' });
