import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CareCaseEntity } from '../cases/care-case.entity';
import { CaseMessageEntity } from '../cases/case-message.entity';
import { CaseMessagesRepository } from '../cases/case-messages.repository';
import { CaseReadsService } from '../cases/case-reads.service';
import { CasesRepository } from '../cases/cases.repository';
import { CareLiveResolver } from './care-live.resolver';
import { CareLiveTopics } from './care-live-topics';

/**
 * The API side of care's live feeds: caseActivity and careInboxChanged, read through the
 * cases' own readers (CasesModule exports only CasesService, so the readers are provided here).
 */
@Module({
  imports: [TypeOrmModule.forFeature([CareCaseEntity, CaseMessageEntity])],
  providers: [
    CasesRepository,
    CaseMessagesRepository,
    CaseReadsService,
    CareLiveTopics,
    CareLiveResolver,
  ],
})
export class CareLiveModule {}
