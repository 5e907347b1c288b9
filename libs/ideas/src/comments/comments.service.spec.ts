import { ClientMutations, ContentStatus, ErrorCode, Tx } from '@app/core';
import { ContentScreening } from '@app/moderation';
import { randomUUID } from 'node:crypto';
import { IdeaEntity } from '../ideas/idea.entity';
import { IdeaFollowersRepository } from '../ideas/idea-followers.repository';
import { IdeasRepository } from '../ideas/ideas.repository';
import { IdeasService } from '../ideas/ideas.service';
import { fakeTransactions, idea, loaders, refusal, TX, viewer } from '../testing';
import { CommentEntity } from './comment.entity';
import { CommentsRepository, NewComment } from './comments.repository';
import { CommentsService, MAX_COMMENT_LENGTH } from './comments.service';

/** A service over one idea and the comments written, with automod's verdict given. */
function serviceWith(stored: IdeaEntity | null, options: { held?: boolean } = {}) {
  const comments = new Map<string, CommentEntity>();
  const repository = {
    insert: jest.fn(async (row: NewComment) => {
      comments.set(row.id, Object.assign(new CommentEntity(), row, { createdAt: new Date() }));
    }),
    findById: jest.fn(async (id: string) => comments.get(id) ?? null),
    findByIds: jest.fn(async (ids: readonly string[]) =>
      ids.flatMap((id) => comments.get(id) ?? []),
    ),
  };
  const ideaRows = { findById: jest.fn(async () => stored) };
  const followers = { follow: jest.fn(async () => undefined) };
  const ideas = {
    findVisible: jest.fn(async () =>
      stored?.contentStatus === ContentStatus.PUBLISHED ? stored : null,
    ),
  };
  const screening = { screen: jest.fn(async () => ({ held: options.held ?? false })) };
  const clientMutations = {
    once: async (_tx: Tx, _m: unknown, id: string, write: (id: string) => Promise<void>) => {
      await write(id);
      return id;
    },
  };
  const service = new CommentsService(
    fakeTransactions(),
    repository as unknown as CommentsRepository,
    ideaRows as unknown as IdeasRepository,
    followers as unknown as IdeaFollowersRepository,
    ideas as unknown as IdeasService,
    screening as unknown as ContentScreening,
    clientMutations as unknown as ClientMutations,
  );
  return { service, repository, followers, ideas };
}

describe('commenting on an idea', () => {
  it('publishes the comment, rendered, and the commenter follows the idea', async () => {
    const open = idea();
    const { service, followers } = serviceWith(open);
    const member = viewer();
    const comment = await service.comment(member, open.id, 'Yes, **please**', null);
    expect(comment).toMatchObject({
      ideaId: open.id,
      authorId: member.id,
      status: ContentStatus.PUBLISHED,
      bodyHtml: expect.stringContaining('<strong>please</strong>'),
    });
    expect(followers.follow).toHaveBeenCalledWith(open.id, member.id, TX);
  });

  it('holds what automod holds', async () => {
    const { service } = serviceWith(idea(), { held: true });
    expect((await service.comment(viewer(), 'x', 'Buy now', null)).status).toBe(
      ContentStatus.PENDING_REVIEW,
    );
  });

  it('refuses a blank or too long body, an idea out of sight and one not published', async () => {
    const { service, repository } = serviceWith(idea());
    for (const body of ['  ', 'x'.repeat(MAX_COMMENT_LENGTH + 1)]) {
      expect(await refusal(service.comment(viewer(), 'x', body, null))).toEqual({
        code: ErrorCode.BAD_USER_INPUT,
        message: `body: must be 1 to ${MAX_COMMENT_LENGTH} characters`,
      });
    }
    expect(await refusal(serviceWith(null).service.comment(viewer(), 'x', 'Hi', null))).toEqual({
      code: ErrorCode.NOT_FOUND,
      message: 'Idea was not found',
    });
    const author = viewer();
    const held = idea({ authorId: author.id, contentStatus: ContentStatus.PENDING_REVIEW });
    expect(await refusal(serviceWith(held).service.comment(author, held.id, 'Hi', null))).toEqual({
      code: ErrorCode.BAD_USER_INPUT,
      message: 'ideaId: the idea is not published',
    });
    expect(repository.insert).not.toHaveBeenCalled();
  });
});

describe('reading a comment', () => {
  it('reads the comments asked for in one batch per request', async () => {
    const author = viewer();
    const open = idea();
    const { service, repository } = serviceWith(open);
    const comment = await service.comment(author, open.id, 'Agreed', null);
    const request = loaders();
    expect(
      await Promise.all([
        service.findVisible(request, comment.id, null),
        service.findVisible(request, randomUUID(), null),
      ]),
    ).toEqual([comment, null]);
    expect(repository.findByIds).toHaveBeenCalledTimes(1);
  });

  it('hides a comment whose idea went out of sight', async () => {
    const open = idea();
    const { service, ideas } = serviceWith(open);
    const comment = await service.comment(viewer(), open.id, 'Agreed', null);
    ideas.findVisible.mockResolvedValueOnce(null);
    expect(await service.findVisible(loaders(), comment.id, null)).toBeNull();
  });
});
