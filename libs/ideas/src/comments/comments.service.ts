import {
  badInput,
  byKeys,
  canSee,
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
import { ContentScreening } from '@app/moderation';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { IdeaFollowersRepository } from '../ideas/idea-followers.repository';
import { publishedIdea } from '../ideas/idea-rules';
import { IdeasRepository } from '../ideas/ideas.repository';
import { IdeasService } from '../ideas/ideas.service';
import { CommentEntity } from './comment.entity';
import { CommentsRepository } from './comments.repository';

export const MAX_COMMENT_LENGTH = 10_000;

/** Comments on ideas: writing them (the commenter follows the idea) and listing them. */
@Injectable()
export class CommentsService {
  constructor(
    private readonly transactions: Transactions,
    private readonly repository: CommentsRepository,
    private readonly ideaRows: IdeasRepository,
    private readonly followers: IdeaFollowersRepository,
    private readonly ideas: IdeasService,
    private readonly screening: ContentScreening,
    private readonly clientMutations: ClientMutations,
  ) {}

  /** Comments on a published idea the viewer can see; automod may hold the comment. */
  async comment(
    viewer: Viewer,
    ideaId: string,
    body: string,
    clientMutationId: string | null | undefined,
  ): Promise<CommentEntity> {
    if (!body.trim() || body.length > MAX_COMMENT_LENGTH) {
      throw badInput('body', `must be 1 to ${MAX_COMMENT_LENGTH} characters`);
    }
    const mutation = {
      memberId: viewer.id,
      operation: 'commentOnIdea',
      key: clientMutationKey(clientMutationId),
    };
    const commentId = await this.transactions.run((tx) =>
      this.clientMutations.once(tx, mutation, randomUUID(), async (id) => {
        publishedIdea(await this.ideaRows.findById(ideaId, tx), viewer);
        const verdict = await this.screening.screen(tx, {
          type: 'Comment',
          id,
          authorId: viewer.id,
          text: body,
        });
        await this.repository.insert(
          {
            id,
            ideaId,
            authorId: viewer.id,
            body,
            bodyHtml: renderMarkdown(body),
            status: verdict.held ? ContentStatus.PENDING_REVIEW : ContentStatus.PUBLISHED,
          },
          tx,
        );
        await this.followers.follow(ideaId, viewer.id, tx);
      }),
    );
    const comment = await this.repository.findById(commentId);
    if (!comment) throw notFound('Comment');
    return comment;
  }

  /** A keyset page of an idea's comments, oldest first, as the viewer may see them. */
  async list(
    ideaId: string,
    viewer: Viewer | null,
    page: PageRequest,
  ): Promise<Connection<CommentEntity>> {
    const rows = await this.repository.page(ideaId, viewer, page);
    return toConnection(rows, page, {
      cursorOf: (row) => this.repository.cursorOf(row),
      nodeOf: (row) => row,
      totalCount: () => this.repository.count(ideaId, viewer),
    });
  }

  /** A comment as the viewer may see it (and its idea too), or null; batched per request. */
  async findVisible(
    loaders: RequestLoaders,
    id: string,
    viewer: Viewer | null,
  ): Promise<CommentEntity | null> {
    const comment = await loaders
      .get<
        string,
        CommentEntity | null
      >('comments.byId', async (ids) => byKeys(ids, await this.repository.findByIds(ids), (row) => row.id, null))
      .load(id);
    if (!comment || !canSee(comment.status, comment.authorId, viewer)) return null;
    return (await this.ideas.findVisible(loaders, comment.ideaId, viewer)) ? comment : null;
  }
}
