import { ContentStatus, ErrorCode, Role } from '@app/core';
import { IdeaEntity } from '../ideas/idea.entity';
import { IdeasRepository } from '../ideas/ideas.repository';
import { IdeasService } from '../ideas/ideas.service';
import { IdeaStatus } from '../ideas.enums';
import { fakeTransactions, idea, loaders, refusal, TX, viewer } from '../testing';
import { VotesRepository } from './votes.repository';
import { VotesService } from './votes.service';
import { WeighedVotes } from './weighed-votes';

/**
 * A service over one idea, whose vote repository keeps the votes in a set, with every voter
 * weighing `weight`.
 */
function serviceWith(stored: IdeaEntity | null, weight = 1) {
  const cast = new Set<string>();
  const order: string[] = [];
  const votes = {
    holdVoter: jest.fn(async () => {
      order.push('holdVoter');
    }),
    add: jest.fn(async (ideaId: string, userId: string) => {
      order.push('add');
      const had = cast.has(userId);
      cast.add(userId);
      return !had;
    }),
    remove: jest.fn(async (_ideaId: string, userId: string) => cast.delete(userId)),
    votedAmong: jest.fn(async (userId: string, ideaIds: readonly string[]) =>
      ideaIds.map((id) => id === stored?.id && cast.has(userId)),
    ),
  };
  const ideaRows = {
    lockById: jest.fn(async () => {
      order.push('lockById');
      return stored;
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
  return { service, votes, ideaRows, cast, weights, order };
}

describe('voting for an idea', () => {
  it('locks the idea, then casts the vote once however often the member votes', async () => {
    const open = idea();
    const { service, votes, ideaRows, cast } = serviceWith(open);
    const member = viewer();
    expect(await service.vote(member, open.id)).toBe(open);
    await service.vote(member, open.id);
    expect(ideaRows.lockById).toHaveBeenCalledWith(open.id, TX);
    expect(votes.add).toHaveBeenCalledWith(open.id, member.id, 1, TX);
    expect([...cast]).toEqual([member.id]);
    await service.unvote(member, open.id);
    await service.unvote(member, open.id);
    expect(votes.remove).toHaveBeenCalledWith(open.id, member.id, TX);
    expect(cast.size).toBe(0);
  });

  it("casts the vote at the voter's weight, read after holding the voter and locking the idea", async () => {
    const open = idea();
    const { service, votes, weights, order } = serviceWith(open, 10);
    const member = viewer();
    await service.vote(member, open.id);
    expect(weights.weightOf).toHaveBeenCalledWith(member.id, TX);
    expect(votes.add).toHaveBeenCalledWith(open.id, member.id, 10, TX);
    // The voter before the idea, as re-weighs lock them: no deadlock between the two.
    expect(order.slice(0, 2)).toEqual(['holdVoter', 'lockById']);
    expect(order.indexOf('weightOf')).toBeLessThan(order.indexOf('add'));
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
