import { Global, Module } from '@nestjs/common';
import { ModerationLogWriter } from './audit/moderation-log.writer';
import { FollowableRegistry } from './follows/followable-registry';
import { TokenService } from './auth/token.service';
import { ConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { DomainEventHandlers } from './events/domain-event-handlers';
import { LoggingModule } from './logging/logging.module';
import { NodeRegistry } from './nodes/node-registry';
import { OutboxService } from './outbox/outbox.service';
import { PubSubModule } from './pubsub/pubsub.module';
import { RedisModule } from './redis/redis.module';

/** What every process needs: config, logs, Postgres, Redis, pub/sub, tokens, the outbox. */
@Global()
@Module({
  imports: [ConfigModule, LoggingModule, DatabaseModule, RedisModule, PubSubModule],
  providers: [
    TokenService,
    OutboxService,
    DomainEventHandlers,
    NodeRegistry,
    ModerationLogWriter,
    FollowableRegistry,
  ],
  exports: [
    TokenService,
    OutboxService,
    DomainEventHandlers,
    NodeRegistry,
    ModerationLogWriter,
    FollowableRegistry,
  ],
})
export class CoreModule {}
