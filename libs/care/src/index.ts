export * from './care.module';
export * from './care-worker.module';
export * from './segments';
