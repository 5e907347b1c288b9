import { RequestLoaders, Transactions } from '@app/core';
import { MediumTest } from '@test/medium';
import { ForumModule } from '../forum.module';
import { ForumRows } from '../testing/forum-rows';
import { ThreadSubscriptionsRepository } from './thread-subscriptions.repository';
import { ThreadSubscriptionsService } from './thread-subscriptions.service';

describe('Thread subscriptions on the real database', () => {
  const medium = new MediumTest();
  const rows = new ForumRows(medium);
  let subscriptions: ThreadSubscriptionsService;

  beforeAll(async () => {
    await medium.start([ForumModule]);
    subscriptions = medium.get(ThreadSubscriptionsService);
  });
  afterAll(() => medium.stop());

  it('subscribes once, in a transaction or alone, and unsubscribes', async () => {
    const thread = await rows.thread();
    const member = await medium.member();
    await medium.get(Transactions).run((tx) => subscriptions.subscribe(tx, thread, member));
    await subscriptions.follow(thread, member);
    const loaders = new RequestLoaders();
    expect(await subscriptions.isSubscribed(loaders, member, thread)).toBe(true);
    await subscriptions.unfollow(thread, member);
    await subscriptions.unfollow(thread, member);
    expect(await subscriptions.isSubscribed(new RequestLoaders(), member, thread)).toBe(false);
  });

  it("tells which threads a member follows, and pages a thread's subscribers by id", async () => {
    const [followed, other] = [await rows.thread(), await rows.thread()];
    const members: string[] = [];
    for (let n = 0; n < 5; n += 1) members.push(await medium.member());
    for (const member of members) await subscriptions.follow(followed, member);
    const repository = medium.get(ThreadSubscriptionsRepository);
    expect(await repository.subscribedAmong(members[0], [other, followed])).toEqual([false, true]);
    const pages: string[][] = [];
    for await (const page of subscriptions.subscriberIds(followed)) pages.push(page);
    const sorted = [...members].sort();
    expect(pages.flat()).toEqual(sorted);
    expect(await repository.subscriberPage(followed, sorted[1], 2)).toEqual(sorted.slice(2, 4));
  });
});
