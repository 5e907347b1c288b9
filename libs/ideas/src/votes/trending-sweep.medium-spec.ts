import { ModerationLogModule } from '@app/moderation';
import { MediumTest } from '@test/medium';
import { randomBytes } from 'node:crypto';
import { IdeasRepository } from '../ideas/ideas.repository';
import { IdeasService } from '../ideas/ideas.service';
import { IdeasModule } from '../ideas.module';
import { TrendingSweep } from './trending-sweep';

describe('the trending sweep on the database', () => {
  const medium = new MediumTest();
  let sweep: TrendingSweep;

  beforeAll(async () => {
    await medium.start([IdeasModule, ModerationLogModule]);
    // The worker's sweep over the API's repository: the same statements either side.
    sweep = new TrendingSweep(medium.get(IdeasRepository));
  });
  afterAll(() => medium.stop());

  it('ages recent votes, zeroes ideas whose votes are all old, and leaves merged ones', async () => {
    const [{ id: boardId }] = await medium.sql<{ id: string }>(
      `INSERT INTO boards (id, slug, name, description, kind)
       VALUES (gen_random_uuid(), $1, $1, 'Ideas', 'IDEAS') RETURNING id`,
      [`b-${randomBytes(4).toString('hex')}`],
    );
    const submit = async (title: string) =>
      (await medium.get(IdeasService).submit(await medium.viewer(), { boardId, title, body: 'x' }))
        .id;
    const [recent, old, merged] = [
      await submit('Voted two days ago'),
      await submit('Voted last month'),
      await submit('Merged elsewhere'),
    ];
    await medium.sql(
      `UPDATE idea_votes SET created_at = now() - interval '2 days' WHERE idea_id = $1`,
      [recent],
    );
    await medium.sql(
      `UPDATE idea_votes SET created_at = now() - interval '30 days' WHERE idea_id = $1`,
      [old],
    );
    await medium.sql(`UPDATE ideas SET status = 'MERGED', trending_score = 0 WHERE id = $1`, [
      merged,
    ]);

    await sweep.sweep();
    const scores = await medium.sql<{ id: string; trending_score: number }>(
      'SELECT id, trending_score FROM ideas WHERE id = ANY($1)',
      [[recent, old, merged]],
    );
    const score = (id: string) => scores.find((row) => row.id === id)?.trending_score;
    expect(score(recent)).toBeCloseTo(0.5, 4);
    expect(score(old)).toBe(0);
    expect(score(merged)).toBe(0);
  });
});
