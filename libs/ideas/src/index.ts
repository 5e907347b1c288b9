export * from './ideas.module';
export * from './ideas-worker.module';
export * from './ideas.enums';
export * from './ideas.events';
export { IdeaAudience } from './ideas/idea-audience';
export { TrendingSweep } from './votes/trending-sweep';
export { ExportDownloadsService } from './export/export-downloads.service';
export { IdeasMaintenanceProcessor } from './ideas-maintenance.processor';
export { EXPORT_REQUESTED_EVENT } from './export/idea-export-queue';
