import { ReputationService } from '@app/identity';
import { ClientMutations, ContentStatus, Role, Tx } from '@app/core';
import {
  AUTHOR_ID,
  codeOf,
  fakeContent,
  fakeOutbox,
  fakeTransactions,
  ITEM_ID,
  MODERATOR_ID,
  TARGET_ID,
  viewer,
} from '../testing/fakes';
import { FlagReason, ReviewItemKind, ReviewItemStatus } from '../moderation.enums';
import { MODERATION_EVENTS } from '../moderation.events';
import { ReviewItemEntity } from '../review-items/review-item.entity';
import { ReviewItemsRepository, ReviewItemTallies } from '../review-items/review-items.repository';
import { FlagEntity } from './flag.entity';
import { FlagsRepository, NewFlag } from './flags.repository';
import { FlagsService } from './flags.service';

const REPORTER_ID = '66666666-6666-4666-8666-666666666666';

function openItem(): ReviewItemEntity {
  return {
    id: ITEM_ID,
    kind: ReviewItemKind.FLAGGED,
    status: ReviewItemStatus.PENDING,
    targetType: 'Post',
    targetId: TARGET_ID,
    targetAuthorId: AUTHOR_ID,
    priority: 0,
    flagCount: 0,
    flagWeight: 0,
    hideWeight: 0,
    reporterReputation: 0,
    reasons: [],
    createdAt: new Date('2026-01-01T00:00:00Z'),
  } as unknown as ReviewItemEntity;
}

/** A flags service over one target and, once opened, its one review item, all in memory. */
function serviceWith(
  content: ReturnType<typeof fakeContent>,
  options: { reputation?: number; item?: ReviewItemEntity | null } = {},
) {
  let item = options.item ?? null;
  const flags: NewFlag[] = [];
  const flagRows = {
    insert: jest.fn(async (flag: NewFlag) => {
      if (flags.some((f) => f.reporterId === flag.reporterId && f.targetId === flag.targetId)) {
        return false;
      }
      flags.push(flag);
      return true;
    }),
    byId: jest.fn(async (id: string) => flags.find((f) => f.id === id) as unknown as FlagEntity),
    ofItems: jest.fn(async () => []),
  } as unknown as FlagsRepository;
  const reputation = {
    of: jest.fn(async () => options.reputation ?? 0),
  } as unknown as ReputationService;
  const items = {
    openForTarget: jest.fn(async () => item),
    openFlagged: jest.fn(async () => (item = openItem())),
    updateTallies: jest.fn(async (_id: string, tallies: ReviewItemTallies) => {
      if (item) item = { ...item, ...tallies } as ReviewItemEntity;
    }),
  } as unknown as ReviewItemsRepository;
  const clientMutations = {
    once: jest.fn(
      async (_tx: Tx, _m: unknown, id: string, write: (id: string) => Promise<void>) => {
        await write(id);
        return id;
      },
    ),
  } as unknown as ClientMutations;
  const outbox = fakeOutbox();
  const service = new FlagsService(
    fakeTransactions(),
    flagRows,
    items,
    content.registry,
    outbox,
    clientMutations,
    reputation,
  );
  return { service, flags, outbox, item: () => item };
}

const post = { type: 'Post', id: TARGET_ID };
const reporter = viewer(REPORTER_ID, Role.MEMBER);

describe('FlagsService', () => {
  it('opens one review item for a target and counts the flag on it', async () => {
    const content = fakeContent();
    const { service, outbox, item } = serviceWith(content);
    const flag = await service.flag(reporter, post, { reason: FlagReason.SPAM, note: '  ad  ' });
    expect(flag).toEqual(
      expect.objectContaining({
        reporterId: REPORTER_ID,
        note: 'ad',
        weight: 1,
        reviewItemId: ITEM_ID,
      }),
    );
    expect(item()).toEqual(
      expect.objectContaining({ flagCount: 1, flagWeight: 1, hideWeight: 1, reasons: ['SPAM'] }),
    );
    expect(outbox.events).toEqual([
      { type: MODERATION_EVENTS.reviewChanged, payload: { reviewItemId: ITEM_ID } },
    ]);
    expect(content.statuses).toEqual([]);
  });

  it('weighs a trusted reporter more, and hides the target at the hide weight', async () => {
    const content = fakeContent();
    const { service, item } = serviceWith(content, { reputation: 1000 });
    await service.flag(reporter, post, { reason: FlagReason.OFFENSIVE });
    expect(item()).toEqual(expect.objectContaining({ flagWeight: 3, hideWeight: 3 }));
    expect(content.statuses).toEqual([ContentStatus.HIDDEN]);
  });

  it('counts incorrect advice toward priority but never toward hiding', async () => {
    const content = fakeContent();
    const { service, item } = serviceWith(content, { reputation: 1000 });
    await service.flag(reporter, post, { reason: FlagReason.INCORRECT_ADVICE });
    expect(item()).toEqual(expect.objectContaining({ flagWeight: 3, hideWeight: 0 }));
    expect(content.statuses).toEqual([]);
  });

  it('refuses a second flag by the same member with CONFLICT', async () => {
    const { service } = serviceWith(fakeContent());
    await service.flag(reporter, post, { reason: FlagReason.SPAM });
    expect(await codeOf(service.flag(reporter, post, { reason: FlagReason.SPAM }))).toBe(
      'CONFLICT',
    );
  });

  it("refuses one's own content, and content that is missing or out of view", async () => {
    const own = serviceWith(fakeContent()).service;
    expect(
      await codeOf(own.flag(viewer(AUTHOR_ID, Role.MEMBER), post, { reason: FlagReason.SPAM })),
    ).toBe('BAD_USER_INPUT');
    const hidden = serviceWith(fakeContent({ status: ContentStatus.HIDDEN })).service;
    expect(await codeOf(hidden.flag(reporter, post, { reason: FlagReason.SPAM }))).toBe(
      'NOT_FOUND',
    );
    const missing = serviceWith(fakeContent({ exists: false })).service;
    expect(await codeOf(missing.flag(reporter, post, { reason: FlagReason.SPAM }))).toBe(
      'NOT_FOUND',
    );
  });

  it('piles a flag onto the open item instead of opening another', async () => {
    const existing = { ...openItem(), flagCount: 2, flagWeight: 2, reasons: ['SPAM'] };
    const { service, item } = serviceWith(fakeContent(), {
      item: existing as unknown as ReviewItemEntity,
    });
    await service.flag(viewer(MODERATOR_ID, Role.MEMBER), post, { reason: FlagReason.OFF_TOPIC });
    expect(item()).toEqual(
      expect.objectContaining({ flagCount: 3, flagWeight: 3, reasons: ['SPAM', 'OFF_TOPIC'] }),
    );
  });
});
