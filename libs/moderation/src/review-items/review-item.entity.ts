import { Column, Entity, PrimaryColumn } from 'typeorm';
import { ReviewAction, ReviewItemKind, ReviewItemStatus } from '../moderation.enums';

/** One target awaiting (or past) a moderator's decision; all open flags on it share it. */
@Entity('review_items')
export class ReviewItemEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('text')
  kind!: ReviewItemKind;

  @Column('text')
  status!: ReviewItemStatus;

  @Column('text', { name: 'target_type' })
  targetType!: string;

  @Column('uuid', { name: 'target_id' })
  targetId!: string;

  @Column('uuid', { name: 'target_author_id' })
  targetAuthorId!: string;

  @Column('double precision')
  priority!: number;

  @Column('int', { name: 'flag_count' })
  flagCount!: number;

  @Column('int', { name: 'flag_weight' })
  flagWeight!: number;

  @Column('int', { name: 'hide_weight' })
  hideWeight!: number;

  @Column('int', { name: 'reporter_reputation' })
  reporterReputation!: number;

  @Column('text', { array: true })
  reasons!: string[];

  @Column('uuid', { name: 'claimed_by', nullable: true })
  claimedBy!: string | null;

  @Column({ type: 'timestamptz', precision: 3, name: 'claimed_at', nullable: true })
  claimedAt!: Date | null;

  @Column('text', { nullable: true })
  resolution!: ReviewAction | null;

  @Column('text', { name: 'resolution_note', nullable: true })
  resolutionNote!: string | null;

  @Column('uuid', { name: 'resolved_by', nullable: true })
  resolvedBy!: string | null;

  @Column({ type: 'timestamptz', precision: 3, name: 'resolved_at', nullable: true })
  resolvedAt!: Date | null;

  @Column({ type: 'timestamptz', precision: 3, name: 'created_at' })
  createdAt!: Date;
}
