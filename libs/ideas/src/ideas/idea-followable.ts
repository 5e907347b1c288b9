import { Followable, RequestLoaders, Viewer } from '@app/core';
import { Injectable } from '@nestjs/common';
import { IdeasService } from './ideas.service';

/** Following an idea to hear of its status changes (voters, authors and commenters do too). */
@Injectable()
export class IdeaFollowable implements Followable {
  constructor(private readonly ideas: IdeasService) {}

  // A follow reads one idea, so it needs none of the request's loaders.
  follow(_loaders: RequestLoaders, viewer: Viewer, id: string): Promise<void> {
    return this.ideas.follow(viewer, id);
  }

  unfollow(_loaders: RequestLoaders, viewer: Viewer, id: string): Promise<void> {
    return this.ideas.unfollow(viewer, id);
  }
}
