import { Role, Viewer } from '@app/core';
import { ModerationLogModule } from '@app/moderation';
import { MediumTest } from '@test/medium';
import { randomBytes } from 'node:crypto';
import { IdeaAudience } from '../ideas/idea-audience';
import { IdeaFollowersRepository } from '../ideas/idea-followers.repository';
import { IdeasService } from '../ideas/ideas.service';
import { IDEA_EVENTS } from '../ideas.events';
import { IdeaStatus } from '../ideas.enums';
import { IdeasModule } from '../ideas.module';
import { VotesRepository } from '../votes/votes.repository';
import { VotesService } from '../votes/votes.service';
import { IdeaStatusService } from './idea-status.service';

describe('status changes and merges on the database', () => {
  const medium = new MediumTest();
  let statuses: IdeaStatusService;
  let ideas: IdeasService;
  let votes: VotesService;
  let audience: IdeaAudience;
  let pm: Viewer;
  let boardId: string;

  beforeAll(async () => {
    await medium.start([IdeasModule, ModerationLogModule]);
    statuses = medium.get(IdeaStatusService);
    ideas = medium.get(IdeasService);
    votes = medium.get(VotesService);
    // The worker's audience over the API's repositories: the same statements either side.
    audience = new IdeaAudience(medium.get(IdeaFollowersRepository), medium.get(VotesRepository));
    pm = await medium.viewer(Role.PRODUCT_MANAGER);
    [{ id: boardId }] = await medium.sql<{ id: string }>(
      `INSERT INTO boards (id, slug, name, description, kind)
       VALUES (gen_random_uuid(), $1, $1, 'Ideas', 'IDEAS') RETURNING id`,
      [`b-${randomBytes(4).toString('hex')}`],
    );
  });
  afterAll(() => medium.stop());

  const submit = async (title: string, author?: Viewer) =>
    ideas.submit(author ?? (await medium.viewer()), { boardId, title, body: 'Please.' });
  const members = async (count: number): Promise<Viewer[]> => {
    const made: Viewer[] = [];
    for (let i = 0; i < count; i++) made.push(await medium.viewer());
    return made;
  };
  const outbox = (type: string, key: string, value: string) =>
    medium.sql<{ payload: Record<string, unknown> }>(
      `SELECT payload FROM outbox WHERE type = $1 AND payload ->> $2 = $3`,
      [type, key, value],
    );
  const log = (targetId: string) =>
    medium.sql<{ action: string; reason: string }>(
      `SELECT action, reason FROM moderation_actions WHERE target_id = $1 ORDER BY created_at`,
      [targetId],
    );

  it('sets a status with its note once, logging it and recording the event', async () => {
    const idea = await submit('Status me, please');
    const set = () => statuses.setStatus(pm, idea.id, IdeaStatus.PLANNED, ' Next quarter ');
    expect(await set()).toMatchObject({ status: IdeaStatus.PLANNED, statusNote: 'Next quarter' });
    await set();
    expect(await log(idea.id)).toEqual([{ action: 'IDEA_STATUS_PLANNED', reason: 'Next quarter' }]);
    expect(await outbox(IDEA_EVENTS.statusChanged, 'ideaId', idea.id)).toEqual([
      {
        payload: {
          ideaId: idea.id,
          title: idea.title,
          status: 'PLANNED',
          note: 'Next quarter',
          actorId: pm.id,
        },
      },
    ]);
  });

  it('merges votes with the weights they were cast with, a member who voted for both counted once', async () => {
    const source = await submit('Invoices per cost centre');
    const target = await submit('Invoices split by cost centre');
    const both = await medium.viewer();
    const onlySource = await medium.viewer();
    await votes.vote(both, source.id);
    await votes.vote(both, target.id);
    await votes.vote(onlySource, source.id);
    // As if care had weighed them: `both` 3 on each idea, `onlySource` 10.
    await medium.sql(
      `WITH w AS (
         UPDATE idea_votes SET weight = CASE user_id WHEN $2 THEN 10 ELSE 3 END
          WHERE user_id IN ($1, $2) RETURNING idea_id, weight
       )
       UPDATE ideas i SET weighted_vote_count = weighted_vote_count - 1 + w.weight
         FROM w WHERE i.id = w.idea_id`,
      [both.id, onlySource.id],
    );
    const merged = await statuses.merge(pm, source.id, target.id);
    // The target's author (1) and `both` (3), joined by the source's author (1) and `onlySource` (10).
    expect(merged.weightedVoteCount).toBe(15);
    expect(
      await medium.sql(`SELECT sum(weight)::int AS total FROM idea_votes WHERE idea_id = $1`, [
        target.id,
      ]),
    ).toEqual([{ total: 15 }]);
  });

  it('merges a duplicate: overlapping voters counted once, followers moved, the source closed', async () => {
    const source = await submit('Dark mode for the app');
    const target = await submit('Dark theme for the app');
    const both = await medium.viewer();
    const onlySource = await medium.viewer();
    await votes.vote(both, source.id);
    await votes.vote(both, target.id);
    await votes.vote(onlySource, source.id);
    const merged = await statuses.merge(pm, source.id, target.id);
    // The target's author and `both`, joined by the source's author and `onlySource`.
    expect(merged.voteCount).toBe(4);
    // Voting follows nothing: the followers are the two authors.
    expect(
      await medium.sql('SELECT status, merged_into, trending_score FROM ideas WHERE id = $1', [
        source.id,
      ]),
    ).toEqual([{ status: 'MERGED', merged_into: target.id, trending_score: 0 }]);
    expect(
      await medium.sql('SELECT count(*)::int AS n FROM idea_subscriptions WHERE idea_id = $1', [
        target.id,
      ]),
    ).toEqual([{ n: 2 }]);
    expect(await log(source.id)).toEqual([
      { action: 'IDEA_MERGE', reason: 'merged into “Dark theme for the app”' },
    ]);
    expect(await outbox(IDEA_EVENTS.merged, 'sourceId', source.id)).toHaveLength(1);
    await expect(statuses.merge(pm, source.id, target.id)).rejects.toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', field: 'sourceId' },
    });
    await expect(statuses.setStatus(pm, source.id, IdeaStatus.PLANNED, null)).rejects.toMatchObject(
      {
        extensions: { code: 'BAD_USER_INPUT', field: 'ideaId' },
      },
    );
  });

  it('pages the fan-out of a status change: voters, followers and the author, each once, in id order', async () => {
    const author = await medium.viewer();
    const idea = await submit('Tell everyone about it', author);
    const voters = await members(12);
    const followers = await members(6);
    for (const voter of voters) await votes.vote(voter, idea.id);
    for (const follower of followers) await ideas.follow(follower, idea.id);
    // Some voters follow too: they are heard once.
    for (const voter of voters.slice(0, 3)) await ideas.follow(voter, idea.id);

    const pages: string[][] = [];
    for await (const page of audience.everyone(idea.id, 5)) pages.push(page);
    const everyone = [author, ...voters, ...followers].map((member) => member.id).sort();
    expect(pages.map((page) => page.length)).toEqual([5, 5, 5, 4]);
    expect(pages.flat()).toEqual(everyone);

    const voterPages: string[][] = [];
    for await (const page of audience.voters(idea.id, 5)) voterPages.push(page);
    expect(voterPages.map((page) => page.length)).toEqual([5, 5, 3]);
    expect(voterPages.flat()).toEqual([author, ...voters].map((member) => member.id).sort());
  });
});
