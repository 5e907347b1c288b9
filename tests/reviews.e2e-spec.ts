import { randomUUID } from 'node:crypto';
import { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner';
import { checkCounters } from './support/counter-check';
import { errorCode, GraphQLResponse, ok } from './support/graphql-client';
import { flag, resolve } from './support/moderation';
import { Member, TestApp } from './support/test-app';

const CREATE_PRODUCT = `mutation($input: CreateProductInput!) {
  createProduct(input: $input) { id sku name description ratingAverage ratingCount ratingHistogram }
}`;
const PRODUCT = `query($id: ID!) {
  product(id: $id) { id sku name description ratingAverage ratingCount ratingHistogram }
}`;
const PRODUCTS = `query($first: Int, $after: String) {
  products(first: $first, after: $after) {
    totalCount edges { cursor node { id sku } } pageInfo { hasNextPage endCursor }
  }
}`;
const WRITE = `mutation($input: WriteReviewInput!) {
  writeReview(input: $input) {
    id rating title body bodyHtml status helpfulCount viewerFoundHelpful
    author { handle } product { id ratingCount }
  }
}`;
const HELPFUL = `mutation($id: ID!) { markReviewHelpful(reviewId: $id) { id helpfulCount viewerFoundHelpful } }`;
const REVIEWS = `query($id: ID!, $orderBy: ReviewOrder, $first: Int, $after: String) {
  product(id: $id) {
    reviews(orderBy: $orderBy, first: $first, after: $after) {
      totalCount
      edges { cursor node { id status helpfulCount viewerFoundHelpful author { handle } product { id } } }
      pageInfo { hasNextPage hasPreviousPage endCursor }
    }
  }
}`;
const NODE = `query($id: ID!) { node(id: $id) { id ... on Review { status rating } ... on Product { sku } } }`;
// The shared QUEUE helper selects only posts and threads as targets, so reviews need their own.
const REVIEW_QUEUE = `query {
  moderationQueue(first: 50) { edges { node { id kind target { __typename ... on Review { id status } } } } }
}`;

interface Aggregates {
  ratingAverage: number | null;
  ratingCount: number;
  ratingHistogram: number[];
}
interface ReviewNode {
  id: string;
  status: string;
  helpfulCount: number;
  viewerFoundHelpful: boolean;
  author: { handle: string };
  product: { id: string };
}
interface ReviewPage {
  totalCount: number;
  edges: Array<{ cursor: string; node: ReviewNode }>;
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; endCursor: string | null };
}

/** The UUID inside a global ID, for checking rows in SQL. */
const uuidOf = (globalId: string): string =>
  Buffer.from(globalId, 'base64url').toString('utf8').split(':')[1];
const unknownId = (type: string): string =>
  Buffer.from(`${type}:${randomUUID()}`).toString('base64url');
const cursorOf = (values: unknown[]): string =>
  Buffer.from(JSON.stringify(values)).toString('base64url');

