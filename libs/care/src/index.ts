export * from './care.module';
