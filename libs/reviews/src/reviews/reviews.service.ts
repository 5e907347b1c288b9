import {
  badInput,
  byKeys,
  canSee,
  clientMutationKey,
  ClientMutations,
  conflict,
  Connection,
  ContentStatus,
  fromGlobalId,
  isUniqueViolation,
  notFound,
  PageRequest,
  renderMarkdown,
  requestLoader,
  toConnection,
  Viewer,
} from '@app/core';
import { ContentScreening } from '@app/moderation';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, In } from 'typeorm';
import { WriteReviewInput } from '../dto/write-review.input';
import { ProductEntity } from '../products/product.entity';
import { ProductsRepository } from '../products/products.repository';
import { ReviewOrder } from '../reviews.enums';
import { ReviewEntity } from './review.entity';
import { ReviewsRepository } from './reviews.repository';

/** Reviews: writing them and listing a product's reviews. */
@Injectable()
export class ReviewsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: ReviewsRepository,
    private readonly products: ProductsRepository,
    private readonly screening: ContentScreening,
    private readonly clientMutations: ClientMutations,
  ) {}

  /**
   * Reviews a product, once per member: the unique constraint settles parallel attempts, and
   * the loser's CONFLICT rolls back its screening too. A published review enters the product's
   * aggregates in the same transaction; one automod holds counts for nothing until approved.
   */
  async write(viewer: Viewer, input: WriteReviewInput): Promise<ReviewEntity> {
    const productId = fromGlobalId(input.productId, 'Product', 'productId');
    const title = input.title.trim();
    if (!title) throw badInput('title', 'must not be blank');
    if (!input.body.trim()) throw badInput('body', 'must not be blank');
    const mutation = {
      memberId: viewer.id,
      operation: 'writeReview',
      key: clientMutationKey(input.clientMutationId),
    };
    let reviewId: string;
    try {
      reviewId = await this.dataSource.transaction((manager) =>
        this.clientMutations.once(manager, mutation, randomUUID(), async (id) => {
          const product = await manager.findOneBy(ProductEntity, { id: productId });
          if (!product) throw notFound('Product');
          const verdict = await this.screening.screen(manager, {
            type: 'Review',
            id,
            authorId: viewer.id,
            text: `${title}\n${input.body}`,
          });
          const status = verdict.held ? ContentStatus.PENDING_REVIEW : ContentStatus.PUBLISHED;
          await manager.insert(ReviewEntity, {
            id,
            productId,
            authorId: viewer.id,
            rating: input.rating,
            title,
            body: input.body,
            bodyHtml: renderMarkdown(input.body),
            status,
            helpfulCount: 0,
          });
          if (status === ContentStatus.PUBLISHED) {
            await this.products.countRating(manager, productId, input.rating, 1);
          }
        }),
      );
    } catch (error) {
      if (isUniqueViolation(error, 'reviews_one_per_member_key')) {
        throw conflict('You have already reviewed this product');
      }
      throw error;
    }
    return this.getById(reviewId);
  }

  /** A page of a product's reviews that the viewer can see, in the given order. */
  async list(
    productId: string,
    viewer: Viewer | null,
    orderBy: ReviewOrder,
    page: PageRequest,
  ): Promise<Connection<ReviewEntity>> {
    const query = { productId, orderBy, page, viewer };
    const rows = await this.repository.page(query);
    return toConnection(rows, page, {
      cursorOf: (review) => this.repository.cursorOf(review, orderBy),
      nodeOf: (review) => review,
      totalCount: () => this.repository.count(query),
    });
  }

  /** A review as the viewer may see it, or null. */
  async findVisible(ctx: object, id: string, viewer: Viewer | null): Promise<ReviewEntity | null> {
    const review = await this.load(ctx, id);
    return review && canSee(review.status, review.authorId, viewer) ? review : null;
  }

  /** A review by UUID, read fresh (after a change). */
  getById(id: string): Promise<ReviewEntity> {
    return this.dataSource.manager.findOneByOrFail(ReviewEntity, { id });
  }

  /** Loads a review by UUID through the request's loader (no visibility check). */
  load(ctx: object, id: string): Promise<ReviewEntity | null> {
    return requestLoader<string, ReviewEntity | null>(ctx, 'reviews.byId', async (ids) => {
      const rows = await this.dataSource.manager.findBy(ReviewEntity, { id: In([...ids]) });
      return byKeys(ids, rows, (row) => row.id, null);
    }).load(id);
  }
}
