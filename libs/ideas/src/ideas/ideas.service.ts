import {
  badInput,
  byKeys,
  clientMutationKey,
  ClientMutations,
  Connection,
  ContentStatus,
  notFound,
  PageRequest,
  renderMarkdown,
  RequestLoaders,
  toConnection,
  Transactions,
  Viewer,
} from '@app/core';
import { BoardKind, BoardsService } from '@app/forum';
import { ContentScreening } from '@app/moderation';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { IdeaQueryFilter } from '../dto/idea-filter.input';
import { IdeaOrder, IdeaStatus } from '../ideas.enums';
import { WeighedVotes } from '../votes/weighed-votes';
import { IdeaEntity } from './idea.entity';
import { IdeaFollowersRepository } from './idea-followers.repository';
import { visibleIdea } from './idea-rules';
import { IdeasRepository } from './ideas.repository';

const MAX_SIMILAR = 20;

/** A new idea as its author wrote it, on the board of UUID `boardId`. */
export interface IdeaSubmission {
  boardId: string;
  title: string;
  body: string;
  tags?: readonly string[] | null;
  clientMutationId?: string | null;
}

/** Ideas: submitting them, reading them, listing them, and suggesting similar open ones. */
@Injectable()
export class IdeasService {
  constructor(
    private readonly transactions: Transactions,
    private readonly repository: IdeasRepository,
    private readonly votes: WeighedVotes,
    private readonly followers: IdeaFollowersRepository,
    private readonly screening: ContentScreening,
    private readonly boards: BoardsService,
    private readonly clientMutations: ClientMutations,
  ) {}

  /**
   * Submits an idea on an IDEAS board. The author's own vote counts from the start, and the
   * author follows the idea. Automod may hold it for review.
   */
  async submit(viewer: Viewer, input: IdeaSubmission): Promise<IdeaEntity> {
    const { boardId } = input;
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
    const ideaId = await this.transactions.run((tx) =>
      this.clientMutations.once(tx, mutation, randomUUID(), async (id) => {
        const verdict = await this.screening.screen(tx, {
          type: 'Idea',
          id,
          authorId: viewer.id,
          text: `${title}\n${input.body}`,
        });
        await this.repository.insert(
          {
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
            voteCount: 0,
            weightedVoteCount: 0,
            trendingScore: 0,
            mergedInto: null,
          },
          tx,
        );
        if (!verdict.held) await this.boards.countPublished(tx, boardId, 1);
        // Counted as any vote is: the idea starts at one vote (of its author's weight) and a
        // trending score of one.
        await this.votes.cast(id, viewer.id, tx);
        await this.followers.follow(id, viewer.id, tx);
      }),
    );
    return this.current(ideaId);
  }

  /** A page of ideas matching the filter, in the chosen order. */
  async list(
    viewer: Viewer | null,
    filter: IdeaQueryFilter,
    orderBy: IdeaOrder,
    page: PageRequest,
  ): Promise<Connection<IdeaEntity>> {
    const query = { ...filter, orderBy, page, viewer };
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
    return this.repository.similarOpen(typed, limit);
  }

  /** An idea as the viewer may see it, or null; batched per request. */
  async findVisible(
    loaders: RequestLoaders,
    id: string,
    viewer: Viewer | null,
  ): Promise<IdeaEntity | null> {
    const idea = await loaders
      .get<
        string,
        IdeaEntity | null
      >('ideas.byId', async (ids) => byKeys(ids, await this.repository.findByIds(ids), (row) => row.id, null))
      .load(id);
    return visibleIdea(idea, viewer);
  }

  /** The viewer follows an idea they can see, to hear of its status changes. */
  async follow(viewer: Viewer, ideaId: string): Promise<void> {
    await this.seenBy(viewer, ideaId);
    await this.followers.follow(ideaId, viewer.id);
  }

  /** The viewer stops following an idea they can see. */
  async unfollow(viewer: Viewer, ideaId: string): Promise<void> {
    await this.seenBy(viewer, ideaId);
    await this.followers.unfollow(ideaId, viewer.id);
  }

  private async seenBy(viewer: Viewer, ideaId: string): Promise<void> {
    if (!visibleIdea(await this.repository.findById(ideaId), viewer)) throw notFound('Idea');
  }

  /** The idea as it is now, read fresh after a change (NOT_FOUND if there is none). */
  async current(id: string): Promise<IdeaEntity> {
    const idea = await this.repository.findById(id);
    if (!idea) throw notFound('Idea');
    return idea;
  }
}
