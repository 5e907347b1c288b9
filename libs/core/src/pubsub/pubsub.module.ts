import { Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { RedisPubSub } from 'graphql-redis-subscriptions';
import Redis from 'ioredis';
import { APP_CONFIG } from '../config/config.module';
import { AppConfig } from '../config/config';

/** GraphQL subscriptions over Redis pub/sub, so any API instance can serve any subscriber. */
export const PUB_SUB = Symbol('PUB_SUB');

@Global()
@Module({
  providers: [
    {
      provide: PUB_SUB,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig): RedisPubSub => {
        const options = { keyPrefix: `${config.redisPrefix}:` };
        return new RedisPubSub({
          publisher: new Redis(config.redisUrl, options),
          // No ready check (INFO) on the subscriber: a SUBSCRIBE sent while it connects (the
          // API listens for ended sessions at start) puts the connection in subscriber mode
          // first, INFO is then refused, and ioredis drops and remakes the connection.
          subscriber: new Redis(config.redisUrl, { ...options, enableReadyCheck: false }),
        });
      },
    },
  ],
  exports: [PUB_SUB],
})
export class PubSubModule implements OnApplicationShutdown {
  constructor(@Inject(PUB_SUB) private readonly pubSub: RedisPubSub) {}

  async onApplicationShutdown(): Promise<void> {
    await this.pubSub.close();
  }
}