/** Helpers shared by the suites, each bound to its own app. */
function reviewsOf(app: TestApp) {
  let skus = 0;
  const helpers = {
    async product(manager: Member, name = 'Fibre router'): Promise<string> {
      const data = ok(
        await app.gql<{ createProduct: { id: string } }>(
          CREATE_PRODUCT,
          {
            input: {
              sku: `SKU-${++skus}-${randomUUID().slice(0, 8)}`,
              name,
              description: 'Wi-Fi 6 router for fibre lines.',
            },
          },
          manager.token,
        ),
      );
      return data.createProduct.id;
    },

    write(
      member: Member | null,
      input: Record<string, unknown>,
    ): Promise<GraphQLResponse<{ writeReview: { id: string; status: string; bodyHtml: string } }>> {
      return app.gql(WRITE, { input }, member?.token);
    },

    async review(member: Member, productId: string, rating: number, body = 'Works well.') {
      const data = ok(
        await helpers.write(member, { productId, rating, title: `${rating} stars`, body }),
      );
      return data.writeReview.id;
    },

    async aggregates(productId: string): Promise<Aggregates> {
      const data = ok(await app.gql<{ product: Aggregates }>(PRODUCT, { id: productId }));
      const { ratingAverage, ratingCount, ratingHistogram } = data.product;
      return { ratingAverage, ratingCount, ratingHistogram };
    },

    /** The aggregates recomputed from the published review rows. */
    async recomputed(productId: string): Promise<Aggregates> {
      const [row] = await app.sql<{ count: number; sum: number; histogram: number[] }>(
        `SELECT count(*)::int AS count, coalesce(sum(rating), 0)::int AS sum,
                array(SELECT count(r.id)::int FROM generate_series(1, 5) AS star
                        LEFT JOIN reviews r ON r.rating = star AND r.product_id = $1
                                           AND r.status = 'PUBLISHED'
                       GROUP BY star ORDER BY star) AS histogram
           FROM reviews WHERE product_id = $1 AND status = 'PUBLISHED'`,
        [uuidOf(productId)],
      );
      return {
        ratingAverage: row.count === 0 ? null : row.sum / row.count,
        ratingCount: row.count,
        ratingHistogram: row.histogram,
      };
    },

    async page(productId: string, variables: object, token?: string): Promise<ReviewPage> {
      const data = ok(
        await app.gql<{ product: { reviews: ReviewPage } }>(
          REVIEWS,
          { id: productId, ...variables },
          token,
        ),
      );
      return data.product.reviews;
    },

    /** The moderator's open item on a review. */
    async itemOf(moderator: Member, reviewId: string): Promise<{ id: string; kind: string }> {
      const data = ok(
        await app.gql<{
          moderationQueue: {
            edges: Array<{ node: { id: string; kind: string; target: { id?: string } } }>;
          };
        }>(REVIEW_QUEUE, {}, moderator.token),
      );
      const item = data.moderationQueue.edges.find((edge) => edge.node.target.id === reviewId);
      if (!item) throw new Error(`no open review item for ${reviewId}`);
      return item.node;
    },
  };
  return helpers;
}

