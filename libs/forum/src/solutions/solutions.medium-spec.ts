import { Role, Transactions } from '@app/core';
import { SOLUTION_REPUTATION } from '@app/identity';
import { MediumTest } from '@test/medium';
import { ForumModule } from '../forum.module';
import { ThreadStatus } from '../forum.enums';
import { ForumRows } from '../testing/forum-rows';
import { SolutionsService } from './solutions.service';

describe('Accepted solutions on the real database', () => {
  const medium = new MediumTest();
  const rows = new ForumRows(medium);
  let solutions: SolutionsService;

  beforeAll(async () => {
    await medium.start([ForumModule]);
    solutions = medium.get(SolutionsService);
  });
  afterAll(() => medium.stop());

  const member = (id: string) =>
    rows.row<{ reputation: number; accepted_solution_count: number }>('users', id);

  it('accepts, moves and withdraws a solution, the reputation following the mark', async () => {
    const asker = await medium.viewer();
    const thread = await rows.thread({ author: asker.id });
    const [first, second] = [await medium.member(), await medium.member()];
    const [a, b] = [
      await rows.post(thread, { author: first }),
      await rows.post(thread, { author: second }),
    ];
    expect((await solutions.accept(asker, a)).status).toBe(ThreadStatus.SOLVED);
    expect(await member(first)).toMatchObject({
      reputation: SOLUTION_REPUTATION,
      accepted_solution_count: 1,
    });
    await solutions.accept(asker, b);
    expect(await member(first)).toMatchObject({ reputation: 0, accepted_solution_count: 0 });
    expect(await member(second)).toMatchObject({ accepted_solution_count: 1 });
    expect((await solutions.unaccept(asker, thread)).acceptedPostId).toBeNull();
    expect(await member(second)).toMatchObject({ reputation: 0, accepted_solution_count: 0 });
    expect(await rows.events('solution.accepted')).toHaveLength(2);
  });

  it('settles concurrent accepts of different answers on one solution and one award', async () => {
    const agent = await medium.viewer(Role.AGENT);
    const thread = await rows.thread();
    const answerers = [await medium.member(), await medium.member(), await medium.member()];
    const answers: string[] = [];
    for (const author of answerers) answers.push(await rows.post(thread, { author }));
    await Promise.all(answers.map((answer) => solutions.accept(agent, answer)));
    const { accepted_post_id } = await rows.row<{ accepted_post_id: string }>('threads', thread);
    const counts = [];
    for (const answerer of answerers) counts.push(await member(answerer));
    expect(counts.map((count) => count.accepted_solution_count).sort()).toEqual([0, 0, 1]);
    const winner = answerers[answers.indexOf(accepted_post_id)];
    expect(await member(winner)).toMatchObject({ reputation: SOLUTION_REPUTATION });
  });

  it("accepts an official answer in the caller's transaction, earning no reputation", async () => {
    const agent = await medium.viewer(Role.AGENT);
    const thread = await rows.thread();
    const answer = await rows.post(thread, { author: agent.id });
    await medium.sql('UPDATE posts SET official = true WHERE id = $1', [answer]);
    await medium.get(Transactions).run((tx) => solutions.acceptInTransaction(tx, agent, answer));
    expect(await rows.row('threads', thread)).toMatchObject({
      accepted_post_id: answer,
      status: ThreadStatus.SOLVED,
    });
    expect(await member(agent.id)).toMatchObject({ reputation: 0, accepted_solution_count: 0 });
  });

  it("withdraws a post's mark in the caller's transaction", async () => {
    const asker = await medium.viewer();
    const thread = await rows.thread({ author: asker.id });
    const answer = await rows.post(thread);
    await solutions.accept(asker, answer);
    await medium.get(Transactions).run((tx) => solutions.withdrawSolutionOf(tx, answer));
    expect(await rows.row('threads', thread)).toMatchObject({
      accepted_post_id: null,
      status: ThreadStatus.OPEN,
    });
  });
});
