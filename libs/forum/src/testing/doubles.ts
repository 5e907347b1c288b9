import { AccountStatus, Role, Tx, Viewer } from '@app/core';
import { Provider, Type } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { randomUUID } from 'node:crypto';

/**
 * Stand-ins for the unit tests of forum services: the collaborators that are not under test. No
 * database is involved. Rows as repositories return them are built by each folder's fixture.
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

/** The error code a rejected promise carries (its GraphQL extensions' code). */
export async function codeOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return (error as { extensions?: { code?: unknown } }).extensions?.code ?? error;
  }
  return 'resolved';
}
