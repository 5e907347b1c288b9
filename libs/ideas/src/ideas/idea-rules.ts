import { badInput, canSee, ContentStatus, notFound, Viewer } from '@app/core';
import { CLOSED_IDEA_STATUSES } from '../ideas.enums';
import { IdeaEntity } from './idea.entity';

/** The idea if `viewer` may see it, else null. */
export function visibleIdea(idea: IdeaEntity | null, viewer: Viewer | null): IdeaEntity | null {
  return idea && canSee(idea.contentStatus, idea.authorId, viewer) ? idea : null;
}

/**
 * The idea members may act on (comment on it, vote for it): NOT_FOUND when the viewer cannot see
 * it, BAD_USER_INPUT on `ideaId` while it is not published.
 */
export function publishedIdea(idea: IdeaEntity | null, viewer: Viewer): IdeaEntity {
  const visible = visibleIdea(idea, viewer);
  if (!visible) throw notFound('Idea');
  if (visible.contentStatus !== ContentStatus.PUBLISHED) {
    throw badInput('ideaId', 'the idea is not published');
  }
  return visible;
}

/** The idea if it takes votes: published and not closed (merged, delivered or declined). */
export function votableIdea(idea: IdeaEntity | null, viewer: Viewer): IdeaEntity {
  const published = publishedIdea(idea, viewer);
  if (CLOSED_IDEA_STATUSES.includes(published.status)) {
    throw badInput('ideaId', `the idea is ${published.status.toLowerCase()} and takes no votes`);
  }
  return published;
}
