// Factories and fakes for the ideas lib's unit specs (no database). Free of jest's globals, so
// that the build, which leaves the specs out, still compiles this file.
import {
  AccountStatus,
  ContentStatus,
  RequestLoaders,
  Role,
  Transactions,
  Tx,
  Viewer,
} from '@app/core';
import { GraphQLError } from 'graphql';
import { randomUUID } from 'node:crypto';
import { IdeaEntity } from './ideas/idea.entity';
import { IdeaStatus } from './ideas.enums';

/** The handle a fake transaction passes to the repositories. */
export const TX = { fake: 'tx' } as unknown as Tx;

/** Transactions that run the work at once with `TX`. */
export function fakeTransactions(): Transactions {
  const run = <T>(work: (tx: Tx) => Promise<T>): Promise<T> => work(TX);
  return { run } as unknown as Transactions;
}

export function viewer(role: Role = Role.MEMBER, id: string = randomUUID()): Viewer {
  return {
    id,
    handle: `m_${id.slice(0, 6)}`,
    role,
    status: AccountStatus.ACTIVE,
    sessionId: randomUUID(),
  };
}

export function idea(fields: Partial<IdeaEntity> = {}): IdeaEntity {
  return Object.assign(new IdeaEntity(), {
    id: randomUUID(),
    boardId: randomUUID(),
    authorId: randomUUID(),
    title: 'Offline maps, please',
    body: 'For the subway.',
    bodyHtml: '<p>For the subway.</p>',
    tags: [],
    status: IdeaStatus.NEW,
    statusNote: null,
    contentStatus: ContentStatus.PUBLISHED,
    voteCount: 1,
    weightedVoteCount: 1,
    trendingScore: 1,
    mergedInto: null,
    createdAt: new Date('2026-03-01T08:00:00Z'),
    ...fields,
  });
}

/** Fresh loaders, as one request would have. */
export const loaders = (): RequestLoaders => new RequestLoaders();

/** The error `promise` rejects with, as code and message (fails the test when it resolves). */
export async function refusal(
  promise: Promise<unknown>,
): Promise<{ code: unknown; message: string }> {
  try {
    await promise;
  } catch (error) {
    if (!(error instanceof GraphQLError)) throw error;
    return { code: error.extensions.code, message: error.message };
  }
  throw new Error('expected a refusal');
}
