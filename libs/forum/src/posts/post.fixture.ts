import { ContentStatus } from '@app/core';
import { randomUUID } from 'node:crypto';
import { PostEntity } from './post.entity';

/** A post row as the repository returns it, for unit tests. */
export function post(overrides: Partial<PostEntity> = {}): PostEntity {
  return {
    id: randomUUID(),
    threadId: randomUUID(),
    authorId: randomUUID(),
    body: 'Hold the button for ten seconds.',
    bodyHtml: '<p>Hold the button for ten seconds.</p>',
    bodyText: 'Hold the button for ten seconds.',
    status: ContentStatus.PUBLISHED,
    kudosCount: 0,
    official: false,
    createdAt: new Date('2026-01-01T00:00:00Z'),
    editedAt: null,
    deletedAt: null,
    deletedBy: null,
    deleteReason: null,
    ...overrides,
  };
}
