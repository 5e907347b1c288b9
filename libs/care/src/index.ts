export * from './care.module';
export * from './care-worker.module';
export * from './segments';
export * from './care.events';
export * from './cases/care.enums';
