import { randomUUID } from 'node:crypto';
import { RequestLoaders, Transactions } from '@app/core';
import { KUDO_REPUTATION } from '@app/identity';
import { MediumTest } from '@test/medium';
import { ForumModule } from '../forum.module';
import { ForumRows } from '../testing/forum-rows';
import { KudosRepository } from './kudos.repository';
import { KudosService } from './kudos.service';

describe('Kudos on the real database', () => {
  const medium = new MediumTest();
  const rows = new ForumRows(medium);
  let kudos: KudosService;
  let repository: KudosRepository;
  let transactions: Transactions;

  beforeAll(async () => {
    await medium.start([ForumModule]);
    kudos = medium.get(KudosService);
    repository = medium.get(KudosRepository);
    transactions = medium.get(Transactions);
  });
  afterAll(() => medium.stop());

  const state = async (postId: string, authorId: string) => {
    const [row] = await medium.sql<{ kudos_count: number; rows: number; reputation: number }>(
      `SELECT p.kudos_count, (SELECT count(*)::int FROM kudos WHERE post_id = p.id) AS rows,
              (SELECT reputation FROM users WHERE id = $2) AS reputation
         FROM posts p WHERE p.id = $1`,
      [postId, authorId],
    );
    return row;
  };

  it('gives and takes back a kudo: the row, the count and the reputation move together', async () => {
    const author = await medium.member();
    const post = await rows.post(await rows.thread(), { author });
    const giver = await medium.viewer();
    expect((await kudos.give(giver, post)).kudosCount).toBe(1);
    expect(await state(post, author)).toEqual({
      kudos_count: 1,
      rows: 1,
      reputation: KUDO_REPUTATION,
    });
    expect(await rows.events('kudo.given')).toContainEqual({
      payload: expect.objectContaining({ postId: post, giverId: giver.id, authorId: author }),
    });
    expect((await kudos.remove(giver, post)).kudosCount).toBe(0);
    expect(await state(post, author)).toEqual({ kudos_count: 0, rows: 0, reputation: 0 });
  });

  it('counts exactly when many members give at once and one member races themself', async () => {
    const author = await medium.member();
    const post = await rows.post(await rows.thread(), { author });
    const racer = await medium.viewer();
    const members = await rows.viewers(50);
    const given = await Promise.all([
      ...Array.from({ length: 20 }, () => kudos.give(racer, post)),
      ...members.map((member) => kudos.give(member, post)),
    ]);
    expect(await state(post, author)).toEqual({
      kudos_count: 51,
      rows: 51,
      reputation: 51 * KUDO_REPUTATION,
    });
    // Each giver's answer carries the count its own kudo left: every count from 1 to 51 once.
    const counts = given.slice(20).map((answer) => answer.kudosCount);
    expect(new Set(counts).size).toBe(50);
    expect(Math.max(...given.map((answer) => answer.kudosCount))).toBe(51);
    await Promise.all([
      ...Array.from({ length: 20 }, () => kudos.remove(racer, post)),
      ...members.slice(0, 25).map((member) => kudos.remove(member, post)),
    ]);
    expect(await state(post, author)).toEqual({
      kudos_count: 25,
      rows: 25,
      reputation: 25 * KUDO_REPUTATION,
    });
    const events = await rows.events('kudo.given');
    expect(events.filter((event) => event.payload.postId === post)).toHaveLength(51);
  });

  it('stays exact when one member gives and takes back the same kudo over and over at once', async () => {
    const author = await medium.member();
    const post = await rows.post(await rows.thread(), { author });
    const member = await medium.viewer();
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        i % 2 === 0 ? kudos.give(member, post) : kudos.remove(member, post),
      ),
    );
    const { kudos_count, rows: kudoRows, reputation } = await state(post, author);
    expect(kudos_count).toBe(kudoRows);
    expect(reputation).toBe(kudoRows * KUDO_REPUTATION);
    expect(kudoRows).toBeLessThanOrEqual(1);
  });

  it("tells which posts the viewer gave a kudo, and pages a post's givers by id", async () => {
    const thread = await rows.thread();
    const [given, notGiven] = [await rows.post(thread), await rows.post(thread)];
    const givers = await rows.viewers(3);
    for (const giver of givers) await kudos.give(giver, given);
    const loaders = new RequestLoaders();
    expect(
      await Promise.all([
        kudos.hasGiven(loaders, givers[0].id, notGiven),
        kudos.hasGiven(loaders, givers[0].id, given),
      ]),
    ).toEqual([false, true]);
    const pages: string[][] = [];
    for await (const page of kudos.giverIds(given)) pages.push(page);
    expect(pages.flat()).toEqual(givers.map((giver) => giver.id).sort());
    const ids = givers.map((giver) => giver.id).sort();
    expect(await repository.giverPage(given, ids[0], 1)).toEqual([ids[1]]);
  });

  it('says whether a kudo row changed, and moves the count by what it is told', async () => {
    const post = await rows.post(await rows.thread());
    const member = await medium.member();
    expect(await transactions.run((tx) => repository.mark(post, member, tx))).toBe(true);
    expect(await transactions.run((tx) => repository.mark(post, member, tx))).toBe(false);
    expect(await transactions.run((tx) => repository.moveCount(post, 1, tx))).toBe(1);
    expect(await transactions.run((tx) => repository.unmark(post, member, tx))).toBe(true);
    expect(await transactions.run((tx) => repository.unmark(post, member, tx))).toBe(false);
    expect(await transactions.run((tx) => repository.moveCount(post, -1, tx))).toBe(0);
    expect(await repository.threadTitleOf(post)).toEqual(expect.any(String));
    expect(await repository.threadTitleOf(randomUUID())).toBeNull();
  });
});
