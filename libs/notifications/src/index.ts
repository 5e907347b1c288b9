export { NotificationKind } from './notification-kind';
export * from './notifications-worker.module';
export * from './notifications.module';
