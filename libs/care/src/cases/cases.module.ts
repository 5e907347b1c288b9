import { NodeRegistry } from '@app/core';
import { ForumModule } from '@app/forum';
import { IdentityModule } from '@app/identity';
import { Module, OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { SegmentsModule } from '../segments/segments.module';
import { CareCaseEntity } from './care-case.entity';
import { CaseMessageEntity } from './case-message.entity';
import { CaseMessagesRepository } from './case-messages.repository';
import { CaseMessagesResolver } from './case-messages.resolver';
import { CaseReadsService } from './case-reads.service';
import { CasesRepository } from './cases.repository';
import { CasesResolver } from './cases.resolver';
import { CasesService } from './cases.service';

/** Care's cases: the member's private conversations with the care team, and staff's inbox. */
@Module({
  imports: [
    IdentityModule,
    ForumModule,
    SegmentsModule,
    TypeOrmModule.forFeature([CareCaseEntity, CaseMessageEntity]),
  ],
  providers: [
    CasesRepository,
    CaseMessagesRepository,
    CaseReadsService,
    CasesService,
    CasesResolver,
    CaseMessagesResolver,
  ],
  exports: [CasesService],
})
export class CasesModule implements OnModuleInit {
  constructor(
    private readonly nodes: NodeRegistry,
    private readonly reads: CaseReadsService,
  ) {
    // Known before the schema is built: the GraphQL module builds it in its onModuleInit.
    nodes.registerType(CareCaseEntity, 'CareCase');
    nodes.registerType(CaseMessageEntity, 'CaseMessage');
  }

  onModuleInit(): void {
    // Null to anyone but the case's member and staff; an internal note to staff only.
    this.nodes.register('CareCase', (id, viewer, loaders) =>
      this.reads.findVisible(loaders, id, viewer),
    );
    this.nodes.register('CaseMessage', (id, viewer, loaders) =>
      this.reads.findVisibleMessage(loaders, id, viewer),
    );
  }
}
