import { AccountStatus, ModerationLog, Role, Transactions, Tx, Viewer } from '@app/core';
import { GraphQLError } from 'graphql';
import { QueryFailedError } from 'typeorm';
import { PasswordHasher } from './password-hasher';
import { UserEntity } from './user.entity';
import { MemberStatus, NewUser, UsersRepository } from './users.repository';
import { assertSanctionable, Sanction, UNSANCTIONABLE_ROLES, UsersService } from './users.service';

const ACTOR_ID = '11111111-1111-4111-8111-111111111111';
const TARGET_ID = '22222222-2222-4222-8222-222222222222';
const TX = {} as Tx;

const actor = (role: Role): Viewer => ({
  id: ACTOR_ID,
  handle: role.toLowerCase(),
  role,
  status: AccountStatus.ACTIVE,
  sessionId: '33333333-3333-4333-8333-333333333333',
});

/** A unique violation as Postgres raises it through TypeORM. */
function uniqueViolation(constraint: string): Error {
  const driverError = Object.assign(new Error('duplicate key'), { code: '23505', constraint });
  return new QueryFailedError('INSERT INTO users', [], driverError);
}

/** A service over one stored member of `role`, recording whatever it writes. */
function serviceWith(role: Role, options: { insertFails?: Error } = {}) {
  const stored = { id: TARGET_ID, role, status: AccountStatus.ACTIVE } as UserEntity;
  const writes: unknown[] = [];
  const inserted: NewUser[] = [];
  const users = {
    findById: jest.fn(async (id: string) => (id === TARGET_ID ? stored : null)),
    lockById: jest.fn(async () => stored),
    insert: jest.fn(async (user: NewUser) => {
      if (options.insertFails) throw options.insertFails;
      inserted.push(user);
      return { ...user, role: Role.MEMBER } as unknown as UserEntity;
    }),
    setRole: jest.fn(async (_id: string, newRole: Role) => {
      writes.push({ role: newRole });
    }),
    setStatus: jest.fn(async (_id: string, status: MemberStatus) => {
      writes.push(status);
    }),
  } as unknown as UsersRepository;
  const log = { append: jest.fn(async () => undefined) } as unknown as ModerationLog;
  const transactions = {
    run: jest.fn(async <T>(work: (tx: Tx) => Promise<T>) => work(TX)),
  } as unknown as Transactions;
  const hasher = { hash: jest.fn(async (password: string) => `hashed:${password}`) };
  const service = new UsersService(users, hasher as unknown as PasswordHasher, log, transactions);
  return { service, writes, log, inserted };
}

const sanction = (status = AccountStatus.SUSPENDED, extra: Partial<Sanction> = {}): Sanction => ({
  userId: TARGET_ID,
  status,
  reason: 'Spam wave',
  ...extra,
});

/** The error `promise` rejects with (fails the test when it resolves). */
async function rejection(promise: Promise<unknown>): Promise<GraphQLError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(GraphQLError);
    return error as GraphQLError;
  }
  throw new Error('expected a rejection');
}

describe('registration', () => {
  const input = { handle: '  ada ', email: ' ada@example.com ', password: 'correct horse' };

  it('trims handle and email, names the member after the handle, and stores only a hash', async () => {
    const { service, inserted } = serviceWith(Role.MEMBER);
    await service.register(input);
    expect(inserted).toEqual([
      expect.objectContaining({
        handle: 'ada',
        email: 'ada@example.com',
        displayName: 'ada',
        passwordHash: 'hashed:correct horse',
      }),
    ]);
  });

  it('keeps a display name when one is given', async () => {
    const { service, inserted } = serviceWith(Role.MEMBER);
    await service.register({ ...input, displayName: ' Ada L. ' });
    expect(inserted[0].displayName).toBe('Ada L.');
  });

  it.each([
    ['users_email_key', 'An account with this email already exists'],
    ['users_handle_key', 'This handle is already taken'],
  ])('answers a taken %s with CONFLICT: %s', async (constraint, message) => {
    const { service } = serviceWith(Role.MEMBER, { insertFails: uniqueViolation(constraint) });
    const error = await rejection(service.register(input));
    expect(error.extensions.code).toBe('CONFLICT');
    expect(error.message).toBe(message);
  });
});

