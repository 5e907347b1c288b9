import { ContentStatus } from '@app/core';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { IdeaStatus } from '../ideas.enums';

@Entity('ideas')
export class IdeaEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'board_id' })
  boardId!: string;

  @Column('uuid', { name: 'author_id' })
  authorId!: string;

  @Column('text')
  title!: string;

  @Column('text')
  body!: string;

  @Column('text', { name: 'body_html' })
  bodyHtml!: string;

  @Column('text', { array: true })
  tags!: string[];

  @Column('text')
  status!: IdeaStatus;

  @Column('text', { name: 'status_note', nullable: true })
  statusNote!: string | null;

  @Column('text', { name: 'content_status' })
  contentStatus!: ContentStatus;

  @Column('int', { name: 'vote_count' })
  voteCount!: number;

  @Column('double precision', { name: 'trending_score' })
  trendingScore!: number;

  @Column('uuid', { name: 'merged_into', nullable: true })
  mergedInto!: string | null;

  @Column({ type: 'timestamptz', precision: 3, name: 'created_at' })
  createdAt!: Date;
}
