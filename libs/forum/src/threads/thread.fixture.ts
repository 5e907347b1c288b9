import { ContentStatus } from '@app/core';
import { randomUUID } from 'node:crypto';
import { ThreadStatus } from '../forum.enums';
import { ThreadEntity } from './thread.entity';

/** A thread row as the repository returns it, for unit tests. */
export function thread(overrides: Partial<ThreadEntity> = {}): ThreadEntity {
  return {
    id: randomUUID(),
    boardId: randomUUID(),
    authorId: randomUUID(),
    title: 'How do I reset the router?',
    body: 'It blinks red.',
    bodyHtml: '<p>It blinks red.</p>',
    bodyText: 'It blinks red.',
    tags: [],
    status: ThreadStatus.OPEN,
    contentStatus: ContentStatus.PUBLISHED,
    acceptedPostId: null,
    acceptedBy: null,
    answerCount: 0,
    createdAt: new Date('2026-01-01T00:00:00Z'),
    lastActivityAt: new Date('2026-01-01T00:00:00Z'),
    ...overrides,
  };
}