describe('products and reviews', () => {
  const app = new TestApp();
  const reviews = reviewsOf(app);
  let manager: Member;
  let moderator: Member;

  beforeAll(async () => {
    await app.start({ worker: true });
    manager = await app.member('PRODUCT_MANAGER');
    moderator = await app.member('MODERATOR');
  });
  afterAll(() => app.stop());

  describe('products', () => {
    it('lets a product manager and an admin create products that anyone can read', async () => {
      const created = ok(
        await app.gql<{ createProduct: Record<string, unknown> }>(
          CREATE_PRODUCT,
          { input: { sku: 'RTR-AX3000', name: 'AX3000 router', description: 'Dual band.' } },
          manager.token,
        ),
      ).createProduct;
      expect(created).toMatchObject({
        sku: 'RTR-AX3000',
        name: 'AX3000 router',
        description: 'Dual band.',
        ratingAverage: null,
        ratingCount: 0,
        ratingHistogram: [0, 0, 0, 0, 0],
      });
      const id = created.id as string;
      expect(ok(await app.gql(PRODUCT, { id }))).toEqual({ product: created });
      expect(ok(await app.gql(NODE, { id }))).toEqual({ node: { id, sku: 'RTR-AX3000' } });

      const admin = await app.member('ADMIN');
      expect(await reviews.product(admin, 'Mesh kit')).toEqual(expect.any(String));
    });

    it('lists products newest first in keyset pages', async () => {
      const ids = [
        await reviews.product(manager, 'First'),
        await reviews.product(manager, 'Second'),
        await reviews.product(manager, 'Third'),
      ];
      type Page = {
        products: {
          totalCount: number;
          edges: Array<{ node: { id: string } }>;
          pageInfo: { hasNextPage: boolean; endCursor: string };
        };
      };
      const first = ok(await app.gql<Page>(PRODUCTS, { first: 2 })).products;
      expect(first.edges.map((edge) => edge.node.id)).toEqual([ids[2], ids[1]]);
      expect(first.pageInfo.hasNextPage).toBe(true);
      const [{ total }] = await app.sql<{ total: number }>(
        'SELECT count(*)::int AS total FROM products',
      );
      expect(first.totalCount).toBe(total);
      const second = ok(
        await app.gql<Page>(PRODUCTS, { first: 2, after: first.pageInfo.endCursor }),
      ).products;
      expect(second.edges[0].node.id).toBe(ids[0]);
    });

    it('answers an unknown product with null and a malformed id with BAD_USER_INPUT', async () => {
      expect(ok(await app.gql(PRODUCT, { id: unknownId('Product') }))).toEqual({ product: null });
      expect(errorCode(await app.gql(PRODUCT, { id: 'nope' }))).toBe('BAD_USER_INPUT');
      expect(errorCode(await app.gql(PRODUCT, { id: unknownId('Review') }))).toBe('BAD_USER_INPUT');
      expect(errorCode(await app.gql(PRODUCTS, { after: 'nope' }))).toBe('BAD_USER_INPUT');
    });

    it.each(['MEMBER', 'AGENT', 'MODERATOR'])(
      'refuses createProduct to a %s with FORBIDDEN, writing nothing',
      async (role) => {
        const member = await app.member(role);
        const sku = `FORBIDDEN-${role}`;
        const reply = await app.gql(
          CREATE_PRODUCT,
          { input: { sku, name: 'Nope', description: 'Nope.' } },
          member.token,
        );
        expect(errorCode(reply)).toBe('FORBIDDEN');
        expect(await app.sql('SELECT id FROM products WHERE sku = $1', [sku])).toEqual([]);
      },
    );

    it('refuses createProduct to anonymous callers with UNAUTHENTICATED', async () => {
      const reply = await app.gql(CREATE_PRODUCT, {
        input: { sku: 'ANON-1', name: 'Nope', description: 'Nope.' },
      });
      expect(errorCode(reply)).toBe('UNAUTHENTICATED');
      expect(await app.sql('SELECT id FROM products WHERE sku = $1', ['ANON-1'])).toEqual([]);
    });

    it.each([
      ['an empty sku', { sku: '' }, 'sku'],
      ['a sku with a space', { sku: 'AB 12' }, 'sku'],
      ['a sku with a slash', { sku: 'AB/12' }, 'sku'],
      ['a sku of 65 characters', { sku: 's'.repeat(65) }, 'sku'],
      ['an empty name', { name: '' }, 'name'],
      ['a blank name', { name: '   ' }, 'name'],
      ['a name of 201 characters', { name: 'n'.repeat(201) }, 'name'],
      ['an empty description', { description: '' }, 'description'],
      ['a blank description', { description: ' \n ' }, 'description'],
      ['a description of 5,001 characters', { description: 'd'.repeat(5001) }, 'description'],
    ])('refuses a product with %s, naming the field', async (_story, change, field) => {
      const input = { sku: 'VALID-SKU.1_a', name: 'Valid', description: 'Valid.', ...change };
      const reply = await app.gql(CREATE_PRODUCT, { input }, manager.token);
      expect(errorCode(reply)).toBe('BAD_USER_INPUT');
      expect(reply.errors?.[0].extensions?.field).toBe(field);
      expect(await app.sql('SELECT id FROM products WHERE sku = $1', [input.sku])).toEqual([]);
    });

    it('refuses a SKU already taken in another letter case with CONFLICT', async () => {
      const create = (sku: string) =>
        app.gql(
          CREATE_PRODUCT,
          { input: { sku, name: 'Cable', description: 'Cat 6.' } },
          manager.token,
        );
      ok(await create('CAT6-2M'));
      expect(errorCode(await create('cat6-2m'))).toBe('CONFLICT');
      expect(await app.sql(`SELECT sku FROM products WHERE lower(sku) = 'cat6-2m'`)).toEqual([
        { sku: 'CAT6-2M' },
      ]);
    });
  });

  describe('writing reviews', () => {
    it('publishes a review with rendered markdown and counts it in the aggregates', async () => {
      const productId = await reviews.product(manager);
      const author = await app.member();
      const written = ok(
        await reviews.write(author, {
          productId,
          rating: 4,
          title: '  Fast and stable  ',
          body: 'Range is **great**.',
        }),
      ).writeReview;
      expect(written).toMatchObject({
        rating: 4,
        title: 'Fast and stable',
        body: 'Range is **great**.',
        status: 'PUBLISHED',
        helpfulCount: 0,
        viewerFoundHelpful: false,
        author: { handle: author.handle },
        product: { id: productId, ratingCount: 1 },
      });
      expect(written.bodyHtml).toContain('<strong>great</strong>');
      expect(await reviews.aggregates(productId)).toEqual({
        ratingAverage: 4,
        ratingCount: 1,
        ratingHistogram: [0, 0, 0, 1, 0],
      });
      expect(ok(await app.gql(NODE, { id: written.id }))).toEqual({
        node: { id: written.id, status: 'PUBLISHED', rating: 4 },
      });
    });

    it.each([
      ['a rating of 0', { rating: 0 }, 'rating'],
      ['a rating of 6', { rating: 6 }, 'rating'],
      ['a rating of 2.5', { rating: 2.5 }, undefined],
      ['an empty title', { title: '' }, 'title'],
      ['a blank title', { title: '    ' }, 'title'],
      ['a title of 151 characters', { title: 't'.repeat(151) }, 'title'],
      ['an empty body', { body: '' }, 'body'],
      ['a blank body', { body: ' \n\t ' }, 'body'],
      ['a body of 20,001 characters', { body: 'b'.repeat(20_001) }, 'body'],
      ['a malformed productId', { productId: 'not-an-id' }, 'productId'],
      ['the id of a review as productId', { productId: unknownId('Review') }, 'productId'],
    ])('refuses a review with %s, writing nothing', async (_story, change, field) => {
      const productId = await reviews.product(manager);
      const author = await app.member();
      const reply = await reviews.write(author, {
        productId,
        rating: 3,
        title: 'Fine',
        body: 'Fine.',
        ...change,
      });
      expect(errorCode(reply)).toBe('BAD_USER_INPUT');
      // A fraction is refused by GraphQL's Int type itself, before any field rule.
      if (field) expect(reply.errors?.[0].extensions?.field).toBe(field);
      expect(
        await app.sql('SELECT id FROM reviews WHERE product_id = $1', [uuidOf(productId)]),
      ).toEqual([]);
      expect(await reviews.aggregates(productId)).toMatchObject({ ratingCount: 0 });
    });

    it('answers a review of an unknown product with NOT_FOUND', async () => {
      const reply = await reviews.write(await app.member(), {
        productId: unknownId('Product'),
        rating: 3,
        title: 'Fine',
        body: 'Fine.',
      });
      expect(errorCode(reply)).toBe('NOT_FOUND');
    });

    it('refuses a second review of the same product by the same member with CONFLICT', async () => {
      const productId = await reviews.product(manager);
      const author = await app.member();
      await reviews.review(author, productId, 5);
      const reply = await reviews.write(author, {
        productId,
        rating: 1,
        title: 'Changed my mind',
        body: 'Worse now.',
      });
      expect(errorCode(reply)).toBe('CONFLICT');
      expect(await reviews.aggregates(productId)).toEqual({
        ratingAverage: 5,
        ratingCount: 1,
        ratingHistogram: [0, 0, 0, 0, 1],
      });
    });

    it('refuses anonymous reviews and helpful marks with UNAUTHENTICATED', async () => {
      const productId = await reviews.product(manager);
      const reviewId = await reviews.review(await app.member(), productId, 2);
      const reply = await reviews.write(null, { productId, rating: 3, title: 'Hi', body: 'Hi.' });
      expect(errorCode(reply)).toBe('UNAUTHENTICATED');
      expect(errorCode(await app.gql(HELPFUL, { id: reviewId }))).toBe('UNAUTHENTICATED');
      expect(
        await app.sql('SELECT * FROM review_helpful_marks WHERE review_id = $1', [
          uuidOf(reviewId),
        ]),
      ).toEqual([]);
    });

    it('keeps exact rows and aggregates when 30 members review at once and one member tries 5 times', async () => {
      const productId = await reviews.product(manager);
      const members = await Promise.all(Array.from({ length: 30 }, () => app.member()));
      const eager = await app.member();
      const replies = await Promise.all([
        ...members.map((member, i) =>
          reviews.write(member, {
            productId,
            rating: (i % 5) + 1,
            title: `Review ${i}`,
            body: `Body ${i}.`,
          }),
        ),
        ...Array.from({ length: 5 }, (_, i) =>
          reviews.write(eager, { productId, rating: 5, title: `Try ${i}`, body: `Try ${i}.` }),
        ),
      ]);
      const codes = replies.map((reply) => reply.errors?.[0].extensions?.code ?? 'OK');
      expect(codes.filter((code) => code === 'OK')).toHaveLength(31);
      expect(codes.filter((code) => code === 'CONFLICT')).toHaveLength(4);

      const rows = await app.sql<{ author_id: string }>(
        'SELECT author_id FROM reviews WHERE product_id = $1',
        [uuidOf(productId)],
      );
      expect(rows).toHaveLength(31);
      expect(rows.filter((row) => row.author_id === uuidOf(eager.id))).toHaveLength(1);
      const aggregates = await reviews.aggregates(productId);
      expect(aggregates).toEqual(await reviews.recomputed(productId));
      expect(aggregates.ratingCount).toBe(31);
      expect(aggregates.ratingHistogram).toEqual([6, 6, 6, 6, 7]);
      expect(await checkCounters(app)).toEqual([]);
    });
  });

  describe('helpful marks', () => {
    it('counts a member once however often they mark, and shows it to them only', async () => {
      const productId = await reviews.product(manager);
      const reviewId = await reviews.review(await app.member(), productId, 4);
      const reader = await app.member();
      const marked = { id: reviewId, helpfulCount: 1, viewerFoundHelpful: true };
      expect(ok(await app.gql(HELPFUL, { id: reviewId }, reader.token))).toEqual({
        markReviewHelpful: marked,
      });
      expect(ok(await app.gql(HELPFUL, { id: reviewId }, reader.token))).toEqual({
        markReviewHelpful: marked,
      });
      const [mine] = (await reviews.page(productId, {}, reader.token)).edges;
      expect(mine.node).toMatchObject({ helpfulCount: 1, viewerFoundHelpful: true });
      const [theirs] = (await reviews.page(productId, {}, (await app.member()).token)).edges;
      expect(theirs.node).toMatchObject({ helpfulCount: 1, viewerFoundHelpful: false });
    });

    it("refuses a mark on one's own review, writing nothing", async () => {
      const productId = await reviews.product(manager);
      const author = await app.member();
      const reviewId = await reviews.review(author, productId, 5);
      const reply = await app.gql(HELPFUL, { id: reviewId }, author.token);
      expect(errorCode(reply)).toBe('BAD_USER_INPUT');
      expect(reply.errors?.[0].extensions?.field).toBe('reviewId');
      expect(
        await app.sql('SELECT * FROM review_helpful_marks WHERE review_id = $1', [
          uuidOf(reviewId),
        ]),
      ).toEqual([]);
    });

    it.each([
      ['a malformed id', 'BAD_USER_INPUT', 'nope'],
      ['the id of a product', 'BAD_USER_INPUT', unknownId('Product')],
      ['an unknown review', 'NOT_FOUND', unknownId('Review')],
    ])('answers %s with %s', async (_story, code, id) => {
      expect(errorCode(await app.gql(HELPFUL, { id }, (await app.member()).token))).toBe(code);
    });

    it('keeps the count equal to the marks when 25 members mark twice at once', async () => {
      const productId = await reviews.product(manager);
      const reviewId = await reviews.review(await app.member(), productId, 3);
      const members = await Promise.all(Array.from({ length: 25 }, () => app.member()));
      const replies = await Promise.all(
        members.flatMap((member) => [
          app.gql(HELPFUL, { id: reviewId }, member.token),
          app.gql(HELPFUL, { id: reviewId }, member.token),
        ]),
      );
      replies.forEach((reply) => ok(reply));
      expect(
        await app.sql(
          `SELECT r.helpful_count AS count,
                  (SELECT count(*)::int FROM review_helpful_marks m WHERE m.review_id = r.id) AS marks
             FROM reviews r WHERE r.id = $1`,
          [uuidOf(reviewId)],
        ),
      ).toEqual([{ count: 25, marks: 25 }]);
      expect(await checkCounters(app)).toEqual([]);
    });
  });

  describe('listing reviews', () => {
    let productId: string;
    // A to E: ratings 3, 5, 1, 5, 3; helpful marks 2, 0, 2, 1, 0; written on days 1 to 5.
    const ids: Record<'A' | 'B' | 'C' | 'D' | 'E', string> = { A: '', B: '', C: '', D: '', E: '' };

    beforeAll(async () => {
      productId = await reviews.product(manager, 'Ordered');
      const ratings = { A: 3, B: 5, C: 1, D: 5, E: 3 };
      for (const [day, key] of (['A', 'B', 'C', 'D', 'E'] as const).entries()) {
        ids[key] = await reviews.review(await app.member(), productId, ratings[key]);
        await app.sql(`UPDATE reviews SET created_at = $2 WHERE id = $1`, [
          uuidOf(ids[key]),
          new Date(Date.UTC(2026, 0, day + 1)),
        ]);
      }
      const [first, second] = [await app.member(), await app.member()];
      for (const [member, keys] of [
        [first, ['A', 'C', 'D']],
        [second, ['A', 'C']],
      ] as const) {
        for (const key of keys) ok(await app.gql(HELPFUL, { id: ids[key] }, member.token));
      }
    });

    it.each([
      ['MOST_HELPFUL', 'CADEB'],
      ['NEWEST', 'EDCBA'],
      ['HIGHEST_RATING', 'DBEAC'],
      ['LOWEST_RATING', 'CEADB'],
    ])('orders by %s in keyset pages of two', async (orderBy, expected) => {
      const seen: string[] = [];
      let after: string | null = null;
      for (let pages = 0; pages < 3; pages++) {
        const page: ReviewPage = await reviews.page(productId, { orderBy, first: 2, after });
        expect(page.totalCount).toBe(5);
        expect(page.pageInfo.hasPreviousPage).toBe(after !== null);
        seen.push(...page.edges.map((edge) => edge.node.id));
        expect(page.pageInfo.hasNextPage).toBe(pages < 2);
        after = page.pageInfo.endCursor;
      }
      const letterOf = (id: string) => Object.entries(ids).find(([, value]) => value === id)?.[0];
      expect(seen.map(letterOf).join('')).toBe(expected);
    });

    it('orders by MOST_HELPFUL when no order is given', async () => {
      const page = await reviews.page(productId, { first: 1 });
      expect(page.edges[0].node.id).toBe(ids.C);
    });

    it.each([
      ['a cursor that is not one', 'HIGHEST_RATING', 'nope'],
      ['a cursor of another order', 'HIGHEST_RATING', cursorOf([Date.now(), randomUUID()])],
      ['a fractional rating', 'LOWEST_RATING', cursorOf([2.5, Date.now(), randomUUID()])],
      ['an overflowing count', 'MOST_HELPFUL', cursorOf([2 ** 40, Date.now(), randomUUID()])],
    ])('refuses %s with BAD_USER_INPUT on after', async (_story, orderBy, after) => {
      const reply = await app.gql(REVIEWS, { id: productId, orderBy, first: 2, after });
      expect(errorCode(reply)).toBe('BAD_USER_INPUT');
      expect(reply.errors?.[0].extensions?.field).toBe('after');
    });

    it('refuses a page size over 100', async () => {
      expect(errorCode(await app.gql(REVIEWS, { id: productId, first: 101 }))).toBe(
        'BAD_USER_INPUT',
      );
    });
  });

  describe('moderation', () => {
    it('takes a review hidden by three offensive flags out of the aggregates, and back on DISMISS', async () => {
      const productId = await reviews.product(manager, 'Smart plug');
      await reviews.review(await app.member(), productId, 4);
      const author = await app.member();
      const reviewId = await reviews.review(author, productId, 1, 'Rude words here.');
      expect(await reviews.aggregates(productId)).toMatchObject({ ratingCount: 2 });

      for (const flagger of [await app.member(), await app.member(), await app.member()]) {
        ok(await flag(app, flagger, reviewId, 'OFFENSIVE'));
      }
      expect(await reviews.aggregates(productId)).toEqual({
        ratingAverage: 4,
        ratingCount: 1,
        ratingHistogram: [0, 0, 0, 1, 0],
      });
      expect(await reviews.aggregates(productId)).toEqual(await reviews.recomputed(productId));
      const anonymous = await reviews.page(productId, {});
      expect(anonymous.totalCount).toBe(1);
      expect(ok(await app.gql(NODE, { id: reviewId }))).toEqual({ node: null });
      const own = await reviews.page(productId, {}, author.token);
      expect(own.edges.map((edge) => edge.node.status)).toContain('HIDDEN');
      expect(errorCode(await app.gql(HELPFUL, { id: reviewId }, (await app.member()).token))).toBe(
        'NOT_FOUND',
      );

      const item = await reviews.itemOf(moderator, reviewId);
      expect(item.kind).toBe('FLAGGED');
      ok(await resolve(app, moderator, { id: item.id, action: 'DISMISS' }));
      expect(await reviews.aggregates(productId)).toEqual({
        ratingAverage: 2.5,
        ratingCount: 2,
        ratingHistogram: [1, 0, 0, 1, 0],
      });
      expect(ok(await app.gql(NODE, { id: reviewId }))).toEqual({
        node: { id: reviewId, status: 'PUBLISHED', rating: 1 },
      });
    });

    it.each(['HIDE', 'DELETE'])(
      'takes a flagged review out of the aggregates when a moderator resolves it with %s',
      async (action) => {
        const productId = await reviews.product(manager, `Charger ${action}`);
        const reviewId = await reviews.review(await app.member(), productId, 2);
        ok(await flag(app, await app.member(), reviewId, 'SPAM'));
        expect(await reviews.aggregates(productId)).toMatchObject({ ratingCount: 1 });
        const item = await reviews.itemOf(moderator, reviewId);
        ok(await resolve(app, moderator, { id: item.id, action }));
        expect(await reviews.aggregates(productId)).toEqual({
          ratingAverage: null,
          ratingCount: 0,
          ratingHistogram: [0, 0, 0, 0, 0],
        });
        expect((await reviews.page(productId, {})).totalCount).toBe(0);
        expect((await reviews.page(productId, {}, moderator.token)).totalCount).toBe(1);
      },
    );

    it('refuses CORRECT on a review', async () => {
      const productId = await reviews.product(manager);
      const reviewId = await reviews.review(await app.member(), productId, 2);
      ok(await flag(app, await app.member(), reviewId, 'OTHER'));
      const item = await reviews.itemOf(moderator, reviewId);
      const reply = await resolve(app, moderator, {
        id: item.id,
        action: 'CORRECT',
        correction: 'Not so.',
      });
      expect(errorCode(reply)).toBe('BAD_USER_INPUT');
      expect(await reviews.aggregates(productId)).toMatchObject({ ratingCount: 1 });
    });
  });
});

