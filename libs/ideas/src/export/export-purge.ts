import { Injectable } from '@nestjs/common';
import { ExportJobsRepository } from './export-jobs.repository';

/** How long a finished export can still be downloaded. */
export const EXPORT_RETENTION_DAYS = 7;

/** Deletes exports finished more than a week ago, with their chunks. */
@Injectable()
export class ExportPurge {
  constructor(private readonly jobs: ExportJobsRepository) {}

  /** Deletes the exports past their retention. */
  purge(): Promise<void> {
    return this.jobs.deleteFinishedOlderThan(EXPORT_RETENTION_DAYS);
  }
}
