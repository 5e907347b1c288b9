import { Viewer } from '@app/core';
import { Injectable } from '@nestjs/common';
import { ModeratableRegistry } from './moderatable.registry';

/** Loads a moderation target as the viewer may see it, through its lib's handler. */
@Injectable()
export class ModeratableLoader {
  constructor(private readonly registry: ModeratableRegistry) {}

  async load(
    ctx: object,
    type: string | null,
    id: string | null,
    viewer: Viewer | null,
  ): Promise<object | null> {
    const handler = type ? this.registry.get(type) : undefined;
    return handler && id ? handler.load(ctx, id, viewer) : null;
  }
}
