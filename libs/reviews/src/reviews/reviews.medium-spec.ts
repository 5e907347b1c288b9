import { ContentStatus, PageRequest, RequestLoaders, Role, Transactions, Viewer } from '@app/core';
import { ModerationLogModule } from '@app/moderation';
import { MediumTest } from '@test/medium';
import { randomBytes, randomUUID } from 'node:crypto';
import { ProductsRepository } from '../products/products.repository';
import { ProductsService } from '../products/products.service';
import { ReviewOrder } from '../reviews.enums';
import { ReviewsModule } from '../reviews.module';
import { ReviewsRepository } from './reviews.repository';
import { ReviewDraft, ReviewsService } from './reviews.service';

describe('reviews on the database: writing them, their pages and their aggregates', () => {
  const medium = new MediumTest();
  let reviews: ReviewsService;
  let repository: ReviewsRepository;
  let products: ProductsRepository;
  let transactions: Transactions;

  beforeAll(async () => {
    await medium.start([ReviewsModule, ModerationLogModule]);
    reviews = medium.get(ReviewsService);
    repository = medium.get(ReviewsRepository);
    products = medium.get(ProductsRepository);
    transactions = medium.get(Transactions);
  });
  afterAll(() => medium.stop());

  const product = async (): Promise<string> =>
    (
      await medium.get(ProductsService).create({
        sku: `SKU-${randomBytes(4).toString('hex')}`,
        name: 'Fibre router',
        description: 'Wi-Fi 6 router for fibre lines.',
      })
    ).id;
  const draft = (productId: string, change: Partial<ReviewDraft> = {}): ReviewDraft => ({
    productId,
    rating: 4,
    title: 'Fast and stable',
    body: 'Range is **great**.',
    ...change,
  });
  const viewers = async (count: number): Promise<Viewer[]> => {
    const made: Viewer[] = [];
    for (let i = 0; i < count; i++) made.push(await medium.viewer());
    return made;
  };
  /** The aggregates as stored, and as recomputed from the published rows. */
  const aggregates = async (productId: string) => {
    const [row] = await medium.sql<{
      stored: [number, number, number[]];
      recomputed: [number, number, number[]];
    }>(
      `SELECT json_build_array(p.rating_count, p.rating_sum, p.rating_histogram) AS stored,
              json_build_array(count(r.id), coalesce(sum(r.rating), 0),
                array(SELECT count(x.id)::int FROM generate_series(1, 5) AS star
                        LEFT JOIN reviews x ON x.rating = star AND x.product_id = p.id
                                           AND x.status = 'PUBLISHED'
                       GROUP BY star ORDER BY star)) AS recomputed
         FROM products p LEFT JOIN reviews r ON r.product_id = p.id AND r.status = 'PUBLISHED'
        WHERE p.id = $1 GROUP BY p.id`,
      [productId],
    );
    return row;
  };

  describe('writing', () => {
    it('writes a published review and counts it in the product in the same transaction', async () => {
      const productId = await product();
      const author = await medium.viewer();
      const review = await reviews.write(author, draft(productId, { rating: 4 }));
      expect(review).toMatchObject({
        productId,
        authorId: author.id,
        status: ContentStatus.PUBLISHED,
        helpfulCount: 0,
      });
      expect(review.createdAt).toBeInstanceOf(Date);
      expect(await aggregates(productId)).toEqual({
        stored: [1, 4, [0, 0, 0, 1, 0]],
        recomputed: [1, 4, [0, 0, 0, 1, 0]],
      });
    });

    it('keeps exact rows and aggregates when 30 members review at once and one member tries 5 times', async () => {
      const productId = await product();
      const members = await viewers(30);
      const eager = await medium.viewer();
      const results = await Promise.allSettled([
        ...members.map((member, i) =>
          reviews.write(member, draft(productId, { rating: (i % 5) + 1, title: `Review ${i}` })),
        ),
        ...Array.from({ length: 5 }, (_, i) =>
          reviews.write(eager, draft(productId, { rating: 5, title: `Try ${i}` })),
        ),
      ]);
      const refused = results.flatMap((result) =>
        result.status === 'rejected' ? [result.reason] : [],
      );
      expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(31);
      expect(refused).toHaveLength(4);
      refused.forEach((error) => expect(error).toMatchObject({ extensions: { code: 'CONFLICT' } }));
      const rows = await medium.sql<{ author_id: string }>(
        'SELECT author_id FROM reviews WHERE product_id = $1',
        [productId],
      );
      expect(rows).toHaveLength(31);
      expect(rows.filter((row) => row.author_id === eager.id)).toHaveLength(1);
      const { stored, recomputed } = await aggregates(productId);
      expect(stored).toEqual(recomputed);
      expect(stored).toEqual([31, 6 * 15 + 5, [6, 6, 6, 6, 7]]);
    });

    it('answers with the first review when the same client mutation id is sent again', async () => {
      const productId = await product();
      const author = await medium.viewer();
      const once = draft(productId, { clientMutationId: `k-${randomUUID()}` });
      const [first, again] = await Promise.all([
        reviews.write(author, once),
        reviews.write(author, once),
      ]);
      expect(again.id).toBe(first.id);
      expect((await aggregates(productId)).stored[0]).toBe(1);
    });

    it('answers a review of an unknown product with NOT_FOUND, writing nothing', async () => {
      const author = await medium.viewer();
      await expect(reviews.write(author, draft(randomUUID()))).rejects.toMatchObject({
        extensions: { code: 'NOT_FOUND' },
      });
      expect(await medium.sql('SELECT id FROM reviews WHERE author_id = $1', [author.id])).toEqual(
        [],
      );
    });
  });

  describe('held by automod', () => {
    const heldMedium = new MediumTest();
    beforeAll(() =>
      heldMedium.start([ReviewsModule, ModerationLogModule], { AUTOMOD_THRESHOLD: '3' }),
    );
    afterAll(() => heldMedium.stop());

    it('holds a new member’s review with four links, counting it for nothing and opening an item', async () => {
      const service = heldMedium.get(ReviewsService);
      const [{ id: productId }] = await heldMedium.sql<{ id: string }>(
        `INSERT INTO products (id, sku, name, description) VALUES (gen_random_uuid(), 'MODEM', 'Modem', 'A modem.')
         RETURNING id`,
      );
      const spammer = await heldMedium.viewer();
      const held = await service.write(spammer, {
        productId,
        rating: 5,
        title: 'Best modem',
        body: 'Deals: https://a.example https://b.example http://c.example www.d.example',
      });
      expect(held.status).toBe(ContentStatus.PENDING_REVIEW);
      expect(
        await heldMedium.sql('SELECT rating_count FROM products WHERE id = $1', [productId]),
      ).toEqual([{ rating_count: 0 }]);
      expect(
        await heldMedium.sql(`SELECT kind FROM review_items WHERE target_id = $1`, [held.id]),
      ).toEqual([{ kind: 'AUTOMOD' }]);
      const loaders = new RequestLoaders();
      expect(await service.visible(held.id, await heldMedium.viewer(), loaders)).toBeNull();
      expect(await service.visible(held.id, spammer, loaders)).toMatchObject({ id: held.id });
    });
  });

  describe('pages', () => {
    let productId: string;
    // A to E: ratings 3, 5, 1, 5, 3; helpful counts 2, 0, 2, 1, 0; written on days 1 to 5.
    const ids: Record<string, string> = {};
    let author: Viewer;

    beforeAll(async () => {
      productId = await product();
      const ratings = { A: 3, B: 5, C: 1, D: 5, E: 3 };
      const helpful = { A: 2, B: 0, C: 2, D: 1, E: 0 };
      for (const [day, key] of (['A', 'B', 'C', 'D', 'E'] as const).entries()) {
        const writer = await medium.viewer();
        if (key === 'E') author = writer;
        ids[key] = (await reviews.write(writer, draft(productId, { rating: ratings[key] }))).id;
        await medium.sql(`UPDATE reviews SET created_at = $2, helpful_count = $3 WHERE id = $1`, [
          ids[key],
          new Date(Date.UTC(2026, 0, day + 1)),
          helpful[key],
        ]);
      }
    });

    const letterOf = (id: string) => Object.entries(ids).find(([, value]) => value === id)?.[0];
    const walk = async (
      orderBy: ReviewOrder,
      viewer: Viewer | null,
      direction: PageRequest['direction'],
    ) => {
      const seen: string[] = [];
      let cursor: string | null = null;
      for (let pages = 0; pages < 4; pages++) {
        const page = await reviews.list(productId, viewer, orderBy, {
          direction,
          limit: 2,
          cursor,
        });
        const letters = page.edges.map((edge) => letterOf(edge.node.id) ?? '?');
        seen.splice(direction === 'forward' ? seen.length : 0, 0, ...letters);
        const more =
          direction === 'forward' ? page.pageInfo.hasNextPage : page.pageInfo.hasPreviousPage;
        if (!more) return seen.join('');
        cursor = direction === 'forward' ? page.pageInfo.endCursor : page.pageInfo.startCursor;
      }
      throw new Error('more pages than reviews');
    };

    it.each([
      [ReviewOrder.MOST_HELPFUL, 'CADEB'],
      [ReviewOrder.NEWEST, 'EDCBA'],
      [ReviewOrder.HIGHEST_RATING, 'DBEAC'],
      [ReviewOrder.LOWEST_RATING, 'CEADB'],
    ])('walks %s in keyset pages of two, forward and backward', async (orderBy, expected) => {
      expect(await walk(orderBy, null, 'forward')).toBe(expected);
      expect(await walk(orderBy, null, 'backward')).toBe(expected);
    });

    it('shows a hidden review to its author and moderators only, in the pages and the count', async () => {
      await transactions.run((tx) => repository.setStatus(ids.E, ContentStatus.HIDDEN, tx));
      try {
        const query = {
          productId,
          orderBy: ReviewOrder.NEWEST,
          page: { direction: 'forward' as const, limit: 10, cursor: null },
        };
        expect(await repository.count({ ...query, viewer: null })).toBe(4);
        expect(await repository.count({ ...query, viewer: await medium.viewer() })).toBe(4);
        expect(await repository.count({ ...query, viewer: author })).toBe(5);
        expect(
          await repository.count({ ...query, viewer: await medium.viewer(Role.MODERATOR) }),
        ).toBe(5);
        expect(await walk(ReviewOrder.NEWEST, null, 'forward')).toBe('DCBA');
      } finally {
        await transactions.run((tx) => repository.setStatus(ids.E, ContentStatus.PUBLISHED, tx));
      }
    });

    it('refuses a cursor of another order with BAD_USER_INPUT on after', async () => {
      const newest = await reviews.list(productId, null, ReviewOrder.NEWEST, {
        direction: 'forward',
        limit: 1,
        cursor: null,
      });
      await expect(
        reviews.list(productId, null, ReviewOrder.HIGHEST_RATING, {
          direction: 'forward',
          limit: 1,
          cursor: newest.pageInfo.endCursor,
        }),
      ).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'after' } });
    });
  });

  describe('what moderation uses', () => {
    it('locks a review in a transaction, changes its status, and names its product', async () => {
      const productId = await product();
      const review = await reviews.write(await medium.viewer(), draft(productId));
      await transactions.run(async (tx) => {
        expect(await repository.lock(review.id, tx)).toMatchObject({ id: review.id });
        expect(await repository.lock(randomUUID(), tx)).toBeNull();
        await repository.setStatus(review.id, ContentStatus.DELETED, tx);
      });
      expect(await repository.byId(review.id)).toMatchObject({ status: ContentStatus.DELETED });
      expect(await products.nameOf(productId)).toBe('Fibre router');
    });

    it('loads reviews by id in one batch, null for missing ones', async () => {
      const productId = await product();
      const [a, b] = [
        await reviews.write(await medium.viewer(), draft(productId)),
        await reviews.write(await medium.viewer(), draft(productId)),
      ];
      expect((await repository.byIds([a.id, randomUUID(), b.id])).map((r) => r.id).sort()).toEqual(
        [a.id, b.id].sort(),
      );
      const loaders = new RequestLoaders();
      const loaded = await Promise.all(
        [a.id, randomUUID()].map((id) => reviews.visible(id, null, loaders)),
      );
      expect(loaded.map((review) => review?.id ?? null)).toEqual([a.id, null]);
    });
  });
});
