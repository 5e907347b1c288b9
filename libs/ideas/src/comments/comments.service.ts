import {
  badInput,
  byKeys,
  canSee,
  clientMutationKey,
  ClientMutations,
  Connection,
  ContentStatus,
  encodeCursor,
  fromGlobalId,
  notFound,
  pageCursor,
  PageRequest,
  renderMarkdown,
  requestLoader,
  seek,
  toConnection,
  Viewer,
  visibleSql,
} from '@app/core';
import { ContentScreening } from '@app/moderation';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, In } from 'typeorm';
import { IdeaEntity } from '../ideas/idea.entity';
import { IdeasService } from '../ideas/ideas.service';
import { CommentEntity } from './comment.entity';

export const MAX_COMMENT_LENGTH = 10_000;

/** Comments on ideas: writing them (the commenter follows the idea) and listing them. */
@Injectable()
export class CommentsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly screening: ContentScreening,
    private readonly ideas: IdeasService,
    private readonly clientMutations: ClientMutations,
  ) {}

  async comment(
    viewer: Viewer,
    ideaGlobalId: string,
    body: string,
    clientMutationId: string | null | undefined,
  ): Promise<CommentEntity> {
    const ideaId = fromGlobalId(ideaGlobalId, 'Idea', 'ideaId');
    if (!body.trim() || body.length > MAX_COMMENT_LENGTH) {
      throw badInput('body', `must be 1 to ${MAX_COMMENT_LENGTH} characters`);
    }
    const mutation = {
      memberId: viewer.id,
      operation: 'commentOnIdea',
      key: clientMutationKey(clientMutationId),
    };
    const commentId = await this.dataSource.transaction((manager) =>
      this.clientMutations.once(manager, mutation, randomUUID(), async (id) => {
        const idea = await manager.findOneBy(IdeaEntity, { id: ideaId });
        if (!idea || !canSee(idea.contentStatus, idea.authorId, viewer)) throw notFound('Idea');
        if (idea.contentStatus !== ContentStatus.PUBLISHED) {
          throw badInput('ideaId', 'the idea is not published');
        }
        const verdict = await this.screening.screen(manager, {
          type: 'Comment',
          id,
          authorId: viewer.id,
          text: body,
        });
        await manager.insert(CommentEntity, {
          id,
          ideaId,
          authorId: viewer.id,
          body,
          bodyHtml: renderMarkdown(body),
          status: verdict.held ? ContentStatus.PENDING_REVIEW : ContentStatus.PUBLISHED,
        });
        await manager.query(
          `INSERT INTO idea_subscriptions (idea_id, user_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`,
          [ideaId, viewer.id],
        );
      }),
    );
    return this.dataSource.manager.findOneByOrFail(CommentEntity, { id: commentId });
  }

  /** A keyset page of an idea's comments, oldest first, as the viewer may see them. */
  async list(
    ideaId: string,
    viewer: Viewer | null,
    page: PageRequest,
  ): Promise<Connection<CommentEntity>> {
    const query = () => {
      const visible = visibleSql('c.status', 'c.author_id', viewer);
      return this.dataSource.manager
        .createQueryBuilder(CommentEntity, 'c')
        .where('c.idea_id = :ideaId', { ideaId })
        .andWhere(visible.sql, visible.params);
    };
    const qb = query();
    const { order, past } = seek(page, 'ASC');
    const cursor = pageCursor(page, ['timestamp', 'uuid']);
    if (cursor) {
      const [at, id] = cursor;
      qb.andWhere(`(c.created_at, c.id) ${past} (:at, :id)`, { at: new Date(at), id });
    }
    const rows = await qb
      .orderBy('c.created_at', order)
      .addOrderBy('c.id', order)
      .limit(page.limit + 1)
      .getMany();
    return toConnection(rows, page, {
      cursorOf: (row) => encodeCursor([row.createdAt.getTime(), row.id]),
      nodeOf: (row) => row,
      totalCount: () => query().getCount(),
    });
  }

  /** A comment as the viewer may see it (and its idea too), or null. */
  async findVisible(ctx: object, id: string, viewer: Viewer | null): Promise<CommentEntity | null> {
    const comment = await requestLoader<string, CommentEntity | null>(
      ctx,
      'comments.byId',
      async (ids) => {
        const rows = await this.dataSource.manager.findBy(CommentEntity, { id: In([...ids]) });
        return byKeys(ids, rows, (row) => row.id, null);
      },
    ).load(id);
    if (!comment || !canSee(comment.status, comment.authorId, viewer)) return null;
    return (await this.ideas.findVisible(ctx, comment.ideaId, viewer)) ? comment : null;
  }
}
