import { Column, Entity, PrimaryColumn } from 'typeorm';
import { NotificationKind } from './notification-kind';

@Entity('notifications')
export class NotificationEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'recipient_id' })
  recipientId!: string;

  @Column('text')
  kind!: NotificationKind;

  @Column('text')
  message!: string;

  @Column('text', { name: 'subject_type', nullable: true })
  subjectType!: string | null;

  @Column('uuid', { name: 'subject_id', nullable: true })
  subjectId!: string | null;

  @Column('uuid', { name: 'actor_id', nullable: true })
  actorId!: string | null;

  @Column('bigint', { name: 'event_id' })
  eventId!: string;

  @Column({ type: 'timestamptz', precision: 3, name: 'read_at', nullable: true })
  readAt!: Date | null;

  @Column({ type: 'timestamptz', precision: 3, name: 'created_at' })
  createdAt!: Date;
}
