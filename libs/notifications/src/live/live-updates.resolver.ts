import { Resolver } from '@nestjs/graphql';

/** Live updates over graphql-ws: threadActivity and notificationAdded. */
@Resolver()
export class LiveUpdatesResolver {}
