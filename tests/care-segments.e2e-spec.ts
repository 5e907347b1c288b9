import { parseGlobalId, toGlobalId } from '@app/core';
import { errorCode, GraphQLResponse, ok } from './support/graphql-client';
import { Member, TestApp } from './support/test-app';

const SEGMENT_FIELDS = `id key name firstResponseHours dedicatedRepEnabled ideaVoteWeight memberCount`;
const UPSERT = `mutation($input: UpsertSegmentInput!) { upsertSegment(input: $input) { ${SEGMENT_FIELDS} } }`;
const SET_SEGMENT = `mutation($userId: ID!, $segmentId: ID) {
  setMemberSegment(userId: $userId, segmentId: $segmentId) { id segment { id key memberCount } } }`;
const ASSIGN_REP = `mutation($userId: ID!, $agentId: ID) {
  assignDedicatedRep(userId: $userId, agentId: $agentId) { id dedicatedRep { id handle } } }`;
const SEGMENTS = `{ segments { ${SEGMENT_FIELDS} } }`;
const CARE_OF = `query($handle: String!) {
  user(handle: $handle) { segment { id key } dedicatedRep { handle } } }`;

interface Segment {
  id: string;
  key: string;
  name: string;
  firstResponseHours: number;
  dedicatedRepEnabled: boolean;
  ideaVoteWeight: number;
  memberCount: number;
}

const uuidOf = (globalId: string): string => {
  const decoded = parseGlobalId(globalId);
  if (!decoded) throw new Error(`not a global ID: ${globalId}`);
  return decoded.id;
};

