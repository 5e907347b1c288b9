import {
  badInput,
  byKeys,
  conflict,
  Connection,
  isUniqueViolation,
  PageRequest,
  requestLoader,
  toConnection,
} from '@app/core';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, In } from 'typeorm';
import { CreateProductInput } from '../dto/create-product.input';
import { ProductEntity } from './product.entity';
import { ProductsRepository } from './products.repository';

/** Products: the catalogue product managers keep and members review. */
@Injectable()
export class ProductsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: ProductsRepository,
  ) {}

  /** Creates a product; a SKU already taken in any letter case is CONFLICT. */
  async create(input: CreateProductInput): Promise<ProductEntity> {
    const name = input.name.trim();
    if (!name) throw badInput('name', 'must not be blank');
    const description = input.description.trim();
    if (!description) throw badInput('description', 'must not be blank');
    const id = randomUUID();
    try {
      await this.dataSource.manager.insert(ProductEntity, {
        id,
        sku: input.sku,
        name,
        description,
      });
    } catch (error) {
      if (isUniqueViolation(error, 'products_sku_key')) {
        throw conflict(`A product with the SKU "${input.sku}" already exists`);
      }
      throw error;
    }
    return this.dataSource.manager.findOneByOrFail(ProductEntity, { id });
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

  /** Loads a product by UUID through the request's loader. */
  load(ctx: object, id: string): Promise<ProductEntity | null> {
    return requestLoader<string, ProductEntity | null>(ctx, 'products.byId', async (ids) => {
      const rows = await this.dataSource.manager.findBy(ProductEntity, { id: In([...ids]) });
      return byKeys(ids, rows, (row) => row.id, null);
    }).load(id);
  }
}
