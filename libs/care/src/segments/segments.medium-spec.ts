import { RequestLoaders, Role } from '@app/core';
import { ModerationLogModule } from '@app/moderation';
import { MediumTest } from '@test/medium';
import { CARE_EVENTS } from '../care.events';
import { DataSource } from 'typeorm';
import { CareMembersRepository } from './care-members.repository';
import { SegmentsModule } from './segments.module';
import { SegmentsRepository } from './segments.repository';
import { SegmentsService } from './segments.service';

describe('segments on the database', () => {
  const medium = new MediumTest();
  let service: SegmentsService;
  let counter = 0;

  beforeAll(async () => {
    await medium.start([SegmentsModule, ModerationLogModule]);
    service = medium.get(SegmentsService);
  });
  afterAll(() => medium.stop());

  const upsert = (overrides: Partial<Parameters<SegmentsService['upsert']>[0]> = {}) =>
    service.upsert({
      key: `seg-${++counter}`,
      name: 'Segment',
      firstResponseHours: 8,
      ...overrides,
    });

  /** The stored count of each segment next to the members actually in it. */
  const counts = (ids: string[]) =>
    medium.sql<{ id: string; member_count: number; members: number }>(
      `SELECT s.id, s.member_count,
              (SELECT count(*)::int FROM care_members m WHERE m.segment_id = s.id) AS members
       FROM care_segments s WHERE s.id = ANY($1::uuid[]) ORDER BY s.id`,
      [ids],
    );

  it('inserts a segment with its defaults, and upserting the key updates it in place', async () => {
    const created = await upsert({ key: 'enterprise' });
    expect(created).toMatchObject({
      key: 'enterprise',
      firstResponseHours: 8,
      dedicatedRepEnabled: false,
      ideaVoteWeight: 1,
      memberCount: 0,
    });
    const updated = await upsert({
      key: 'enterprise',
      name: 'Enterprise',
      firstResponseHours: 2,
      dedicatedRepEnabled: true,
      ideaVoteWeight: 20,
    });
    expect(updated).toEqual({ ...created, ...updated, id: created.id });
    expect(updated).toMatchObject({
      name: 'Enterprise',
      firstResponseHours: 2,
      ideaVoteWeight: 20,
    });
    expect(
      await medium.sql(`SELECT count(*)::int AS n FROM care_segments WHERE key = 'enterprise'`),
    ).toEqual([{ n: 1 }]);
    const listed = await service.list(await medium.viewer(Role.PRODUCT_MANAGER));
    expect(listed.find((s) => s.key === 'enterprise')).toEqual(updated);
    expect(
      await medium
        .get(SegmentsRepository)
        .byIds([created.id, '00000000-0000-4000-8000-000000000000']),
    ).toEqual([updated]);
  });

  it('keeps memberCount exact with rounds of 20 parallel moves across two segments', async () => {
    const [a, b] = [await upsert(), await upsert()];
    const members: string[] = [];
    for (let i = 0; i < 10; i++) members.push(await medium.member());
    for (const [i, id] of members.entries())
      await service.setMemberSegment(id, i < 5 ? a.id : b.id);
    expect((await counts([a.id, b.id])).map((r) => r.member_count).sort()).toEqual([5, 5]);

    // Each member is moved twice at once, three times over, in opposite directions for the two halves: the row
    // and segment locks must neither lose a count nor deadlock.
    for (let round = 0; round < 3; round++) {
      await Promise.all(
        members.flatMap((id, i) =>
          i < 5
            ? [
                service.setMemberSegment(id, b.id),
                service.setMemberSegment(id, i % 2 ? null : a.id),
              ]
            : [service.setMemberSegment(id, a.id), service.setMemberSegment(id, b.id)],
        ),
      );
    }
    for (const row of await counts([a.id, b.id])) expect(row.member_count).toBe(row.members);
    const total = (await counts([a.id, b.id])).reduce((sum, row) => sum + row.members, 0);
    const outside = await medium.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM care_members WHERE user_id = ANY($1::uuid[]) AND segment_id IS NULL`,
      [members],
    );
    expect(total + outside[0].n).toBe(10);
  });

  it('records the change in the outbox, and nothing when the segment stays the same', async () => {
    const segment = await upsert();
    const member = await medium.member();
    await service.setMemberSegment(member, segment.id);
    await service.setMemberSegment(member, segment.id);
    await service.setMemberSegment(member, null);
    const events = await medium.sql<{ payload: unknown }>(
      `SELECT payload FROM outbox WHERE type = $1 AND payload->>'memberId' = $2 ORDER BY id`,
      [CARE_EVENTS.memberSegmentChanged, member],
    );
    expect(events.map((e) => e.payload)).toEqual([
      { memberId: member, segmentId: segment.id },
      { memberId: member, segmentId: null },
    ]);
  });

  it("weighs the segment's members again when its vote weight changes, across pages", async () => {
    const segment = await upsert({ ideaVoteWeight: 2 });
    const members: string[] = [];
    for (let i = 0; i < 3; i++) members.push(await medium.member());
    for (const id of members) await service.setMemberSegment(id, segment.id);
    const changes = () =>
      medium.sql<{ member: string }>(
        `SELECT payload->>'memberId' AS member FROM outbox
         WHERE type = $1 AND payload->>'segmentId' = $2 ORDER BY id`,
        [CARE_EVENTS.memberSegmentChanged, segment.id],
      );
    const moves = (await changes()).length;
    await upsert({ key: segment.key, ideaVoteWeight: 2, name: 'Same weight' });
    expect(await changes()).toHaveLength(moves);
    const pages = medium.get(CareMembersRepository);
    const tx = medium.get(DataSource).manager;
    expect(await pages.memberPage(segment.id, members.sort()[0], 1, tx)).toEqual([members[1]]);
    await upsert({ key: segment.key, ideaVoteWeight: 3 });
    expect((await changes()).slice(moves).map((row) => row.member)).toEqual(members.sort());
  });

  it('gives profileOf the segment settings and the rep, defaults without a segment', async () => {
    const segment = await upsert({
      firstResponseHours: 3,
      dedicatedRepEnabled: true,
      ideaVoteWeight: 7,
    });
    const [member, agent] = [await medium.member(), await medium.member(Role.AGENT)];
    expect(await service.profileOf(member)).toEqual({
      segmentId: null,
      firstResponseHours: null,
      dedicatedRepEnabled: false,
      ideaVoteWeight: 1,
      dedicatedRepId: null,
    });
    await service.setMemberSegment(member, segment.id);
    await service.assignDedicatedRep(member, agent);
    expect(await service.profileOf(member)).toEqual({
      segmentId: segment.id,
      firstResponseHours: 3,
      dedicatedRepEnabled: true,
      ideaVoteWeight: 7,
      dedicatedRepId: agent,
    });
  });

  it('removes reps when the segment stops allowing them, or when the member moves out', async () => {
    const key = `reps-${++counter}`;
    const segment = await upsert({ key, dedicatedRepEnabled: true });
    const plain = await upsert();
    const [stays, moves, agent] = [
      await medium.member(),
      await medium.member(),
      await medium.member(Role.MODERATOR),
    ];
    for (const id of [stays, moves]) {
      await service.setMemberSegment(id, segment.id);
      await service.assignDedicatedRep(id, agent);
    }
    await service.setMemberSegment(moves, plain.id);
    expect((await service.profileOf(moves)).dedicatedRepId).toBeNull();
    expect((await service.profileOf(stays)).dedicatedRepId).toBe(agent);
    await upsert({ key, dedicatedRepEnabled: false });
    const reps = await medium.sql(
      `SELECT dedicated_rep_id FROM care_members WHERE user_id = ANY($1::uuid[])`,
      [[stays, moves]],
    );
    expect(reps).toEqual([{ dedicated_rep_id: null }, { dedicated_rep_id: null }]);
  });

  it('reads segments and reps through the request loaders, for the member and staff', async () => {
    const segment = await upsert({ dedicatedRepEnabled: true });
    const member = await medium.viewer();
    const agent = await medium.viewer(Role.AGENT);
    await service.setMemberSegment(member.id, segment.id);
    await service.assignDedicatedRep(member.id, agent.id);
    const loaders = new RequestLoaders();
    const [seg, rep, hidden] = await Promise.all([
      service.segmentOf(loaders, member, member.id),
      service.dedicatedRepOf(loaders, agent, member.id),
      service.segmentOf(loaders, await medium.viewer(), member.id),
    ]);
    expect(seg?.id).toBe(segment.id);
    expect(seg?.memberCount).toBe(1);
    expect(rep?.id).toBe(agent.id);
    expect(hidden).toBeNull();
  });
});
