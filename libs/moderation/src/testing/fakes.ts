import {
  AccountStatus,
  ContentStatus,
  OutboxService,
  Role,
  Transactions,
  Tx,
  Viewer,
} from '@app/core';
import { ModeratableHandler, ModeratableTarget } from '../moderatable/moderatable';
import { ModeratableRegistry } from '../moderatable/moderatable.registry';

// Fakes for the unit specs of moderation's services: no database, only what the rules touch.
// Plain functions rather than jest mocks: this file is not a spec, so the build compiles it.

export const TX = { fake: 'tx' } as unknown as Tx;
export const AUTHOR_ID = '11111111-1111-4111-8111-111111111111';
export const MODERATOR_ID = '22222222-2222-4222-8222-222222222222';
export const OTHER_MODERATOR_ID = '33333333-3333-4333-8333-333333333333';
export const TARGET_ID = '44444444-4444-4444-8444-444444444444';
export const ITEM_ID = '55555555-5555-4555-8555-555555555555';

export function viewer(id: string, role: Role = Role.MODERATOR): Viewer {
  return { id, handle: `h${id.slice(0, 4)}`, role, status: AccountStatus.ACTIVE, sessionId: id };
}

/** Runs the work at once with a fake transaction handle. */
export function fakeTransactions(): Transactions {
  return {
    run: <T>(work: (tx: Tx) => Promise<T>) => work(TX),
  } as unknown as Transactions;
}

/** Records what the service would put in the outbox. */
export function fakeOutbox(): OutboxService & {
  events: Array<{ type: string; payload: unknown }>;
} {
  const events: Array<{ type: string; payload: unknown }> = [];
  return {
    events,
    record: async (_tx: Tx, type: string, payload: unknown) => {
      events.push({ type, payload });
    },
  } as unknown as OutboxService & { events: typeof events };
}

/** One target of `type` held in memory, with the handler moderation would get from its lib. */
export function fakeContent(
  options: {
    type?: string;
    status?: ContentStatus;
    correctable?: boolean;
    acceptedBy?: string | null;
    exists?: boolean;
  } = {},
) {
  const target: ModeratableTarget = {
    type: options.type ?? 'Post',
    id: TARGET_ID,
    authorId: AUTHOR_ID,
    status: options.status ?? ContentStatus.PUBLISHED,
    label: 'your answer to “Sample”',
  };
  const statuses: ContentStatus[] = [];
  const unaccepted: string[] = [];
  const handler: ModeratableHandler = {
    type: target.type,
    correctable: options.correctable ?? target.type === 'Post',
    lock: async (id: string) =>
      options.exists === false || id !== target.id ? null : { ...target },
    setStatus: async (_id: string, status: ContentStatus) => {
      statuses.push(status);
      target.status = status;
    },
    load: async () => null,
    ...(target.type === 'Post'
      ? {
          acceptedBy: async () => options.acceptedBy ?? null,
          unaccept: async (id: string) => {
            unaccepted.push(id);
          },
        }
      : {}),
  };
  const registry = new ModeratableRegistry();
  registry.register(handler);
  return { target, handler, registry, statuses, unaccepted };
}

/** The contract code of what `promise` was rejected with. */
export async function codeOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return (error as { extensions?: { code?: unknown } }).extensions?.code ?? error;
  }
  return 'resolved';
}
