export * from './care.module';
export * from './segments';
