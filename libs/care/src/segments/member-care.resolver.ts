import { CurrentUser, RequestContext, Viewer } from '@app/core';
import { UserEntity, UserType } from '@app/identity';
import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { SegmentRecord } from './segment.record';
import { SegmentType } from './segment.type';
import { SegmentsService } from './segments.service';

/** A member's segment and rep, on the member: declared here, where care is known, not in identity. */
@Resolver(() => UserType)
export class MemberCareResolver {
  constructor(private readonly segments: SegmentsService) {}

  @ResolveField('segment', () => SegmentType, {
    nullable: true,
    description: 'Seen by the member and by staff; null for everyone else.',
  })
  segment(
    @Parent() user: UserEntity,
    @CurrentUser() viewer: Viewer | null,
    @Context() ctx: RequestContext,
  ): Promise<SegmentRecord | null> {
    return this.segments.segmentOf(ctx.loaders, viewer, user.id);
  }

  @ResolveField('dedicatedRep', () => UserType, {
    nullable: true,
    description:
      "The member's dedicated rep. Seen by the member and by staff; null for everyone else.",
  })
  dedicatedRep(
    @Parent() user: UserEntity,
    @CurrentUser() viewer: Viewer | null,
    @Context() ctx: RequestContext,
  ): Promise<UserEntity | null> {
    return this.segments.dedicatedRepOf(ctx.loaders, viewer, user.id);
  }
}
