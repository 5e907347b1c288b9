import { ContentStatus, publishedDelta, Viewer } from '@app/core';
import { ModeratableHandler, ModeratableTarget } from '@app/moderation';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { BoardEntity } from '../boards/board.entity';
import { ThreadEntity } from '../threads/thread.entity';
import { ThreadsService } from '../threads/threads.service';

/** How moderation acts on questions: status with the board's count, and loading. */
@Injectable()
export class ThreadModerationHandler implements ModeratableHandler {
  readonly type = 'Thread';
  readonly correctable = false;

  constructor(private readonly threads: ThreadsService) {}

  async lock(manager: EntityManager, id: string): Promise<ModeratableTarget | null> {
    const thread = await manager.findOne(ThreadEntity, {
      where: { id },
      lock: { mode: 'pessimistic_write' },
    });
    if (!thread) return null;
    return {
      type: this.type,
      id: thread.id,
      authorId: thread.authorId,
      status: thread.contentStatus,
      label: `your question “${thread.title}”`,
    };
  }

  /**
   * Moves the question in or out of view, keeping the board's count to published questions. A
   * question held by automod and then approved is announced as if it had just been asked.
   */
  async setStatus(manager: EntityManager, id: string, status: ContentStatus): Promise<void> {
    const thread = await manager.findOneByOrFail(ThreadEntity, { id });
    if (thread.contentStatus === status) return;
    await manager.update(ThreadEntity, { id }, { contentStatus: status });
    if (
      thread.contentStatus === ContentStatus.PENDING_REVIEW &&
      status === ContentStatus.PUBLISHED
    ) {
      await this.threads.published(manager, thread);
      return;
    }
    const delta = publishedDelta(thread.contentStatus, status);
    if (delta !== 0) {
      await manager.increment(BoardEntity, { id: thread.boardId }, 'threadCount', delta);
    }
  }

  load(ctx: object, id: string, viewer: Viewer | null): Promise<object | null> {
    return this.threads.findVisible(ctx, id, viewer);
  }
}
