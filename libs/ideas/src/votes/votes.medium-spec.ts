import { RequestLoaders, Role, Transactions, Viewer } from '@app/core';
import { ModerationLogModule } from '@app/moderation';
import { MediumTest } from '@test/medium';
import { randomBytes } from 'node:crypto';
import { IdeaEntity } from '../ideas/idea.entity';
import { IdeasService } from '../ideas/ideas.service';
import { IdeaStatus } from '../ideas.enums';
import { IdeasModule } from '../ideas.module';
import { IdeaStatusService } from '../status/idea-status.service';
import { VotesRepository } from './votes.repository';
import { VotesService } from './votes.service';

describe('votes on the database: one per member, counted once', () => {
  const medium = new MediumTest();
  let votes: VotesService;
  let repository: VotesRepository;
  let boardId: string;

  beforeAll(async () => {
    await medium.start([IdeasModule, ModerationLogModule]);
    votes = medium.get(VotesService);
    repository = medium.get(VotesRepository);
    const slug = `b-${randomBytes(4).toString('hex')}`;
    [{ id: boardId }] = await medium.sql<{ id: string }>(
      `INSERT INTO boards (id, slug, name, description, kind)
       VALUES (gen_random_uuid(), $1, $1, 'Ideas', 'IDEAS') RETURNING id`,
      [slug],
    );
  });
  afterAll(() => medium.stop());

  const submitIdea = async (): Promise<IdeaEntity> =>
    medium.get(IdeasService).submit(await medium.viewer(), {
      boardId,
      title: `Idea ${randomBytes(4).toString('hex')}`,
      body: 'Please.',
    });
  const counts = async (ideaId: string) =>
    (
      await medium.sql<{ vote_count: number; trending_score: number; rows: number }>(
        `SELECT vote_count, trending_score,
                (SELECT count(*)::int FROM idea_votes WHERE idea_id = $1) AS rows
           FROM ideas WHERE id = $1`,
        [ideaId],
      )
    )[0];
  const viewers = async (count: number): Promise<Viewer[]> => {
    const made: Viewer[] = [];
    for (let i = 0; i < count; i++) made.push(await medium.viewer());
    return made;
  };

  it('counts exactly when 50 members vote at once while one member votes 10 times over', async () => {
    const idea = await submitIdea();
    const [racer, ...members] = await viewers(51);
    const results = await Promise.all([
      ...Array.from({ length: 10 }, () => votes.vote(racer, idea.id)),
      ...members.map((member) => votes.vote(member, idea.id)),
    ]);
    expect(results).toHaveLength(60);
    // Each member's answer carries the count its own vote left: 2 to 52 (the author's is 1), once each.
    const memberCounts = results.slice(10).map((idea) => idea.voteCount);
    expect(new Set(memberCounts).size).toBe(50);
    expect(Math.max(...results.map((idea) => idea.voteCount))).toBe(52);
    // The author's vote and 51 more, each a fresh vote worth exactly 1 on the trending score.
    expect(await counts(idea.id)).toEqual({ vote_count: 52, trending_score: 52, rows: 52 });

    await Promise.all([
      ...Array.from({ length: 10 }, () => votes.unvote(racer, idea.id)),
      ...members.slice(0, 25).map((member) => votes.unvote(member, idea.id)),
    ]);
    const after = await counts(idea.id);
    expect({ vote_count: after.vote_count, rows: after.rows }).toEqual({
      vote_count: 26,
      rows: 26,
    });
    // Each withdrawn vote takes back what it still weighs: a hair under 1, seconds after it was cast.
    expect(after.trending_score).toBeCloseTo(26, 3);
    expect(after.trending_score).toBeGreaterThanOrEqual(26);
  });

  it('weighs every vote 1 when nothing provides the weights, in weightedVoteCount too', async () => {
    const idea = await submitIdea();
    const [member] = await viewers(1);
    expect((await votes.vote(member, idea.id)).weightedVoteCount).toBe(2);
    expect(
      await medium.sql(`SELECT DISTINCT weight FROM idea_votes WHERE idea_id = $1`, [idea.id]),
    ).toEqual([{ weight: 1 }]);
    expect((await votes.unvote(member, idea.id)).weightedVoteCount).toBe(1);
  });

  it('takes nothing off the trending score for a vote older than the week, and refuses closed ideas', async () => {
    const idea = await submitIdea();
    const members = await viewers(3);
    for (const member of members) await votes.vote(member, idea.id);
    await medium.sql(
      `UPDATE idea_votes SET created_at = now() - interval '8 days' WHERE idea_id = $1 AND user_id = ANY($2)`,
      [idea.id, members.map((member) => member.id)],
    );
    await Promise.all(members.map((member) => votes.unvote(member, idea.id)));
    expect(await counts(idea.id)).toEqual({ vote_count: 1, trending_score: 4, rows: 1 });

    await medium.sql(`UPDATE ideas SET status = 'DELIVERED' WHERE id = $1`, [idea.id]);
    await expect(votes.vote(members[0], idea.id)).rejects.toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', field: 'ideaId' },
    });
    expect(await counts(idea.id)).toMatchObject({ vote_count: 1, rows: 1 });
  });

  it('tells which ideas a member voted for, in the order asked, in one batch', async () => {
    const [a, b] = [await submitIdea(), await submitIdea()];
    const member = await medium.viewer();
    await votes.vote(member, b.id);
    expect(await repository.votedAmong(member.id, [a.id, b.id])).toEqual([false, true]);
    const loaders = new RequestLoaders();
    expect(
      await Promise.all([
        votes.hasVoted(loaders, member.id, a.id),
        votes.hasVoted(loaders, member.id, b.id),
      ]),
    ).toEqual([false, true]);
  });

  const refusedCodes = (outcomes: PromiseSettledResult<unknown>[]) =>
    outcomes
      .filter((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected')
      .map((outcome) => (outcome.reason as { extensions?: { code?: string } }).extensions?.code);

  it('never counts a vote that lands after the idea is declined', async () => {
    const idea = await submitIdea();
    const members = await viewers(30);
    const manager = await medium.viewer(Role.PRODUCT_MANAGER);
    const outcomes = await Promise.allSettled([
      ...members.slice(0, 15).map((member) => votes.vote(member, idea.id)),
      medium.get(IdeaStatusService).setStatus(manager, idea.id, IdeaStatus.DECLINED, null),
      ...members.slice(15).map((member) => votes.vote(member, idea.id)),
    ]);
    const refused = refusedCodes(outcomes);
    expect(new Set(refused)).toEqual(new Set(refused.length ? ['BAD_USER_INPUT'] : []));
    const { vote_count, rows } = await counts(idea.id);
    expect(vote_count).toBe(rows);
    // The author's vote and each vote that went through, none of those refused.
    expect(rows).toBe(1 + 30 - refused.length);
  });

  it('merges while the source voters vote for the target at once: no deadlock, each counted once', async () => {
    const [source, target] = [await submitIdea(), await submitIdea()];
    const members = await viewers(20);
    for (const member of members) await votes.vote(member, source.id);
    const manager = await medium.viewer(Role.PRODUCT_MANAGER);
    const outcomes = await Promise.allSettled([
      ...members.slice(0, 10).map((member) => votes.vote(member, target.id)),
      medium.get(IdeaStatusService).merge(manager, source.id, target.id),
      ...members.slice(10).map((member) => votes.vote(member, target.id)),
    ]);
    expect(refusedCodes(outcomes)).toEqual([]);
    // Both authors and the 20 members, each once, whichever came first.
    expect(await counts(target.id)).toMatchObject({ vote_count: 22, rows: 22 });
  });

  it('pages the voters by id and copies votes to another idea, each member once', async () => {
    const [source, target] = [await submitIdea(), await submitIdea()];
    const members = await viewers(4);
    for (const member of members) await votes.vote(member, source.id);
    await votes.vote(members[0], target.id);
    const voters = (
      await medium.sql<{ user_id: string }>(
        'SELECT user_id FROM idea_votes WHERE idea_id = $1 ORDER BY user_id',
        [source.id],
      )
    ).map((row) => row.user_id);
    expect(await repository.voterPage(source.id, voters[0], 2)).toEqual(voters.slice(1, 3));

    await medium.get(Transactions).run((tx) => repository.copyVotes(source.id, target.id, tx));
    // The target's author and members[0] were there; the source's author and 3 members join.
    expect(await counts(target.id)).toMatchObject({ vote_count: 6, rows: 6 });
    expect((await counts(target.id)).trending_score).toBeCloseTo(6, 3);
  });
});
