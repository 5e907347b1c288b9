import { ContentStatus, ModerationLog } from '@app/core';
import { CorrectionsService } from '../corrections/corrections.service';
import { ReviewAction, ReviewItemKind, ReviewItemStatus } from '../moderation.enums';
import { MODERATION_EVENTS } from '../moderation.events';
import { ReviewItemEntity } from '../review-items/review-item.entity';
import {
  ReviewItemResolution,
  ReviewItemsRepository,
} from '../review-items/review-items.repository';
import {
  AUTHOR_ID,
  codeOf,
  fakeContent,
  fakeOutbox,
  fakeTransactions,
  ITEM_ID,
  MODERATOR_ID,
  OTHER_MODERATOR_ID,
  TARGET_ID,
  TX,
  viewer,
} from '../testing/fakes';
import { CLAIM_MINUTES, ReviewQueueService } from './review-queue.service';

function itemWith(extra: Partial<ReviewItemEntity> = {}): ReviewItemEntity {
  return {
    id: ITEM_ID,
    kind: ReviewItemKind.FLAGGED,
    status: ReviewItemStatus.PENDING,
    targetType: 'Post',
    targetId: TARGET_ID,
    targetAuthorId: AUTHOR_ID,
    claimedBy: null,
    claimedAt: null,
    ...extra,
  } as ReviewItemEntity;
}

/** A queue over one item (or none) and its target, in memory. */
function queueWith(
  item: ReviewItemEntity | null,
  content = fakeContent(),
  options: { claimWins?: boolean } = {},
) {
  const resolutions: ReviewItemResolution[] = [];
  const items = {
    byId: jest.fn(async () => item),
    lockById: jest.fn(async () => item),
    claim: jest.fn(async () => options.claimWins ?? true),
    resolve: jest.fn(async (_id: string, decision: ReviewItemResolution) => {
      resolutions.push(decision);
    }),
  } as unknown as ReviewItemsRepository;
  const corrections = { attach: jest.fn(async () => undefined) } as unknown as CorrectionsService;
  const outbox = fakeOutbox();
  const log = { append: jest.fn(async () => undefined) } as unknown as ModerationLog;
  const queue = new ReviewQueueService(
    fakeTransactions(),
    items,
    content.registry,
    corrections,
    outbox,
    log,
  );
  return { queue, items, content, corrections, outbox, log, resolutions };
}

const moderator = viewer(MODERATOR_ID);

describe('ReviewQueueService: claims', () => {
  it('claims an item for CLAIM_MINUTES and tells the queue', async () => {
    const { queue, items, outbox } = queueWith(itemWith());
    await queue.claim(moderator, ITEM_ID);
    expect(items.claim).toHaveBeenCalledWith(ITEM_ID, MODERATOR_ID, CLAIM_MINUTES, TX);
    expect(outbox.events).toEqual([
      { type: MODERATION_EVENTS.reviewChanged, payload: { reviewItemId: ITEM_ID } },
    ]);
  });

  it('says CONFLICT when another moderator holds it or it is resolved, NOT_FOUND when missing', async () => {
    const held = queueWith(itemWith({ status: ReviewItemStatus.CLAIMED }), undefined, {
      claimWins: false,
    });
    await expect(held.queue.claim(moderator, ITEM_ID)).rejects.toThrow(
      'Another moderator is working on this item',
    );
    const resolved = queueWith(itemWith({ status: ReviewItemStatus.RESOLVED }), undefined, {
      claimWins: false,
    });
    await expect(resolved.queue.claim(moderator, ITEM_ID)).rejects.toThrow(
      'This item is already resolved',
    );
    expect(await codeOf(resolved.queue.claim(moderator, ITEM_ID))).toBe('CONFLICT');
    const missing = queueWith(null, undefined, { claimWins: false });
    expect(await codeOf(missing.queue.claim(moderator, ITEM_ID))).toBe('NOT_FOUND');
    expect(held.outbox.events).toEqual([]);
  });
});

