import { DomainEventHandlers, RecordedEvent } from '@app/core';
import { WeighedVotes } from '@app/ideas';
import { CARE_EVENTS } from '../care.events';
import { VoteReweighHandler } from './vote-reweigh.handler';

/** A member's voted ideas, re-weighed a page at a time by a fake of ideas' WeighedVotes. */
function handlerOver(ideaIds: string[]) {
  const pages: Array<{ after: string; limit: number }> = [];
  const votes = {
    reweighPage: jest.fn(async (_memberId: string, after: string, limit: number) => {
      pages.push({ after, limit });
      return ideaIds.filter((id) => id > after).slice(0, limit);
    }),
  };
  const handlers = new DomainEventHandlers();
  const handler = new VoteReweighHandler(handlers, votes as unknown as WeighedVotes);
  handler.onModuleInit();
  return { handler, handlers, votes, pages };
}

const ids = (count: number) =>
  Array.from({ length: count }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`);

describe('re-weighing a member’s idea votes when their segment changes', () => {
  it('handles memberSegmentChanged by walking the member’s votes by idea id, page after page', async () => {
    const voted = ids(1001);
    const { handlers, votes, pages } = handlerOver(voted);
    await handlers.dispatch({
      id: '1',
      type: CARE_EVENTS.memberSegmentChanged,
      payload: { memberId: 'member', segmentId: null },
    } as unknown as RecordedEvent);
    expect(votes.reweighPage).toHaveBeenCalledWith('member', expect.any(String), 500);
    // Pages of 500 from the start, each after the last idea of the one before; the third is short.
    expect(pages.map((page) => page.after)).toEqual([
      '00000000-0000-0000-0000-000000000000',
      voted[499],
      voted[999],
    ]);
  });

  it('stops at once for a member without votes, and ignores other events', async () => {
    const { handler, handlers, votes } = handlerOver([]);
    expect(await handler.reweigh('member')).toBe(0);
    expect(votes.reweighPage).toHaveBeenCalledTimes(1);
    await handlers.dispatch({
      id: '2',
      type: CARE_EVENTS.caseReopened,
      payload: {},
    } as unknown as RecordedEvent);
    expect(votes.reweighPage).toHaveBeenCalledTimes(1);
  });
});
