import { ContentStatus, Viewer } from '@app/core';
import { ModeratableHandler, ModeratableTarget } from '@app/moderation';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CommentEntity } from '../comments/comment.entity';
import { CommentsService } from '../comments/comments.service';
import { IdeaEntity } from '../ideas/idea.entity';

/** How moderation acts on comments on ideas: their visibility, and loading them. */
@Injectable()
export class CommentModerationHandler implements ModeratableHandler {
  readonly type = 'Comment';
  // Comments hold opinions on ideas rather than advice; they are hidden, not corrected.
  readonly correctable = false;

  constructor(private readonly comments: CommentsService) {}

  async lock(manager: EntityManager, id: string): Promise<ModeratableTarget | null> {
    const comment = await manager.findOne(CommentEntity, {
      where: { id },
      lock: { mode: 'pessimistic_write' },
    });
    if (!comment) return null;
    const idea = await manager.findOneByOrFail(IdeaEntity, { id: comment.ideaId });
    return {
      type: this.type,
      id: comment.id,
      authorId: comment.authorId,
      status: comment.status,
      label: `your comment on “${idea.title}”`,
    };
  }

  async setStatus(manager: EntityManager, id: string, status: ContentStatus): Promise<void> {
    await manager.update(CommentEntity, { id }, { status: status });
  }

  load(ctx: object, id: string, viewer: Viewer | null): Promise<object | null> {
    return this.comments.findVisible(ctx, id, viewer);
  }
}