describe('ReviewQueueService: resolving', () => {
  it('hides the target, closes the item, logs the decision and tells the author', async () => {
    const { queue, content, outbox, log, resolutions } = queueWith(itemWith());
    await queue.resolve(moderator, ITEM_ID, { action: ReviewAction.HIDE, note: ' spam ' });
    expect(content.statuses).toEqual([ContentStatus.HIDDEN]);
    expect(resolutions).toEqual([
      { resolution: ReviewAction.HIDE, resolutionNote: 'spam', resolvedBy: MODERATOR_ID },
    ]);
    expect(log.append).toHaveBeenCalledWith(TX, {
      actorId: MODERATOR_ID,
      action: 'RESOLVE_HIDE',
      targetType: 'Post',
      targetId: TARGET_ID,
      targetUserId: AUTHOR_ID,
      reason: 'spam',
    });
    expect(outbox.events.map((event) => event.type)).toEqual([
      MODERATION_EVENTS.contentModerated,
      MODERATION_EVENTS.reviewChanged,
    ]);
  });

  it('approving puts held content up; what its author deleted stays deleted', async () => {
    const held = queueWith(itemWith(), fakeContent({ status: ContentStatus.PENDING_REVIEW }));
    await held.queue.resolve(moderator, ITEM_ID, { action: ReviewAction.APPROVE });
    expect(held.content.statuses).toEqual([ContentStatus.PUBLISHED]);
    const deleted = queueWith(itemWith(), fakeContent({ status: ContentStatus.DELETED }));
    await deleted.queue.resolve(moderator, ITEM_ID, { action: ReviewAction.DISMISS });
    await deleted.queue.resolve(moderator, ITEM_ID, { action: ReviewAction.HIDE });
    expect(deleted.content.statuses).toEqual([]);
  });

  it('corrects through the corrections service, only with a correction and only posts', async () => {
    const { queue, corrections } = queueWith(itemWith());
    expect(await codeOf(queue.resolve(moderator, ITEM_ID, { action: ReviewAction.CORRECT }))).toBe(
      'BAD_USER_INPUT',
    );
    await queue.resolve(moderator, ITEM_ID, {
      action: ReviewAction.CORRECT,
      correction: ' Use v2 ',
      unaccept: true,
    });
    expect(corrections.attach).toHaveBeenCalledWith(
      moderator,
      expect.anything(),
      expect.objectContaining({ id: TARGET_ID }),
      'Use v2',
      true,
      TX,
    );
    const thread = queueWith(itemWith({ targetType: 'Thread' }), fakeContent({ type: 'Thread' }));
    expect(
      await codeOf(
        thread.queue.resolve(moderator, ITEM_ID, { action: ReviewAction.CORRECT, correction: 'x' }),
      ),
    ).toBe('BAD_USER_INPUT');
    const gone = queueWith(itemWith(), fakeContent({ status: ContentStatus.DELETED }));
    expect(
      await codeOf(
        gone.queue.resolve(moderator, ITEM_ID, { action: ReviewAction.CORRECT, correction: 'x' }),
      ),
    ).toBe('BAD_USER_INPUT');
  });

  it('takes unaccept only with CORRECT', async () => {
    const { queue } = queueWith(itemWith());
    expect(
      await codeOf(
        queue.resolve(moderator, ITEM_ID, { action: ReviewAction.HIDE, unaccept: true }),
      ),
    ).toBe('BAD_USER_INPUT');
  });

  it("refuses a resolved item, and one under another moderator's live claim", async () => {
    const resolved = queueWith(itemWith({ status: ReviewItemStatus.RESOLVED }));
    expect(
      await codeOf(resolved.queue.resolve(moderator, ITEM_ID, { action: ReviewAction.HIDE })),
    ).toBe('CONFLICT');
    const claimed = queueWith(
      itemWith({
        status: ReviewItemStatus.CLAIMED,
        claimedBy: OTHER_MODERATOR_ID,
        claimedAt: new Date(),
      }),
    );
    expect(
      await codeOf(claimed.queue.resolve(moderator, ITEM_ID, { action: ReviewAction.HIDE })),
    ).toBe('CONFLICT');
    expect(claimed.content.statuses).toEqual([]);
  });

  it('lets a moderator resolve an item whose claim has lapsed', async () => {
    const lapsed = new Date(Date.now() - (CLAIM_MINUTES + 1) * 60_000);
    const { queue, content } = queueWith(
      itemWith({
        status: ReviewItemStatus.CLAIMED,
        claimedBy: OTHER_MODERATOR_ID,
        claimedAt: lapsed,
      }),
    );
    await queue.resolve(moderator, ITEM_ID, { action: ReviewAction.DELETE });
    expect(content.statuses).toEqual([ContentStatus.DELETED]);
  });

  it('is NOT_FOUND for a missing item or a target whose lib is gone', async () => {
    expect(
      await codeOf(
        queueWith(null).queue.resolve(moderator, ITEM_ID, { action: ReviewAction.HIDE }),
      ),
    ).toBe('NOT_FOUND');
    const orphan = queueWith(itemWith({ targetType: 'Gone' }));
    expect(
      await codeOf(orphan.queue.resolve(moderator, ITEM_ID, { action: ReviewAction.HIDE })),
    ).toBe('NOT_FOUND');
  });
});
