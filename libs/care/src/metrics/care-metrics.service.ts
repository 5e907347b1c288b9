import { badInput, forbidden, hasRole, Role, STAFF_ROLES, Viewer } from '@app/core';
import { CommunityFiguresRepository } from '@app/forum';
import { UsersService } from '@app/identity';
import { Injectable } from '@nestjs/common';
import { CareFiguresRepository } from './care-figures.repository';
import { CareMetricsType } from './care-metrics.type';

/** Who reads the figures: staff and the product managers. */
export const METRICS_ROLES: readonly Role[] = [...STAFF_ROLES, Role.PRODUCT_MANAGER];

const MOST_DAYS = 366;
const DAY = 86_400_000;

/** Community and care figures over a window, computed from the rows each time. */
@Injectable()
export class CareMetricsService {
  constructor(
    private readonly community: CommunityFiguresRepository,
    private readonly care: CareFiguresRepository,
    private readonly users: UsersService,
  ) {}

  /** Over [since, until), until defaulting to `now`; at most 366 days, since not after until. */
  async over(
    viewer: Viewer,
    since: Date,
    until: Date | null,
    now = new Date(),
  ): Promise<CareMetricsType> {
    if (!hasRole(viewer, METRICS_ROLES))
      throw forbidden('Only staff and product managers read care metrics');
    const end = until ?? now;
    if (since.getTime() > end.getTime()) throw badInput('since', 'must not be after until');
    if (end.getTime() - since.getTime() > MOST_DAYS * DAY) {
      throw badInput('until', `the window is at most ${MOST_DAYS} days`);
    }
    const staffIds = await this.users.staffIds();
    const [community, cases, deflections] = await Promise.all([
      this.community.over(since, end, staffIds),
      this.care.cases(since, end),
      this.care.deflections(since, end),
    ]);
    return {
      since,
      until: end,
      questionsAsked: community.questionsAsked,
      answeredByPeersRate: rate(community.answeredByPeers, community.questionsAsked),
      solvedRate: rate(community.solved, community.questionsAsked),
      medianMinutesToFirstAnswer: community.medianMinutesToFirstAnswer,
      casesOpened: cases.casesOpened,
      escalations: cases.escalations,
      medianMinutesToFirstResponse: cases.medianMinutesToFirstResponse,
      slaMetRate: rate(cases.slaMet, cases.casesOpened),
      deflections,
    };
  }
}

/** A share of a count; 0 when nothing was counted. */
function rate(part: number, whole: number): number {
  return whole === 0 ? 0 : part / whole;
}
