import {
  AccountStatus,
  badInput,
  conflict,
  forbidden,
  fromGlobalId,
  isUniqueViolation,
  ModerationLog,
  notFound,
  Role,
  Viewer,
} from '@app/core';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { EntityManager, Repository } from 'typeorm';
import { RegisterInput } from './dto/register.input';
import { SanctionInput } from './dto/sanction.input';
import { PasswordHasher } from './password-hasher';
import { UserEntity } from './user.entity';

/** Roles that no sanction reaches: they lose the role first. */
export const UNSANCTIONABLE_ROLES: readonly Role[] = [Role.MODERATOR, Role.ADMIN];

/** Refuses a sanction of a moderator or an admin, saying what to do instead. */
export function assertSanctionable(role: Role): void {
  if (UNSANCTIONABLE_ROLES.includes(role)) {
    throw forbidden(
      `Moderators and admins cannot be sanctioned; change their role with setUserRole first (this member is ${role})`,
    );
  }
}

/** Members: registration, lookup, roles and sanctions. */
@Injectable()
export class UsersService {
  constructor(
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    private readonly hasher: PasswordHasher,
    private readonly log: ModerationLog,
  ) {}

  /** Creates a member; a handle or email taken by someone else (ignoring case) is CONFLICT. */
  async register(input: RegisterInput): Promise<UserEntity> {
    const handle = input.handle.trim();
    const email = input.email.trim();
    const passwordHash = await this.hasher.hash(input.password);
    const user = this.users.create({
      id: randomUUID(),
      handle,
      email,
      displayName: input.displayName?.trim() || handle,
      passwordHash,
      role: Role.MEMBER,
      status: AccountStatus.ACTIVE,
      statusReason: null,
      statusUntil: null,
      reputation: 0,
      acceptedSolutionCount: 0,
    });
    try {
      await this.users.insert(user);
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw conflict(
          isUniqueViolation(error, 'users_email_key')
            ? 'An account with this email already exists'
            : 'This handle is already taken',
        );
      }
      throw error;
    }
    return this.getById(user.id);
  }

  /** Finds a member by id; null when there is none. */
  findById(id: string): Promise<UserEntity | null> {
    return this.users.findOneBy({ id });
  }

  /** Finds a member by id or fails with NOT_FOUND. */
  async getById(id: string): Promise<UserEntity> {
    const user = await this.users.findOneBy({ id });
    if (!user) throw notFound('User');
    return user;
  }

  /** The ids of the members with these handles (compared ignoring case); unknown handles drop out. */
  async idsByHandles(handles: readonly string[]): Promise<string[]> {
    if (handles.length === 0) return [];
    const rows: Array<{ id: string }> = await this.users.query(
      `SELECT id FROM users WHERE lower(handle) = ANY($1::text[])`,
      [handles.map((handle) => handle.toLowerCase())],
    );
    return rows.map((row) => row.id);
  }

  /** Finds a member by handle, ignoring case. */
  findByHandle(handle: string): Promise<UserEntity | null> {
    return this.users
      .createQueryBuilder('u')
      .where('lower(u.handle) = lower(:handle)', { handle })
      .getOne();
  }

  /** Finds a member with the password hash, for login. */
  findForLogin(email: string): Promise<UserEntity | null> {
    return this.users
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('lower(u.email) = lower(:email)', { email: email.trim() })
      .getOne();
  }

  /** Finds a member by email, ignoring case. */
  findByEmail(email: string): Promise<UserEntity | null> {
    return this.users
      .createQueryBuilder('u')
      .where('lower(u.email) = lower(:email)', { email: email.trim() })
      .getOne();
  }

  /**
   * Locks a member's row for the rest of the caller's transaction and reads it (null when there
   * is no such member): the changes that must not interleave for one member queue up here.
   */
  lockForUpdate(manager: EntityManager, id: string): Promise<UserEntity | null> {
    return manager.findOne(UserEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  /** Replaces a member's password hash, in the caller's transaction. */
  async setPasswordHash(manager: EntityManager, id: string, passwordHash: string): Promise<void> {
    await manager.update(UserEntity, { id }, { passwordHash });
  }

  /** Gives a member a role (admins only; not oneself, so the last admin cannot lock all out). */
  async setRole(actor: Viewer, userGlobalId: string, role: Role): Promise<UserEntity> {
    const userId = fromGlobalId(userGlobalId, 'User', 'userId');
    if (userId === actor.id) throw badInput('userId', 'you cannot change your own role');
    const user = await this.getById(userId);
    await this.users.manager.transaction(async (manager) => {
      await manager.update(UserEntity, { id: user.id }, { role });
      await this.log.append(manager, {
        actorId: actor.id,
        action: `ROLE_${role}`,
        targetUserId: user.id,
        reason: `was ${user.role}`,
      });
    });
    return this.getById(user.id);
  }

  /**
   * Silences, suspends or reinstates a member. Moderators and admins cannot be sanctioned at all,
   * by anyone: an admin first takes their role away with setUserRole, which the log records.
   * Nobody sanctions themselves; `until` must lie in the future and only goes with a sanction.
   */
  async sanction(actor: Viewer, input: SanctionInput): Promise<UserEntity> {
    const userId = fromGlobalId(input.userId, 'User', 'userId');
    if (!input.reason.trim()) throw badInput('reason', 'must not be blank');
    if (userId === actor.id) throw badInput('userId', 'you cannot sanction yourself');
    const until = input.until ?? null;
    if (until && input.status === AccountStatus.ACTIVE) {
      throw badInput('until', 'only goes with SILENCED or SUSPENDED');
    }
    if (until && until.getTime() <= Date.now()) throw badInput('until', 'must be in the future');
    const user = await this.getById(userId);
    assertSanctionable(user.role);
    await this.users.manager.transaction(async (manager) => {
      // Locked and checked again, so a promotion racing the sanction cannot slip past the rule.
      const locked = await manager.findOneOrFail(UserEntity, {
        where: { id: user.id },
        lock: { mode: 'pessimistic_write' },
      });
      assertSanctionable(locked.role);
      await manager.update(
        UserEntity,
        { id: user.id },
        {
          status: input.status,
          statusReason: input.status === AccountStatus.ACTIVE ? null : input.reason.trim(),
          statusUntil: until,
        },
      );
      await this.log.append(manager, {
        actorId: actor.id,
        action: `SANCTION_${input.status}`,
        targetUserId: user.id,
        reason: until
          ? `${input.reason.trim()} (until ${until.toISOString()})`
          : input.reason.trim(),
      });
    });
    return this.getById(user.id);
  }
}
