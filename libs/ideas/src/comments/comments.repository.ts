import {
  cappedCount,
  ContentStatus,
  encodeCursor,
  keysetPage,
  PageRequest,
  SAMPLE,
  SAMPLE_MEMBER,
  SAMPLE_PAGE,
  SqlSnapshot,
  Tx,
  Viewer,
  visibleSql,
} from '@app/core';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository, SelectQueryBuilder } from 'typeorm';
import { CommentEntity } from './comment.entity';

/** A new comment's row; the database fills in its creation time. */
export type NewComment = Omit<CommentEntity, 'createdAt'>;

/** The statements on comments on ideas: writing them, reading them, pages oldest first. */
@Injectable()
export class CommentsRepository {
  constructor(
    @InjectRepository(CommentEntity) private readonly comments: Repository<CommentEntity>,
  ) {}

  async insert(comment: NewComment, tx: Tx): Promise<void> {
    await tx.getRepository(CommentEntity).insert(comment);
  }

  findById(id: string): Promise<CommentEntity | null> {
    return this.comments.findOneBy({ id });
  }

  /** The comments of these ids that exist, in no particular order (the loaders' batch read). */
  @SqlSnapshot({ params: [[SAMPLE.UUID, SAMPLE.UUID_2]] })
  findByIds(ids: readonly string[]): Promise<CommentEntity[]> {
    return this.comments.findBy({ id: In([...ids]) });
  }

  /**
   * One keyset page of the idea's comments that `viewer` may see, oldest first (limit + 1 rows,
   * so the caller can tell if more follow), either way.
   */
  @SqlSnapshot({ name: 'first page', params: [SAMPLE.UUID, null, SAMPLE_PAGE.FIRST] })
  @SqlSnapshot({
    name: 'after a cursor, as a member',
    params: [SAMPLE.UUID, SAMPLE_MEMBER, SAMPLE_PAGE.after(SAMPLE.DATE.getTime())],
  })
  page(ideaId: string, viewer: Viewer | null, page: PageRequest): Promise<CommentEntity[]> {
    return keysetPage(this.visible(ideaId, viewer), page, {
      tail: {
        columns: [
          { sql: 'c.created_at', part: 'timestamp' },
          { sql: 'c.id', part: 'uuid' },
        ],
        order: 'ASC',
      },
    }).getMany();
  }

  /** How many of the idea's comments `viewer` may see, for totalCount. */
  @SqlSnapshot({ params: [SAMPLE.UUID, null] })
  count(ideaId: string, viewer: Viewer | null): Promise<number> {
    return cappedCount(this.visible(ideaId, viewer));
  }

  cursorOf(comment: CommentEntity): string {
    return encodeCursor([comment.createdAt.getTime(), comment.id]);
  }

  /** The comment with its row locked until `tx` ends, or null. */
  lockById(id: string, tx: Tx): Promise<CommentEntity | null> {
    return tx.getRepository(CommentEntity).findOne({
      where: { id },
      lock: { mode: 'pessimistic_write' },
    });
  }

  /** Sets the comment's moderation status (published, held, hidden, deleted). */
  async setStatus(id: string, status: ContentStatus, tx: Tx): Promise<void> {
    await tx.getRepository(CommentEntity).update({ id }, { status });
  }

  private visible(ideaId: string, viewer: Viewer | null): SelectQueryBuilder<CommentEntity> {
    const visible = visibleSql('c.status', 'c.author_id', viewer);
    return this.comments
      .createQueryBuilder('c')
      .where('c.idea_id = :ideaId', { ideaId })
      .andWhere(visible.sql, visible.params);
  }
}
