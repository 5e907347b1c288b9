import {
  AccountStatus,
  OutboxService,
  RequestLoaders,
  Role,
  Transactions,
  Tx,
  Viewer,
} from '@app/core';
import { UserEntity, UsersLoader, UsersService } from '@app/identity';
import { GraphQLError } from 'graphql';
import { CARE_EVENTS } from '../care.events';
import { CareMember, CareMembersRepository } from './care-members.repository';
import { SegmentRecord } from './segment.record';
import { SegmentsRepository } from './segments.repository';
import { SegmentsService } from './segments.service';

const TX = {} as Tx;
const MEMBER = 'member';
const AGENT = 'agent';
const PM = 'product-manager';
const KEY = 'seg-key';
const PLAIN = 'seg-plain';

const viewer = (role: Role, id = 'viewer'): Viewer => ({
  id,
  handle: id,
  role,
  status: AccountStatus.ACTIVE,
  sessionId: 'session',
});

const segment = (id: string, dedicatedRepEnabled: boolean): SegmentRecord =>
  Object.assign(new SegmentRecord(), {
    id,
    key: id,
    name: id,
    firstResponseHours: 4,
    dedicatedRepEnabled,
    ideaVoteWeight: 5,
    memberCount: 0,
  });

/** The service over in-memory segments and members; every write is recorded. */
function serviceWith() {
  const segments = new Map([
    [KEY, segment(KEY, true)],
    [PLAIN, segment(PLAIN, false)],
  ]);
  const members = new Map<string, CareMember>();
  const users = new Map<string, UserEntity>(
    [
      [MEMBER, Role.MEMBER],
      [AGENT, Role.AGENT],
      [PM, Role.PRODUCT_MANAGER],
    ].map(([id, role]) => [id, { id, role } as UserEntity]),
  );
  const events: unknown[] = [];
  const segmentsRepo = {
    all: jest.fn(async () => [...segments.values()]),
    byIds: jest.fn(async (ids: string[]) => ids.flatMap((id) => segments.get(id) ?? [])),
    upsert: jest.fn(async (id: string, settings: Omit<SegmentRecord, 'id' | 'memberCount'>) => {
      const existing = [...segments.values()].find((s) => s.key === settings.key);
      const row = Object.assign(existing ?? segment(id, false), settings);
      segments.set(row.id, row);
      return row;
    }),
    lockWeightByKey: jest.fn(
      async (key: string) =>
        [...segments.values()].find((s) => s.key === key)?.ideaVoteWeight ?? null,
    ),
    lockForMove: jest.fn(async (ids: string[]) =>
      ids.flatMap((id) => {
        const s = segments.get(id);
        return s ? [{ id, dedicatedRepEnabled: s.dedicatedRepEnabled }] : [];
      }),
    ),
    addMembers: jest.fn(async (id: string, delta: number) => {
      const row = segments.get(id);
      if (row) row.memberCount += delta;
    }),
    repsEnabledShared: jest.fn(async (id: string) => segments.get(id)?.dedicatedRepEnabled ?? null),
  };
  const member = (userId: string): CareMember =>
    members.get(userId) ?? { userId, segmentId: null, dedicatedRepId: null };
  const membersRepo = {
    profileRow: jest.fn(async () => null),
    byUserIds: jest.fn(async (ids: string[]) => ids.flatMap((id) => members.get(id) ?? [])),
    lock: jest.fn(async (userId: string) => ({ ...member(userId) })),
    setSegment: jest.fn(async (userId: string, segmentId: string | null, keepRep: boolean) => {
      const m = member(userId);
      members.set(userId, { ...m, segmentId, dedicatedRepId: keepRep ? m.dedicatedRepId : null });
    }),
    setRep: jest.fn(async (userId: string, dedicatedRepId: string | null) => {
      members.set(userId, { ...member(userId), dedicatedRepId });
    }),
    memberPage: jest.fn(async (segmentId: string, after: string, limit: number) =>
      [...members.values()]
        .filter((m) => m.segmentId === segmentId && m.userId > after)
        .map((m) => m.userId)
        .sort()
        .slice(0, limit),
    ),
    clearRepsOf: jest.fn(async (segmentId: string) => {
      for (const m of members.values()) if (m.segmentId === segmentId) m.dedicatedRepId = null;
    }),
  };
  const usersService = { findById: jest.fn(async (id: string) => users.get(id) ?? null) };
  const usersLoader = { load: jest.fn(async (_l: RequestLoaders, id: string) => users.get(id)) };
  const transactions = {
    run: jest.fn(async <T>(work: (tx: Tx) => Promise<T>) => work(TX)),
  } as unknown as Transactions;
  const outbox = {
    record: jest.fn(async (_tx: Tx, type: string, payload: unknown) => {
      events.push({ type, payload });
    }),
  } as unknown as OutboxService;
  const service = new SegmentsService(
    segmentsRepo as unknown as SegmentsRepository,
    membersRepo as unknown as CareMembersRepository,
    usersService as unknown as UsersService,
    usersLoader as unknown as UsersLoader,
    transactions,
    outbox,
  );
  return { service, segments, members, events, membersRepo };
}

