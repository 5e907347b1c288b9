import { Column, Entity, PrimaryColumn } from 'typeorm';
import { FlagReason } from '../moderation.enums';

/** One member's report on a target; at most one per member per target. */
@Entity('flags')
export class FlagEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('text', { name: 'target_type' })
  targetType!: string;

  @Column('uuid', { name: 'target_id' })
  targetId!: string;

  @Column('uuid', { name: 'reporter_id' })
  reporterId!: string;

  @Column('text')
  reason!: FlagReason;

  @Column('text', { nullable: true })
  note!: string | null;

  @Column('int')
  weight!: number;

  @Column('uuid', { name: 'review_item_id' })
  reviewItemId!: string;

  @Column({ type: 'timestamptz', precision: 3, name: 'created_at' })
  createdAt!: Date;
}
