import { AccountStatus, ContentStatus, Role, Tx, Viewer } from '@app/core';
import { Provider, Type } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { randomUUID } from 'node:crypto';
import { ThreadStatus } from '../forum.enums';
import { PostEntity } from '../posts/post.entity';
import { ThreadEntity } from '../threads/thread.entity';

/**
 * Stand-ins for the unit tests of forum services: the services' collaborators that are not under
 * test, and rows as repositories would return them. No database is involved.
 */

/** The transaction handle the fakes pass around: services only hand it on, never use it. */
export const TX = { fake: 'tx' } as unknown as Tx;

/** The service built by Nest as in the app, each collaborator replaced by the value given. */
export async function build<T>(
  service: Type<T>,
  fakes: Array<[Type | string | symbol, unknown]>,
): Promise<T> {
  const providers: Provider[] = fakes.map(([provide, useValue]) => ({ provide, useValue }));
  const module = await Test.createTestingModule({ providers: [service, ...providers] }).compile();
  return module.get(service);
}

/** Runs the work at once with the fake handle, as a committed transaction would. */
export const transactions = { run: <T>(work: (tx: Tx) => Promise<T>): Promise<T> => work(TX) };

/** Client mutations without keys: the write always runs, once. */
export const clientMutations = {
  once: async (
    _tx: Tx,
    _mutation: unknown,
    id: string,
    write: (id: string) => Promise<void>,
  ): Promise<string> => {
    await write(id);
    return id;
  },
};

/** Automod that lets everything through, or holds everything. */
export const screening = (held = false) => ({ screen: async () => ({ held }) });

export function viewer(role: Role = Role.MEMBER): Viewer {
  return {
    id: randomUUID(),
    handle: `m_${role.toLowerCase()}`,
    role,
    status: AccountStatus.ACTIVE,
    sessionId: randomUUID(),
  };
}

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

/** The error code a rejected promise carries (its GraphQL extensions' code). */
export async function codeOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return (error as { extensions?: { code?: unknown } }).extensions?.code ?? error;
  }
  return 'resolved';
}
