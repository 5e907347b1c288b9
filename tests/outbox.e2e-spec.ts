import { DomainEvent, DomainEventHandlers, OutboxService } from '@app/core';
import { DataSource } from 'typeorm';
import { eventually, TestApp } from './support/test-app';
import { TcpProxy } from './support/tcp-proxy';

declare module '@app/core' {
  interface DomainEventMap {
    /** Only this test records it, and only its own handler handles it. */
    'test.event': { n: number };
  }
}

const REDIS_PORT = Number(new URL(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379').port || 6379);

/** Records `payload` as a test event in its own transaction, committing or rolling back. */
async function record(app: TestApp, payload: { n: number }, commit: boolean): Promise<void> {
  const dataSource = app.api.get(DataSource);
  const outbox = app.api.get(OutboxService);
  await dataSource
    .transaction(async (manager) => {
      await outbox.record(manager, 'test.event', payload);
      if (!commit) throw new Error('rolled back on purpose');
    })
    .catch((error: Error) => {
      if (commit) throw error;
    });
}

function collect(app: TestApp): Array<DomainEvent<'test.event'>> {
  const delivered: Array<DomainEvent<'test.event'>> = [];
  app.worker?.get(DomainEventHandlers).register({
    handles: 'test.event',
    handle: async (event) => {
      delivered.push(event);
    },
  });
  return delivered;
}

describe('the outbox', () => {
  describe('with Redis up', () => {
    const app = new TestApp();
    beforeAll(() => app.start({ worker: true }));
    afterAll(() => app.stop());

    it('never delivers an event recorded in a transaction that rolled back', async () => {
      const delivered = collect(app);
      await record(app, { n: 1 }, false);
      await record(app, { n: 2 }, true);
      await eventually(
        async () => delivered.length,
        (count) => count >= 1,
      );
      // Give a straggler every chance to show up before concluding it never will.
      await new Promise((resolve) => setTimeout(resolve, 1500));
      expect(delivered.map((event) => event.payload.n)).toEqual([2]);
      expect(await app.sql(`SELECT payload FROM outbox WHERE type = 'test.event'`)).toEqual([
        { payload: { n: 2 } },
      ]);
    });

    it('refuses to record an event outside a transaction', async () => {
      const outbox = app.api.get(OutboxService);
      await expect(
        outbox.record(app.api.get(DataSource).manager, 'test.event', { n: 0 }),
      ).rejects.toThrow(/outside a transaction/);
    });
  });

  describe('with Redis down for a while', () => {
    const proxy = new TcpProxy(REDIS_PORT);
    const app = new TestApp();

    beforeAll(async () => {
      await proxy.up();
      await app.start({
        worker: true,
        workerEnv: { REDIS_URL: `redis://127.0.0.1:${proxy.port}` },
      });
    });
    afterAll(async () => {
      await proxy.up();
      await app.stop();
      await proxy.down();
    });

    it('delivers an event recorded during the outage exactly once when Redis is back', async () => {
      const delivered = collect(app);
      await proxy.down();
      await record(app, { n: 7 }, true);

      await new Promise((resolve) => setTimeout(resolve, 2000));
      expect(delivered).toEqual([]);
      expect(await app.sql(`SELECT dispatched_at FROM outbox WHERE type = 'test.event'`)).toEqual([
        { dispatched_at: null },
      ]);

      await proxy.up();
      await eventually(
        async () => delivered.length,
        (count) => count >= 1,
        30000,
      );
      await new Promise((resolve) => setTimeout(resolve, 1500));
      expect(delivered.map((event) => event.payload.n)).toEqual([7]);
      const [row] = await app.sql<{ dispatched: boolean }>(
        `SELECT dispatched_at IS NOT NULL AS dispatched FROM outbox WHERE type = 'test.event'`,
      );
      expect(row.dispatched).toBe(true);
    });
  });
});
