import {
  AccountStatus,
  badInput,
  conflict,
  forbidden,
  isUniqueViolation,
  ModerationLog,
  notFound,
  Role,
  Transactions,
  Viewer,
} from '@app/core';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { RegisterInput } from './dto/register.input';
import { PasswordHasher } from './password-hasher';
import { UserEntity } from './user.entity';
import { UsersRepository } from './users.repository';

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

/** A sanction of the member `userId` (a UUID): silence, suspension or reinstatement. */
export interface Sanction {
  userId: string;
  status: AccountStatus;
  reason: string;
  until?: Date | null;
}

/** Members: registration, lookup, roles and sanctions. */
@Injectable()
export class UsersService {
  constructor(
    private readonly users: UsersRepository,
    private readonly hasher: PasswordHasher,
    private readonly log: ModerationLog,
    private readonly transactions: Transactions,
  ) {}

  /** Creates a member; a handle or email taken by someone else (ignoring case) is CONFLICT. */
  async register(input: RegisterInput): Promise<UserEntity> {
    const handle = input.handle.trim();
    const passwordHash = await this.hasher.hash(input.password);
    try {
      return await this.users.insert({
        id: randomUUID(),
        handle,
        email: input.email.trim(),
        displayName: input.displayName?.trim() || handle,
        passwordHash,
      });
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
  }

  /** A member by UUID; null when there is none. */
  findById(id: string): Promise<UserEntity | null> {
    return this.users.findById(id);
  }

  /** The ids of the members with these handles (compared ignoring case); unknown handles drop out. */
  async idsByHandles(handles: readonly string[]): Promise<string[]> {
    return handles.length === 0 ? [] : this.users.idsByHandles(handles);
  }

  /** A member by handle, ignoring case. */
  /** The ids of the staff: agents, moderators and admins (a few, whatever the community's size). */
  staffIds(): Promise<string[]> {
    return this.users.staffIds();
  }

  /** The handles of these members, by id (a member that does not exist is left out). */
  async handlesOf(ids: readonly string[]): Promise<Map<string, string>> {
    const members = await this.users.byIds(ids);
    return new Map(members.map((member) => [member.id, member.handle]));
  }

  findByHandle(handle: string): Promise<UserEntity | null> {
    return this.users.findByHandle(handle);
  }

  /** Gives a member a role (admins only; not oneself, so the last admin cannot lock all out). */
  async setRole(actor: Viewer, userId: string, role: Role): Promise<UserEntity> {
    if (userId === actor.id) throw badInput('userId', 'you cannot change your own role');
    const user = await this.existing(userId);
    await this.transactions.run(async (tx) => {
      await this.users.setRole(user.id, role, tx);
      await this.log.append(tx, {
        actorId: actor.id,
        action: `ROLE_${role}`,
        targetUserId: user.id,
        reason: `was ${user.role}`,
      });
    });
    return this.existing(user.id);
  }

  /**
   * Silences, suspends or reinstates a member. Moderators and admins cannot be sanctioned at all,
   * by anyone: an admin first takes their role away with setUserRole, which the log records.
   * Nobody sanctions themselves; `until` must lie in the future and only goes with a sanction.
   */
  async sanction(actor: Viewer, sanction: Sanction): Promise<UserEntity> {
    const reason = sanction.reason.trim();
    if (!reason) throw badInput('reason', 'must not be blank');
    if (sanction.userId === actor.id) throw badInput('userId', 'you cannot sanction yourself');
    const until = sanction.until ?? null;
    if (until && sanction.status === AccountStatus.ACTIVE) {
      throw badInput('until', 'only goes with SILENCED or SUSPENDED');
    }
    if (until && until.getTime() <= Date.now()) throw badInput('until', 'must be in the future');
    const user = await this.existing(sanction.userId);
    assertSanctionable(user.role);
    await this.transactions.run(async (tx) => {
      // Locked and checked again, so a promotion racing the sanction cannot slip past the rule.
      const locked = await this.users.lockById(user.id, tx);
      if (!locked) throw notFound('User');
      assertSanctionable(locked.role);
      await this.users.setStatus(
        user.id,
        {
          status: sanction.status,
          statusReason: sanction.status === AccountStatus.ACTIVE ? null : reason,
          statusUntil: until,
        },
        tx,
      );
      await this.log.append(tx, {
        actorId: actor.id,
        action: `SANCTION_${sanction.status}`,
        targetUserId: user.id,
        reason: until ? `${reason} (until ${until.toISOString()})` : reason,
      });
    });
    return this.existing(user.id);
  }

  private async existing(id: string): Promise<UserEntity> {
    const user = await this.users.findById(id);
    if (!user) throw notFound('User');
    return user;
  }
}
