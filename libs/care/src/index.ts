export * from './care.module';
export * from './care-worker.module';
export * from './segments';
export * from './care.events';
export * from './cases/care.enums';
export { CasesModule } from './cases/cases.module';
export { CasesService } from './cases/cases.service';
export { CARE_JOBS_QUEUE, CareJobsProcessor } from './jobs/care-jobs.processor';
