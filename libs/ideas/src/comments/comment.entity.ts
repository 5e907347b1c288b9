import { AuthoredContent, ContentStatus } from '@app/core';
import { Column, Entity } from 'typeorm';

@Entity('idea_comments')
export class CommentEntity extends AuthoredContent {
  @Column('uuid', { name: 'idea_id' })
  ideaId!: string;

  @Column('text')
  status!: ContentStatus;
}
