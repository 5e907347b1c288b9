import { CurrentUser, fromGlobalId, Role, Roles, Viewer } from '@app/core';
import { UserEntity, UserType } from '@app/identity';
import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { SEGMENT_READERS } from './segment-rules';
import { SegmentRecord } from './segment.record';
import { SegmentType } from './segment.type';
import { SegmentsService } from './segments.service';
import { UpsertSegmentInput } from './upsert-segment.input';

@Resolver(() => SegmentType)
export class SegmentsResolver {
  constructor(private readonly service: SegmentsService) {}

  @Query(() => [SegmentType])
  @Roles(...SEGMENT_READERS)
  segments(@CurrentUser() viewer: Viewer): Promise<SegmentRecord[]> {
    return this.service.list(viewer);
  }

  @Mutation(() => SegmentType)
  @Roles(Role.ADMIN)
  upsertSegment(@Args('input') input: UpsertSegmentInput): Promise<SegmentRecord> {
    return this.service.upsert(input);
  }

  @Mutation(() => UserType, { description: 'Without segmentId: the member leaves their segment.' })
  @Roles(Role.ADMIN)
  setMemberSegment(
    @Args('userId', { type: () => ID }) userId: string,
    @Args('segmentId', { type: () => ID, nullable: true }) segmentId: string | null,
  ): Promise<UserEntity> {
    return this.service.setMemberSegment(
      fromGlobalId(userId, 'User', 'userId'),
      segmentId ? fromGlobalId(segmentId, 'Segment', 'segmentId') : null,
    );
  }

  @Mutation(() => UserType, { description: "Without agentId: the member's rep is removed." })
  @Roles(Role.ADMIN)
  assignDedicatedRep(
    @Args('userId', { type: () => ID }) userId: string,
    @Args('agentId', { type: () => ID, nullable: true }) agentId: string | null,
  ): Promise<UserEntity> {
    return this.service.assignDedicatedRep(
      fromGlobalId(userId, 'User', 'userId'),
      agentId ? fromGlobalId(agentId, 'User', 'agentId') : null,
    );
  }
}
