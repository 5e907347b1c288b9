import {
  badInput,
  byKeys,
  canSee,
  clientMutationKey,
  ClientMutations,
  Connection,
  ContentStatus,
  fromGlobalId,
  notFound,
  PageRequest,
  renderMarkdown,
  requestLoader,
  SUGGESTION_CANDIDATES,
  titleWordsQuerySql,
  toConnection,
  Viewer,
} from '@app/core';
import { BoardKind, BoardsService } from '@app/forum';
import { ContentScreening } from '@app/moderation';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, In } from 'typeorm';
import { IdeaFilter, IdeaQueryFilter } from '../dto/idea-filter.input';
import { SubmitIdeaInput } from '../dto/submit-idea.input';
import { CLOSED_IDEA_STATUSES, IdeaOrder, IdeaStatus } from '../ideas.enums';
import { IdeaEntity } from './idea.entity';
import { IdeasRepository } from './ideas.repository';

const MAX_SIMILAR = 20;
// Written out, not bound, so that the planner matches the partial trigram index's predicate.
const OPEN_IDEA_SQL = `i.content_status = 'PUBLISHED' AND i.status NOT IN (${CLOSED_IDEA_STATUSES.map(
  (status) => `'${status}'`,
).join(', ')})`;

/** Ideas: submitting them, reading them, listing them, and suggesting similar open ones. */
@Injectable()
export class IdeasService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: IdeasRepository,
    private readonly screening: ContentScreening,
    private readonly boards: BoardsService,
    private readonly clientMutations: ClientMutations,
  ) {}

  /**
   * Submits an idea on an IDEAS board. The author's own vote counts from the start, and the
   * author follows the idea. Automod may hold it for review.
   */
  async submit(viewer: Viewer, input: SubmitIdeaInput): Promise<IdeaEntity> {
    const boardId = fromGlobalId(input.boardId, 'Board', 'boardId');
    const title = input.title.trim();
    if (title.length < 8) throw badInput('title', 'must be 8 to 200 characters');
    if (!input.body.trim()) throw badInput('body', 'must not be blank');
    // Read before the transaction: it comes from the forum's own connection, and a transaction
    // waiting for a second connection could starve the pool under a burst of submissions.
    const kind = await this.boards.kindOf(boardId);
    if (!kind) throw notFound('Board');
    if (kind !== BoardKind.IDEAS) throw badInput('boardId', 'is not an ideas board');
    const mutation = {
      memberId: viewer.id,
      operation: 'submitIdea',
      key: clientMutationKey(input.clientMutationId),
    };
    const ideaId = await this.dataSource.transaction((manager) =>
      this.clientMutations.once(manager, mutation, randomUUID(), async (id) => {
        const verdict = await this.screening.screen(manager, {
          type: 'Idea',
          id,
          authorId: viewer.id,
          text: `${title}\n${input.body}`,
        });
        await manager.insert(IdeaEntity, {
          id,
          boardId,
          authorId: viewer.id,
          title,
          body: input.body,
          bodyHtml: renderMarkdown(input.body),
          tags: [...new Set(input.tags ?? [])],
          status: IdeaStatus.NEW,
          statusNote: null,
          contentStatus: verdict.held ? ContentStatus.PENDING_REVIEW : ContentStatus.PUBLISHED,
          voteCount: 1,
          trendingScore: 1,
          mergedInto: null,
        });
        if (!verdict.held) await this.boards.countPublished(manager, boardId, 1);
        await manager.query(`INSERT INTO idea_votes (idea_id, user_id) VALUES ($1, $2)`, [
          id,
          viewer.id,
        ]);
        await manager.query(`INSERT INTO idea_subscriptions (idea_id, user_id) VALUES ($1, $2)`, [
          id,
          viewer.id,
        ]);
      }),
    );
    return this.getById(ideaId);
  }

  /** A page of ideas matching the filter, in the chosen order. */
  async list(
    viewer: Viewer | null,
    filter: IdeaFilter | null | undefined,
    orderBy: IdeaOrder,
    page: PageRequest,
  ): Promise<Connection<IdeaEntity>> {
    const query = { ...decodeFilter(filter), orderBy, page, viewer };
    const rows = await this.repository.page(query);
    return toConnection(rows, page, {
      cursorOf: (idea) => this.repository.cursorOf(idea, orderBy),
      nodeOf: (idea) => idea,
      totalCount: () => this.repository.count(query),
    });
  }

  /**
   * Open, published ideas whose title shares a word (by stem) with the typed title or looks
   * like it (trigram similarity), closest first: members vote instead of filing a duplicate.
   * The body is only checked: half-typed, it would drown the title.
   */
  async similar(
    title: string,
    body: string | null | undefined,
    first: number | null,
  ): Promise<IdeaEntity[]> {
    const typed = title.trim();
    if (!typed || typed.length > 200) throw badInput('title', 'must be 1 to 200 characters');
    if (body && body.length > 20_000) throw badInput('body', 'must be at most 20000 characters');
    const limit = first ?? 5;
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_SIMILAR) {
      throw badInput('first', `must be from 1 to ${MAX_SIMILAR}`);
    }
    const rows: Array<{ id: string }> = await this.dataSource.query(
      `
      WITH typed AS (SELECT ${titleWordsQuerySql('$1')} AS query),
      nearest AS (
        SELECT i.id, i.title, i.search_vector, i.vote_count
          FROM ideas i
         WHERE ${OPEN_IDEA_SQL}
         ORDER BY i.title <-> $1
         LIMIT ${SUGGESTION_CANDIDATES}
      )
      SELECT n.id
        FROM nearest n
       WHERE n.search_vector @@ (SELECT query FROM typed) OR n.title % $1
       ORDER BY coalesce(ts_rank(n.search_vector, (SELECT query FROM typed)), 0)
                + similarity(n.title, $1) DESC, n.vote_count DESC, n.id
       LIMIT $2`,
      [typed, limit],
    );
    const ideas = await this.dataSource.manager.findBy(IdeaEntity, {
      id: In(rows.map((row) => row.id)),
    });
    return byKeys(
      rows.map((row) => row.id),
      ideas,
      (idea) => idea.id,
      null,
    ).filter((idea): idea is IdeaEntity => idea !== null);
  }

  /** An idea as the viewer may see it, or null. */
  async findVisible(ctx: object, id: string, viewer: Viewer | null): Promise<IdeaEntity | null> {
    const idea = await this.load(ctx, id);
    return idea && canSee(idea.contentStatus, idea.authorId, viewer) ? idea : null;
  }

  /** Loads an idea by UUID through the request's loader (no visibility check). */
  load(ctx: object, id: string): Promise<IdeaEntity | null> {
    return requestLoader<string, IdeaEntity | null>(ctx, 'ideas.byId', async (ids) => {
      const rows = await this.dataSource.manager.findBy(IdeaEntity, { id: In([...ids]) });
      return byKeys(ids, rows, (row) => row.id, null);
    }).load(id);
  }

  /** An idea read fresh, after a change. */
  getById(id: string): Promise<IdeaEntity> {
    return this.dataSource.manager.findOneByOrFail(IdeaEntity, { id });
  }
}

/** Decodes a GraphQL filter (BAD_USER_INPUT naming the field for a bad board id). */
export function decodeFilter(filter: IdeaFilter | null | undefined): IdeaQueryFilter {
  return {
    boardId: filter?.boardId ? fromGlobalId(filter.boardId, 'Board', 'filter.boardId') : undefined,
    status: filter?.status ?? undefined,
    tag: filter?.tag ?? undefined,
  };
}
