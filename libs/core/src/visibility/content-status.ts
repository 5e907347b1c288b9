import { registerEnumType } from '@nestjs/graphql';

/** Where a piece of members' content stands: in view, held for review, hidden, or deleted. */
export enum ContentStatus {
  PUBLISHED = 'PUBLISHED',
  PENDING_REVIEW = 'PENDING_REVIEW',
  HIDDEN = 'HIDDEN',
  DELETED = 'DELETED',
}

registerEnumType(ContentStatus, { name: 'ContentStatus' });
