import {
  cappedCount,
  encodeCursor,
  KeysetSort,
  keysetPage,
  PageRequest,
  SAMPLE,
  SAMPLE_PAGE,
  SqlSnapshot,
  Tx,
} from '@app/core';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { ProductEntity } from './product.entity';

/** What a product manager writes; the aggregates start at zero. */
export interface NewProduct {
  id: string;
  sku: string;
  name: string;
  description: string;
}

/** Newest first, as products_newest_idx runs. */
const NEWEST_FIRST: KeysetSort = {
  tail: {
    columns: [
      { sql: 'p.created_at', part: 'timestamp' },
      { sql: 'p.id', part: 'uuid' },
    ],
    order: 'DESC',
  },
};

/** Every statement on `products`: the newest-first list walks products_newest_idx. */
@Injectable()
export class ProductsRepository {
  constructor(
    @InjectRepository(ProductEntity) private readonly products: Repository<ProductEntity>,
  ) {}

  /** Inserts a product; a SKU taken in any letter case violates products_sku_key. */
  async insert(product: NewProduct, tx?: Tx): Promise<void> {
    await this.db(tx).insert(product);
  }

  /** The product with this id, or null. */
  byId(id: string, tx?: Tx): Promise<ProductEntity | null> {
    return this.db(tx).findOneBy({ id });
  }

  /** The products with these ids that exist, in no particular order (for a DataLoader). */
  @SqlSnapshot({ params: [[SAMPLE.UUID, SAMPLE.UUID_2]] })
  byIds(ids: readonly string[]): Promise<ProductEntity[]> {
    return this.products.findBy({ id: In([...ids]) });
  }

  /** One keyset page of products, newest first (limit + 1 rows), in the page's direction. */
  @SqlSnapshot({ name: 'first page', params: [SAMPLE_PAGE.FIRST] })
  @SqlSnapshot({ name: 'after a cursor', params: [SAMPLE_PAGE.after(SAMPLE.DATE.getTime())] })
  page(page: PageRequest): Promise<ProductEntity[]> {
    return keysetPage(this.products.createQueryBuilder('p'), page, NEWEST_FIRST).getMany();
  }

  /** How many products there are, up to the cap. */
  @SqlSnapshot({ params: [] })
  count(): Promise<number> {
    return cappedCount(this.products.createQueryBuilder('p'));
  }

  /** The cursor of a product in the newest-first list. */
  cursorOf(product: ProductEntity): string {
    return encodeCursor([product.createdAt.getTime(), product.id]);
  }

  /** The product's name, or null when there is no such product. */
  async nameOf(id: string, tx?: Tx): Promise<string | null> {
    const product = await this.db(tx).findOne({ where: { id }, select: { name: true } });
    return product?.name ?? null;
  }

  /**
   * Moves one published rating into (+1) or out of (-1) a product's aggregates in a single
   * UPDATE, so that concurrent reviews and moderation add up exactly (the row lock orders them).
   * Postgres arrays start at 1, so a rating of r stars is rating_histogram[r].
   */
  @SqlSnapshot({ params: [SAMPLE.UUID, 4, 1, SAMPLE.TX] })
  async countRating(productId: string, rating: number, delta: 1 | -1, tx: Tx): Promise<void> {
    await tx.query(
      `UPDATE products
          SET rating_count = rating_count + $2::int,
              rating_sum = rating_sum + $2::int * $3::int,
              rating_histogram[$3::int] = rating_histogram[$3::int] + $2::int
        WHERE id = $1`,
      [productId, delta, rating],
    );
  }

  private db(tx?: Tx): Repository<ProductEntity> {
    return tx ? tx.getRepository(ProductEntity) : this.products;
  }
}
