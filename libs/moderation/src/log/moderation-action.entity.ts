import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One entry of the append-only moderation log. */
@Entity('moderation_actions')
export class ModerationActionEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'actor_id' })
  actorId!: string;

  @Column('text')
  action!: string;

  @Column('text', { name: 'target_type', nullable: true })
  targetType!: string | null;

  @Column('uuid', { name: 'target_id', nullable: true })
  targetId!: string | null;

  @Column('uuid', { name: 'target_user_id', nullable: true })
  targetUserId!: string | null;

  @Column('text', { nullable: true })
  reason!: string | null;

  @Column({ type: 'timestamptz', precision: 3, name: 'created_at' })
  createdAt!: Date;
}
