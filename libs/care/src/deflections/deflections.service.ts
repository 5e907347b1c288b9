import { badInput, ContentStatus, notFound, RequestLoaders, Viewer } from '@app/core';
import { ThreadsService } from '@app/forum';
import { Injectable } from '@nestjs/common';
import { DeflectionsRepository } from './deflections.repository';

/** Who a deflection is counted for: the member, or the address of an anonymous visitor. */
export function viewerKey(viewer: Viewer | null, ip: string): string {
  return viewer ? `member:${viewer.id}` : `address:${ip}`;
}

/** Deflections: a suggested thread answered someone before they asked. */
@Injectable()
export class DeflectionsService {
  constructor(
    private readonly threads: ThreadsService,
    private readonly repository: DeflectionsRepository,
  ) {}

  /**
   * Counts the thread as having answered the viewer, once per viewer and thread a day; returns
   * whether this call counted. A thread the viewer cannot see is NOT_FOUND (its existence is not
   * confirmed); one they can see but that is not published (their own held question, or hidden
   * content a moderator sees) is BAD_USER_INPUT: only published threads are suggested.
   */
  async record(
    loaders: RequestLoaders,
    viewer: Viewer | null,
    ip: string,
    threadId: string,
  ): Promise<boolean> {
    const thread = await this.threads.findVisible(loaders, threadId, viewer);
    if (!thread) throw notFound('Thread');
    if (thread.contentStatus !== ContentStatus.PUBLISHED) {
      throw badInput('threadId', 'the thread is not published');
    }
    return this.repository.recordOnce(threadId, viewerKey(viewer, ip), viewer?.id ?? null);
  }
}
