import { Column, Entity, PrimaryColumn } from 'typeorm';
import { CaseOrigin, CasePriority, CaseStatus } from './care.enums';

/** A private conversation between one member and the care team. */
@Entity('care_cases')
export class CareCaseEntity {
  @PrimaryColumn('uuid')
  id!: string;

  /** Human-readable, from a sequence: unique and increasing. */
  @Column('int')
  number!: number;

  @Column('text')
  subject!: string;

  @Column('uuid', { name: 'member_id' })
  memberId!: string;

  @Column('text')
  status!: CaseStatus;

  @Column('text')
  priority!: CasePriority;

  /** PRIORITY_RANK of `priority`, for the inbox's order. */
  @Column('smallint', { name: 'priority_rank' })
  priorityRank!: number;

  @Column('text')
  origin!: CaseOrigin;

  @Column('uuid', { name: 'thread_id', nullable: true })
  threadId!: string | null;

  @Column('uuid', { name: 'assignee_id', nullable: true })
  assigneeId!: string | null;

  /** While the case waits for the member's dedicated rep: when it returns to the shared inbox. */
  @Column({ type: 'timestamptz', precision: 3, name: 'rep_fallback_at', nullable: true })
  repFallbackAt!: Date | null;

  @Column({ type: 'timestamptz', precision: 3, name: 'first_response_due_at' })
  firstResponseDueAt!: Date;

  @Column({ type: 'timestamptz', precision: 3, name: 'first_responded_at', nullable: true })
  firstRespondedAt!: Date | null;

  @Column({ type: 'timestamptz', precision: 3, name: 'resolved_at', nullable: true })
  resolvedAt!: Date | null;

  @Column('text', { name: 'resolution_note', nullable: true })
  resolutionNote!: string | null;

  @Column('uuid', { name: 'public_answer_id', nullable: true })
  publicAnswerId!: string | null;

  @Column({ type: 'timestamptz', precision: 3, name: 'created_at' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', precision: 3, name: 'updated_at' })
  updatedAt!: Date;
}
