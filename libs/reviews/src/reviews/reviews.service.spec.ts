import {
  AccountStatus,
  ClientMutations,
  ContentStatus,
  RequestLoaders,
  Role,
  Transactions,
  Tx,
  Viewer,
} from '@app/core';
import { ContentScreening } from '@app/moderation';
import { randomUUID } from 'node:crypto';
import { QueryFailedError } from 'typeorm';
import { ProductsRepository } from '../products/products.repository';
import { ReviewEntity } from './review.entity';
import { NewReview, ReviewsRepository } from './reviews.repository';
import { ReviewDraft, ReviewsService } from './reviews.service';

const TX = { tx: 'the open transaction' } as unknown as Tx;
const viewer = (role = Role.MEMBER): Viewer => ({
  id: randomUUID(),
  handle: 'reader',
  role,
  status: AccountStatus.ACTIVE,
  sessionId: randomUUID(),
});

/** Reviews and products in maps, a screening that holds what it is told to, one transaction. */
function world({ held = false, productExists = true } = {}) {
  const productId = randomUUID();
  const reviews = new Map<string, ReviewEntity>();
  const reviewsRepository = {
    insert: jest.fn(async (review: NewReview) => {
      if ([...reviews.values()].some((r) => r.authorId === review.authorId)) {
        throw new QueryFailedError('INSERT', [], {
          name: 'error',
          message: 'duplicate key',
          code: '23505',
          constraint: 'reviews_one_per_member_key',
        } as Error);
      }
      reviews.set(review.id, { ...review, helpfulCount: 0, createdAt: new Date() });
    }),
    byId: jest.fn(async (id: string) => reviews.get(id) ?? null),
    byIds: jest.fn(async (ids: readonly string[]) => ids.flatMap((id) => reviews.get(id) ?? [])),
  };
  const productsRepository = {
    byId: jest.fn(async (id: string) => (productExists && id === productId ? { id } : null)),
    countRating: jest.fn(async () => undefined),
  };
  const screening = { screen: jest.fn(async () => ({ held, score: 0, reasons: [] })) };
  const clientMutations = {
    once: jest.fn(
      async (_tx: Tx, _mutation: object, id: string, write: (id: string) => Promise<void>) => {
        await write(id);
        return id;
      },
    ),
  };
  const transactions = { run: jest.fn(<T>(work: (tx: Tx) => Promise<T>) => work(TX)) };
  const service = new ReviewsService(
    transactions as unknown as Transactions,
    reviewsRepository as unknown as ReviewsRepository,
    productsRepository as unknown as ProductsRepository,
    screening as unknown as ContentScreening,
    clientMutations as unknown as ClientMutations,
  );
  const draft = (change: Partial<ReviewDraft> = {}): ReviewDraft => ({
    productId,
    rating: 4,
    title: 'Fast and stable',
    body: 'Range is **great**.',
    ...change,
  });
  return {
    service,
    reviews,
    reviewsRepository,
    productsRepository,
    screening,
    clientMutations,
    draft,
    productId,
  };
}

describe('ReviewsService.write', () => {
  it('publishes a review with its title trimmed and its markdown rendered, counting its rating', async () => {
    const { service, draft, productsRepository, productId } = world();
    const author = viewer();
    const review = await service.write(author, draft({ title: '  Fast and stable  ' }));
    expect(review).toMatchObject({
      productId,
      authorId: author.id,
      rating: 4,
      title: 'Fast and stable',
      body: 'Range is **great**.',
      status: ContentStatus.PUBLISHED,
      helpfulCount: 0,
    });
    expect(review.bodyHtml).toContain('<strong>great</strong>');
    expect(productsRepository.countRating).toHaveBeenCalledWith(productId, 4, 1, TX);
  });

  it('screens title and body together in the transaction, and counts a held review for nothing', async () => {
    const { service, draft, screening, productsRepository } = world({ held: true });
    const author = viewer();
    const review = await service.write(author, draft({ title: ' Best ', body: 'Deals' }));
    expect(review.status).toBe(ContentStatus.PENDING_REVIEW);
    expect(screening.screen).toHaveBeenCalledWith(TX, {
      type: 'Review',
      id: review.id,
      authorId: author.id,
      text: 'Best\nDeals',
    });
    expect(productsRepository.countRating).not.toHaveBeenCalled();
  });

  it.each([
    ['a blank title', { title: '   ' }, 'title'],
    ['a blank body', { body: ' \n\t ' }, 'body'],
  ])(
    'refuses %s with BAD_USER_INPUT on the field, writing nothing',
    async (_story, change, field) => {
      const { service, draft, reviewsRepository, clientMutations } = world();
      await expect(service.write(viewer(), draft(change))).rejects.toMatchObject({
        extensions: { code: 'BAD_USER_INPUT', field },
      });
      expect(clientMutations.once).not.toHaveBeenCalled();
      expect(reviewsRepository.insert).not.toHaveBeenCalled();
    },
  );

  it('answers a review of an unknown product with NOT_FOUND before screening it', async () => {
    const { service, draft, screening, reviewsRepository } = world({ productExists: false });
    await expect(service.write(viewer(), draft())).rejects.toMatchObject({
      extensions: { code: 'NOT_FOUND' },
    });
    expect(screening.screen).not.toHaveBeenCalled();
    expect(reviewsRepository.insert).not.toHaveBeenCalled();
  });

  it("refuses a member's second review of the product with CONFLICT, counting nothing more", async () => {
    const { service, draft, productsRepository } = world();
    const author = viewer();
    await service.write(author, draft({ rating: 5 }));
    await expect(service.write(author, draft({ rating: 1 }))).rejects.toMatchObject({
      extensions: { code: 'CONFLICT' },
      message: 'You have already reviewed this product',
    });
    expect(productsRepository.countRating).toHaveBeenCalledTimes(1);
  });

  it('writes once per client mutation id, keyed by member and operation', async () => {
    const { service, draft, clientMutations } = world();
    const author = viewer();
    await service.write(author, draft({ clientMutationId: 'try-1' }));
    expect(clientMutations.once).toHaveBeenCalledWith(
      TX,
      { memberId: author.id, operation: 'writeReview', key: 'try-1' },
      expect.any(String),
      expect.any(Function),
    );
  });
});

describe('ReviewsService.visible', () => {
  it('shows a published review to anyone, a held one to its author and moderators only', async () => {
    const { service, draft } = world({ held: true });
    const author = viewer();
    const { id } = await service.write(author, draft());
    const visibleTo = (who: Viewer | null) => service.visible(id, who, new RequestLoaders());
    expect(await visibleTo(null)).toBeNull();
    expect(await visibleTo(viewer())).toBeNull();
    expect(await visibleTo(author)).toMatchObject({ id });
    expect(await visibleTo(viewer(Role.MODERATOR))).toMatchObject({ id });
    expect(await service.visible(randomUUID(), author, new RequestLoaders())).toBeNull();
  });

  it("batches the loads of one request's tick into one read", async () => {
    const { service, draft, reviewsRepository } = world();
    const first = await service.write(viewer(), draft());
    const second = await service.write(viewer(), draft());
    const loaders = new RequestLoaders();
    const loaded = await Promise.all([
      service.visible(first.id, null, loaders),
      service.visible(second.id, null, loaders),
    ]);
    expect(loaded.map((review) => review?.id)).toEqual([first.id, second.id]);
    expect(reviewsRepository.byIds).toHaveBeenCalledTimes(1);
  });
});
