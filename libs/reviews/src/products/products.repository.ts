import { encodeCursor, pageCursor, PageRequest, seek } from '@app/core';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { ProductEntity } from './product.entity';

/** The product queries: the newest-first list walks products_newest_idx. */
@Injectable()
export class ProductsRepository {
  constructor(
    @InjectRepository(ProductEntity) private readonly products: Repository<ProductEntity>,
  ) {}

  /** One keyset page of products, newest first (limit + 1 rows), in the page's direction. */
  page(page: PageRequest): Promise<ProductEntity[]> {
    const qb = this.products.createQueryBuilder('p');
    const { order, past } = seek(page, 'DESC');
    const cursor = pageCursor(page, ['timestamp', 'uuid']);
    if (cursor) {
      const [at, id] = cursor;
      qb.where(`(p.created_at, p.id) ${past} (:at, :id)`, { at: new Date(at), id });
    }
    return qb
      .orderBy('p.created_at', order)
      .addOrderBy('p.id', order)
      .limit(page.limit + 1)
      .getMany();
  }

  /** How many products there are. */
  count(): Promise<number> {
    return this.products.count();
  }

  /** The cursor of a product in the newest-first list. */
  cursorOf(product: ProductEntity): string {
    return encodeCursor([product.createdAt.getTime(), product.id]);
  }

  /**
   * Moves one published rating into (+1) or out of (-1) a product's aggregates in a single
   * UPDATE, so that concurrent reviews and moderation add up exactly (the row lock orders them).
   * Postgres arrays start at 1, so a rating of r stars is rating_histogram[r].
   */
  async countRating(
    manager: EntityManager,
    productId: string,
    rating: number,
    delta: 1 | -1,
  ): Promise<void> {
    await manager.query(
      `UPDATE products
          SET rating_count = rating_count + $2::int,
              rating_sum = rating_sum + $2::int * $3::int,
              rating_histogram[$3::int] = rating_histogram[$3::int] + $2::int
        WHERE id = $1`,
      [productId, delta, rating],
    );
  }
}
