import { registerEnumType } from '@nestjs/graphql';

/** Where an export stands; the values are those of export_jobs.status. */
export enum ExportStatus {
  QUEUED = 'QUEUED',
  RUNNING = 'RUNNING',
  DONE = 'DONE',
  FAILED = 'FAILED',
}

registerEnumType(ExportStatus, { name: 'ExportStatus' });
