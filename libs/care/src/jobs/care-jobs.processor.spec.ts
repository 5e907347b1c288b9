import { Queue } from 'bullmq';
import { AutoEscalation } from './auto-escalation';
import { CareJobsProcessor } from './care-jobs.processor';
import { RepFallback } from './rep-fallback';

function setup() {
  const escalation = { run: jest.fn(async () => 2) };
  const fallback = { run: jest.fn(async () => 1) };
  const queue = { on: jest.fn(), upsertJobScheduler: jest.fn(async (_name: string) => undefined) };
  const processor = new CareJobsProcessor(
    escalation as unknown as AutoEscalation,
    fallback as unknown as RepFallback,
    queue as unknown as Queue,
  );
  return { processor, escalation, fallback, queue };
}

describe('CareJobsProcessor', () => {
  it('schedules each job once by name, so that many workers share one schedule', () => {
    const { processor, queue } = setup();
    processor.onApplicationBootstrap();
    expect(queue.upsertJobScheduler.mock.calls.map((call) => call[0])).toEqual([
      'auto-escalation',
      'rep-fallback',
    ]);
  });

  it('runs a job at the time its data names, or at the present', async () => {
    const { processor, escalation, fallback } = setup();
    const now = '2030-01-01T00:00:00.000Z';
    expect(await processor.process({ name: 'auto-escalation', data: { now } })).toBe(2);
    expect(escalation.run).toHaveBeenCalledWith(new Date(now));
    const before = Date.now();
    expect(await processor.process({ name: 'rep-fallback', data: {} })).toBe(1);
    const [[at]] = fallback.run.mock.calls as unknown as Array<[Date]>;
    expect(at.getTime()).toBeGreaterThanOrEqual(before);
    expect(await processor.process({ name: 'unknown', data: {} })).toBe(0);
  });
});
