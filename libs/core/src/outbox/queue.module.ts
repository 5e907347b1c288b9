import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { BullMQOtel } from 'bullmq-otel';
import { APP_CONFIG } from '../config/config.module';
import { AppConfig } from '../config/config';
import { DOMAIN_EVENTS_QUEUE } from '../events/domain-event';

/** BullMQ on the configured Redis, with the domain-events queue. */
@Module({
  imports: [
    BullModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        connection: { url: config.redisUrl, maxRetriesPerRequest: null },
        prefix: `${config.redisPrefix}-bull`,
        // Jobs carry the trace they were added in, and their processing joins it.
        ...(config.otlpEndpoint
          ? { telemetry: new BullMQOtel({ tracerName: config.otelServiceName }) }
          : {}),
        defaultJobOptions: {
          attempts: 10,
          backoff: { type: 'exponential', delay: 1000 },
          removeOnComplete: { age: 24 * 3600, count: 10000 },
          removeOnFail: { age: 7 * 24 * 3600 },
        },
      }),
    }),
    BullModule.registerQueue({ name: DOMAIN_EVENTS_QUEUE }),
  ],
  exports: [BullModule],
})
export class QueueModule {}
