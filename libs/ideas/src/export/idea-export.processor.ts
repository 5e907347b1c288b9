import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { Job } from 'bullmq';
import { IDEA_EXPORTS_QUEUE, IdeaExportJob } from './idea-export-queue';
import { IdeaExportWriter } from './idea-export-writer';

const FAILED_MESSAGE = 'The export could not be written; please ask for it again.';

/** Runs queued exports; a failed attempt throws, and BullMQ retries it with backoff. */
@Processor(IDEA_EXPORTS_QUEUE, { concurrency: 2 })
export class IdeaExportProcessor extends WorkerHost {
  private readonly logger = new Logger(IdeaExportProcessor.name);

  constructor(private readonly writer: IdeaExportWriter) {
    super();
  }

  async process(job: Job<IdeaExportJob>): Promise<void> {
    try {
      await this.writer.write(job.data.exportId);
    } catch (error) {
      // Recorded before BullMQ schedules the retry, so the retry never races this update.
      const retrying = job.attemptsMade + 1 < (job.opts.attempts ?? 1);
      // The requester sees a plain sentence; the cause (driver or SQL text) goes to the log.
      await this.writer.attemptFailed(job.data.exportId, FAILED_MESSAGE, { retrying });
      throw error;
    }
  }

  @OnWorkerEvent('failed')
  onFailed(job: Job<IdeaExportJob> | undefined, error: Error): void {
    this.logger.warn(`export ${job?.data.exportId} failed: ${error.message}`);
  }

  @OnWorkerEvent('error')
  onError(error: Error): void {
    this.logger.warn(`worker connection: ${error.message}`);
  }
}
