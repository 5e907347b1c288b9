import { AfterCommit, APP_CONFIG, AppConfig } from '@app/core';
import { PostsService } from '@app/forum';
import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { changedThreads } from './changed-threads';
import { ResponseCacheStore } from './response-cache.store';

/**
 * Drops the kept answers of every thread a committed transaction of this process changed, before
 * the write answers, so whoever reloads the page next sees the change.
 */
@Injectable()
export class ThreadInvalidation implements OnModuleInit {
  constructor(
    private readonly afterCommit: AfterCommit,
    private readonly store: ResponseCacheStore,
    private readonly posts: PostsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    if (!this.config.responseCacheEnabled) return;
    this.afterCommit.listen(async (changes) => {
      const threadIds = await changedThreads(changes, (postId) =>
        this.posts.getById(postId).then(
          (post) => post.threadId,
          () => null,
        ),
      );
      await this.store.invalidate(threadIds);
    });
  }
}