const codeOf = async (work: Promise<unknown>): Promise<string> => {
  try {
    await work;
    return 'no error';
  } catch (error) {
    const { code, field } = (error as GraphQLError).extensions;
    return field ? `${String(code)} ${String(field)}` : String(code);
  }
};

describe('SegmentsService', () => {
  it('lists segments for staff and product managers, FORBIDDEN for members', async () => {
    const { service } = serviceWith();
    expect(await codeOf(service.list(viewer(Role.MEMBER)))).toBe('FORBIDDEN');
    expect(await service.list(viewer(Role.PRODUCT_MANAGER))).toHaveLength(2);
    expect(await service.list(viewer(Role.AGENT))).toHaveLength(2);
  });

  it('gives a segment node to staff and product managers only', async () => {
    const { service } = serviceWith();
    expect(await service.nodeOf(new RequestLoaders(), viewer(Role.MEMBER), KEY)).toBeNull();
    expect(await service.nodeOf(new RequestLoaders(), null, KEY)).toBeNull();
    expect(await service.nodeOf(new RequestLoaders(), viewer(Role.PRODUCT_MANAGER), KEY)).toBe(
      (await service.list(viewer(Role.ADMIN)))[0],
    );
  });

  it('upserting a segment that stops allowing reps takes its members reps away', async () => {
    const { service, members, segments } = serviceWith();
    await service.setMemberSegment(MEMBER, KEY);
    await service.assignDedicatedRep(MEMBER, AGENT);
    await service.upsert({ key: KEY, name: 'Renamed', firstResponseHours: 8 });
    expect(members.get(MEMBER)?.dedicatedRepId).toBeNull();
    expect(segments.get(KEY)).toMatchObject({ name: 'Renamed', dedicatedRepEnabled: false });
  });

  it("a new vote weight records a change for each of the segment's members, an unchanged one none", async () => {
    const { service, events } = serviceWith();
    await service.setMemberSegment(MEMBER, KEY);
    await service.setMemberSegment(AGENT, KEY);
    await service.setMemberSegment(PM, PLAIN);
    events.length = 0;
    await service.upsert({ key: KEY, name: KEY, firstResponseHours: 4, ideaVoteWeight: 5 });
    await service.upsert({
      key: 'brand-new',
      name: 'New',
      firstResponseHours: 4,
      ideaVoteWeight: 9,
    });
    expect(events).toEqual([]);
    await service.upsert({ key: KEY, name: KEY, firstResponseHours: 4, ideaVoteWeight: 50 });
    expect(events).toEqual(
      [AGENT, MEMBER].map((memberId) => ({
        type: CARE_EVENTS.memberSegmentChanged,
        payload: { memberId, segmentId: KEY },
      })),
    );
  });

  it('refuses bad settings before writing anything', async () => {
    const { service, segments } = serviceWith();
    expect(
      await codeOf(service.upsert({ key: 'new-one', name: 'New', firstResponseHours: 721 })),
    ).toBe('BAD_USER_INPUT firstResponseHours');
    expect(segments.size).toBe(2);
  });

  it('moves a member and the counts, recording the change; the same segment again changes nothing', async () => {
    const { service, segments, events } = serviceWith();
    await service.setMemberSegment(MEMBER, KEY);
    await service.setMemberSegment(MEMBER, KEY);
    expect(segments.get(KEY)?.memberCount).toBe(1);
    await service.setMemberSegment(MEMBER, PLAIN);
    expect([segments.get(KEY)?.memberCount, segments.get(PLAIN)?.memberCount]).toEqual([0, 1]);
    await service.setMemberSegment(MEMBER, null);
    expect(segments.get(PLAIN)?.memberCount).toBe(0);
    expect(events).toEqual([
      { type: CARE_EVENTS.memberSegmentChanged, payload: { memberId: MEMBER, segmentId: KEY } },
      { type: CARE_EVENTS.memberSegmentChanged, payload: { memberId: MEMBER, segmentId: PLAIN } },
      { type: CARE_EVENTS.memberSegmentChanged, payload: { memberId: MEMBER, segmentId: null } },
    ]);
  });

  it('NOT_FOUND for an unknown member or segment', async () => {
    const { service, events } = serviceWith();
    expect(await codeOf(service.setMemberSegment('nobody', KEY))).toBe('NOT_FOUND');
    expect(await codeOf(service.setMemberSegment(MEMBER, 'no-segment'))).toBe('NOT_FOUND');
    expect(await codeOf(service.assignDedicatedRep('nobody', AGENT))).toBe('NOT_FOUND');
    expect(events).toEqual([]);
  });

  it('a member moved to a segment without reps loses their rep', async () => {
    const { service, members } = serviceWith();
    await service.setMemberSegment(MEMBER, KEY);
    await service.assignDedicatedRep(MEMBER, AGENT);
    expect(members.get(MEMBER)?.dedicatedRepId).toBe(AGENT);
    await service.setMemberSegment(MEMBER, PLAIN);
    expect(members.get(MEMBER)?.dedicatedRepId).toBeNull();
  });

  it('a rep must be staff and the segment must allow reps (BAD_USER_INPUT), nothing written', async () => {
    const { service, members, membersRepo } = serviceWith();
    expect(await codeOf(service.assignDedicatedRep(MEMBER, AGENT))).toBe('BAD_USER_INPUT userId');
    await service.setMemberSegment(MEMBER, PLAIN);
    expect(await codeOf(service.assignDedicatedRep(MEMBER, AGENT))).toBe('BAD_USER_INPUT userId');
    await service.setMemberSegment(MEMBER, KEY);
    expect(await codeOf(service.assignDedicatedRep(MEMBER, PM))).toBe('BAD_USER_INPUT agentId');
    expect(await codeOf(service.assignDedicatedRep(MEMBER, 'nobody'))).toBe(
      'BAD_USER_INPUT agentId',
    );
    expect(await codeOf(service.assignDedicatedRep(MEMBER, MEMBER))).toBe('BAD_USER_INPUT agentId');
    expect(membersRepo.setRep).not.toHaveBeenCalled();
    await service.assignDedicatedRep(MEMBER, AGENT);
    await service.assignDedicatedRep(MEMBER, null);
    expect(members.get(MEMBER)?.dedicatedRepId).toBeNull();
  });

  it("shows a member's segment and rep to the member and staff, null to others", async () => {
    const { service } = serviceWith();
    await service.setMemberSegment(MEMBER, KEY);
    await service.assignDedicatedRep(MEMBER, AGENT);
    const seen = async (who: Viewer | null) => [
      (await service.segmentOf(new RequestLoaders(), who, MEMBER))?.id ?? null,
      (await service.dedicatedRepOf(new RequestLoaders(), who, MEMBER))?.id ?? null,
    ];
    expect(await seen(viewer(Role.MEMBER, MEMBER))).toEqual([KEY, AGENT]);
    expect(await seen(viewer(Role.AGENT))).toEqual([KEY, AGENT]);
    expect(await seen(viewer(Role.MEMBER))).toEqual([null, null]);
    expect(await seen(viewer(Role.PRODUCT_MANAGER))).toEqual([null, null]);
    expect(await seen(null)).toEqual([null, null]);
  });
});
