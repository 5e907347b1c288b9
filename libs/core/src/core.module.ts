import { Global, Module } from '@nestjs/common';
import { FollowableRegistry } from './follows/followable-registry';
import { SessionRevocations } from './auth/session-revocations';
import { TokenService } from './auth/token.service';
import { ConfigModule } from './config/config.module';
import { AfterCommit } from './database/after-commit';
import { DatabaseModule } from './database/database.module';
import { Transactions } from './database/transactions';
import { DomainEventHandlers } from './events/domain-event-handlers';
import { ClientMutations } from './idempotency/client-mutations';
import { ClientMutationsRepository } from './idempotency/client-mutations.repository';
import { LoggingModule } from './logging/logging.module';
import { NodeRegistry } from './nodes/node-registry';
import { MetricsRegistry } from './operations/metrics-registry';
import { OutboxRepository } from './outbox/outbox.repository';
import { OutboxService } from './outbox/outbox.service';
import { PubSubModule } from './pubsub/pubsub.module';
import { RedisModule } from './redis/redis.module';

/**
 * What every process needs: config, logs, Postgres, Redis, pub/sub, tokens, the outbox, client
 * mutation ids, the metrics registry.
 */
@Global()
@Module({
  imports: [ConfigModule, LoggingModule, DatabaseModule, RedisModule, PubSubModule],
  providers: [
    TokenService,
    SessionRevocations,
    OutboxRepository,
    OutboxService,
    DomainEventHandlers,
    NodeRegistry,
    FollowableRegistry,
    ClientMutationsRepository,
    ClientMutations,
    MetricsRegistry,
    AfterCommit,
    Transactions,
  ],
  exports: [
    TokenService,
    SessionRevocations,
    OutboxRepository,
    OutboxService,
    DomainEventHandlers,
    NodeRegistry,
    FollowableRegistry,
    ClientMutations,
    MetricsRegistry,
    AfterCommit,
    Transactions,
  ],
})
export class CoreModule {}
