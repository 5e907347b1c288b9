import { JobsOptions } from 'bullmq';

/** The outbox event recorded with a new export_jobs row. */
export const EXPORT_REQUESTED_EVENT = 'idea.export_requested';

export interface ExportRequestedEvent {
  exportId: string;
}

declare module '@app/core' {
  interface DomainEventMap {
    [EXPORT_REQUESTED_EVENT]: ExportRequestedEvent;
  }
}

/** The worker's queue of exports to write, one job per export. */
export const IDEA_EXPORTS_QUEUE = 'idea-exports';

export interface IdeaExportJob {
  exportId: string;
}

/** The job of one export: its id is the export's, so queueing it twice adds nothing. */
export function ideaExportJob(exportId: string): {
  name: string;
  data: IdeaExportJob;
  opts: JobsOptions;
} {
  return {
    name: 'write-csv',
    data: { exportId },
    // Fewer attempts than the default for events: each attempt rewrites the whole CSV.
    opts: {
      jobId: `export-${exportId}`,
      attempts: 3,
      backoff: { type: 'exponential', delay: 1000 },
    },
  };
}
