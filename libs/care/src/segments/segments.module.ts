import { NodeRegistry } from '@app/core';
import { IdentityModule } from '@app/identity';
import { Module, OnModuleInit } from '@nestjs/common';
import { CareMembersRepository } from './care-members.repository';
import { MemberCareResolver } from './member-care.resolver';
import { SegmentRecord } from './segment.record';
import { SegmentsRepository } from './segments.repository';
import { SegmentsResolver } from './segments.resolver';
import { SegmentsService } from './segments.service';

/** Segments and members' care profiles (segment, dedicated rep). */
@Module({
  imports: [IdentityModule],
  providers: [
    SegmentsRepository,
    CareMembersRepository,
    SegmentsService,
    SegmentsResolver,
    MemberCareResolver,
  ],
  exports: [SegmentsService],
})
export class SegmentsModule implements OnModuleInit {
  constructor(
    private readonly nodes: NodeRegistry,
    private readonly segments: SegmentsService,
  ) {
    // Known before the schema is built: the GraphQL module builds it in its onModuleInit.
    nodes.registerType(SegmentRecord, 'Segment');
  }

  onModuleInit(): void {
    this.nodes.register('Segment', (id, viewer, loaders) =>
      this.segments.nodeOf(loaders, viewer, id),
    );
  }
}
