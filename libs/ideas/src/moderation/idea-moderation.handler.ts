import { ContentStatus, publishedDelta, Viewer } from '@app/core';
import { BoardsService } from '@app/forum';
import { ModeratableHandler, ModeratableTarget } from '@app/moderation';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { IdeaEntity } from '../ideas/idea.entity';
import { IdeasService } from '../ideas/ideas.service';

/** How moderation acts on ideas: their visibility with the board's count, and loading them. */
@Injectable()
export class IdeaModerationHandler implements ModeratableHandler {
  readonly type = 'Idea';
  readonly correctable = false;

  constructor(
    private readonly ideas: IdeasService,
    private readonly boards: BoardsService,
  ) {}

  async lock(manager: EntityManager, id: string): Promise<ModeratableTarget | null> {
    const idea = await manager.findOne(IdeaEntity, {
      where: { id },
      lock: { mode: 'pessimistic_write' },
    });
    if (!idea) return null;
    return {
      type: this.type,
      id: idea.id,
      authorId: idea.authorId,
      status: idea.contentStatus,
      label: `your idea “${idea.title}”`,
    };
  }

  async setStatus(manager: EntityManager, id: string, status: ContentStatus): Promise<void> {
    const idea = await manager.findOneByOrFail(IdeaEntity, { id });
    if (idea.contentStatus === status) return;
    await manager.update(IdeaEntity, { id }, { contentStatus: status });
    await this.boards.countPublished(
      manager,
      idea.boardId,
      publishedDelta(idea.contentStatus, status),
    );
  }

  load(ctx: object, id: string, viewer: Viewer | null): Promise<object | null> {
    return this.ideas.findVisible(ctx, id, viewer);
  }
}
