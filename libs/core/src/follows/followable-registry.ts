import { Injectable } from '@nestjs/common';
import { badInput } from '../errors/app-errors';
import { fromGlobalIdOfTypes } from '../ids/global-id';
import { RequestLoaders } from '../loaders/request-loaders';
import { Viewer } from '../auth/viewer';

/** Content members can follow to hear of its news: threads, ideas. */
export interface Followable {
  /** Follows the content (NOT_FOUND if the viewer cannot see it); twice changes nothing. */
  follow(loaders: RequestLoaders, viewer: Viewer, id: string): Promise<void>;
  /** Stops following it; not following it already changes nothing. */
  unfollow(loaders: RequestLoaders, viewer: Viewer, id: string): Promise<void>;
}

/**
 * The followable content types, registered by the libs that own them, so that one pair of
 * subscribe/unsubscribe mutations serves them all without the API knowing any of them.
 */
@Injectable()
export class FollowableRegistry {
  private readonly followables = new Map<string, Followable>();

  register(type: string, followable: Followable): void {
    this.followables.set(type, followable);
  }

  /** Decodes a target's global ID (BAD_USER_INPUT naming `field` if it cannot be followed). */
  resolve(globalId: string, field: string): { followable: Followable; id: string } {
    const decoded = fromGlobalIdOfTypes(globalId, [...this.followables.keys()], field);
    const followable = this.followables.get(decoded.type);
    if (!followable) throw badInput(field, 'cannot be followed');
    return { followable, id: decoded.id };
  }
}
