import { upsertSchedules } from '@app/core';
import { InjectQueue, OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Job, Queue } from 'bullmq';
import { AUTO_ESCALATION_JOB, AutoEscalation } from './auto-escalation';
import { REP_FALLBACK_JOB, RepFallback } from './rep-fallback';

export const CARE_JOBS_QUEUE = 'care-jobs';

const SCHEDULES = [
  { name: AUTO_ESCALATION_JOB, every: 5 * 60 * 1000 },
  { name: REP_FALLBACK_JOB, every: 60 * 1000 },
] as const;

/** A job's data: the time it runs at; scheduled runs carry none and run at the present. */
export interface CareJobData {
  now?: string;
}

/**
 * Care's periodic work on the worker: auto-escalation and the rep fallback. Each schedule exists
 * once in Redis, so however many workers run, each job runs once per period.
 */
@Processor(CARE_JOBS_QUEUE)
export class CareJobsProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger(CareJobsProcessor.name);

  constructor(
    private readonly escalation: AutoEscalation,
    private readonly fallback: RepFallback,
    @InjectQueue(CARE_JOBS_QUEUE) private readonly queue: Queue,
  ) {
    super();
    queue.on('error', (error) => this.logger.debug(`queue connection: ${error.message}`));
  }

  /** Not awaited: a worker started while Redis is away must still start. */
  onApplicationBootstrap(): void {
    upsertSchedules(this.queue, SCHEDULES, this.logger);
  }

  /** How many cases the job opened or returned. */
  async process(job: Pick<Job<CareJobData>, 'name' | 'data'>): Promise<number> {
    const now = job.data?.now ? new Date(job.data.now) : new Date();
    if (job.name === AUTO_ESCALATION_JOB) return this.escalation.run(now);
    if (job.name === REP_FALLBACK_JOB) return this.fallback.run(now);
    return 0;
  }

  @OnWorkerEvent('error')
  onError(error: Error): void {
    this.logger.warn(`worker connection: ${error.message}`);
  }
}
