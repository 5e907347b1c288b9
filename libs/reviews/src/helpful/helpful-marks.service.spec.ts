import {
  AccountStatus,
  ContentStatus,
  RequestLoaders,
  Role,
  Transactions,
  Tx,
  Viewer,
} from '@app/core';
import { randomUUID } from 'node:crypto';
import { ReviewEntity } from '../reviews/review.entity';
import { ReviewsRepository } from '../reviews/reviews.repository';
import { HelpfulMarksRepository } from './helpful-marks.repository';
import { HelpfulMarksService } from './helpful-marks.service';

const TX = { tx: 'the open transaction' } as unknown as Tx;
const viewer = (role = Role.MEMBER): Viewer => ({
  id: randomUUID(),
  handle: 'reader',
  role,
  status: AccountStatus.ACTIVE,
  sessionId: randomUUID(),
});

/** Reviews in a map and marks in a set, counted as MemberMarks counts them (once each). */
function world() {
  const reviews = new Map<string, ReviewEntity>();
  const marks = new Set<string>();
  const review = (authorId: string, status = ContentStatus.PUBLISHED): ReviewEntity => {
    const row = {
      id: randomUUID(),
      productId: randomUUID(),
      authorId,
      rating: 4,
      title: 'Fine',
      body: 'Fine.',
      bodyHtml: '<p>Fine.</p>',
      status,
      helpfulCount: 0,
      createdAt: new Date(),
    };
    reviews.set(row.id, row);
    return row;
  };
  const reviewsRepository = { byId: jest.fn(async (id: string) => reviews.get(id) ?? null) };
  const marksRepository = {
    add: jest.fn(async (reviewId: string, userId: string) => {
      if (marks.has(`${reviewId}/${userId}`)) return false;
      marks.add(`${reviewId}/${userId}`);
      const target = reviews.get(reviewId);
      if (target) target.helpfulCount += 1;
      return true;
    }),
    markedAmong: jest.fn(async (userId: string, reviewIds: readonly string[]) =>
      reviewIds.map((id) => marks.has(`${id}/${userId}`)),
    ),
  };
  const transactions = { run: <T>(work: (tx: Tx) => Promise<T>) => work(TX) };
  const service = new HelpfulMarksService(
    transactions as unknown as Transactions,
    reviewsRepository as unknown as ReviewsRepository,
    marksRepository as unknown as HelpfulMarksRepository,
  );
  return { service, review, marksRepository };
}

describe('HelpfulMarksService.mark', () => {
  it("marks someone else's published review once however often the member marks it", async () => {
    const { service, review, marksRepository } = world();
    const reader = viewer();
    const target = review(randomUUID());
    expect(await service.mark(reader, target.id)).toMatchObject({ helpfulCount: 1 });
    expect(await service.mark(reader, target.id)).toMatchObject({ helpfulCount: 1 });
    expect(marksRepository.add).toHaveBeenCalledWith(target.id, reader.id, TX);
  });

  it("refuses a mark on one's own review with BAD_USER_INPUT on reviewId, marking nothing", async () => {
    const { service, review, marksRepository } = world();
    const author = viewer();
    const own = review(author.id);
    await expect(service.mark(author, own.id)).rejects.toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', field: 'reviewId' },
      message: 'reviewId: you cannot mark your own review helpful',
    });
    expect(marksRepository.add).not.toHaveBeenCalled();
  });

  it.each([
    ['an unknown review', null],
    ['a review held by automod', ContentStatus.PENDING_REVIEW],
    ['a hidden review', ContentStatus.HIDDEN],
  ])('answers a member marking %s with NOT_FOUND', async (_story, status) => {
    const { service, review, marksRepository } = world();
    const id = status ? review(randomUUID(), status).id : randomUUID();
    await expect(service.mark(viewer(), id)).rejects.toMatchObject({
      extensions: { code: 'NOT_FOUND' },
    });
    expect(marksRepository.add).not.toHaveBeenCalled();
  });

  it('refuses a moderator marking a review that is not published with BAD_USER_INPUT', async () => {
    const { service, review, marksRepository } = world();
    const hidden = review(randomUUID(), ContentStatus.HIDDEN);
    await expect(service.mark(viewer(Role.MODERATOR), hidden.id)).rejects.toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', field: 'reviewId' },
      message: 'reviewId: the review is not published',
    });
    expect(marksRepository.add).not.toHaveBeenCalled();
  });
});

describe('HelpfulMarksService.hasMarked', () => {
  it('tells each member their own marks only, one read per member per request', async () => {
    const { service, review, marksRepository } = world();
    const [reader, other] = [viewer(), viewer()];
    const [marked, unmarked] = [review(randomUUID()), review(randomUUID())];
    await service.mark(reader, marked.id);
    const loaders = new RequestLoaders();
    expect(
      await Promise.all([
        service.hasMarked(reader.id, marked.id, loaders),
        service.hasMarked(reader.id, unmarked.id, loaders),
        service.hasMarked(other.id, marked.id, loaders),
      ]),
    ).toEqual([true, false, false]);
    expect(marksRepository.markedAmong).toHaveBeenCalledTimes(2);
    expect(marksRepository.markedAmong).toHaveBeenCalledWith(reader.id, [marked.id, unmarked.id]);
  });
});
