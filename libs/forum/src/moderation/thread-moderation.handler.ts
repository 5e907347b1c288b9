import { ContentStatus, publishedDelta, RequestLoaders, Tx, Viewer } from '@app/core';
import { ModeratableContent } from '@app/moderation';
import { Injectable } from '@nestjs/common';
import { BoardsService } from '../boards/boards.service';
import { ThreadEntity } from '../threads/thread.entity';
import { threadChanged } from '../threads/thread-changed';
import { ThreadsRepository } from '../threads/threads.repository';
import { ThreadsService } from '../threads/threads.service';

/** How moderation acts on questions: the board's count of published questions. */
@Injectable()
export class ThreadModerationHandler extends ModeratableContent<ThreadEntity> {
  readonly type = 'Thread';

  constructor(
    private readonly threads: ThreadsService,
    private readonly threadRows: ThreadsRepository,
    private readonly boards: BoardsService,
  ) {
    super();
  }

  protected lockRow(id: string, tx: Tx): Promise<ThreadEntity | null> {
    return this.threadRows.lock(id, tx);
  }

  protected writeStatus(id: string, status: ContentStatus, tx: Tx): Promise<void> {
    return this.threadRows.setContentStatus(id, status, tx);
  }

  protected statusOf(thread: ThreadEntity): ContentStatus {
    return thread.contentStatus;
  }

  protected label(thread: ThreadEntity): string {
    return `your question “${thread.title}”`;
  }

  /**
   * Keeps the board's count to published questions. A question held by automod and then
   * approved is announced as if it had just been asked.
   */
  protected override async statusChanged(
    thread: ThreadEntity,
    to: ContentStatus,
    tx: Tx,
  ): Promise<void> {
    threadChanged(tx, thread.id);
    if (thread.contentStatus === ContentStatus.PENDING_REVIEW && to === ContentStatus.PUBLISHED) {
      await this.threads.published(tx, thread);
      return;
    }
    await this.boards.countPublished(tx, thread.boardId, publishedDelta(thread.contentStatus, to));
  }

  load(id: string, viewer: Viewer | null, loaders: RequestLoaders): Promise<object | null> {
    return this.threads.findVisible(loaders, id, viewer);
  }
}
