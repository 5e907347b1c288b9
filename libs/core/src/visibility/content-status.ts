import { registerEnumType } from '@nestjs/graphql';

/** Where a piece of members' content stands: in view, held for review, hidden, or deleted. */
export enum ContentStatus {
  PUBLISHED = 'PUBLISHED',
  PENDING_REVIEW = 'PENDING_REVIEW',
  HIDDEN = 'HIDDEN',
  DELETED = 'DELETED',
}

registerEnumType(ContentStatus, { name: 'ContentStatus' });

/**
 * How a move from `from` to `to` changes the counters of published content: +1 when it comes
 * into view, -1 when it leaves it, 0 otherwise.
 */
export function publishedDelta(from: ContentStatus, to: ContentStatus): -1 | 0 | 1 {
  return ((to === ContentStatus.PUBLISHED ? 1 : 0) - (from === ContentStatus.PUBLISHED ? 1 : 0)) as
    | -1
    | 0
    | 1;
}
