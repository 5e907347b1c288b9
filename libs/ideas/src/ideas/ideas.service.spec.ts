import { ClientMutations, ContentStatus, ErrorCode, Role, Tx } from '@app/core';
import { BoardKind, BoardsService } from '@app/forum';
import { ContentScreening } from '@app/moderation';
import { IdeaStatus } from '../ideas.enums';
import { fakeTransactions, idea, loaders, refusal, TX, viewer } from '../testing';
import { WeighedVotes } from '../votes/weighed-votes';
import { IdeaEntity } from './idea.entity';
import { IdeaFollowersRepository } from './idea-followers.repository';
import { IdeasRepository, NewIdea } from './ideas.repository';
import { IdeaSubmission, IdeasService } from './ideas.service';

const BOARD_ID = '0b6f3c9e-4a51-4c1e-9d55-2a7f4f0f1a10';

/** A service over ideas kept in a map, with the board's kind and automod's verdict given. */
function serviceWith(
  options: { kind?: BoardKind | null; held?: boolean; stored?: IdeaEntity[] } = {},
) {
  const rows = new Map((options.stored ?? []).map((row) => [row.id, row]));
  const ideas = {
    insert: jest.fn(async (row: NewIdea) => {
      rows.set(row.id, idea(row));
    }),
    findById: jest.fn(async (id: string) => rows.get(id) ?? null),
    findByIds: jest.fn(async (ids: readonly string[]) => ids.flatMap((id) => rows.get(id) ?? [])),
    similarOpen: jest.fn(async () => []),
  };
  const votes = { cast: jest.fn(async () => true) };
  const followers = { follow: jest.fn(async () => undefined), unfollow: jest.fn() };
  const screening = { screen: jest.fn(async () => ({ held: options.held ?? false })) };
  const boards = {
    kindOf: jest.fn(async () => (options.kind === undefined ? BoardKind.IDEAS : options.kind)),
    countPublished: jest.fn(async () => undefined),
  };
  const clientMutations = {
    once: jest.fn(
      async (_tx: Tx, _m: unknown, id: string, write: (id: string) => Promise<void>) => {
        await write(id);
        return id;
      },
    ),
  };
  const service = new IdeasService(
    fakeTransactions(),
    ideas as unknown as IdeasRepository,
    votes as unknown as WeighedVotes,
    followers as unknown as IdeaFollowersRepository,
    screening as unknown as ContentScreening,
    boards as unknown as BoardsService,
    clientMutations as unknown as ClientMutations,
  );
  return { service, ideas, votes, followers, boards };
}

const submission = (fields: Partial<IdeaSubmission> = {}): IdeaSubmission => ({
  boardId: BOARD_ID,
  title: '  Offline maps, please  ',
  body: 'For the **subway**.',
  tags: ['maps', 'maps', 'offline'],
  ...fields,
});

describe('submitting an idea', () => {
  it("publishes it with the author's vote and follow, counted on the board", async () => {
    const { service, ideas, votes, followers, boards } = serviceWith();
    const author = viewer();
    const submitted = await service.submit(author, submission());
    expect(ideas.insert).toHaveBeenCalledWith(
      expect.objectContaining({
        boardId: BOARD_ID,
        authorId: author.id,
        title: 'Offline maps, please',
        tags: ['maps', 'offline'],
        status: IdeaStatus.NEW,
        contentStatus: ContentStatus.PUBLISHED,
        bodyHtml: expect.stringContaining('<strong>subway</strong>'),
      }),
      TX,
    );
    expect(votes.cast).toHaveBeenCalledWith(submitted.id, author.id, TX);
    expect(followers.follow).toHaveBeenCalledWith(submitted.id, author.id, TX);
    expect(boards.countPublished).toHaveBeenCalledWith(TX, BOARD_ID, 1);
  });

  it('holds what automod holds, without counting it on the board', async () => {
    const { service, boards } = serviceWith({ held: true });
    const submitted = await service.submit(viewer(), submission());
    expect(submitted.contentStatus).toBe(ContentStatus.PENDING_REVIEW);
    expect(boards.countPublished).not.toHaveBeenCalled();
  });

  it('refuses a short title, a blank body, an unknown board and a board of another kind', async () => {
    expect(
      await refusal(serviceWith().service.submit(viewer(), submission({ title: ' short ' }))),
    ).toEqual({
      code: ErrorCode.BAD_USER_INPUT,
      message: 'title: must be 8 to 200 characters',
    });
    expect(
      await refusal(serviceWith().service.submit(viewer(), submission({ body: '  ' }))),
    ).toEqual({
      code: ErrorCode.BAD_USER_INPUT,
      message: 'body: must not be blank',
    });
    expect(
      await refusal(serviceWith({ kind: null }).service.submit(viewer(), submission())),
    ).toEqual({
      code: ErrorCode.NOT_FOUND,
      message: 'Board was not found',
    });
    const forum = serviceWith({ kind: BoardKind.QUESTIONS });
    expect(await refusal(forum.service.submit(viewer(), submission()))).toEqual({
      code: ErrorCode.BAD_USER_INPUT,
      message: 'boardId: is not an ideas board',
    });
    expect(forum.ideas.insert).not.toHaveBeenCalled();
  });
});

describe('similar ideas', () => {
  it('checks the typed title, the body and the count before asking', async () => {
    const { service, ideas } = serviceWith();
    expect((await refusal(service.similar('  ', null, 5))).message).toBe(
      'title: must be 1 to 200 characters',
    );
    expect((await refusal(service.similar('maps', 'x'.repeat(20_001), 5))).message).toBe(
      'body: must be at most 20000 characters',
    );
    for (const first of [0, 21, 1.5]) {
      expect((await refusal(service.similar('maps', null, first))).message).toBe(
        'first: must be from 1 to 20',
      );
    }
    await service.similar('  offline maps ', null, null);
    expect(ideas.similarOpen).toHaveBeenCalledTimes(1);
    expect(ideas.similarOpen).toHaveBeenCalledWith('offline maps', 5);
  });
});

describe('reading ideas', () => {
  const author = viewer();
  const published = idea();
  const held = idea({ authorId: author.id, contentStatus: ContentStatus.PENDING_REVIEW });

  it('shows held ideas only to their author and moderators, in one batch per request', async () => {
    const { service, ideas } = serviceWith({ stored: [published, held] });
    const request = loaders();
    const [a, b, c] = await Promise.all([
      service.findVisible(request, published.id, null),
      service.findVisible(request, held.id, null),
      service.findVisible(request, held.id, author),
    ]);
    expect([a?.id, b, c?.id]).toEqual([published.id, null, held.id]);
    expect(ideas.findByIds).toHaveBeenCalledTimes(1);
    expect(await service.findVisible(loaders(), held.id, viewer(Role.MODERATOR))).toBe(held);
    expect(await service.findVisible(loaders(), held.id, viewer())).toBeNull();
  });

  it('lets members follow only ideas they can see', async () => {
    const { service, followers } = serviceWith({ stored: [published, held] });
    const member = viewer();
    await service.follow(member, published.id);
    expect(followers.follow).toHaveBeenCalledWith(published.id, member.id);
    expect(await refusal(service.follow(member, held.id))).toEqual({
      code: ErrorCode.NOT_FOUND,
      message: 'Idea was not found',
    });
    expect(await refusal(service.unfollow(member, held.id))).toMatchObject({
      code: ErrorCode.NOT_FOUND,
    });
    expect(followers.unfollow).not.toHaveBeenCalled();
  });
});
