import { DomainEventHandlers, Transactions, Viewer } from '@app/core';
import { IdeasModule, VotesService, WeighedVotes } from '@app/ideas';
import { ModerationLogModule } from '@app/moderation';
import { MediumTest } from '@test/medium';
import { randomBytes } from 'node:crypto';
import { SegmentsService } from '../segments';
import { IdeaWeightsModule } from './idea-weights.module';
import { VoteReweighHandler } from './vote-reweigh.handler';

describe('weighted idea votes on the database', () => {
  const medium = new MediumTest();
  let votes: VotesService;
  let segments: SegmentsService;
  let handler: VoteReweighHandler;
  let boardId: string;
  /** Segment ids by weight (1 is a segment too, besides members in none). */
  const segmentOf: Record<number, string> = {};

  beforeAll(async () => {
    await medium.start([IdeasModule, IdeaWeightsModule, ModerationLogModule]);
    votes = medium.get(VotesService);
    segments = medium.get(SegmentsService);
    handler = new VoteReweighHandler(medium.get(DomainEventHandlers), medium.get(WeighedVotes));
    const slug = `b-${randomBytes(4).toString('hex')}`;
    [{ id: boardId }] = await medium.sql<{ id: string }>(
      `INSERT INTO boards (id, slug, name, description, kind)
       VALUES (gen_random_uuid(), $1, $1, 'Ideas', 'IDEAS') RETURNING id`,
      [slug],
    );
    for (const weight of [1, 3, 10]) {
      const segment = await segments.upsert({
        key: `w${weight}-${randomBytes(3).toString('hex')}`,
        name: `Weight ${weight}`,
        firstResponseHours: 24,
        ideaVoteWeight: weight,
      });
      segmentOf[weight] = segment.id;
    }
  });
  afterAll(() => medium.stop());

  /** An open idea with no votes yet (ideas' own tests cover submitting). */
  const submitIdea = async (): Promise<string> => {
    const [{ id }] = await medium.sql<{ id: string }>(
      `INSERT INTO ideas (id, board_id, author_id, title, body, body_html)
       VALUES (gen_random_uuid(), $1, $2, $3, 'Please.', '<p>Please.</p>') RETURNING id`,
      [boardId, await medium.member(), `Idea ${randomBytes(4).toString('hex')}`],
    );
    return id;
  };

  /** A member in the segment of that weight; weight 1 alternates between none and the 1 segment. */
  const memberOf = async (weight: number, index: number): Promise<Viewer> => {
    const viewer = await medium.viewer();
    if (weight !== 1 || index % 2 === 0) {
      await segments.setMemberSegment(viewer.id, segmentOf[weight]);
    }
    return viewer;
  };

  const stored = async (ideaId: string) =>
    (
      await medium.sql<{ weighted_vote_count: number; vote_count: number; sum: number }>(
        `SELECT weighted_vote_count, vote_count,
                (SELECT coalesce(sum(weight), 0)::int FROM idea_votes WHERE idea_id = $1) AS sum
           FROM ideas WHERE id = $1`,
        [ideaId],
      )
    )[0];

  it('counts 50 members of weights 1, 3 and 10 voting at once exactly, and again after parallel unvotes', async () => {
    const ideaId = await submitIdea();
    const weights = Array.from({ length: 50 }, (_, i) => [1, 3, 10][i % 3]);
    const members: Viewer[] = [];
    for (const [i, weight] of weights.entries()) members.push(await memberOf(weight, i));
    const total = (list: number[]) => list.reduce((sum, weight) => sum + weight, 0);

    // Each votes twice at once: the second vote is a no-op however they interleave.
    await Promise.all([
      ...members.map((member) => votes.vote(member, ideaId)),
      ...members.map((member) => votes.vote(member, ideaId)),
    ]);
    expect(await stored(ideaId)).toEqual({
      weighted_vote_count: total(weights),
      vote_count: 50,
      sum: total(weights),
    });
    const idea = await votes.vote(members[0], ideaId);
    expect(idea.weightedVoteCount).toBe(total(weights));

    const leaving = members.slice(0, 25);
    await Promise.all([
      ...leaving.map((member) => votes.unvote(member, ideaId)),
      ...leaving.map((member) => votes.unvote(member, ideaId)),
    ]);
    const left = total(weights.slice(25));
    expect(await stored(ideaId)).toEqual({ weighted_vote_count: left, vote_count: 25, sum: left });
  });

  it('stores the weight of the time of the vote, so that unvoting after a move takes off what was added', async () => {
    const ideaId = await submitIdea();
    const member = await memberOf(10, 0);
    await votes.vote(member, ideaId);
    expect((await stored(ideaId)).weighted_vote_count).toBe(10);
    // Moved without the re-weigh having run yet: the vote still weighs what it added.
    await segments.setMemberSegment(member.id, segmentOf[3]);
    await votes.unvote(member, ideaId);
    expect(await stored(ideaId)).toEqual({ weighted_vote_count: 0, vote_count: 0, sum: 0 });
  });

  it("re-weighs a member's votes page by page after a move, idempotently", async () => {
    const member = await memberOf(3, 0);
    const ideaIds: string[] = [];
    for (let i = 0; i < 5; i++) ideaIds.push(await submitIdea());
    for (const ideaId of ideaIds) await votes.vote(member, ideaId);
    const weighted = async () => {
      const counts: number[] = [];
      for (const ideaId of ideaIds) counts.push((await stored(ideaId)).weighted_vote_count);
      return counts;
    };
    expect(await weighted()).toEqual([3, 3, 3, 3, 3]);

    await segments.setMemberSegment(member.id, segmentOf[10]);
    expect(await handler.reweigh(member.id, 2)).toBe(5);
    expect(await handler.reweigh(member.id, 2)).toBe(5);
    for (const ideaId of ideaIds) {
      expect(await stored(ideaId)).toEqual({ weighted_vote_count: 10, vote_count: 1, sum: 10 });
    }
    await segments.setMemberSegment(member.id, null);
    await handler.reweigh(member.id);
    expect(await weighted()).toEqual([1, 1, 1, 1, 1]);
    // A member without votes: nothing to walk.
    expect(await handler.reweigh((await medium.viewer()).id)).toBe(0);
  });

  it('re-weighs a vote that read the old weight and commits after the move, instead of missing it', async () => {
    const member = await memberOf(3, 0);
    const ideaId = await submitIdea();
    let commit!: () => void;
    const gate = new Promise<void>((resolve) => (commit = resolve));
    let cast!: () => void;
    const wasCast = new Promise<void>((resolve) => (cast = resolve));
    // A vote in flight: it has read weight 3 and written its row, and has not committed.
    const voting = medium.get(Transactions).run(async (tx) => {
      await medium.get(WeighedVotes).cast(ideaId, member.id, tx);
      cast();
      await gate;
    });
    await wasCast;
    await segments.setMemberSegment(member.id, segmentOf[10]);
    let reweighed = false;
    const reweigh = handler.reweigh(member.id).then(() => (reweighed = true));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(reweighed).toBe(false); // it waits for the vote in flight
    commit();
    await Promise.all([voting, reweigh]);
    expect(await stored(ideaId)).toEqual({ weighted_vote_count: 10, vote_count: 1, sum: 10 });
  });

  it("stays exact when a re-weigh races the member's own votes and unvotes", async () => {
    const member = await memberOf(1, 1);
    const ideaIds: string[] = [];
    for (let i = 0; i < 12; i++) ideaIds.push(await submitIdea());
    const voted = ideaIds.slice(0, 6);
    for (const ideaId of voted) await votes.vote(member, ideaId);

    for (const [round, weight] of [3, 10, 1, 10].entries()) {
      // Moves, and re-weighs in pages of 2, while voting on some ideas and unvoting others.
      const toVote = ideaIds.filter((_, i) => (i + round) % 3 === 0);
      const toUnvote = ideaIds.filter((_, i) => (i + round) % 3 === 1);
      await Promise.all([
        (async () => {
          await segments.setMemberSegment(member.id, segmentOf[weight]);
          await handler.reweigh(member.id, 2);
        })(),
        ...toVote.map((ideaId) => votes.vote(member, ideaId)),
        ...toUnvote.map((ideaId) => votes.unvote(member, ideaId)),
      ]);

      const rows = await medium.sql<{ idea_id: string; weight: number }>(
        `SELECT idea_id, weight FROM idea_votes WHERE user_id = $1 AND idea_id = ANY($2::uuid[])`,
        [member.id, ideaIds],
      );
      expect(rows.map((row) => row.weight)).toEqual(rows.map(() => weight));
      for (const ideaId of ideaIds) {
        const counts = await stored(ideaId);
        const mine = rows.some((row) => row.idea_id === ideaId) ? weight : 0;
        expect(counts).toEqual({ weighted_vote_count: mine, vote_count: mine ? 1 : 0, sum: mine });
      }
    }
  });
});
