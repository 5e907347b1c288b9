import { MODERATOR_ROLES } from '../auth/roles';
import { hasRole, Viewer } from '../auth/viewer';
import { ContentStatus } from './content-status';

/**
 * Who sees a piece of content: everyone sees PUBLISHED; authors also see their own pending or
 * hidden content (never their deleted); moderators see everything.
 */
export function canSee(status: ContentStatus, authorId: string, viewer: Viewer | null): boolean {
  if (status === ContentStatus.PUBLISHED) return true;
  if (!viewer) return false;
  if (hasRole(viewer, MODERATOR_ROLES)) return true;
  return viewer.id === authorId && status !== ContentStatus.DELETED;
}

/**
 * The same rule as a SQL predicate over `alias`'s status and author columns, with its parameters
 * (named so they do not clash with the caller's).
 */
export function visibleSql(
  statusColumn: string,
  authorColumn: string,
  viewer: Viewer | null,
): { sql: string; params: Record<string, unknown> } {
  if (viewer && hasRole(viewer, MODERATOR_ROLES)) return { sql: 'TRUE', params: {} };
  if (!viewer) return { sql: `${statusColumn} = 'PUBLISHED'`, params: {} };
  return {
    sql: `(${statusColumn} = 'PUBLISHED' OR (${authorColumn} = :visibleViewerId AND ${statusColumn} <> 'DELETED'))`,
    params: { visibleViewerId: viewer.id },
  };
}
