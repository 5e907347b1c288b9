import { registerEnumType } from '@nestjs/graphql';

export enum CaseStatus {
  OPEN = 'OPEN',
  WAITING_ON_MEMBER = 'WAITING_ON_MEMBER',
  RESOLVED = 'RESOLVED',
}

export enum CasePriority {
  LOW = 'LOW',
  NORMAL = 'NORMAL',
  HIGH = 'HIGH',
  URGENT = 'URGENT',
}

/** The inbox's second key: URGENT first. */
export const PRIORITY_RANK: Record<CasePriority, number> = {
  [CasePriority.URGENT]: 0,
  [CasePriority.HIGH]: 1,
  [CasePriority.NORMAL]: 2,
  [CasePriority.LOW]: 3,
};

export enum CaseOrigin {
  DIRECT = 'DIRECT',
  ESCALATED = 'ESCALATED',
  AUTO_ESCALATED = 'AUTO_ESCALATED',
}

registerEnumType(CaseStatus, {
  name: 'CaseStatus',
  valuesMap: {
    OPEN: { description: 'Waiting for an agent.' },
    WAITING_ON_MEMBER: { description: 'An agent has answered; waiting for the member.' },
  },
});
registerEnumType(CasePriority, { name: 'CasePriority' });
registerEnumType(CaseOrigin, {
  name: 'CaseOrigin',
  valuesMap: {
    DIRECT: { description: 'Opened by the member directly.' },
    ESCALATED: { description: 'Escalated from a public thread, by its asker or by staff.' },
    AUTO_ESCALATED: {
      description: 'Escalated by the platform: the question stayed unanswered too long.',
    },
  },
});
