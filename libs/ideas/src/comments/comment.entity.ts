import { ContentStatus } from '@app/core';
import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity('idea_comments')
export class CommentEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'idea_id' })
  ideaId!: string;

  @Column('uuid', { name: 'author_id' })
  authorId!: string;

  @Column('text')
  body!: string;

  @Column('text', { name: 'body_html' })
  bodyHtml!: string;

  @Column('text')
  status!: ContentStatus;

  @Column({ type: 'timestamptz', precision: 3, name: 'created_at' })
  createdAt!: Date;
}
