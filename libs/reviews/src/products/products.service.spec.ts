import { RequestLoaders } from '@app/core';
import { randomUUID } from 'node:crypto';
import { QueryFailedError } from 'typeorm';
import { ProductEntity } from './product.entity';
import { NewProduct, ProductsRepository } from './products.repository';
import { ProductsService } from './products.service';

/** Products in a map, refusing a SKU taken in any letter case as products_sku_key would. */
function catalogue() {
  const products = new Map<string, ProductEntity>();
  const repository = {
    insert: jest.fn(async (product: NewProduct) => {
      const sku = product.sku.toLowerCase();
      if ([...products.values()].some((p) => p.sku.toLowerCase() === sku)) {
        throw new QueryFailedError('INSERT', [], {
          name: 'error',
          message: 'duplicate key',
          code: '23505',
          constraint: 'products_sku_key',
        } as Error);
      }
      products.set(product.id, {
        ...product,
        ratingCount: 0,
        ratingSum: 0,
        ratingHistogram: [0, 0, 0, 0, 0],
        createdAt: new Date(),
      });
    }),
    byId: jest.fn(async (id: string) => products.get(id) ?? null),
    byIds: jest.fn(async (ids: readonly string[]) => ids.flatMap((id) => products.get(id) ?? [])),
  };
  return {
    products,
    repository,
    service: new ProductsService(repository as unknown as ProductsRepository),
  };
}

const input = { sku: 'RTR-AX3000', name: 'AX3000 router', description: 'Dual band.' };

describe('ProductsService', () => {
  it('creates a product with its name and description trimmed and empty aggregates', async () => {
    const { service } = catalogue();
    const product = await service.create({
      ...input,
      name: ' AX3000 router ',
      description: ' Dual band. ',
    });
    expect(product).toMatchObject({ ...input, ratingCount: 0, ratingHistogram: [0, 0, 0, 0, 0] });
    expect(service.ratingAverage(product)).toBeNull();
  });

  it.each([
    ['a blank name', { name: '   ' }, 'name'],
    ['a blank description', { description: ' \n ' }, 'description'],
  ])(
    'refuses %s with BAD_USER_INPUT on the field, writing nothing',
    async (_story, change, field) => {
      const { service, repository } = catalogue();
      await expect(service.create({ ...input, ...change })).rejects.toMatchObject({
        extensions: { code: 'BAD_USER_INPUT', field },
      });
      expect(repository.insert).not.toHaveBeenCalled();
    },
  );

  it('refuses a SKU already taken in another letter case with CONFLICT, naming it', async () => {
    const { service, products } = catalogue();
    await service.create({ ...input, sku: 'CAT6-2M' });
    await expect(service.create({ ...input, sku: 'cat6-2m' })).rejects.toMatchObject({
      extensions: { code: 'CONFLICT' },
      message: 'A product with the SKU "cat6-2m" already exists',
    });
    expect(products.size).toBe(1);
  });

  it('averages the published ratings', async () => {
    const { service } = catalogue();
    const product = await service.create(input);
    expect(service.ratingAverage({ ...product, ratingCount: 2, ratingSum: 5 })).toBe(2.5);
  });

  it('loads the products of one tick in one read, null for one that does not exist', async () => {
    const { service, repository } = catalogue();
    const product = await service.create(input);
    const loaders = new RequestLoaders();
    const [found, missing] = await Promise.all([
      service.load(product.id, loaders),
      service.load(randomUUID(), loaders),
    ]);
    expect(found).toMatchObject({ id: product.id });
    expect(missing).toBeNull();
    expect(repository.byIds).toHaveBeenCalledTimes(1);
  });
});
