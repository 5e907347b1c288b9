export * from './ideas.module';
export * from './ideas-worker.module';
