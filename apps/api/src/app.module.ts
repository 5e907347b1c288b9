import {
  APP_CONFIG,
  AuthGuard,
  CoreModule,
  createValidationPipe,
  ExpectedErrorFilter,
  LostConnectionFilter,
  OperationsModule,
  RateLimitGuard,
} from '@app/core';
import { CareModule } from '@app/care';
import { ForumModule } from '@app/forum';
import { IdeasModule } from '@app/ideas';
import { IdentityModule } from '@app/identity';
import { ModerationModule } from '@app/moderation';
import { NotificationsModule } from '@app/notifications';
import { ReviewsModule } from '@app/reviews';
import { SearchModule } from '@app/search';
import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { ExportsController } from './exports/exports.controller';
import { graphqlOptions } from './graphql/graphql-options';
import { FollowResolver } from './graphql/follow.resolver';
import { LiveServer } from './graphql/live-server';
import { NodeResolver } from './graphql/node.resolver';
import { OperationLogPlugin } from './graphql/operation-log.plugin';
import { HttpRefusalFilter } from './http-refusal.filter';
import { ApiMetrics } from './metrics/metrics';
import { ResponseCacheModule } from './response-cache/response-cache.module';

@Module({
  imports: [
    CoreModule,
    GraphQLModule.forRootAsync<ApolloDriverConfig>({
      driver: ApolloDriver,
      inject: [APP_CONFIG],
      useFactory: graphqlOptions,
    }),
    OperationsModule,
    IdentityModule,
    ForumModule,
    ModerationModule,
    IdeasModule,
    ReviewsModule,
    NotificationsModule,
    SearchModule,
    CareModule,
    ResponseCacheModule,
  ],
  controllers: [ExportsController],
  providers: [
    NodeResolver,
    LiveServer,
    FollowResolver,
    ApiMetrics,
    OperationLogPlugin,
    // Order matters: the rate limit needs the viewer the AuthGuard establishes.
    { provide: APP_GUARD, useClass: AuthGuard },
    { provide: APP_GUARD, useClass: RateLimitGuard },
    { provide: APP_PIPE, useFactory: createValidationPipe },
    { provide: APP_FILTER, useClass: HttpRefusalFilter },
    { provide: APP_FILTER, useClass: ExpectedErrorFilter },
    // Tried first (Nest tries global filters last to first); it takes lost connections only.
    { provide: APP_FILTER, useClass: LostConnectionFilter },
  ],
})
export class AppModule {}
