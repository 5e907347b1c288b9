/** Events the forum records in the outbox; consumers import these types from @app/forum. */
export const FORUM_EVENTS = {
  threadCreated: 'thread.created',
  postCreated: 'post.created',
  solutionAccepted: 'solution.accepted',
} as const;

export interface ThreadCreatedEvent {
  threadId: string;
  boardId: string;
  authorId: string;
}

export interface PostCreatedEvent {
  postId: string;
  threadId: string;
  authorId: string;
  threadTitle: string;
}

export interface SolutionAcceptedEvent {
  threadId: string;
  postId: string;
  answererId: string;
  acceptedById: string;
  threadTitle: string;
}
