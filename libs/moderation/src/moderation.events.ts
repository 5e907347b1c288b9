/** Events moderation records in the outbox; notifications fans them out. */
export const MODERATION_EVENTS = {
  postCorrected: 'post.corrected',
  contentModerated: 'content.moderated',
  reviewChanged: 'review.changed',
} as const;

export interface PostCorrectedEvent {
  postId: string;
  correctionId: string;
  authorId: string;
  moderatorId: string;
  /** Who had accepted the post as the solution, if anyone: they relied on it. */
  acceptedById: string | null;
  unaccepted: boolean;
  label: string;
}

export interface ContentModeratedEvent {
  targetType: string;
  targetId: string;
  authorId: string;
  moderatorId: string;
  action: string;
  reason: string | null;
  label: string;
}

/** A review item entered, changed in or left the queue. */
export interface ReviewChangedEvent {
  reviewItemId: string;
}

declare module '@app/core' {
  interface DomainEventMap {
    [MODERATION_EVENTS.postCorrected]: PostCorrectedEvent;
    [MODERATION_EVENTS.contentModerated]: ContentModeratedEvent;
    [MODERATION_EVENTS.reviewChanged]: ReviewChangedEvent;
  }
}
