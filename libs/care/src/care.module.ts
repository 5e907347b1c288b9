import { ForumModule } from '@app/forum';
import { Module } from '@nestjs/common';
import { DeflectionsRepository } from './deflections/deflections.repository';
import { DeflectionsResolver } from './deflections/deflections.resolver';
import { DeflectionsService } from './deflections/deflections.service';
import { SegmentsModule } from './segments/segments.module';
import { CasesModule } from './cases/cases.module';
import { IdeaWeightsModule } from './idea-weights/idea-weights.module';
import { CareLiveModule } from './live/care-live.module';
import { MetricsModule } from './metrics/metrics.module';

/** Care: the community bridged to assistance. For now, deflections (questions answered before asked). */
@Module({
  imports: [
    ForumModule,
    SegmentsModule,
    CasesModule,
    IdeaWeightsModule,
    CareLiveModule,
    MetricsModule,
  ],
  providers: [DeflectionsRepository, DeflectionsService, DeflectionsResolver],
})
export class CareModule {}