describe('roles', () => {
  it('lets an admin give another member a role, and logs what it was', async () => {
    const { service, writes, log } = serviceWith(Role.MEMBER);
    await service.setRole(actor(Role.ADMIN), TARGET_ID, Role.MODERATOR);
    expect(writes).toEqual([{ role: Role.MODERATOR }]);
    expect(log.append).toHaveBeenCalledWith(TX, {
      actorId: ACTOR_ID,
      action: 'ROLE_MODERATOR',
      targetUserId: TARGET_ID,
      reason: 'was MEMBER',
    });
  });

  it('refuses to change one’s own role with BAD_USER_INPUT on userId', async () => {
    const { service, writes } = serviceWith(Role.ADMIN);
    const self = { ...actor(Role.ADMIN), id: TARGET_ID };
    const error = await rejection(service.setRole(self, TARGET_ID, Role.MEMBER));
    expect(error.extensions.code).toBe('BAD_USER_INPUT');
    expect(error.message).toMatch(/own role/);
    expect(writes).toEqual([]);
  });

  it('says NOT_FOUND for a member who does not exist', async () => {
    const { service } = serviceWith(Role.MEMBER);
    const unknown = '44444444-4444-4444-8444-444444444444';
    const error = await rejection(service.setRole(actor(Role.ADMIN), unknown, Role.AGENT));
    expect(error.extensions.code).toBe('NOT_FOUND');
  });
});

describe('sanctions of staff', () => {
  it('protects exactly moderators and admins', () => {
    expect([...UNSANCTIONABLE_ROLES].sort()).toEqual([Role.ADMIN, Role.MODERATOR]);
    for (const role of [Role.MEMBER, Role.AGENT, Role.PRODUCT_MANAGER]) {
      expect(() => assertSanctionable(role)).not.toThrow();
    }
  });

  describe.each([Role.ADMIN, Role.MODERATOR])('a %s as the target', (targetRole) => {
    it.each([Role.ADMIN, Role.MODERATOR])(
      'is refused to a %s with FORBIDDEN, saying to change the role first, writing nothing',
      async (actorRole) => {
        for (const status of Object.values(AccountStatus)) {
          const { service, writes, log } = serviceWith(targetRole);
          const error = await rejection(service.sanction(actor(actorRole), sanction(status)));
          expect(error.extensions.code).toBe('FORBIDDEN');
          expect(error.message).toMatch(/cannot be sanctioned/);
          expect(error.message).toMatch(/setUserRole/);
          expect(writes).toEqual([]);
          expect(log.append).not.toHaveBeenCalled();
        }
      },
    );
  });

  it.each([Role.MEMBER, Role.AGENT, Role.PRODUCT_MANAGER])(
    'lets an admin sanction a %s, and logs it',
    async (targetRole) => {
      const { service, writes, log } = serviceWith(targetRole);
      await service.sanction(actor(Role.ADMIN), sanction());
      expect(writes).toEqual([
        expect.objectContaining({ status: AccountStatus.SUSPENDED, statusReason: 'Spam wave' }),
      ]);
      expect(log.append).toHaveBeenCalledTimes(1);
    },
  );
});

describe('sanction rules', () => {
  const inAnHour = () => new Date(Date.now() + 3_600_000);

  it.each([
    ['a blank reason', sanction(AccountStatus.SILENCED, { reason: '   ' }), 'reason'],
    ['oneself', sanction(AccountStatus.SILENCED, { userId: ACTOR_ID }), 'userId'],
    ['an until with ACTIVE', sanction(AccountStatus.ACTIVE, { until: inAnHour() }), 'until'],
    [
      'an until in the past',
      sanction(AccountStatus.SILENCED, { until: new Date(Date.now() - 1000) }),
      'until',
    ],
  ])('refuses %s with BAD_USER_INPUT on that field', async (_label, refused, field) => {
    const { service, writes } = serviceWith(Role.MEMBER);
    const error = await rejection(service.sanction(actor(Role.MODERATOR), refused));
    expect(error.extensions.code).toBe('BAD_USER_INPUT');
    expect(error.extensions.field).toBe(field);
    expect(writes).toEqual([]);
  });

  it('logs the end of a timed sanction with the reason and clears the reason on reinstatement', async () => {
    const until = inAnHour();
    const timed = serviceWith(Role.MEMBER);
    await timed.service.sanction(
      actor(Role.MODERATOR),
      sanction(AccountStatus.SILENCED, { until }),
    );
    expect(timed.writes).toEqual([
      { status: AccountStatus.SILENCED, statusReason: 'Spam wave', statusUntil: until },
    ]);
    expect(timed.log.append).toHaveBeenCalledWith(
      TX,
      expect.objectContaining({ reason: `Spam wave (until ${until.toISOString()})` }),
    );

    const lifted = serviceWith(Role.MEMBER);
    await lifted.service.sanction(actor(Role.MODERATOR), sanction(AccountStatus.ACTIVE));
    expect(lifted.writes).toEqual([
      { status: AccountStatus.ACTIVE, statusReason: null, statusUntil: null },
    ]);
  });
});
