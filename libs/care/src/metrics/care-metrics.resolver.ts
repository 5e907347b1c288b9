import { CurrentUser, Roles, Viewer } from '@app/core';
import { Args, GraphQLISODateTime, Query, Resolver } from '@nestjs/graphql';
import { CareMetricsService, METRICS_ROLES } from './care-metrics.service';
import { CareMetricsType } from './care-metrics.type';

@Resolver(() => CareMetricsType)
export class CareMetricsResolver {
  constructor(private readonly metrics: CareMetricsService) {}

  @Query(() => CareMetricsType)
  @Roles(...METRICS_ROLES)
  careMetrics(
    @CurrentUser() viewer: Viewer,
    @Args('since', { type: () => GraphQLISODateTime }) since: Date,
    @Args('until', { type: () => GraphQLISODateTime, nullable: true }) until: Date | null,
  ): Promise<CareMetricsType> {
    return this.metrics.over(viewer, since, until ?? null);
  }
}
