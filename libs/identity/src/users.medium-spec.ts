import { AccountStatus, RequestLoaders, Role, Transactions } from '@app/core';
import { IdentityModule } from './identity.module';
import { ReputationService } from './reputation.service';
import { UsersLoader } from './users.loader';
import { UsersService } from './users.service';
import { ModerationLogModule } from '@app/moderation';
import { MediumTest } from '@test/medium';
import { randomBytes, randomUUID } from 'node:crypto';
import { UserEntity } from './user.entity';
import { UsersRepository } from './users.repository';

describe('members on the database: registration, lookups, roles, sanctions and reputation', () => {
  const medium = new MediumTest();
  let users: UsersService;
  let repository: UsersRepository;
  let reputation: ReputationService;
  let transactions: Transactions;

  beforeAll(async () => {
    await medium.start([IdentityModule, ModerationLogModule]);
    users = medium.get(UsersService);
    repository = medium.get(UsersRepository);
    reputation = medium.get(ReputationService);
    transactions = medium.get(Transactions);
  });
  afterAll(() => medium.stop());

  const unique = () => `u${randomBytes(5).toString('hex')}`;
  const registration = (handle = unique()) => ({
    handle,
    email: `${handle}@example.com`,
    password: 'a long enough password',
  });
  const logOf = (userId: string) =>
    medium.sql<{ action: string; reason: string }>(
      `SELECT action, reason FROM moderation_actions WHERE target_user_id = $1 ORDER BY created_at`,
      [userId],
    );

  it('registers a member with a hash of the password, never handing the hash back', async () => {
    const input = registration();
    const user = await users.register({ ...input, handle: ` ${input.handle.toUpperCase()} ` });
    expect(user).toMatchObject({
      handle: input.handle.toUpperCase(),
      displayName: input.handle.toUpperCase(),
      role: Role.MEMBER,
      status: AccountStatus.ACTIVE,
      reputation: 0,
      acceptedSolutionCount: 0,
    });
    expect(user.createdAt).toBeInstanceOf(Date);
    expect(user.passwordHash).toBeUndefined();
    const [row] = await medium.sql<{ password_hash: string }>(
      'SELECT password_hash FROM users WHERE id = $1',
      [user.id],
    );
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
  });

  it('refuses a handle or an email taken by someone else, ignoring case, with CONFLICT', async () => {
    const taken = registration();
    await users.register(taken);
    await expect(
      users.register({ ...registration(), email: taken.email.toUpperCase() }),
    ).rejects.toMatchObject({
      message: 'An account with this email already exists',
      extensions: { code: 'CONFLICT' },
    });
    await expect(
      users.register({ ...registration(), handle: taken.handle.toUpperCase() }),
    ).rejects.toMatchObject({
      message: 'This handle is already taken',
      extensions: { code: 'CONFLICT' },
    });
  });

  it('finds members by id, handle and email ignoring case; the hash only for signing in', async () => {
    const input = registration();
    const user = await users.register(input);
    expect((await users.findById(user.id))?.handle).toBe(input.handle);
    expect(await users.findById(randomUUID())).toBeNull();
    expect((await users.findByHandle(input.handle.toUpperCase()))?.id).toBe(user.id);
    expect(await users.findByHandle(unique())).toBeNull();
    const plain = await repository.findByEmail(` ${input.email.toUpperCase()} `);
    expect(plain?.id).toBe(user.id);
    expect(plain?.passwordHash).toBeUndefined();
    const forLogin = await repository.findByEmail(input.email, true);
    expect(forLogin?.passwordHash).toMatch(/^\$argon2id\$/);
  });

  it('turns handles into ids ignoring case, dropping unknown ones', async () => {
    const first = await users.register(registration());
    const second = await users.register(registration());
    const ids = await users.idsByHandles([first.handle.toUpperCase(), second.handle, unique()]);
    expect(ids.sort()).toEqual([first.id, second.id].sort());
    expect(await users.idsByHandles([])).toEqual([]);
  });

  it('loads the members of one request in one batch, without their password hashes', async () => {
    const first = await users.register(registration());
    const second = await users.register(registration());
    const loaders = new RequestLoaders();
    const loader = medium.get(UsersLoader);
    const batches = jest.spyOn(repository, 'byIds');
    const loaded = await Promise.all([
      loader.load(loaders, first.id),
      loader.load(loaders, second.id),
      loader.load(loaders, randomUUID()),
    ]);
    expect(loaded.map((user) => user?.id ?? null)).toEqual([first.id, second.id, null]);
    expect(batches).toHaveBeenCalledTimes(1);
    const shown = loaded[0] as UserEntity;
    // Not even an undefined key: a member shown beside a post never carries the hash.
    expect(Object.keys(shown)).not.toContain('passwordHash');
    expect(shown).toBeInstanceOf(UserEntity);
    expect(shown).toMatchObject({
      handle: first.handle,
      displayName: first.displayName,
      role: Role.MEMBER,
      reputation: 0,
      acceptedSolutionCount: 0,
      statusUntil: null,
    });
    expect(shown.createdAt).toBeInstanceOf(Date);
    batches.mockRestore();
  });

  it('gives a role and logs what it was', async () => {
    const admin = await medium.viewer(Role.ADMIN);
    const member = await users.register(registration());
    const promoted = await users.setRole(admin, member.id, Role.MODERATOR);
    expect(promoted.role).toBe(Role.MODERATOR);
    expect(await logOf(member.id)).toEqual([{ action: 'ROLE_MODERATOR', reason: 'was MEMBER' }]);
  });

  it('sanctions and reinstates a member, each in the log, and refuses a moderator', async () => {
    const moderator = await medium.viewer(Role.MODERATOR);
    const member = await users.register(registration());
    const until = new Date(Date.now() + 86_400_000);
    const silenced = await users.sanction(moderator, {
      userId: member.id,
      status: AccountStatus.SILENCED,
      reason: ' Spam ',
      until,
    });
    expect(silenced).toMatchObject({ status: AccountStatus.SILENCED, statusReason: 'Spam' });
    expect(silenced.statusUntil?.getTime()).toBe(until.getTime());
    const reinstated = await users.sanction(moderator, {
      userId: member.id,
      status: AccountStatus.ACTIVE,
      reason: 'Appeal granted',
    });
    expect(reinstated).toMatchObject({
      status: AccountStatus.ACTIVE,
      statusReason: null,
      statusUntil: null,
    });
    expect(await logOf(member.id)).toEqual([
      { action: 'SANCTION_SILENCED', reason: `Spam (until ${until.toISOString()})` },
      { action: 'SANCTION_ACTIVE', reason: 'Appeal granted' },
    ]);

    const otherModerator = await medium.member(Role.MODERATOR);
    await expect(
      users.sanction(moderator, {
        userId: otherModerator,
        status: AccountStatus.SUSPENDED,
        reason: 'No',
      }),
    ).rejects.toMatchObject({ extensions: { code: 'FORBIDDEN' } });
    expect(await logOf(otherModerator)).toEqual([]);
  });

  it('says NOT_FOUND when the member to sanction does not exist', async () => {
    const moderator = await medium.viewer(Role.MODERATOR);
    await expect(
      users.sanction(moderator, {
        userId: randomUUID(),
        status: AccountStatus.SILENCED,
        reason: 'Spam',
      }),
    ).rejects.toMatchObject({ extensions: { code: 'NOT_FOUND' } });
  });

  it('keeps reputation exact under parallel awards and withdrawals', async () => {
    const member = await medium.member();
    const others = await Promise.all([medium.member(), medium.member()]);
    await Promise.all([
      ...Array.from({ length: 20 }, () =>
        transactions.run((tx) => reputation.award(tx, member, 10)),
      ),
      ...Array.from({ length: 5 }, () =>
        transactions.run((tx) => reputation.award(tx, member, 15, 1)),
      ),
      ...Array.from({ length: 3 }, () =>
        transactions.run((tx) => reputation.award(tx, member, -10)),
      ),
      // Points moving between the same members both ways, locked in id order: no deadlock.
      ...Array.from({ length: 6 }, (_, i) =>
        transactions.run(async (tx) => {
          const [from, to] = i % 2 === 0 ? others : [...others].reverse();
          await reputation.lockMembers(tx, [from, to, null]);
          await reputation.award(tx, from, -1);
          await reputation.award(tx, to, 1);
        }),
      ),
    ]);
    const rows = await medium.sql<{ id: string; reputation: number; solutions: number }>(
      `SELECT id, reputation, accepted_solution_count AS solutions FROM users
        WHERE id = ANY($1::uuid[])`,
      [[member, ...others]],
    );
    const byId = new Map(rows.map((row) => [row.id, row]));
    expect(byId.get(member)).toMatchObject({ reputation: 20 * 10 + 5 * 15 - 3 * 10, solutions: 5 });
    expect(byId.get(others[0])?.reputation).toBe(0);
    expect(byId.get(others[1])?.reputation).toBe(0);
  });
});
