import { RequestLoaders, Viewer } from '@app/core';
import { Injectable } from '@nestjs/common';
import { ModeratableRegistry } from './moderatable.registry';

/** Loads a moderation target as the viewer may see it, through its lib's handler. */
@Injectable()
export class ModeratableLoader {
  constructor(private readonly registry: ModeratableRegistry) {}

  /** The target of an item or a log entry, or null when its type or id is unknown or not visible. */
  async visible(
    type: string | null,
    id: string | null,
    viewer: Viewer | null,
    loaders: RequestLoaders,
  ): Promise<object | null> {
    const handler = type ? this.registry.get(type) : undefined;
    return handler && id ? handler.load(id, viewer, loaders) : null;
  }
}
