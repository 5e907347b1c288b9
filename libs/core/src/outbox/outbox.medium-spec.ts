import { MediumTest } from '@test/medium';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { Transactions, Tx } from '../database/transactions';
import { RecordedEvent } from '../events/domain-event';
import { OutboxRelay } from './outbox-relay';
import { OutboxRepository } from './outbox.repository';

interface QueuedJob {
  name: string;
  data: RecordedEvent;
  opts: { jobId: string };
}

/** A queue that takes jobs after a short delay (so that relays overlap) and keeps them. */
function slowQueue() {
  const jobs: QueuedJob[] = [];
  const queue = {
    jobs,
    addBulk: jest.fn(async (added: QueuedJob[]) => {
      await new Promise((resolve) => setTimeout(resolve, 20));
      jobs.push(...added);
      return added;
    }),
  };
  return queue;
}

async function waitFor(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > until) throw new Error('waited in vain');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('the outbox on the database: what commits is relayed, once', () => {
  const medium = new MediumTest();
  let transactions: Transactions;
  let repository: OutboxRepository;

  beforeAll(async () => {
    await medium.start([]);
    transactions = medium.get(Transactions);
    repository = new OutboxRepository(medium.get(DataSource), medium.get<AppConfig>(APP_CONFIG));
  });
  afterAll(() => medium.stop());
  beforeEach(() => medium.sql('DELETE FROM outbox'));

  const relayTo = (queue: ReturnType<typeof slowQueue>) =>
    new OutboxRelay(transactions, repository, queue as unknown as Queue);
  // Core declares no event of its own, so the test writes the row as OutboxService.record does.
  const record = (tx: Tx, n: number) =>
    tx.query('INSERT INTO outbox (type, payload, request_id) VALUES ($1, $2, $3)', [
      'test.happened',
      JSON.stringify({ n }),
      `request-${n}`,
    ]);
  const rows = () =>
    medium.sql<{ id: string; dispatched_at: Date | null }>(
      'SELECT id, dispatched_at FROM outbox ORDER BY id',
    );

  it('never relays an event recorded in a transaction that rolled back', async () => {
    await expect(
      transactions.run(async (tx) => {
        await record(tx, 1);
        throw new Error('the change failed after recording its event');
      }),
    ).rejects.toThrow('the change failed');
    await transactions.run((tx) => record(tx, 2));
    const queue = slowQueue();
    await relayTo(queue).wake();
    expect(queue.jobs.map((job) => job.data.payload)).toEqual([{ n: 2 }]);
    expect(queue.jobs[0]).toMatchObject({
      name: 'test.happened',
      data: { type: 'test.happened', requestId: 'request-2', occurredAt: expect.any(String) },
      opts: { jobId: `event-${queue.jobs[0].data.id}` },
    });
    expect(await rows()).toEqual([{ id: queue.jobs[0].data.id, dispatched_at: expect.any(Date) }]);
  });

  it('relays and marks each event once when two relays drain in parallel', async () => {
    // More than one batch (200), so both relays keep taking rows while the other holds some.
    await transactions.run(async (tx) => {
      for (let n = 0; n < 450; n++) await record(tx, n);
    });
    const queue = slowQueue();
    const [first, second] = [relayTo(queue), relayTo(queue)];
    await Promise.all([first.wake(), second.wake()]);
    const ids = queue.jobs.map((job) => job.data.id);
    expect(ids).toHaveLength(450);
    expect(new Set(ids).size).toBe(450);
    const relayed = await rows();
    expect(relayed.every((row) => row.dispatched_at !== null)).toBe(true);

    await Promise.all([first.wake(), second.wake()]);
    expect(queue.jobs).toHaveLength(450);
    expect(await rows()).toEqual(relayed);
  });

  it('keeps an event pending while the queue refuses it, and relays it once the queue takes it', async () => {
    await transactions.run((tx) => record(tx, 1));
    const refusing = slowQueue();
    refusing.addBulk.mockRejectedValueOnce(new Error('Redis is away'));
    await relayTo(refusing).wake();
    expect(refusing.jobs).toEqual([]);
    expect(await rows()).toEqual([{ id: expect.any(String), dispatched_at: null }]);
    await relayTo(refusing).wake();
    expect(refusing.jobs.map((job) => job.data.payload)).toEqual([{ n: 1 }]);
    expect(await rows()).toEqual([{ id: expect.any(String), dispatched_at: expect.any(Date) }]);
  });

  it('hears each event as its transaction commits, and none of one that rolls back', async () => {
    const heard: string[] = [];
    let lost: Error | null = null;
    const listener = await repository.listen(
      () => heard.push('event'),
      (error) => (lost = error),
    );
    try {
      await transactions
        .run(async (tx) => {
          await record(tx, 1);
          throw new Error('rolled back');
        })
        .catch(() => undefined);
      await transactions.run((tx) => record(tx, 2));
      await waitFor(() => heard.length > 0);
      // A moment more, in case the rolled-back one were to arrive after all.
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(heard).toEqual(['event']);
      expect(lost).toBeNull();
    } finally {
      await listener.close();
    }
  });

  it('tells the backlog: how many wait and how long the oldest has', async () => {
    expect(await repository.backlog()).toEqual({ pending: 0, oldestAgeSeconds: 0 });
    await transactions.run(async (tx) => {
      await record(tx, 1);
      await record(tx, 2);
    });
    await medium.sql(`UPDATE outbox SET created_at = now() - interval '90 seconds'`);
    const backlog = await repository.backlog();
    expect(backlog.pending).toBe(2);
    expect(backlog.oldestAgeSeconds).toBeGreaterThanOrEqual(90);
    await relayTo(slowQueue()).wake();
    expect(await repository.backlog()).toEqual({ pending: 0, oldestAgeSeconds: 0 });
  });

  it('forgets relayed events after the retention, never pending ones', async () => {
    await transactions.run(async (tx) => {
      for (let n = 0; n < 3; n++) await record(tx, n);
    });
    const [old, recent, pending] = await rows();
    await medium.sql(`UPDATE outbox SET dispatched_at = now() - interval '8 days' WHERE id = $1;`, [
      old.id,
    ]);
    await medium.sql(`UPDATE outbox SET dispatched_at = now() - interval '6 days' WHERE id = $1`, [
      recent.id,
    ]);
    expect(await repository.purgeDispatchedOlderThan(7)).toBe(1);
    expect((await rows()).map((row) => row.id)).toEqual([recent.id, pending.id]);
  });
});
