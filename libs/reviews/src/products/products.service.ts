import {
  badInput,
  byKeys,
  conflict,
  Connection,
  isUniqueViolation,
  notFound,
  PageRequest,
  RequestLoaders,
  toConnection,
} from '@app/core';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { CreateProductInput } from '../dto/create-product.input';
import { ProductEntity } from './product.entity';
import { ProductsRepository } from './products.repository';

/** Products: the catalogue product managers keep and members review. */
@Injectable()
export class ProductsService {
  constructor(private readonly repository: ProductsRepository) {}

  /** Creates a product; a SKU already taken in any letter case is CONFLICT. */
  async create(input: CreateProductInput): Promise<ProductEntity> {
    const name = input.name.trim();
    if (!name) throw badInput('name', 'must not be blank');
    const description = input.description.trim();
    if (!description) throw badInput('description', 'must not be blank');
    const id = randomUUID();
    try {
      await this.repository.insert({ id, sku: input.sku, name, description });
    } catch (error) {
      if (isUniqueViolation(error, 'products_sku_key')) {
        throw conflict(`A product with the SKU "${input.sku}" already exists`);
      }
      throw error;
    }
    const created = await this.repository.byId(id);
    if (!created) throw notFound('Product');
    return created;
  }

  /** A keyset page of products, newest first. */
  async list(page: PageRequest): Promise<Connection<ProductEntity>> {
    const rows = await this.repository.page(page);
    return toConnection(rows, page, {
      cursorOf: (product) => this.repository.cursorOf(product),
      nodeOf: (product) => product,
      totalCount: () => this.repository.count(),
    });
  }

  /** The mean of the published ratings, or null before the first one. */
  ratingAverage(product: ProductEntity): number | null {
    return product.ratingCount === 0 ? null : product.ratingSum / product.ratingCount;
  }

  /** A product by UUID (null when there is none), batched per request; products are public. */
  load(id: string, loaders: RequestLoaders): Promise<ProductEntity | null> {
    return loaders
      .get<
        string,
        ProductEntity | null
      >('products.byId', async (ids) => byKeys(ids, await this.repository.byIds(ids), (row) => row.id, null))
      .load(id);
  }
}
