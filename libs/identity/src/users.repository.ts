import { AccountStatus, Role, SAMPLE, SqlSnapshot, Tx } from '@app/core';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { FindOptionsSelect, Repository } from 'typeorm';
import { UserEntity } from './user.entity';

/** A member as registration writes them; the database fills in the rest. */
export interface NewUser {
  id: string;
  handle: string;
  email: string;
  displayName: string;
  passwordHash: string;
}

/** What a sanction sets on a member. */
export interface MemberStatus {
  status: AccountStatus;
  statusReason: string | null;
  statusUntil: Date | null;
}

/** Every column but the password hash: what anyone but the member signing in may read. */
const MEMBER_COLUMNS: FindOptionsSelect<UserEntity> = {
  id: true,
  handle: true,
  email: true,
  displayName: true,
  role: true,
  status: true,
  statusReason: true,
  statusUntil: true,
  reputation: true,
  acceptedSolutionCount: true,
  createdAt: true,
};

/** Every statement on `users`. */
@Injectable()
export class UsersRepository {
  constructor(@InjectRepository(UserEntity) private readonly users: Repository<UserEntity>) {}

  /** Inserts a member; a taken handle or email raises the unique violation for the caller. */
  async insert(user: NewUser): Promise<UserEntity> {
    await this.users.insert({
      ...user,
      role: Role.MEMBER,
      status: AccountStatus.ACTIVE,
      statusReason: null,
      statusUntil: null,
      reputation: 0,
      acceptedSolutionCount: 0,
    });
    return this.users.findOneOrFail({ select: MEMBER_COLUMNS, where: { id: user.id } });
  }

  /** A member by id, null when there is none. */
  findById(id: string, tx?: Tx): Promise<UserEntity | null> {
    return this.repo(tx).findOne({ select: MEMBER_COLUMNS, where: { id } });
  }

  /**
   * The members with these ids (those that exist, in no order), for the request's loader: the
   * member columns named one by one, never the password hash, and read without the query
   * builder, since a thread page asks for dozens of members on every view.
   */
  @SqlSnapshot({ params: [[SAMPLE.UUID, SAMPLE.UUID_2]] })
  async byIds(ids: readonly string[]): Promise<UserEntity[]> {
    // One array parameter, so every batch size is the same statement.
    const rows: object[] = await this.users.query(
      `SELECT id, handle, email, display_name AS "displayName", role, status,
              status_reason AS "statusReason", status_until AS "statusUntil", reputation,
              accepted_solution_count AS "acceptedSolutionCount", created_at AS "createdAt"
         FROM users
        WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    // Built on the prototype without running the constructor, whose field declarations would
    // give every member a `passwordHash` key, if only an undefined one.
    return rows.map((row) => Object.assign(Object.create(UserEntity.prototype) as UserEntity, row));
  }

  /** The ids of the members with these handles (compared ignoring case). */
  async idsByHandles(handles: readonly string[]): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.users.query(
      `SELECT id FROM users WHERE lower(handle) = ANY($1::text[])`,
      [handles.map((handle) => handle.toLowerCase())],
    );
    return rows.map((row) => row.id);
  }

  /** A member by handle, ignoring case. */
  findByHandle(handle: string): Promise<UserEntity | null> {
    return this.users
      .createQueryBuilder('u')
      .where('lower(u.handle) = lower(:handle)', { handle })
      .getOne();
  }

  /** A member by email, ignoring case and surrounding spaces; `withPasswordHash` for signing in. */
  findByEmail(email: string, withPasswordHash = false): Promise<UserEntity | null> {
    const qb = this.users.createQueryBuilder('u');
    if (withPasswordHash) qb.addSelect('u.passwordHash');
    return qb.where('lower(u.email) = lower(:email)', { email: email.trim() }).getOne();
  }

  /**
   * Locks a member's row for the rest of the transaction and reads it (null when there is none):
   * the changes that must not interleave for one member queue up here.
   */
  lockById(id: string, tx: Tx): Promise<UserEntity | null> {
    return tx.getRepository(UserEntity).findOne({
      select: MEMBER_COLUMNS,
      where: { id },
      lock: { mode: 'pessimistic_write' },
    });
  }

  /**
   * Locks these members' rows in id order: two transactions moving reputation between the same
   * members then queue one behind the other instead of each holding what the other needs.
   */
  async lockInIdOrder(ids: readonly string[], tx: Tx): Promise<void> {
    await tx.query(`SELECT id FROM users WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE`, [ids]);
  }

  /** The ids of every member with a staff role (AGENT, MODERATOR, ADMIN), from users_staff_idx. */
  @SqlSnapshot({ params: [] })
  async staffIds(): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.users.query(
      `SELECT id FROM users WHERE role IN ('AGENT', 'MODERATOR', 'ADMIN')`,
    );
    return rows.map((row) => row.id);
  }

  /** A member's reputation, or null for no such member; in `tx` when given. */
  @SqlSnapshot({ params: [SAMPLE.UUID] })
  async reputationOf(userId: string, tx?: Tx): Promise<number | null> {
    const rows: Array<{ reputation: number }> = await (tx ?? this.users.manager).query(
      `SELECT reputation FROM users WHERE id = $1`,
      [userId],
    );
    return rows[0]?.reputation ?? null;
  }

  /** Adds points and accepted solutions (negative to withdraw) in one UPDATE, so it stays exact. */
  async addReputation(userId: string, points: number, solutions: number, tx: Tx): Promise<void> {
    await tx.query(
      `UPDATE users SET reputation = reputation + $2,
              accepted_solution_count = accepted_solution_count + $3
        WHERE id = $1`,
      [userId, points, solutions],
    );
  }

  /** Replaces a member's password hash. */
  async setPasswordHash(id: string, passwordHash: string, tx: Tx): Promise<void> {
    await tx.getRepository(UserEntity).update({ id }, { passwordHash });
  }

  /** Gives a member a role. */
  async setRole(id: string, role: Role, tx: Tx): Promise<void> {
    await tx.getRepository(UserEntity).update({ id }, { role });
  }

  /** Sets a member's status (a sanction, or its lifting). */
  async setStatus(id: string, status: MemberStatus, tx: Tx): Promise<void> {
    await tx.getRepository(UserEntity).update({ id }, status);
  }

  private repo(tx?: Tx): Repository<UserEntity> {
    return tx ? tx.getRepository(UserEntity) : this.users;
  }
}
