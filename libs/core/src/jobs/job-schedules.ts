import { Logger } from '@nestjs/common';
import { Queue } from 'bullmq';

/** A periodic job: its scheduler's id (also the jobs' name) and its period. */
export interface JobSchedule {
  name: string;
  every: number;
}

/**
 * Upserts each schedule of `queue`. A scheduler exists once in Redis, so however many workers
 * run, each job runs once per period. Not awaited: a worker started while Redis is away must
 * still start; a schedule that could not be written is logged, and written at the next start.
 */
export function upsertSchedules(
  queue: Queue,
  schedules: readonly JobSchedule[],
  logger: Logger,
): void {
  for (const { name, every } of schedules) {
    queue
      .upsertJobScheduler(name, { every }, { name })
      .catch((error: Error) => logger.warn(`${name} schedule: ${error.message}`));
  }
}
