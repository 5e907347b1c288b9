import { AccountStatus, Role } from './roles';
import { RequestLoaders } from '../loaders/request-loaders';
import { TokenSubject } from './token.service';

/** The signed-in member making a request, as the guard established it. */
export interface Viewer {
  id: string;
  handle: string;
  role: Role;
  /** The status in force now: a sanction whose `until` has passed reads as ACTIVE. */
  status: AccountStatus;
  /** The session the request's token belongs to (what signOut ends). */
  sessionId: string;
}

/**
 * Port through which the auth guard finds a token's member; provided by the identity lib. Null
 * when the member is unknown or the session is not theirs, ended or expired.
 */
export interface ViewerSource {
  findViewer(subject: TokenSubject): Promise<Viewer | null>;
}

export const VIEWER_SOURCE = Symbol('VIEWER_SOURCE');

/** What every GraphQL resolver finds in its context. */
export interface RequestContext {
  /** The bearer token sent with the request or with the WebSocket connection, if any. */
  token: string | null;
  /** The client address, for per-address limits on anonymous calls. */
  ip: string;
  /** Set by the auth guard once resolved; null for anonymous. */
  viewer?: Viewer | null;
  /** This request's DataLoaders, for the services that batch reads. */
  loaders: RequestLoaders;
}

export function hasRole(viewer: Viewer, roles: readonly Role[]): boolean {
  return viewer.role === Role.ADMIN || roles.includes(viewer.role);
}
