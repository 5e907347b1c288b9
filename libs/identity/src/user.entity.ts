import { AccountStatus, Role } from '@app/core';
import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity('users')
export class UserEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('text')
  handle!: string;

  @Column('text')
  email!: string;

  @Column('text', { name: 'display_name' })
  displayName!: string;

  @Column('text', { name: 'password_hash', select: false })
  passwordHash!: string;

  @Column('text')
  role!: Role;

  @Column('text')
  status!: AccountStatus;

  @Column('text', { name: 'status_reason', nullable: true })
  statusReason!: string | null;

  @Column({ type: 'timestamptz', precision: 3, name: 'status_until', nullable: true })
  statusUntil!: Date | null;

  @Column('int')
  reputation!: number;

  @Column('int', { name: 'accepted_solution_count' })
  acceptedSolutionCount!: number;

  @Column({ type: 'timestamptz', precision: 3, name: 'created_at' })
  createdAt!: Date;
}
