import { AccountStatus, OutboxService, Transactions, Tx } from '@app/core';
import { GraphQLError } from 'graphql';
import { PasswordHasher } from '../password-hasher';
import { SessionsService } from '../sessions/sessions.service';
import { UserEntity } from '../user.entity';
import { UsersRepository } from '../users.repository';
import { PasswordResetService } from './password-reset.service';
import { PasswordResetThrottle } from './password-reset-throttle';
import { PasswordResetsRepository } from './password-resets.repository';
import { newResetToken } from './reset-token';

const USER_ID = '11111111-1111-4111-8111-111111111111';
const TX = {} as Tx;
const INVALID = 'is unknown, expired or already used; ask for a new password reset link';

interface Setup {
  user?: Partial<UserEntity> | null;
  usableBy?: string | null;
  consumed?: boolean;
}

/** A reset service over one member and one stored reset, recording what it did in order. */
function resetsWith({ user = {}, usableBy = USER_ID, consumed = true }: Setup = {}) {
  const steps: string[] = [];
  const member = user && {
    id: USER_ID,
    status: AccountStatus.ACTIVE,
    statusUntil: null,
    ...user,
  };
  const users = {
    findByEmail: jest.fn(async () => member),
    lockById: jest.fn(async () => {
      steps.push('lock');
      return member;
    }),
    setPasswordHash: jest.fn(async (_id: string, hash: string) => {
      steps.push(`password:${hash}`);
    }),
  };
  const resets = {
    usableBy: jest.fn(async () => usableBy),
    consume: jest.fn(async () => {
      steps.push('consume');
      return consumed;
    }),
    voidOpenOf: jest.fn(async () => {
      steps.push('void');
    }),
  };
  const sessions = {
    endAllOf: jest.fn(async () => {
      steps.push('end sessions');
    }),
    start: jest.fn(async (_userId: string, tx?: Tx) => {
      steps.push(tx === TX ? 'session in tx' : 'session');
      return { sessionId: 'new-session', token: 'new-token' };
    }),
    allEnded: jest.fn(() => {
      steps.push('announce');
    }),
  };
  const hasher = {
    hash: jest.fn(async (password: string) => {
      steps.push('hash');
      return `hashed:${password}`;
    }),
  };
  const throttle = {
    attempt: jest.fn(async () => {
      steps.push('throttle');
    }),
  };
  const outbox = { record: jest.fn(async () => undefined) };
  const transactions = {
    run: jest.fn(async <T>(work: (tx: Tx) => Promise<T>) => work(TX)),
  };
  const service = new PasswordResetService(
    transactions as unknown as Transactions,
    users as unknown as UsersRepository,
    resets as unknown as PasswordResetsRepository,
    sessions as unknown as SessionsService,
    hasher as unknown as PasswordHasher,
    throttle as unknown as PasswordResetThrottle,
    outbox as unknown as OutboxService,
  );
  return { service, steps, outbox, sessions, hasher, users };
}

async function rejection(promise: Promise<unknown>): Promise<GraphQLError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(GraphQLError);
    return error as GraphQLError;
  }
  throw new Error('expected a rejection');
}

describe('asking for a password reset', () => {
  it('counts the request, then records the event for a member who may sign in', async () => {
    const { service, steps, outbox } = resetsWith();
    await service.request('ada@example.com', '203.0.113.7');
    expect(steps[0]).toBe('throttle');
    expect(outbox.record).toHaveBeenCalledWith(TX, 'password_reset.requested', {
      userId: USER_ID,
    });
  });

  it.each([
    ['nobody has the email', null],
    ['the member is suspended', { status: AccountStatus.SUSPENDED }],
  ])('records nothing when %s, and answers alike', async (_label, user) => {
    const { service, outbox } = resetsWith({ user });
    await expect(service.request('ada@example.com', '203.0.113.7')).resolves.toBeUndefined();
    expect(outbox.record).not.toHaveBeenCalled();
  });

  it('takes at least the floor time either way, so the time tells nothing', async () => {
    const { service } = resetsWith({ user: null });
    const started = Date.now();
    await service.request('nobody@example.com', '203.0.113.7');
    expect(Date.now() - started).toBeGreaterThanOrEqual(240);
  });
});

describe('resetting the password with a token', () => {
  const token = () => newResetToken().token;

  it('sets the new hash, voids the other resets, ends every session and signs in anew', async () => {
    const { service, steps } = resetsWith();
    const payload = await service.reset({ token: token(), password: 'a new password' });
    expect(payload).toEqual({ token: 'new-token', user: expect.objectContaining({ id: USER_ID }) });
    expect(steps).toEqual([
      'hash',
      'lock',
      'consume',
      'password:hashed:a new password',
      'void',
      'end sessions',
      'session in tx',
      'announce',
    ]);
  });

  it.each([
    ['a text that cannot be a token', { token: 'not-a-token' }, {}],
    ['an unknown, expired or used token', {}, { usableBy: null }],
    ['a token another reset used first', {}, { consumed: false }],
    ['a member gone since', {}, { user: null }],
  ])('refuses %s with BAD_USER_INPUT on token', async (_label, args, setup: Setup) => {
    const { service, users } = resetsWith(setup);
    const error = await rejection(service.reset({ token: token(), password: 'pw', ...args }));
    expect(error.extensions.code).toBe('BAD_USER_INPUT');
    expect(error.extensions.field).toBe('token');
    expect(error.message).toContain(INVALID);
    expect(users.setPasswordHash).not.toHaveBeenCalled();
  });

  it('spends no password hashing on a token that cannot work', async () => {
    const { service, hasher } = resetsWith({ usableBy: null });
    await rejection(service.reset({ token: token(), password: 'pw' }));
    expect(hasher.hash).not.toHaveBeenCalled();
  });

  it('refuses a suspended member with UNAUTHENTICATED and uses nothing', async () => {
    const { service, steps } = resetsWith({ user: { status: AccountStatus.SUSPENDED } });
    const error = await rejection(service.reset({ token: token(), password: 'pw' }));
    expect(error.extensions.code).toBe('UNAUTHENTICATED');
    expect(error.message).toBe('This account is suspended');
    expect(steps).not.toContain('consume');
  });
});
