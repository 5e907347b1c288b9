import { ContentStatus, ErrorCode, Role } from '@app/core';
import { IdeaEntity } from '../ideas/idea.entity';
import { IdeasRepository } from '../ideas/ideas.repository';
import { IdeasService } from '../ideas/ideas.service';
import { CLOSED_IDEA_STATUSES, IdeaStatus } from '../ideas.enums';
import { fakeTransactions, idea, loaders, refusal, TX, viewer } from '../testing';
import { VotesRepository } from './votes.repository';
import { VotesService } from './votes.service';
import { WeighedVotes } from './weighed-votes';

/**
 * A service over one idea, whose vote repository keeps the votes in a set, with every voter
 * weighing `weight`. The repository's statement sees the idea as `locked` holds it (the idea
 * read before the transaction unless a test changes it in between).
 */
function serviceWith(stored: IdeaEntity | null, weight = 1) {
  const cast = new Set<string>();
  const order: string[] = [];
  const locked = { idea: stored };
  const open = () => !!locked.idea && !CLOSED_IDEA_STATUSES.includes(locked.idea.status);
  const countsOf = () => ({
    voteCount: cast.size,
    weightedVoteCount: cast.size * weight,
    trendingScore: cast.size,
  });
  const votes = {
    holdVoter: jest.fn(async () => {
      order.push('holdVoter');
    }),
    add: jest.fn(async (ideaId: string, userId: string) => {
      order.push('add');
      if (!open()) return { open: false, counts: null };
      const had = cast.has(userId);
      cast.add(userId);
      return { open: true, counts: had ? null : countsOf() };
    }),
    remove: jest.fn(async (_ideaId: string, userId: string) => {
      if (!open()) return { open: false, counts: null };
      return { open: true, counts: cast.delete(userId) ? countsOf() : null };
    }),
    votedAmong: jest.fn(async (userId: string, ideaIds: readonly string[]) =>
      ideaIds.map((id) => id === stored?.id && cast.has(userId)),
    ),
  };
  const ideaRows = {
    findById: jest.fn(async () => {
      order.push('findById');
      return locked.idea;
    }),
  };
  const ideas = { current: jest.fn(async () => stored) };
  const weights = {
    weightOf: jest.fn(async () => {
      order.push('weightOf');
      return weight;
    }),
  };
  const repository = votes as unknown as VotesRepository;
  const service = new VotesService(
    fakeTransactions(),
    repository,
    new WeighedVotes(fakeTransactions(), repository, weights),
    ideaRows as unknown as IdeasRepository,
    ideas as unknown as IdeasService,
  );
  return { service, votes, ideaRows, cast, weights, order, locked };
}

describe('voting for an idea', () => {
  it('checks the idea, then casts the vote once however often the member votes', async () => {
    const open = idea();
    const { service, votes, ideaRows, cast } = serviceWith(open);
    const member = viewer();
    // The idea read for the rules, with the counts the vote's statement left.
    expect(await service.vote(member, open.id)).toMatchObject({ id: open.id, voteCount: 1 });
    await service.vote(member, open.id);
    expect(ideaRows.findById).toHaveBeenCalledWith(open.id);
    expect(votes.add).toHaveBeenCalledWith(open.id, member.id, 1, TX);
    expect([...cast]).toEqual([member.id]);
    await service.unvote(member, open.id);
    await service.unvote(member, open.id);
    expect(votes.remove).toHaveBeenCalledWith(open.id, member.id, TX);
    expect(cast.size).toBe(0);
  });

  it("casts the vote at the voter's weight, read after holding the voter, the rules read before", async () => {
    const open = idea();
    const { service, votes, weights, order } = serviceWith(open, 10);
    const member = viewer();
    await service.vote(member, open.id);
    expect(weights.weightOf).toHaveBeenCalledWith(member.id, TX);
    expect(votes.add).toHaveBeenCalledWith(open.id, member.id, 10, TX);
    // The voter before the idea (which the vote's statement locks), as re-weighs lock them.
    expect(order).toEqual(['findById', 'holdVoter', 'weightOf', 'add']);
  });

  it('refuses an idea the member cannot see as NOT_FOUND, and one not published', async () => {
    expect(await refusal(serviceWith(null).service.vote(viewer(), 'x'))).toEqual({
      code: ErrorCode.NOT_FOUND,
      message: 'Idea was not found',
    });
    const hidden = idea({ contentStatus: ContentStatus.HIDDEN });
    const { service, votes } = serviceWith(hidden);
    expect(await refusal(service.vote(viewer(), hidden.id))).toMatchObject({
      code: ErrorCode.NOT_FOUND,
    });
    expect(await refusal(service.vote(viewer(Role.MODERATOR), hidden.id))).toEqual({
      code: ErrorCode.BAD_USER_INPUT,
      message: 'ideaId: the idea is not published',
    });
    expect(votes.add).not.toHaveBeenCalled();
  });

  it('takes no votes, and takes none back, once the idea is merged, delivered or declined', async () => {
    for (const status of [IdeaStatus.MERGED, IdeaStatus.DELIVERED, IdeaStatus.DECLINED]) {
      const closed = idea({ status });
      const { service, votes } = serviceWith(closed);
      expect(await refusal(service.vote(viewer(), closed.id))).toEqual({
        code: ErrorCode.BAD_USER_INPUT,
        message: `ideaId: the idea is ${status.toLowerCase()} and takes no votes`,
      });
      expect(await refusal(service.unvote(viewer(), closed.id))).toMatchObject({
        code: ErrorCode.BAD_USER_INPUT,
      });
      expect(votes.add).not.toHaveBeenCalled();
      expect(votes.remove).not.toHaveBeenCalled();
    }
  });

  it('refuses a vote, and an unvote, on an idea closed between the check and the statement', async () => {
    const open = idea();
    const declined = idea({ id: open.id, status: IdeaStatus.DECLINED });
    const { service, locked, cast, ideaRows } = serviceWith(open);
    const member = viewer();
    await service.vote(member, open.id);
    // The rules pass on the read before the transaction; the statement then finds it declined.
    const closeOnRead = async () => {
      locked.idea = declined;
      return open;
    };
    ideaRows.findById.mockImplementationOnce(closeOnRead);
    expect(await refusal(service.vote(viewer(), open.id))).toEqual({
      code: ErrorCode.BAD_USER_INPUT,
      message: 'ideaId: the idea is declined and takes no votes',
    });
    locked.idea = open;
    ideaRows.findById.mockImplementationOnce(closeOnRead);
    expect(await refusal(service.unvote(member, open.id))).toMatchObject({
      code: ErrorCode.BAD_USER_INPUT,
    });
    expect([...cast]).toEqual([member.id]);
  });

  it('tells whether the member voted, in one read per request and member', async () => {
    const open = idea();
    const { service, votes } = serviceWith(open);
    const member = viewer();
    await service.vote(member, open.id);
    const request = loaders();
    const answers = await Promise.all([
      service.hasVoted(request, member.id, open.id),
      service.hasVoted(request, member.id, 'another'),
    ]);
    expect(answers).toEqual([true, false]);
    expect(votes.votedAmong).toHaveBeenCalledTimes(1);
  });
});
