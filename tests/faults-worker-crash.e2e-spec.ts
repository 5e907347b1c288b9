import { fromGlobalId } from '@app/core';
import { ChildApp, FaultPlatform, gql, until } from './support/fault-services';
import { ok } from './support/graphql-client';
import { SET_STATUS, SUBMIT } from './support/ideas';

const VOTERS = 5000;
const STALLED_MS = 1000;

interface Count {
  total: number;
  recipients: number;
}

/**
 * The worker process killed (SIGKILL) in the middle of an idea's status fan-out: the queue hands
 * the job to the next worker once its lock lapses, and every voter is notified exactly once. A
 * worker stopped with SIGTERM instead finishes the fan-out it runs before it exits.
 */
describe('worker crash mid fan-out', () => {
  const platform = new FaultPlatform({ env: { QUEUE_STALLED_INTERVAL_MS: String(STALLED_MS) } });
  let api: ChildApp & { url: string };
  let ideaId: string;
  let ideaUuid: string;
  let pmToken: string;

  beforeAll(async () => {
    await platform.start();
    api = await platform.api();
    const admin = await platform.member(api.url, 'ADMIN');
    const pm = await platform.member(api.url, 'PRODUCT_MANAGER');
    pmToken = pm.token;
    const author = await platform.member(api.url);
    const board = ok(
      await gql<{ createBoard: { id: string } }>(
        api.url,
        `mutation($input: CreateBoardInput!) { createBoard(input: $input) { id } }`,
        { input: { slug: 'ideas', name: 'Ideas', description: 'Ideas for tests', kind: 'IDEAS' } },
        admin.token,
      ),
    );
    ideaId = ok(
      await gql<{ submitIdea: { id: string } }>(
        api.url,
        SUBMIT,
        {
          input: {
            boardId: board.createBoard.id,
            title: 'Satellite texting everywhere',
            body: 'It would help a lot of customers.',
            tags: [],
          },
        },
        author.token,
      ),
    ).submitIdea.id;
    ideaUuid = fromGlobalId(ideaId, 'Idea', 'id');
    await platform.sql(
      `INSERT INTO users (id, handle, email, display_name, password_hash)
       SELECT gen_random_uuid(), 'fan' || g, 'fan' || g || '@example.com', 'Fan', 'not-a-hash'
         FROM generate_series(1, $1::int) AS g`,
      [VOTERS],
    );
    await platform.sql(
      `INSERT INTO idea_votes (idea_id, user_id) SELECT $1, id FROM users WHERE handle LIKE 'fan%'`,
      [ideaUuid],
    );
    await platform.sql('UPDATE ideas SET vote_count = vote_count + $2 WHERE id = $1', [
      ideaUuid,
      VOTERS,
    ]);
  });
  afterAll(() => platform.stop());

  const notified = async (status: string): Promise<Count> =>
    (
      await platform.sql<Count>(
        `SELECT count(*)::int AS total, count(DISTINCT recipient_id)::int AS recipients
           FROM notifications
          WHERE kind = 'IDEA_STATUS_CHANGED' AND subject_id = $1 AND message LIKE $2`,
        [ideaUuid, `%is now ${status}%`],
      )
    )[0];

  const setStatus = async (status: string): Promise<void> => {
    ok(
      await gql(
        api.url,
        SET_STATUS,
        { input: { ideaId, status, note: 'Coming next year.' } },
        pmToken,
      ),
    );
  };

  it('notifies every voter exactly once when the worker is killed halfway', async () => {
    const doomed = await platform.worker();
    await setStatus('PLANNED');
    await until(
      'the fan-out is under way',
      async () => (await notified('planned')).total > 0,
      30000,
      20,
    );
    doomed.kill('SIGKILL');
    expect(await doomed.exited).toEqual({ code: null, signal: 'SIGKILL' });
    const halfway = await notified('planned');
    expect(halfway.total).toBeLessThan(VOTERS + 1);

    await platform.worker();
    await until(
      'every voter and the author are notified',
      async () => (await notified('planned')).total >= VOTERS + 1,
      40000,
      200,
    ).catch(async (error: Error) => {
      throw new Error(`${error.message}: ${JSON.stringify(await notified('planned'))}`);
    });
    expect(await notified('planned')).toEqual({ total: VOTERS + 1, recipients: VOTERS + 1 });
  });

  it('finishes the fan-out it runs when stopped with SIGTERM, then exits 0', async () => {
    const worker = platform.children.filter((child) => child.name === 'worker' && !child.exit)[0];
    await setStatus('IN_PROGRESS');
    await until(
      'the fan-out is under way',
      async () => (await notified('in progress')).total > 0,
      30000,
      20,
    );
    worker.kill('SIGTERM');
    expect(await worker.exited).toEqual({ code: 0, signal: null });
    // Nobody else ran the job: the stopped worker finished it before exiting.
    expect(await notified('in progress')).toEqual({ total: VOTERS + 1, recipients: VOTERS + 1 });
    const shutdownLines = worker.logs().filter((line) => line.context === 'Shutdown');
    expect(shutdownLines).toHaveLength(1);
    expect(shutdownLines[0].msg).toMatch(/^Worker shut down in \d+ ms$/);
  });
});
