import { ContentStatus, Role } from '@app/core';
import { MediumTest } from '@test/medium';
import { ThreadStatus } from '../forum.enums';
import { ForumModule } from '../forum.module';
import { ForumRows } from '../testing/forum-rows';
import { CommunityFiguresRepository } from './community-figures.repository';

describe('Community figures on the real database', () => {
  const medium = new MediumTest();
  const rows = new ForumRows(medium);
  let figures: CommunityFiguresRepository;

  beforeAll(async () => {
    await medium.start([ForumModule]);
    figures = medium.get(CommunityFiguresRepository);
  });
  afterAll(() => medium.stop());

  // A year of its own, so that no other test's threads fall in the window.
  const at = (hour: number, minute = 0) => new Date(Date.UTC(2032, 0, 1, hour, minute));

  it('counts nothing in an empty window: rates from zero counts, no median', async () => {
    expect(await figures.over(at(100), at(200), [])).toEqual({
      questionsAsked: 0,
      answeredByPeers: 0,
      solved: 0,
      medianMinutesToFirstAnswer: null,
    });
  });

  it('counts the questions asked in [since, until), peers, solutions and the median', async () => {
    const board = await rows.board();
    const asker = await medium.member();
    const peer = await medium.member();
    const agent = await medium.member(Role.AGENT);
    const ask = (
      hour: number,
      seed: { status?: ThreadStatus; contentStatus?: ContentStatus } = {},
    ) => rows.thread({ board, author: asker, createdAt: at(hour), ...seed });
    // Answered by a peer after 10 minutes (the asker's own answer and a hidden one earlier).
    const byPeer = await ask(1, { status: ThreadStatus.SOLVED });
    await rows.post(byPeer, { author: asker, createdAt: at(1, 2) });
    await rows.post(byPeer, { author: peer, status: ContentStatus.HIDDEN, createdAt: at(1, 5) });
    await rows.post(byPeer, { author: peer, createdAt: at(1, 10) });
    // Answered by staff only, after 30 minutes.
    const byStaff = await ask(2);
    await rows.post(byStaff, { author: agent, createdAt: at(2, 30) });
    // Answered by staff after 20 minutes, then by a peer.
    const both = await ask(3, { status: ThreadStatus.SOLVED });
    await rows.post(both, { author: agent, createdAt: at(3, 20) });
    await rows.post(both, { author: peer, createdAt: at(3, 40) });
    // Unanswered; and outside what is counted: unpublished, or outside the window.
    await ask(4);
    await ask(5, { contentStatus: ContentStatus.HIDDEN });
    await ask(0, { status: ThreadStatus.SOLVED });
    await ask(6);

    expect(await figures.over(at(1), at(6), [agent])).toEqual({
      questionsAsked: 4,
      answeredByPeers: 2,
      solved: 2,
      medianMinutesToFirstAnswer: 20,
    });
  });
});
