import { AccountStatus, ModerationLogWriter, Role, toGlobalId, Viewer } from '@app/core';
import { GraphQLError } from 'graphql';
import { Repository } from 'typeorm';
import { PasswordHasher } from './password-hasher';
import { UserEntity } from './user.entity';
import { assertSanctionable, UNSANCTIONABLE_ROLES, UsersService } from './users.service';

const ACTOR_ID = '11111111-1111-4111-8111-111111111111';
const TARGET_ID = '22222222-2222-4222-8222-222222222222';

const actor = (role: Role): Viewer => ({
  id: ACTOR_ID,
  handle: role.toLowerCase(),
  role,
  status: AccountStatus.ACTIVE,
  sessionId: '33333333-3333-4333-8333-333333333333',
});

/** A service over one stored member of `role`, recording whatever it writes. */
function serviceWith(role: Role) {
  const stored = { id: TARGET_ID, role, status: AccountStatus.ACTIVE } as UserEntity;
  const writes: unknown[] = [];
  const manager = {
    findOneOrFail: jest.fn(async () => stored),
    update: jest.fn(async (_entity: unknown, _where: unknown, change: unknown) => {
      writes.push(change);
    }),
  };
  const users = {
    findOneBy: jest.fn(async () => stored),
    manager: {
      transaction: jest.fn(async (work: (m: typeof manager) => unknown) => work(manager)),
    },
  } as unknown as Repository<UserEntity>;
  const log = { append: jest.fn(async () => undefined) } as unknown as ModerationLogWriter;
  const service = new UsersService(users, {} as PasswordHasher, log);
  return { service, writes, log };
}

const sanction = (status = AccountStatus.SUSPENDED) => ({
  userId: toGlobalId('User', TARGET_ID),
  status,
  reason: 'Spam wave',
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
