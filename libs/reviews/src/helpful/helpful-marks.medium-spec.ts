import { RequestLoaders, Transactions, Viewer } from '@app/core';
import { ModerationLogModule } from '@app/moderation';
import { MediumTest } from '@test/medium';
import { randomBytes } from 'node:crypto';
import { ProductsService } from '../products/products.service';
import { ReviewsModule } from '../reviews.module';
import { ReviewsService } from '../reviews/reviews.service';
import { HelpfulMarksRepository } from './helpful-marks.repository';
import { HelpfulMarksService } from './helpful-marks.service';

describe('helpful marks on the database: one per member, counted once', () => {
  const medium = new MediumTest();
  let helpful: HelpfulMarksService;
  let repository: HelpfulMarksRepository;

  beforeAll(async () => {
    await medium.start([ReviewsModule, ModerationLogModule]);
    helpful = medium.get(HelpfulMarksService);
    repository = medium.get(HelpfulMarksRepository);
  });
  afterAll(() => medium.stop());

  const viewers = async (count: number): Promise<Viewer[]> => {
    const made: Viewer[] = [];
    for (let i = 0; i < count; i++) made.push(await medium.viewer());
    return made;
  };
  const review = async (): Promise<string> => {
    const product = await medium.get(ProductsService).create({
      sku: `SKU-${randomBytes(4).toString('hex')}`,
      name: 'Smart plug',
      description: 'A plug.',
    });
    const written = await medium.get(ReviewsService).write(await medium.viewer(), {
      productId: product.id,
      rating: 3,
      title: 'Fine',
      body: 'Does the job.',
    });
    return written.id;
  };
  const counted = async (reviewId: string) =>
    (
      await medium.sql<{ count: number; marks: number }>(
        `SELECT r.helpful_count AS count,
                (SELECT count(*)::int FROM review_helpful_marks m WHERE m.review_id = r.id) AS marks
           FROM reviews r WHERE r.id = $1`,
        [reviewId],
      )
    )[0];

  it('counts a member once however often they mark, and answers with the review as counted', async () => {
    const reviewId = await review();
    const reader = await medium.viewer();
    expect(await helpful.mark(reader, reviewId)).toMatchObject({ id: reviewId, helpfulCount: 1 });
    expect(await helpful.mark(reader, reviewId)).toMatchObject({ id: reviewId, helpfulCount: 1 });
    expect(await counted(reviewId)).toEqual({ count: 1, marks: 1 });
  });

  it('counts exactly when 25 members mark at once and one member races 10 times', async () => {
    const reviewId = await review();
    const members = await viewers(25);
    const racer = await medium.viewer();
    const marked = await Promise.all([
      ...members.map((member) => helpful.mark(member, reviewId)),
      ...Array.from({ length: 10 }, () => helpful.mark(racer, reviewId)),
    ]);
    expect(marked.every((answer) => answer.id === reviewId)).toBe(true);
    expect(await counted(reviewId)).toEqual({ count: 26, marks: 26 });
  });

  it('adds a mark once in a transaction, saying whether it changed anything', async () => {
    const reviewId = await review();
    const reader = await medium.viewer();
    const transactions = medium.get(Transactions);
    expect(await transactions.run((tx) => repository.add(reviewId, reader.id, tx))).toBe(true);
    expect(await transactions.run((tx) => repository.add(reviewId, reader.id, tx))).toBe(false);
    expect(await counted(reviewId)).toEqual({ count: 1, marks: 1 });
  });

  it('tells each member their own marks, in the order asked, batched per request', async () => {
    const [first, second, third] = [await review(), await review(), await review()];
    const [reader, other] = await viewers(2);
    await helpful.mark(reader, first);
    await helpful.mark(reader, third);
    await helpful.mark(other, second);
    expect(await repository.markedAmong(reader.id, [third, second, first])).toEqual([
      true,
      false,
      true,
    ]);
    const loaders = new RequestLoaders();
    expect(
      await Promise.all([
        helpful.hasMarked(reader.id, first, loaders),
        helpful.hasMarked(reader.id, second, loaders),
        helpful.hasMarked(other.id, second, loaders),
      ]),
    ).toEqual([true, false, true]);
  });
});
