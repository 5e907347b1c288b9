export * from './forum.events';
export * from './forum.module';
export { ThreadSubscriptionsService } from './subscriptions/thread-subscriptions.service';
