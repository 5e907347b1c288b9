import { PageRequest, RequestLoaders, Transactions } from '@app/core';
import { ModerationLogModule } from '@app/moderation';
import { MediumTest } from '@test/medium';
import { randomBytes, randomUUID } from 'node:crypto';
import { ReviewsModule } from '../reviews.module';
import { ProductsRepository } from './products.repository';
import { ProductsService } from './products.service';

describe('products on the database: the catalogue, its pages and its aggregates', () => {
  const medium = new MediumTest();
  let products: ProductsService;
  let repository: ProductsRepository;
  let transactions: Transactions;

  beforeAll(async () => {
    await medium.start([ReviewsModule, ModerationLogModule]);
    products = medium.get(ProductsService);
    repository = medium.get(ProductsRepository);
    transactions = medium.get(Transactions);
  });
  afterAll(() => medium.stop());

  const sku = () => `SKU-${randomBytes(4).toString('hex')}`;
  const create = (name = 'Fibre router') =>
    products.create({ sku: sku(), name, description: 'Wi-Fi 6 router for fibre lines.' });

  it('creates a product, refusing its SKU again in another letter case with CONFLICT', async () => {
    const product = await products.create({ sku: 'CAT6-2M', name: 'Cable', description: 'Cat 6.' });
    expect(product).toMatchObject({
      sku: 'CAT6-2M',
      ratingCount: 0,
      ratingSum: 0,
      ratingHistogram: [0, 0, 0, 0, 0],
    });
    expect(product.createdAt).toBeInstanceOf(Date);
    await expect(
      products.create({ sku: 'cat6-2m', name: 'Cable', description: 'Cat 6.' }),
    ).rejects.toMatchObject({ extensions: { code: 'CONFLICT' } });
    expect(await medium.sql(`SELECT sku FROM products WHERE lower(sku) = 'cat6-2m'`)).toEqual([
      { sku: 'CAT6-2M' },
    ]);
  });

  it('pages the products newest first either way, and counts them', async () => {
    const ids: string[] = [];
    for (const name of ['First', 'Second', 'Third']) ids.push((await create(name)).id);
    // Equal times: the id settles the order, as products_newest_idx does.
    await medium.sql(`UPDATE products SET created_at = '2030-01-01' WHERE id = ANY($1::uuid[])`, [
      ids,
    ]);
    const newestFirst = [...ids].sort().reverse();
    const forward = (cursor: string | null): PageRequest => ({
      direction: 'forward',
      limit: 2,
      cursor,
    });
    const first = await products.list(forward(null));
    expect(first.edges.map((edge) => edge.node.id)).toEqual(newestFirst.slice(0, 2));
    expect(first.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    const second = await products.list(forward(first.pageInfo.endCursor));
    expect(second.edges[0].node.id).toBe(newestFirst[2]);
    const back = await products.list({
      direction: 'backward',
      limit: 2,
      cursor: second.edges[0].cursor,
    });
    expect(back.edges.map((edge) => edge.node.id)).toEqual(newestFirst.slice(0, 2));
    const [{ total }] = await medium.sql<{ total: number }>(
      'SELECT count(*)::int AS total FROM products',
    );
    expect(await first.totalCount()).toBe(total);
  });

  it('loads products by id through the request loaders, null for one that does not exist', async () => {
    const [a, b] = [await create(), await create()];
    const loaders = new RequestLoaders();
    const loaded = await Promise.all(
      [a.id, randomUUID(), b.id].map((id) => products.load(id, loaders)),
    );
    expect(loaded.map((product) => product?.id ?? null)).toEqual([a.id, null, b.id]);
    expect(await repository.byIds([])).toEqual([]);
  });

  it('moves ratings in and out of the aggregates exactly, however many at once', async () => {
    const product = await create();
    const ratings = Array.from({ length: 25 }, (_, i) => (i % 5) + 1);
    await Promise.all(
      ratings.map((rating) =>
        transactions.run((tx) => repository.countRating(product.id, rating, 1, tx)),
      ),
    );
    await transactions.run((tx) => repository.countRating(product.id, 5, -1, tx));
    const counted = await repository.byId(product.id);
    expect(counted).toMatchObject({
      ratingCount: 24,
      ratingSum: 75 - 5,
      ratingHistogram: [5, 5, 5, 5, 4],
    });
    expect(counted && products.ratingAverage(counted)).toBeCloseTo(70 / 24);
  });

  it('names a product, and knows none for an unknown id', async () => {
    const product = await create('Mesh kit');
    expect(await repository.nameOf(product.id)).toBe('Mesh kit');
    expect(await repository.nameOf(randomUUID())).toBeNull();
    expect(await repository.byId(randomUUID())).toBeNull();
  });
});
