import { DataSource } from 'typeorm';
import { fromGlobalId } from '@app/core';
import { createWorker } from '../apps/worker/src/create-worker';
import { ok } from './support/graphql-client';
import { SET_STATUS, submitIdea } from './support/ideas';
import { eventually, TestApp } from './support/test-app';

const VOTERS = 10_000;

/**
 * A status change on an idea with 10,000 voters: the mutation does not wait for the fan-out,
 * and every voter hears of it exactly once even when the worker dies halfway through.
 */
describe('idea status fan-out', () => {
  const app = new TestApp();

  beforeAll(() => app.start({ worker: true }));
  afterAll(() => app.stop());

  it('answers at once and notifies 10,000 voters exactly once across a worker crash', async () => {
    const admin = await app.member('ADMIN');
    const pm = await app.member('PRODUCT_MANAGER');
    const author = await app.member();
    const boardId = await app.board(admin, 'IDEAS');
    const ideaId = await submitIdea(app, author, boardId, 'Satellite texting everywhere');
    const ideaUuid = fromGlobalId(ideaId, 'Idea', 'id');
    await app.sql(
      `INSERT INTO users (id, handle, email, display_name, password_hash)
       SELECT gen_random_uuid(), 'fan' || g, 'fan' || g || '@example.com', 'Fan', 'not-a-hash'
         FROM generate_series(1, $1::int) AS g`,
      [VOTERS],
    );
    await app.sql(
      `INSERT INTO idea_votes (idea_id, user_id)
       SELECT $1, id FROM users WHERE handle LIKE 'fan%'`,
      [ideaUuid],
    );
    await app.sql(`UPDATE ideas SET vote_count = vote_count + $2 WHERE id = $1`, [
      ideaUuid,
      VOTERS,
    ]);
    const notified = async (): Promise<{ total: number; recipients: number }> =>
      (
        await app.sql<{ total: number; recipients: number }>(
          `SELECT count(*)::int AS total, count(DISTINCT recipient_id)::int AS recipients
             FROM notifications WHERE kind = 'IDEA_STATUS_CHANGED' AND subject_id = $1`,
          [ideaUuid],
        )
      )[0];

    // With the worker stopped, the mutation can only answer without the fan-out.
    await app.worker?.close();
    app.worker = null;
    const reply = ok(
      await app.gql<{ setIdeaStatus: { status: string } }>(
        SET_STATUS,
        { input: { ideaId, status: 'PLANNED', note: 'Coming next year.' } },
        pm.token,
      ),
    );
    expect(reply.setIdeaStatus.status).toBe('PLANNED');
    expect((await notified()).total).toBe(0);

    // A worker starts the fan-out and loses its database halfway: the event fails mid-way, the
    // worker is stopped, and the queue retries the event on the worker that replaces it.
    const doomed = await createWorker();
    const halfway = await eventually(notified, (count) => count.total >= 1000, 30000);
    await doomed.get(DataSource).destroy();
    await doomed.close();
    expect(halfway.total).toBeLessThan(VOTERS + 1);
    app.worker = await createWorker();

    const done = await eventually(notified, (count) => count.total >= VOTERS + 1, 60000);
    expect(done).toEqual({ total: VOTERS + 1, recipients: VOTERS + 1 });
  });
});
