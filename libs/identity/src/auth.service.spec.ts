import { AccountStatus, rateLimited, Role } from '@app/core';
import { GraphQLError } from 'graphql';
import { AuthService } from './auth.service';
import { LoginThrottle } from './login-throttle';
import { PasswordHasher } from './password-hasher';
import { SessionsService } from './sessions/sessions.service';
import { UserEntity } from './user.entity';
import { UsersRepository } from './users.repository';
import { UsersService } from './users.service';

const EMAIL = 'ada@example.com';
const ADDRESS = '203.0.113.7';
const PASSWORD = 'correct horse battery';

interface Setup {
  stored?: Partial<UserEntity> | null;
  throttled?: boolean;
}

/** A login over one stored member (or none), recording the order of what it did. */
function authWith({ stored = {}, throttled = false }: Setup = {}) {
  const steps: string[] = [];
  const user = stored && {
    id: '11111111-1111-4111-8111-111111111111',
    role: Role.MEMBER,
    status: AccountStatus.ACTIVE,
    statusUntil: null,
    passwordHash: `hash:${PASSWORD}`,
    ...stored,
  };
  const throttle = {
    attempt: jest.fn(async () => {
      steps.push('attempt');
      if (throttled)
        throw rateLimited('Too many failed sign-ins for this email; try again later', 900);
    }),
    succeeded: jest.fn(async () => {
      steps.push('succeeded');
    }),
  };
  const hasher = {
    verify: jest.fn(async (hash: string | null, password: string) => {
      steps.push(`verify:${hash === null ? 'decoy' : 'hash'}`);
      return hash === `hash:${password}`;
    }),
  };
  const members = {
    findByEmail: jest.fn(async (_email: string, withHash: boolean) => {
      steps.push(`find:${withHash}`);
      return user;
    }),
  };
  const sessions = {
    start: jest.fn(async () => {
      steps.push('session');
      return { sessionId: 's', token: 'token' };
    }),
  };
  const auth = new AuthService(
    {} as UsersService,
    members as unknown as UsersRepository,
    hasher as unknown as PasswordHasher,
    throttle as unknown as LoginThrottle,
    sessions as unknown as SessionsService,
  );
  return { auth, steps, throttle };
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

describe('login', () => {
  it('counts the attempt before checking the password, then forgives it and opens a session', async () => {
    const { auth, steps, throttle } = authWith();
    await expect(auth.login({ email: EMAIL, password: PASSWORD }, ADDRESS)).resolves.toEqual(
      expect.objectContaining({ token: 'token' }),
    );
    expect(steps).toEqual(['attempt', 'find:true', 'verify:hash', 'succeeded', 'session']);
    expect(throttle.attempt).toHaveBeenCalledWith(EMAIL, ADDRESS);
    expect(throttle.succeeded).toHaveBeenCalledWith(EMAIL, ADDRESS);
  });

  it('fails a wrong password and an unknown email alike, each keeping its count', async () => {
    const wrong = authWith();
    const unknown = authWith({ stored: null });
    const errors = [
      await rejection(wrong.auth.login({ email: EMAIL, password: 'wrong' }, ADDRESS)),
      await rejection(unknown.auth.login({ email: EMAIL, password: PASSWORD }, ADDRESS)),
    ];
    for (const error of errors) {
      expect(error.extensions.code).toBe('UNAUTHENTICATED');
      expect(error.message).toBe('The email or password is not correct');
    }
    // The unknown email is checked against a decoy, so it takes as long as a wrong password.
    expect(unknown.steps).toEqual(['attempt', 'find:true', 'verify:decoy']);
    expect(wrong.throttle.succeeded).not.toHaveBeenCalled();
    expect(unknown.throttle.succeeded).not.toHaveBeenCalled();
  });

  it('checks no password once the attempts are spent', async () => {
    const { auth, steps } = authWith({ throttled: true });
    const error = await rejection(auth.login({ email: EMAIL, password: PASSWORD }, ADDRESS));
    expect(error.extensions.code).toBe('RATE_LIMITED');
    expect(steps).toEqual(['attempt']);
  });

  it('refuses a suspended member with the right password, and opens no session', async () => {
    const { auth, steps } = authWith({ stored: { status: AccountStatus.SUSPENDED } });
    const error = await rejection(auth.login({ email: EMAIL, password: PASSWORD }, ADDRESS));
    expect(error.extensions.code).toBe('UNAUTHENTICATED');
    expect(error.message).toBe('This account is suspended');
    expect(steps).not.toContain('session');
  });

  it('lets in a member whose suspension has ended', async () => {
    const { auth, steps } = authWith({
      stored: { status: AccountStatus.SUSPENDED, statusUntil: new Date(Date.now() - 1000) },
    });
    await auth.login({ email: EMAIL, password: PASSWORD }, ADDRESS);
    expect(steps).toContain('session');
  });
});
