import { AuthoredContent, ContentStatus } from '@app/core';
import { Column, Entity } from 'typeorm';

/** An answer in a thread (the question itself is the thread's body). */
@Entity('posts')
export class PostEntity extends AuthoredContent {
  @Column('uuid', { name: 'thread_id' })
  threadId!: string;

  /** The body as readers see it, without markdown syntax: what search excerpts quote. */
  @Column('text', { name: 'body_text', select: false })
  bodyText!: string;

  @Column('text')
  status!: ContentStatus;

  @Column('int', { name: 'kudos_count' })
  kudosCount!: number;

  /** Given by staff for the company: kudos and acceptance earn its author no reputation. */
  @Column('boolean')
  official!: boolean;

  @Column({ type: 'timestamptz', precision: 3, name: 'edited_at', nullable: true })
  editedAt!: Date | null;

  @Column({ type: 'timestamptz', precision: 3, name: 'deleted_at', nullable: true, select: false })
  deletedAt!: Date | null;

  @Column('uuid', { name: 'deleted_by', nullable: true, select: false })
  deletedBy!: string | null;

  @Column('text', { name: 'delete_reason', nullable: true, select: false })
  deleteReason!: string | null;
}
