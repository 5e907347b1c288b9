/** Events the ideas lib records in the outbox; notifications fans them out. */
export const IDEA_EVENTS = {
  statusChanged: 'idea.status_changed',
  merged: 'idea.merged',
} as const;

export interface IdeaStatusChangedEvent {
  ideaId: string;
  title: string;
  status: string;
  note: string | null;
  actorId: string;
}

export interface IdeaMergedEvent {
  sourceId: string;
  targetId: string;
  sourceTitle: string;
  targetTitle: string;
  actorId: string;
}

declare module '@app/core' {
  interface DomainEventMap {
    [IDEA_EVENTS.statusChanged]: IdeaStatusChangedEvent;
    [IDEA_EVENTS.merged]: IdeaMergedEvent;
  }
}
