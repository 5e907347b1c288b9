import { ContentStatus, RequestLoaders, Tx, Viewer } from '@app/core';
import { ModeratableContent } from '@app/moderation';
import { Injectable } from '@nestjs/common';
import { CommentEntity } from '../comments/comment.entity';
import { CommentsRepository } from '../comments/comments.repository';
import { CommentsService } from '../comments/comments.service';
import { IdeasRepository } from '../ideas/ideas.repository';

/**
 * How moderation acts on comments on ideas: only their visibility. Comments hold opinions on
 * ideas rather than advice, so they are hidden, never corrected.
 */
@Injectable()
export class CommentModerationHandler extends ModeratableContent<CommentEntity> {
  readonly type = 'Comment';

  constructor(
    private readonly comments: CommentsService,
    private readonly commentRows: CommentsRepository,
    private readonly ideaRows: IdeasRepository,
  ) {
    super();
  }

  protected lockRow(id: string, tx: Tx): Promise<CommentEntity | null> {
    return this.commentRows.lockById(id, tx);
  }

  protected writeStatus(id: string, status: ContentStatus, tx: Tx): Promise<void> {
    return this.commentRows.setStatus(id, status, tx);
  }

  protected statusOf(comment: CommentEntity): ContentStatus {
    return comment.status;
  }

  protected async label(comment: CommentEntity, tx: Tx): Promise<string> {
    const idea = await this.ideaRows.findById(comment.ideaId, tx);
    return `your comment on “${idea?.title ?? ''}”`;
  }

  load(id: string, viewer: Viewer | null, loaders: RequestLoaders): Promise<object | null> {
    return this.comments.findVisible(loaders, id, viewer);
  }
}
