import { registerEnumType } from '@nestjs/graphql';

export enum IdeaStatus {
  NEW = 'NEW',
  UNDER_REVIEW = 'UNDER_REVIEW',
  PLANNED = 'PLANNED',
  IN_PROGRESS = 'IN_PROGRESS',
  DELIVERED = 'DELIVERED',
  DECLINED = 'DECLINED',
  MERGED = 'MERGED',
}

/** Statuses that close an idea: no more votes, no longer suggested. */
export const CLOSED_IDEA_STATUSES: readonly IdeaStatus[] = [
  IdeaStatus.MERGED,
  IdeaStatus.DELIVERED,
  IdeaStatus.DECLINED,
];

export enum IdeaOrder {
  TOP = 'TOP',
  TRENDING = 'TRENDING',
  NEWEST = 'NEWEST',
  /** By weightedVoteCount: what the key accounts want first. */
  WEIGHTED = 'WEIGHTED',
}

registerEnumType(IdeaStatus, { name: 'IdeaStatus' });
registerEnumType(IdeaOrder, { name: 'IdeaOrder' });
