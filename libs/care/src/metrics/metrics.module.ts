import { ForumModule } from '@app/forum';
import { IdentityModule } from '@app/identity';
import { Module } from '@nestjs/common';
import { CareFiguresRepository } from './care-figures.repository';
import { CareMetricsResolver } from './care-metrics.resolver';
import { CareMetricsService } from './care-metrics.service';

/** careMetrics: the community's figures from forum (staff known to identity), care's own from its tables. */
@Module({
  imports: [ForumModule, IdentityModule],
  providers: [CareFiguresRepository, CareMetricsService, CareMetricsResolver],
})
export class MetricsModule {}
