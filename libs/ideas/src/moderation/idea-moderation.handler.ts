import { ContentStatus, publishedDelta, RequestLoaders, Tx, Viewer } from '@app/core';
import { BoardsService } from '@app/forum';
import { ModeratableContent } from '@app/moderation';
import { Injectable } from '@nestjs/common';
import { IdeaEntity } from '../ideas/idea.entity';
import { IdeasRepository } from '../ideas/ideas.repository';
import { IdeasService } from '../ideas/ideas.service';

/** How moderation acts on ideas: their visibility with the board's count. */
@Injectable()
export class IdeaModerationHandler extends ModeratableContent<IdeaEntity> {
  readonly type = 'Idea';

  constructor(
    private readonly ideas: IdeasService,
    private readonly ideaRows: IdeasRepository,
    private readonly boards: BoardsService,
  ) {
    super();
  }

  protected lockRow(id: string, tx: Tx): Promise<IdeaEntity | null> {
    return this.ideaRows.lockById(id, tx);
  }

  protected writeStatus(id: string, status: ContentStatus, tx: Tx): Promise<void> {
    return this.ideaRows.setContentStatus(id, status, tx);
  }

  protected statusOf(idea: IdeaEntity): ContentStatus {
    return idea.contentStatus;
  }

  protected label(idea: IdeaEntity): string {
    return `your idea “${idea.title}”`;
  }

  protected override async statusChanged(
    idea: IdeaEntity,
    to: ContentStatus,
    tx: Tx,
  ): Promise<void> {
    await this.boards.countPublished(tx, idea.boardId, publishedDelta(idea.contentStatus, to));
  }

  load(id: string, viewer: Viewer | null, loaders: RequestLoaders): Promise<object | null> {
    return this.ideas.findVisible(loaders, id, viewer);
  }
}
