import { UsersService } from '@app/identity';
import { AccountStatus, Role, Viewer } from '@app/core';
import { CommunityFiguresRepository } from '@app/forum';
import { CareFiguresRepository } from './care-figures.repository';
import { CareMetricsService } from './care-metrics.service';

const viewer = (role: Role): Viewer => ({
  id: '22222222-2222-4222-8222-222222222222',
  handle: 'ada',
  role,
  status: AccountStatus.ACTIVE,
  sessionId: '33333333-3333-4333-8333-333333333333',
});

const NOW = new Date('2030-07-01T00:00:00.000Z');
const daysBefore = (days: number) => new Date(NOW.getTime() - days * 86_400_000);

function setup(counts: { asked?: number; opened?: number } = {}) {
  const community = {
    over: jest.fn(async () => ({
      questionsAsked: counts.asked ?? 0,
      answeredByPeers: counts.asked ? 3 : 0,
      solved: counts.asked ? 1 : 0,
      medianMinutesToFirstAnswer: counts.asked ? 12.5 : null,
    })),
  };
  const care = {
    cases: jest.fn(async () => ({
      casesOpened: counts.opened ?? 0,
      escalations: counts.opened ? 2 : 0,
      medianMinutesToFirstResponse: counts.opened ? 30 : null,
      slaMet: counts.opened ? 3 : 0,
    })),
    deflections: jest.fn(async () => 7),
  };
  const service = new CareMetricsService(
    community as unknown as CommunityFiguresRepository,
    care as unknown as CareFiguresRepository,
    { staffIds: jest.fn(async () => [STAFF_ID]) } as unknown as UsersService,
  );
  return { service, community, care };
}

const codeOf = async (promise: Promise<unknown>) =>
  promise.then(
    () => 'resolved',
    (error: { extensions?: { code?: string } }) => error.extensions?.code,
  );

const STAFF_ID = '00000000-0000-4000-8000-00000000aaaa';

describe('CareMetricsService', () => {
  it('turns the counts of the window into rates, until defaulting to now', async () => {
    const { service, community, care } = setup({ asked: 4, opened: 4 });
    const since = daysBefore(30);
    expect(await service.over(viewer(Role.AGENT), since, null, NOW)).toEqual({
      since,
      until: NOW,
      questionsAsked: 4,
      answeredByPeersRate: 0.75,
      solvedRate: 0.25,
      medianMinutesToFirstAnswer: 12.5,
      casesOpened: 4,
      escalations: 2,
      medianMinutesToFirstResponse: 30,
      slaMetRate: 0.75,
      deflections: 7,
    });
    expect(community.over).toHaveBeenCalledWith(since, NOW, [STAFF_ID]);
    expect(care.cases).toHaveBeenCalledWith(since, NOW);
    expect(care.deflections).toHaveBeenCalledWith(since, NOW);
  });

  it('gives rates of 0 and no medians when nothing was counted', async () => {
    const { service } = setup();
    expect(await service.over(viewer(Role.ADMIN), daysBefore(1), NOW, NOW)).toMatchObject({
      answeredByPeersRate: 0,
      solvedRate: 0,
      medianMinutesToFirstAnswer: null,
      slaMetRate: 0,
      medianMinutesToFirstResponse: null,
    });
  });

  it('lets staff and product managers read, and nobody else', async () => {
    const { service, care } = setup();
    for (const role of [Role.AGENT, Role.MODERATOR, Role.ADMIN, Role.PRODUCT_MANAGER]) {
      expect(await codeOf(service.over(viewer(role), daysBefore(1), null, NOW))).toBe('resolved');
    }
    care.cases.mockClear();
    expect(await codeOf(service.over(viewer(Role.MEMBER), daysBefore(1), null, NOW))).toBe(
      'FORBIDDEN',
    );
    expect(care.cases).not.toHaveBeenCalled();
  });

  it('refuses since after until and a window over 366 days, reading nothing', async () => {
    const { service, care } = setup();
    const agent = viewer(Role.AGENT);
    await expect(service.over(agent, NOW, daysBefore(1), NOW)).rejects.toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', field: 'since' },
    });
    await expect(service.over(agent, daysBefore(1), null, daysBefore(2))).rejects.toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', field: 'since' },
    });
    await expect(
      service.over(agent, new Date(daysBefore(366).getTime() - 1), null, NOW),
    ).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'until' } });
    expect(care.cases).not.toHaveBeenCalled();
    expect(await codeOf(service.over(agent, daysBefore(366), null, NOW))).toBe('resolved');
    expect(await codeOf(service.over(agent, NOW, NOW, NOW))).toBe('resolved');
  });
});