/** Automod on: a review it holds counts for nothing and shows to nobody else until approved. */
describe('reviews held by automod', () => {
  const app = new TestApp();
  const reviews = reviewsOf(app);
  let manager: Member;
  let moderator: Member;

  beforeAll(async () => {
    await app.start({ worker: true, env: { AUTOMOD_THRESHOLD: '3' } });
    manager = await app.member('PRODUCT_MANAGER');
    moderator = await app.member('MODERATOR');
  });
  afterAll(() => app.stop());

  it("holds a new member's review with four links until a moderator approves it", async () => {
    const productId = await reviews.product(manager, 'Modem');
    const spammer = await app.member();
    const reader = await app.member();
    const held = ok(
      await reviews.write(spammer, {
        productId,
        rating: 5,
        title: 'Best modem',
        body: 'Deals: https://a.example https://b.example http://c.example www.d.example',
      }),
    ).writeReview;
    expect(held.status).toBe('PENDING_REVIEW');

    const none = { ratingAverage: null, ratingCount: 0, ratingHistogram: [0, 0, 0, 0, 0] };
    expect(await reviews.aggregates(productId)).toEqual(none);
    expect((await reviews.page(productId, {})).edges).toEqual([]);
    expect((await reviews.page(productId, {}, reader.token)).totalCount).toBe(0);
    expect(ok(await app.gql(NODE, { id: held.id }, reader.token))).toEqual({ node: null });
    expect(errorCode(await app.gql(HELPFUL, { id: held.id }, reader.token))).toBe('NOT_FOUND');
    const own = await reviews.page(productId, {}, spammer.token);
    expect(own.edges.map((edge) => edge.node)).toMatchObject([
      { id: held.id, status: 'PENDING_REVIEW' },
    ]);

    const item = await reviews.itemOf(moderator, held.id);
    expect(item.kind).toBe('AUTOMOD');
    ok(await resolve(app, moderator, { id: item.id, action: 'APPROVE' }));
    expect(await reviews.aggregates(productId)).toEqual({
      ratingAverage: 5,
      ratingCount: 1,
      ratingHistogram: [0, 0, 0, 0, 1],
    });
    expect((await reviews.page(productId, {}, reader.token)).edges[0].node).toMatchObject({
      id: held.id,
      status: 'PUBLISHED',
    });
  });
});

// Without the worker, whose outbox polling would be counted with the page's statements.
describe('a product page', () => {
  const app = new TestApp();
  const reviews = reviewsOf(app);

  beforeAll(() => app.start());
  afterAll(() => app.stop());

  it('costs the same few SQL statements for a page of 10 reviews as for 20', async () => {
    const reader = await app.member();
    const manager = await app.member('PRODUCT_MANAGER');
    const big = await reviews.product(manager, 'Popular');
    const authors = await Promise.all(Array.from({ length: 20 }, () => app.member()));
    await Promise.all(authors.map((author, i) => reviews.review(author, big, (i % 5) + 1)));
    const countStatements = async (first: number): Promise<number> => {
      const spy = jest.spyOn(PostgresQueryRunner.prototype, 'query');
      try {
        const page = await reviews.page(big, { first }, reader.token);
        expect(page.edges).toHaveLength(first);
        return spy.mock.calls.length;
      } finally {
        spy.mockRestore();
      }
    };
    const forTen = await countStatements(10);
    expect(await countStatements(20)).toBe(forTen);
    // Viewer, product, page, count, the batched authors and the batched helpful marks.
    expect(forTen).toBeLessThanOrEqual(6);
  });
});
