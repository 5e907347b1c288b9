import { AuthoredContent, ContentStatus } from '@app/core';
import { Column, Entity } from 'typeorm';
import { IdeaStatus } from '../ideas.enums';

@Entity('ideas')
export class IdeaEntity extends AuthoredContent {
  @Column('uuid', { name: 'board_id' })
  boardId!: string;

  @Column('text')
  title!: string;

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

  /** The sum of the votes' weights (idea_votes.weight). */
  @Column('int', { name: 'weighted_vote_count' })
  weightedVoteCount!: number;

  @Column('double precision', { name: 'trending_score' })
  trendingScore!: number;

  @Column('uuid', { name: 'merged_into', nullable: true })
  mergedInto!: string | null;
}
