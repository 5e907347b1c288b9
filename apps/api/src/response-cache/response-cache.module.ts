import { ForumModule } from '@app/forum';
import { Module } from '@nestjs/common';
import { ResponseCacheHook } from './response-cache.hook';
import { ResponseCacheMetrics } from './response-cache.metrics';
import { ResponseCachePlugin } from './response-cache.plugin';
import { ResponseCacheStore } from './response-cache.store';
import { ThreadInvalidation } from './thread-invalidation';

/**
 * The shared cache of anonymous thread pages: kept by an Apollo plugin, served by a Fastify
 * hook (which createApi installs), dropped after each commit that changes a thread.
 */
@Module({
  imports: [ForumModule],
  providers: [
    ResponseCacheMetrics,
    ResponseCacheStore,
    ResponseCachePlugin,
    ResponseCacheHook,
    ThreadInvalidation,
  ],
  exports: [ResponseCacheHook],
})
export class ResponseCacheModule {}
