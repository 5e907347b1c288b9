import {
  badInput,
  byKeys,
  canSee,
  clientMutationKey,
  ClientMutations,
  conflict,
  Connection,
  ContentStatus,
  isUniqueViolation,
  notFound,
  PageRequest,
  renderMarkdown,
  RequestLoaders,
  toConnection,
  Transactions,
  Tx,
  Viewer,
} from '@app/core';
import { ContentScreening } from '@app/moderation';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { ProductsRepository } from '../products/products.repository';
import { ReviewOrder } from '../reviews.enums';
import { ReviewEntity } from './review.entity';
import { ReviewsRepository } from './reviews.repository';

/** A review as a member writes it, for a product given by UUID. */
export interface ReviewDraft {
  productId: string;
  rating: number;
  title: string;
  body: string;
  clientMutationId?: string | null;
}

/** Reviews: writing them and listing a product's reviews. */
@Injectable()
export class ReviewsService {
  constructor(
    private readonly transactions: Transactions,
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
  async write(viewer: Viewer, draft: ReviewDraft): Promise<ReviewEntity> {
    const title = draft.title.trim();
    if (!title) throw badInput('title', 'must not be blank');
    if (!draft.body.trim()) throw badInput('body', 'must not be blank');
    const mutation = {
      memberId: viewer.id,
      operation: 'writeReview',
      key: clientMutationKey(draft.clientMutationId),
    };
    let reviewId: string;
    try {
      reviewId = await this.transactions.run((tx) =>
        this.clientMutations.once(tx, mutation, randomUUID(), (id) =>
          this.insert(viewer, id, { ...draft, title }, tx),
        ),
      );
    } catch (error) {
      if (isUniqueViolation(error, 'reviews_one_per_member_key')) {
        throw conflict('You have already reviewed this product');
      }
      throw error;
    }
    const review = await this.repository.byId(reviewId);
    if (!review) throw notFound('Review');
    return review;
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

  /** A review as the viewer may see it (null when missing or not theirs to see), batched per request. */
  async visible(
    id: string,
    viewer: Viewer | null,
    loaders: RequestLoaders,
  ): Promise<ReviewEntity | null> {
    const review = await loaders
      .get<
        string,
        ReviewEntity | null
      >('reviews.byId', async (ids) => byKeys(ids, await this.repository.byIds(ids), (row) => row.id, null))
      .load(id);
    return review && canSee(review.status, review.authorId, viewer) ? review : null;
  }

  /** Screens and inserts the review, counting its rating when it is published at once. */
  private async insert(viewer: Viewer, id: string, draft: ReviewDraft, tx: Tx): Promise<void> {
    const product = await this.products.byId(draft.productId, tx);
    if (!product) throw notFound('Product');
    const verdict = await this.screening.screen(tx, {
      type: 'Review',
      id,
      authorId: viewer.id,
      text: `${draft.title}\n${draft.body}`,
    });
    const status = verdict.held ? ContentStatus.PENDING_REVIEW : ContentStatus.PUBLISHED;
    await this.repository.insert(
      {
        id,
        productId: draft.productId,
        authorId: viewer.id,
        rating: draft.rating,
        title: draft.title,
        body: draft.body,
        bodyHtml: renderMarkdown(draft.body),
        status,
      },
      tx,
    );
    if (status === ContentStatus.PUBLISHED) {
      await this.products.countRating(draft.productId, draft.rating, 1, tx);
    }
  }
}
