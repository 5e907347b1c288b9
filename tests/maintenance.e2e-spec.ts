import { randomUUID } from 'node:crypto';
import { fromGlobalId } from '@app/core';
import { IdeasMaintenanceProcessor } from '@app/ideas';
import { FingerprintPurgeProcessor } from '@app/moderation';
import { Job } from 'bullmq';
import { TestApp } from './support/test-app';

/** The worker's periodic upkeep keeps its tables to what is still read. */
describe('worker upkeep', () => {
  const app = new TestApp();

  beforeAll(() => app.start({ worker: true }));
  afterAll(() => app.stop());

  const worker = () => {
    if (!app.worker) throw new Error('the worker is not running');
    return app.worker;
  };

  it('forgets text fingerprints older than a day, keeping the recent ones', async () => {
    const member = await app.member();
    const id = fromGlobalId(member.id, 'User', 'id');
    await app.sql(
      `INSERT INTO content_fingerprints (author_id, fingerprint, created_at)
       VALUES ($1, 'old', now() - interval '25 hours'), ($1, 'recent', now() - interval '23 hours')`,
      [id],
    );
    await worker().get(FingerprintPurgeProcessor).process();
    const rows = await app.sql<{ fingerprint: string }>(
      `SELECT fingerprint FROM content_fingerprints WHERE author_id = $1`,
      [id],
    );
    expect(rows).toEqual([{ fingerprint: 'recent' }]);
  });

  it('deletes exports finished more than a week ago, with their chunks', async () => {
    const member = await app.member('PRODUCT_MANAGER');
    const requester = fromGlobalId(member.id, 'User', 'id');
    const [old, recent] = [randomUUID(), randomUUID()];
    await app.sql(
      `INSERT INTO export_jobs (id, requester_id, status, finished_at)
       VALUES ($1, $3, 'DONE', now() - interval '8 days'), ($2, $3, 'DONE', now() - interval '6 days')`,
      [old, recent, requester],
    );
    await app.sql(
      `INSERT INTO export_chunks (job_id, seq, data) VALUES ($1, 0, 'id\r\n'), ($2, 0, 'id\r\n')`,
      [old, recent],
    );
    await worker()
      .get(IdeasMaintenanceProcessor)
      .process({ name: 'export-purge' } as Job);
    expect(await app.sql(`SELECT id FROM export_jobs`)).toEqual([{ id: recent }]);
    expect(await app.sql(`SELECT job_id FROM export_chunks`)).toEqual([{ job_id: recent }]);
  });
});
