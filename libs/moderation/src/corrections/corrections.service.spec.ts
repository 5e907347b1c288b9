import { ContentStatus, ModerationLog, Role } from '@app/core';
import {
  AUTHOR_ID,
  codeOf,
  fakeContent,
  fakeOutbox,
  fakeTransactions,
  MODERATOR_ID,
  TARGET_ID,
  TX,
  viewer,
} from '../testing/fakes';
import { MODERATION_EVENTS } from '../moderation.events';
import { CorrectionsRepository, NewCorrection } from './corrections.repository';
import { CorrectionsService, isHeldOrHidden } from './corrections.service';

function serviceWith(content: ReturnType<typeof fakeContent>) {
  const inserted: NewCorrection[] = [];
  const repository = {
    insert: jest.fn(async (correction: NewCorrection) => {
      inserted.push(correction);
    }),
    latestOf: jest.fn(async () => []),
  } as unknown as CorrectionsRepository;
  const outbox = fakeOutbox();
  const log = { append: jest.fn(async () => undefined) } as unknown as ModerationLog;
  const service = new CorrectionsService(
    fakeTransactions(),
    repository,
    content.registry,
    outbox,
    log,
  );
  return { service, inserted, outbox, log };
}

const moderator = viewer(MODERATOR_ID, Role.MODERATOR);
const post = { type: 'Post', id: TARGET_ID };

describe('CorrectionsService', () => {
  it('corrects a published post in place, logs it and tells whoever accepted it', async () => {
    const content = fakeContent({ acceptedBy: AUTHOR_ID });
    const { service, inserted, outbox, log } = serviceWith(content);
    await expect(service.correctPost(moderator, post, '  Use **v2**  ', false)).resolves.toBe(
      TARGET_ID,
    );
    expect(inserted).toEqual([
      expect.objectContaining({
        postId: TARGET_ID,
        moderatorId: MODERATOR_ID,
        note: 'Use **v2**',
        noteHtml: expect.stringContaining('<strong>v2</strong>'),
      }),
    ]);
    expect(outbox.events).toEqual([
      {
        type: MODERATION_EVENTS.postCorrected,
        payload: expect.objectContaining({
          postId: TARGET_ID,
          acceptedById: AUTHOR_ID,
          unaccepted: false,
        }),
      },
    ]);
    expect(log.append).toHaveBeenCalledWith(TX, expect.objectContaining({ action: 'CORRECT' }));
    expect(content.statuses).toEqual([]);
  });

  it('withdraws the solution mark when asked, and says so only when there was one', async () => {
    const content = fakeContent({ acceptedBy: null });
    const { service, outbox } = serviceWith(content);
    await service.correctPost(moderator, post, 'Outdated', true);
    expect(content.unaccepted).toEqual([TARGET_ID]);
    expect(outbox.events[0].payload).toEqual(expect.objectContaining({ unaccepted: false }));
  });

  it('refuses what is not an answer, a blank note, and a post not in view', async () => {
    const thread = fakeContent({ type: 'Thread' });
    expect(
      await codeOf(
        serviceWith(thread).service.correctPost(
          moderator,
          { type: 'Thread', id: TARGET_ID },
          'x',
          false,
        ),
      ),
    ).toBe('BAD_USER_INPUT');
    expect(
      await codeOf(serviceWith(fakeContent()).service.correctPost(moderator, post, '  ', false)),
    ).toBe('BAD_USER_INPUT');
    const hidden = fakeContent({ status: ContentStatus.HIDDEN });
    expect(await codeOf(serviceWith(hidden).service.correctPost(moderator, post, 'x', false))).toBe(
      'NOT_FOUND',
    );
    const missing = fakeContent({ exists: false });
    expect(
      await codeOf(serviceWith(missing).service.correctPost(moderator, post, 'x', false)),
    ).toBe('NOT_FOUND');
  });

  it('puts held or hidden advice back up when a correction decides it from the queue', async () => {
    const content = fakeContent({ status: ContentStatus.HIDDEN });
    const { service } = serviceWith(content);
    await service.attach(moderator, content.handler, content.target, 'Fixed', false, TX);
    expect(content.statuses).toEqual([ContentStatus.PUBLISHED]);
  });

  it('never puts back what its author deleted', () => {
    expect(isHeldOrHidden(ContentStatus.PENDING_REVIEW)).toBe(true);
    expect(isHeldOrHidden(ContentStatus.HIDDEN)).toBe(true);
    expect(isHeldOrHidden(ContentStatus.DELETED)).toBe(false);
    expect(isHeldOrHidden(ContentStatus.PUBLISHED)).toBe(false);
  });
});
