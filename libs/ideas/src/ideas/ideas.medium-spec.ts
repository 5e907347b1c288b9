import { ContentStatus, RequestLoaders, Role, Transactions, Viewer } from '@app/core';
import { ModerationLogModule } from '@app/moderation';
import { MediumTest } from '@test/medium';
import { randomBytes, randomUUID } from 'node:crypto';
import { IdeasModule } from '../ideas.module';
import { IdeaOrder, IdeaStatus } from '../ideas.enums';
import { IdeaFollowersRepository } from './idea-followers.repository';
import { IdeasRepository } from './ideas.repository';
import { IdeasService } from './ideas.service';

describe('ideas on the database', () => {
  const medium = new MediumTest();
  let ideas: IdeasService;
  let repository: IdeasRepository;
  let followers: IdeaFollowersRepository;
  let transactions: Transactions;
  let author: Viewer;

  beforeAll(async () => {
    await medium.start([IdeasModule, ModerationLogModule]);
    ideas = medium.get(IdeasService);
    repository = medium.get(IdeasRepository);
    followers = medium.get(IdeaFollowersRepository);
    transactions = medium.get(Transactions);
    author = await medium.viewer();
  });
  afterAll(() => medium.stop());

  const board = async (kind = 'IDEAS'): Promise<string> => {
    const slug = `b-${randomBytes(4).toString('hex')}`;
    const [row] = await medium.sql<{ id: string }>(
      `INSERT INTO boards (id, slug, name, description, kind)
       VALUES (gen_random_uuid(), $1, $1, 'Ideas', $2) RETURNING id`,
      [slug, kind],
    );
    return row.id;
  };
  const submit = (boardId: string, title: string, tags: string[] = [], by = author) =>
    ideas.submit(by, { boardId, title, body: 'It would help a lot.', tags });

  it("stores a submitted idea with the author's vote and follow, counted on its board", async () => {
    const boardId = await board();
    const idea = await submit(boardId, 'Offline maps for the app', ['maps', 'maps']);
    expect(idea).toMatchObject({
      boardId,
      authorId: author.id,
      status: IdeaStatus.NEW,
      contentStatus: ContentStatus.PUBLISHED,
      voteCount: 1,
      trendingScore: 1,
      tags: ['maps'],
    });
    expect(
      await medium.sql(
        `SELECT (SELECT count(*)::int FROM idea_votes WHERE idea_id = $1 AND user_id = $2) AS votes,
                (SELECT count(*)::int FROM idea_subscriptions WHERE idea_id = $1 AND user_id = $2) AS follows,
                (SELECT thread_count FROM boards WHERE id = $3) AS published`,
        [idea.id, author.id, boardId],
      ),
    ).toEqual([{ votes: 1, follows: 1, published: 1 }]);
  });

  it('pages the list in each order with cursors both ways, filters and a total', async () => {
    const boardId = await board();
    const made = [];
    for (let i = 0; i < 5; i++)
      made.push(await submit(boardId, `Numbered idea ${i}`, i % 2 ? ['odd'] : []));
    // Distinct votes, scores and times set by hand, so that no order falls back on the ids.
    for (const [i, votes] of [3, 1, 4, 2, 5].entries()) {
      await medium.sql(
        `UPDATE ideas SET vote_count = $2, trending_score = $3, weighted_vote_count = $5,
                created_at = timestamptz '2026-01-01' + $4 * interval '1 minute' WHERE id = $1`,
        [made[i].id, votes, 10 - votes, i, [2, 9, 1, 7, 3][i]],
      );
    }
    const titles = async (orderBy: IdeaOrder, extra: object = {}) => {
      const page = await ideas.list(null, { boardId, ...extra }, orderBy, {
        direction: 'forward',
        limit: 2,
        cursor: null,
      });
      const next = await ideas.list(null, { boardId, ...extra }, orderBy, {
        direction: 'forward',
        limit: 10,
        cursor: page.pageInfo.endCursor,
      });
      const back = await ideas.list(null, { boardId, ...extra }, orderBy, {
        direction: 'backward',
        limit: 10,
        cursor: next.pageInfo.startCursor,
      });
      expect(back.edges.map((edge) => edge.node.id)).toEqual(page.edges.map((e) => e.node.id));
      expect(page.pageInfo.hasNextPage).toBe(next.edges.length > 0);
      return [...page.edges, ...next.edges].map((edge) => edge.node.title.slice(-1));
    };
    expect(await titles(IdeaOrder.TOP)).toEqual(['4', '2', '0', '3', '1']);
    expect(await titles(IdeaOrder.TRENDING)).toEqual(['1', '3', '0', '2', '4']);
    expect(await titles(IdeaOrder.WEIGHTED)).toEqual(['1', '3', '4', '0', '2']);
    expect(await titles(IdeaOrder.NEWEST)).toEqual(['4', '3', '2', '1', '0']);
    expect(await titles(IdeaOrder.NEWEST, { tag: 'odd' })).toEqual(['3', '1']);
    await medium.sql(`UPDATE ideas SET status = 'PLANNED' WHERE id = $1`, [made[2].id]);
    expect(await titles(IdeaOrder.TOP, { status: IdeaStatus.PLANNED })).toEqual(['2']);
    const all = await ideas.list(null, { boardId }, IdeaOrder.TOP, {
      direction: 'forward',
      limit: 2,
      cursor: null,
    });
    expect(await all.totalCount()).toBe(5);
  });

  it('lists held ideas to their author and moderators only', async () => {
    const boardId = await board();
    const held = await submit(boardId, 'Held for review, this one');
    await transactions.run((tx) =>
      repository.setContentStatus(held.id, ContentStatus.PENDING_REVIEW, tx),
    );
    const page = { direction: 'forward' as const, limit: 10, cursor: null };
    const seen = async (viewer: Viewer | null) =>
      (await ideas.list(viewer, { boardId }, IdeaOrder.NEWEST, page)).edges.length;
    expect(await seen(null)).toBe(0);
    expect(await seen(await medium.viewer())).toBe(0);
    expect(await seen(author)).toBe(1);
    expect(await seen(await medium.viewer(Role.MODERATOR))).toBe(1);
  });

  it('reads ideas by id, one query for a batch, as the viewer may see them', async () => {
    const boardId = await board();
    const [a, b] = [
      await submit(boardId, 'First of a batch'),
      await submit(boardId, 'Second of a batch'),
    ];
    await transactions.run((tx) => repository.setContentStatus(b.id, ContentStatus.HIDDEN, tx));
    const loaders = new RequestLoaders();
    const found = await Promise.all([
      ideas.findVisible(loaders, a.id, null),
      ideas.findVisible(loaders, b.id, null),
      ideas.findVisible(loaders, randomUUID(), null),
    ]);
    expect(found.map((idea) => idea?.id ?? null)).toEqual([a.id, null, null]);
    expect((await repository.findByIds([a.id, b.id])).map((idea) => idea.id).sort()).toEqual(
      [a.id, b.id].sort(),
    );
    expect(await repository.findById(randomUUID())).toBeNull();
  });

  it('suggests open published ideas like the typed title, never closed ones', async () => {
    const boardId = await board();
    const open = await submit(boardId, 'Export invoices as PDF files');
    const closed = await submit(boardId, 'Export invoices to spreadsheets');
    await transactions.run((tx) => repository.setStatus(closed.id, IdeaStatus.DECLINED, 'No', tx));
    const similar = await ideas.similar('export invoices', null, 5);
    expect(similar.map((idea) => idea.id)).toContain(open.id);
    expect(similar.map((idea) => idea.id)).not.toContain(closed.id);
  });

  it('follows and unfollows an idea, each once, and locks ideas in id order', async () => {
    const boardId = await board();
    const idea = await submit(boardId, 'Follow me, please');
    const member = await medium.viewer();
    await ideas.follow(member, idea.id);
    await ideas.follow(member, idea.id);
    const follows = () =>
      medium.sql('SELECT user_id FROM idea_subscriptions WHERE idea_id = $1 AND user_id = $2', [
        idea.id,
        member.id,
      ]);
    expect(await follows()).toHaveLength(1);
    await ideas.unfollow(member, idea.id);
    expect(await follows()).toHaveLength(0);
    const other = await submit(boardId, 'Another one to lock');
    const locked = await transactions.run((tx) => repository.lockByIds([other.id, idea.id], tx));
    expect(locked.map((row) => row.id)).toEqual([idea.id, other.id].sort());
    expect(await transactions.run((tx) => repository.lockById(randomUUID(), tx))).toBeNull();
    await followers.unfollow(idea.id, member.id);
  });
});
