/** Events the forum records in the outbox; consumers import these types from @app/forum. */
export const FORUM_EVENTS = {
  threadCreated: 'thread.created',
  postCreated: 'post.created',
  solutionAccepted: 'solution.accepted',
  kudoGiven: 'kudo.given',
  postEdited: 'post.edited',
} as const;

export interface ThreadCreatedEvent {
  threadId: string;
  boardId: string;
  authorId: string;
  threadTitle: string;
  /** Handles written as @handle in the question (lower case, at most 20, unresolved). */
  mentionedHandles: string[];
}

export interface PostCreatedEvent {
  postId: string;
  threadId: string;
  authorId: string;
  threadTitle: string;
  /** Handles written as @handle in the answer (lower case, at most 20, unresolved). */
  mentionedHandles: string[];
}

export interface SolutionAcceptedEvent {
  threadId: string;
  postId: string;
  answererId: string;
  acceptedById: string;
  threadTitle: string;
}

export interface KudoGivenEvent {
  postId: string;
  threadId: string;
  giverId: string;
  authorId: string;
  threadTitle: string;
}

export interface PostEditedEvent {
  postId: string;
  threadId: string;
  editorId: string;
}

declare module '@app/core' {
  interface DomainEventMap {
    [FORUM_EVENTS.threadCreated]: ThreadCreatedEvent;
    [FORUM_EVENTS.postCreated]: PostCreatedEvent;
    [FORUM_EVENTS.solutionAccepted]: SolutionAcceptedEvent;
    [FORUM_EVENTS.kudoGiven]: KudoGivenEvent;
    [FORUM_EVENTS.postEdited]: PostEditedEvent;
  }
}
