import { AuthoredContent, ContentStatus } from '@app/core';
import { Column, Entity } from 'typeorm';
import { ThreadStatus } from '../forum.enums';

@Entity('threads')
export class ThreadEntity extends AuthoredContent {
  @Column('uuid', { name: 'board_id' })
  boardId!: string;

  @Column('text')
  title!: string;

  /** The body as readers see it, without markdown syntax: what search excerpts quote. */
  @Column('text', { name: 'body_text', select: false })
  bodyText!: string;

  @Column('text', { array: true })
  tags!: string[];

  @Column('text')
  status!: ThreadStatus;

  @Column('text', { name: 'content_status' })
  contentStatus!: ContentStatus;

  @Column('uuid', { name: 'accepted_post_id', nullable: true })
  acceptedPostId!: string | null;

  /** Who accepted the solution: they relied on it, so a correction of it reaches them. */
  @Column('uuid', { name: 'accepted_by', nullable: true })
  acceptedBy!: string | null;

  @Column('int', { name: 'answer_count' })
  answerCount!: number;

  @Column({ type: 'timestamptz', precision: 3, name: 'last_activity_at' })
  lastActivityAt!: Date;
}