describe('care segments over HTTP', () => {
  const app = new TestApp();
  let admin: Member;
  let member: Member;
  let other: Member;
  let agent: Member;
  let moderator: Member;
  let pm: Member;
  let keyAccounts: Segment;
  let smallBusiness: Segment;

  const upsert = async (input: object): Promise<Segment> =>
    ok(await app.gql<{ upsertSegment: Segment }>(UPSERT, { input }, admin.token)).upsertSegment;

  /** Everything segments write, to show that a refused call left it as it was. */
  const written = () =>
    Promise.all([
      app.sql(`SELECT * FROM care_segments ORDER BY key`),
      app.sql(`SELECT user_id, segment_id, dedicated_rep_id FROM care_members ORDER BY user_id`),
      app.sql(`SELECT count(*)::int AS n FROM outbox WHERE type = 'care.member-segment-changed'`),
    ]);

  /** The error's code and the field its message names. */
  const refusal = (response: GraphQLResponse<unknown>) => ({
    code: errorCode(response),
    field: response.errors?.[0].extensions?.field,
  });

  beforeAll(async () => {
    await app.start();
    admin = await app.member('ADMIN');
    member = await app.member();
    other = await app.member();
    agent = await app.member('AGENT');
    moderator = await app.member('MODERATOR');
    pm = await app.member('PRODUCT_MANAGER');
    keyAccounts = await upsert({
      key: 'key-accounts',
      name: 'Key accounts',
      firstResponseHours: 4,
      dedicatedRepEnabled: true,
      ideaVoteWeight: 10,
    });
    smallBusiness = await upsert({
      key: 'small-business',
      name: 'Small business',
      firstResponseHours: 48,
    });
  });
  afterAll(() => app.stop());

  it('creates a segment with its defaults; upserting the same key updates it in place', async () => {
    expect(smallBusiness).toMatchObject({
      key: 'small-business',
      firstResponseHours: 48,
      dedicatedRepEnabled: false,
      ideaVoteWeight: 1,
      memberCount: 0,
    });
    const updated = await upsert({
      key: 'small-business',
      name: 'Small businesses',
      firstResponseHours: 24,
      ideaVoteWeight: 2,
    });
    expect(updated).toEqual({
      ...smallBusiness,
      name: 'Small businesses',
      firstResponseHours: 24,
      ideaVoteWeight: 2,
    });
    smallBusiness = updated;
    const [{ n }] = await app.sql<{ n: number }>(`SELECT count(*)::int AS n FROM care_segments`);
    expect(n).toBe(2);
  });

  it('lists segments for staff and product managers; FORBIDDEN for members, UNAUTHENTICATED anonymously', async () => {
    for (const who of [agent, moderator, admin, pm]) {
      const { segments } = ok(await app.gql<{ segments: Segment[] }>(SEGMENTS, {}, who.token));
      expect(segments.map((s) => s.key)).toEqual(['key-accounts', 'small-business']);
    }
    expect(errorCode(await app.gql(SEGMENTS, {}, member.token))).toBe('FORBIDDEN');
    expect(errorCode(await app.gql(SEGMENTS))).toBe('UNAUTHENTICATED');
  });

  it('gives node(id) of a segment to staff and product managers, null to members', async () => {
    const query = `query($id: ID!) { node(id: $id) { ... on Segment { key } } }`;
    const node = async (token?: string) =>
      ok(await app.gql<{ node: { key: string } | null }>(query, { id: keyAccounts.id }, token))
        .node;
    expect(await node(pm.token)).toEqual({ key: 'key-accounts' });
    expect(await node(agent.token)).toEqual({ key: 'key-accounts' });
    expect(await node(member.token)).toBeNull();
  });

  describe('every mutation is ADMIN only', () => {
    const mutations: [string, () => [string, object]][] = [
      [
        'upsertSegment',
        () => [UPSERT, { input: { key: 'sneaky', name: 'Sneaky', firstResponseHours: 1 } }],
      ],
      ['setMemberSegment', () => [SET_SEGMENT, { userId: member.id, segmentId: keyAccounts.id }]],
      ['assignDedicatedRep', () => [ASSIGN_REP, { userId: member.id, agentId: agent.id }]],
    ];
    const roles: [string, () => Member][] = [
      ['MEMBER', () => member],
      ['AGENT', () => agent],
      ['MODERATOR', () => moderator],
      ['PRODUCT_MANAGER', () => pm],
    ];

    it.each(mutations)(
      'refuses %s to every other role with FORBIDDEN, writing nothing',
      async (_name, call) => {
        const before = await written();
        const [query, variables] = call();
        for (const [role, who] of roles) {
          expect([role, errorCode(await app.gql(query, variables, who().token))]).toEqual([
            role,
            'FORBIDDEN',
          ]);
        }
        expect(await written()).toEqual(before);
      },
    );

    it.each(mutations)(
      'refuses %s anonymously with UNAUTHENTICATED, writing nothing',
      async (_name, call) => {
        const before = await written();
        const [query, variables] = call();
        expect(errorCode(await app.gql(query, variables))).toBe('UNAUTHENTICATED');
        expect(await written()).toEqual(before);
      },
    );
  });

  describe('bad input, each with its code and nothing written', () => {
    const valid = { key: 'new-segment', name: 'New', firstResponseHours: 8 };
    it.each([
      ['a one-character key', { ...valid, key: 'a' }, 'key'],
      ['a 31-character key', { ...valid, key: 'k'.repeat(31) }, 'key'],
      ['a key with capitals', { ...valid, key: 'New-Segment' }, 'key'],
      ['a key with an underscore', { ...valid, key: 'new_segment' }, 'key'],
      ['a blank name', { ...valid, name: '   ' }, 'name'],
      ['firstResponseHours 0', { ...valid, firstResponseHours: 0 }, 'firstResponseHours'],
      ['firstResponseHours 721', { ...valid, firstResponseHours: 721 }, 'firstResponseHours'],
      ['ideaVoteWeight 0', { ...valid, ideaVoteWeight: 0 }, 'ideaVoteWeight'],
      ['ideaVoteWeight 101', { ...valid, ideaVoteWeight: 101 }, 'ideaVoteWeight'],
    ])(
      'upsertSegment refuses %s (BAD_USER_INPUT naming the field)',
      async (_name, input, field) => {
        const before = await written();
        const response = await app.gql(UPSERT, { input }, admin.token);
        expect(refusal(response)).toEqual({ code: 'BAD_USER_INPUT', field });
        expect(response.errors?.[0].message).toContain(field);
        expect(await written()).toEqual(before);
      },
    );

    it('upsertSegment refuses an update out of range without changing the segment', async () => {
      const before = await written();
      const response = await app.gql(
        UPSERT,
        { input: { key: 'key-accounts', name: 'Key accounts', firstResponseHours: 1000 } },
        admin.token,
      );
      expect(refusal(response)).toEqual({ code: 'BAD_USER_INPUT', field: 'firstResponseHours' });
      expect(await written()).toEqual(before);
    });

    it('setMemberSegment refuses ids of the wrong type and unknown ones', async () => {
      const before = await written();
      const call = (variables: object) => app.gql(SET_SEGMENT, variables, admin.token);
      expect(refusal(await call({ userId: keyAccounts.id, segmentId: keyAccounts.id }))).toEqual({
        code: 'BAD_USER_INPUT',
        field: 'userId',
      });
      expect(refusal(await call({ userId: member.id, segmentId: member.id }))).toEqual({
        code: 'BAD_USER_INPUT',
        field: 'segmentId',
      });
      const missing = toGlobalId('Segment', '00000000-0000-4000-8000-000000000000');
      expect(errorCode(await call({ userId: member.id, segmentId: missing }))).toBe('NOT_FOUND');
      const nobody = toGlobalId('User', '00000000-0000-4000-8000-000000000000');
      expect(errorCode(await call({ userId: nobody, segmentId: keyAccounts.id }))).toBe(
        'NOT_FOUND',
      );
      expect(await written()).toEqual(before);
    });

    it('assignDedicatedRep refuses a rep who is not staff, and a segment without reps', async () => {
      const call = (variables: object) => app.gql(ASSIGN_REP, variables, admin.token);
      // Without a segment, a member cannot have a rep.
      let before = await written();
      expect(refusal(await call({ userId: other.id, agentId: agent.id }))).toEqual({
        code: 'BAD_USER_INPUT',
        field: 'userId',
      });
      expect(await written()).toEqual(before);

      ok(
        await app.gql(SET_SEGMENT, { userId: other.id, segmentId: smallBusiness.id }, admin.token),
      );
      before = await written();
      expect(refusal(await call({ userId: other.id, agentId: agent.id }))).toEqual({
        code: 'BAD_USER_INPUT',
        field: 'userId',
      });
      expect(await written()).toEqual(before);
      ok(await app.gql(SET_SEGMENT, { userId: other.id, segmentId: keyAccounts.id }, admin.token));
      before = await written();
      for (const notStaff of [member, pm]) {
        expect(refusal(await call({ userId: other.id, agentId: notStaff.id }))).toEqual({
          code: 'BAD_USER_INPUT',
          field: 'agentId',
        });
      }
      expect(await written()).toEqual(before);
      ok(await app.gql(SET_SEGMENT, { userId: other.id, segmentId: null }, admin.token));
    });
  });

  it('moves members, counts them, takes them out without a segment', async () => {
    const set = async (userId: string, segmentId: string | null) =>
      ok(
        await app.gql<{
          setMemberSegment: { segment: { key: string; memberCount: number } | null };
        }>(SET_SEGMENT, { userId, segmentId }, admin.token),
      ).setMemberSegment.segment;
    const count = async () => {
      const { segments } = ok(await app.gql<{ segments: Segment[] }>(SEGMENTS, {}, admin.token));
      return Object.fromEntries(segments.map((s) => [s.key, s.memberCount]));
    };
    const start = await count();
    expect(await set(member.id, keyAccounts.id)).toMatchObject({
      key: 'key-accounts',
      memberCount: start['key-accounts'] + 1,
    });
    expect(await set(moderator.id, smallBusiness.id)).toMatchObject({ key: 'small-business' });
    expect(await set(moderator.id, null)).toBeNull();
    expect(await count()).toEqual({ ...start, 'key-accounts': start['key-accounts'] + 1 });
    const events = await app.sql<{ payload: unknown }>(
      `SELECT payload FROM outbox WHERE type = 'care.member-segment-changed' AND payload->>'memberId' = $1`,
      [uuidOf(member.id)],
    );
    expect(events.map((e) => e.payload)).toEqual([
      { memberId: uuidOf(member.id), segmentId: uuidOf(keyAccounts.id) },
    ]);
  });

  it('assigns a dedicated rep among staff, and removes it without agentId', async () => {
    ok(await app.gql(SET_SEGMENT, { userId: member.id, segmentId: keyAccounts.id }, admin.token));
    const assign = async (agentId: string | null) =>
      ok(
        await app.gql<{ assignDedicatedRep: { dedicatedRep: { handle: string } | null } }>(
          ASSIGN_REP,
          { userId: member.id, agentId },
          admin.token,
        ),
      ).assignDedicatedRep.dedicatedRep;
    expect(await assign(moderator.id)).toEqual({ id: moderator.id, handle: moderator.handle });
    expect(await assign(null)).toBeNull();
    expect(await assign(agent.id)).toEqual({ id: agent.id, handle: agent.handle });
  });

  it('shows User.segment and User.dedicatedRep to the member and staff, null to everyone else', async () => {
    ok(await app.gql(SET_SEGMENT, { userId: member.id, segmentId: keyAccounts.id }, admin.token));
    ok(await app.gql(ASSIGN_REP, { userId: member.id, agentId: agent.id }, admin.token));
    const careOf = async (token?: string) =>
      ok(
        await app.gql<{
          user: { segment: { key: string } | null; dedicatedRep: { handle: string } | null };
        }>(CARE_OF, { handle: member.handle }, token),
      ).user;
    const seen = {
      segment: { id: keyAccounts.id, key: 'key-accounts' },
      dedicatedRep: { handle: agent.handle },
    };
    for (const who of [member, agent, moderator, admin])
      expect(await careOf(who.token)).toEqual(seen);
    for (const who of [other, pm])
      expect(await careOf(who.token)).toEqual({ segment: null, dedicatedRep: null });
    expect(await careOf()).toEqual({ segment: null, dedicatedRep: null });

    const own = ok(
      await app.gql<{ viewer: { segment: { key: string } | null } }>(
        `{ viewer { segment { key } } }`,
        {},
        member.token,
      ),
    );
    expect(own.viewer.segment).toEqual({ key: 'key-accounts' });
  });
});
