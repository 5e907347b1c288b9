import { parseGlobalId } from '@app/core';
import { ok } from './support/graphql-client';
import { submitIdea, UNVOTE, VOTE } from './support/ideas';
import { eventually, Member, TestApp } from './support/test-app';

const UPSERT = `mutation($input: UpsertSegmentInput!) { upsertSegment(input: $input) { id ideaVoteWeight } }`;
const SET_SEGMENT = `mutation($userId: ID!, $segmentId: ID) {
  setMemberSegment(userId: $userId, segmentId: $segmentId) { id } }`;
const WEIGHTED_VOTE = `mutation($id: ID!) { voteIdea(ideaId: $id) { id voteCount weightedVoteCount } }`;
const IDEA = `query($id: ID!) { node(id: $id) { ... on Idea { voteCount weightedVoteCount } } }`;
const LIST = `query($filter: IdeaFilter, $orderBy: IdeaOrder, $first: Int, $after: String) {
  ideas(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
    edges { cursor node { id title voteCount weightedVoteCount } }
    pageInfo { hasNextPage endCursor }
  }
}`;

const uuidOf = (globalId: string): string => {
  const decoded = parseGlobalId(globalId);
  if (!decoded) throw new Error(`not a global ID: ${globalId}`);
  return decoded.id;
};

interface Listed {
  edges: Array<{
    cursor: string;
    node: { id: string; title: string; voteCount: number; weightedVoteCount: number };
  }>;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

describe('weighted idea votes over HTTP', () => {
  const app = new TestApp();
  let admin: Member;
  let keyAccount: Member;
  let pro: Member;
  let boardId: string;
  let proSegmentId: string;
  let keySegmentId: string;
  let keyIdea: string;
  let popularIdea: string;

  const list = async (orderBy: string, first = 10, after?: string): Promise<Listed> =>
    ok(
      await app.gql<{ ideas: Listed }>(LIST, {
        filter: { boardId },
        orderBy,
        first,
        after,
      }),
    ).ideas;
  const titles = (listed: Listed) => listed.edges.map((edge) => edge.node.title);
  const weightOf = async (id: string): Promise<number> =>
    ok(await app.gql<{ node: { weightedVoteCount: number } }>(IDEA, { id })).node.weightedVoteCount;

  beforeAll(async () => {
    await app.start({ worker: true });
    admin = await app.member('ADMIN');
    [keyAccount, pro] = [await app.member(), await app.member()];
    boardId = await app.board(admin, 'IDEAS');
    const segment = async (key: string, ideaVoteWeight: number): Promise<string> =>
      ok(
        await app.gql<{ upsertSegment: { id: string } }>(
          UPSERT,
          { input: { key, name: key, firstResponseHours: 8, ideaVoteWeight } },
          admin.token,
        ),
      ).upsertSegment.id;
    keySegmentId = await segment('key-accounts', 10);
    proSegmentId = await segment('pro', 3);
    for (const [member, segmentId] of [
      [keyAccount, keySegmentId],
      [pro, proSegmentId],
    ] as const) {
      ok(await app.gql(SET_SEGMENT, { userId: member.id, segmentId }, admin.token));
    }

    // Each idea starts with its author's vote, a member in no segment: weight 1.
    keyIdea = await submitIdea(app, await app.member(), boardId, 'Invoices per cost centre');
    popularIdea = await submitIdea(app, await app.member(), boardId, 'Dark mode in the app');
    await submitIdea(app, await app.member(), boardId, 'Paper bills on request');
  });
  afterAll(() => app.stop());

  it("counts each vote at its voter's segment weight, and orders ideas by it (WEIGHTED)", async () => {
    const voted = ok(
      await app.gql<{ voteIdea: { voteCount: number; weightedVoteCount: number } }>(
        WEIGHTED_VOTE,
        { id: keyIdea },
        keyAccount.token,
      ),
    );
    expect(voted.voteIdea).toMatchObject({ voteCount: 2, weightedVoteCount: 11 });
    for (const member of [pro, await app.member(), await app.member()]) {
      ok(await app.gql(VOTE, { id: popularIdea }, member.token));
    }
    expect(await weightOf(popularIdea)).toBe(6); // 1 + 3 + 1 + 1

    // TOP counts heads, WEIGHTED counts weight: the key account's idea leads.
    expect(titles(await list('TOP'))).toEqual([
      'Dark mode in the app',
      'Invoices per cost centre',
      'Paper bills on request',
    ]);
    const weighted = await list('WEIGHTED');
    expect(weighted.edges.map((edge) => [edge.node.title, edge.node.weightedVoteCount])).toEqual([
      ['Invoices per cost centre', 11],
      ['Dark mode in the app', 6],
      ['Paper bills on request', 1],
    ]);

    // A keyset connection: page by page, nothing skipped or repeated.
    const first = await list('WEIGHTED', 1);
    expect(titles(first)).toEqual(['Invoices per cost centre']);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = await list('WEIGHTED', 2, first.pageInfo.endCursor ?? undefined);
    expect(titles(second)).toEqual(['Dark mode in the app', 'Paper bills on request']);
    expect(second.pageInfo.hasNextPage).toBe(false);
  });

  it('counts 50 members of weights 1, 3 and 10 voting on one idea at once exactly', async () => {
    const ideaId = await submitIdea(
      app,
      await app.member(),
      await app.board(admin, 'IDEAS'), // a board of its own, off the lists above
      'Roaming alerts by text',
    );
    const weights = Array.from({ length: 50 }, (_, i) => [1, 3, 10][i % 3]);
    const members: Member[] = [];
    for (let i = 0; i < weights.length; i += 10) {
      members.push(...(await Promise.all(weights.slice(i, i + 10).map(() => app.member()))));
    }
    // Their segments set in the database, as setMemberSegment would (tested above), to keep it short.
    const segmentIds: Record<number, string | null> = {
      1: null,
      3: uuidOf(proSegmentId),
      10: uuidOf(keySegmentId),
    };
    for (const [i, member] of members.entries()) {
      if (segmentIds[weights[i]]) {
        await app.sql(`INSERT INTO care_members (user_id, segment_id) VALUES ($1, $2)`, [
          uuidOf(member.id),
          segmentIds[weights[i]],
        ]);
      }
    }
    const results = await Promise.all(
      members.map((member) => app.gql(VOTE, { id: ideaId }, member.token)),
    );
    results.forEach((result) => ok(result));
    const total = 1 + weights.reduce((sum, weight) => sum + weight, 0);
    expect(await weightOf(ideaId)).toBe(total);
    await Promise.all(
      members.slice(0, 25).map((member) => app.gql(UNVOTE, { id: ideaId }, member.token)),
    );
    expect(await weightOf(ideaId)).toBe(
      1 + weights.slice(25).reduce((sum, weight) => sum + weight, 0),
    );
  });

  it("re-weighs a member's votes in the worker when their segment changes", async () => {
    ok(await app.gql(SET_SEGMENT, { userId: keyAccount.id, segmentId: proSegmentId }, admin.token));
    // 1 + 10 becomes 1 + 3 once the worker has handled the change.
    await eventually(
      () => weightOf(keyIdea),
      (weight) => weight === 4,
    );
    expect(await weightOf(popularIdea)).toBe(6);
    expect(titles(await list('WEIGHTED'))).toEqual([
      'Dark mode in the app',
      'Invoices per cost centre',
      'Paper bills on request',
    ]);
    expect(
      await app.sql(
        `SELECT weight FROM idea_votes v JOIN users u ON u.id = v.user_id WHERE u.handle = $1`,
        [keyAccount.handle],
      ),
    ).toEqual([{ weight: 3 }]);

    // Unvoting takes off the weight the vote has now; leaving every segment weighs 1.
    ok(await app.gql(UNVOTE, { id: keyIdea }, keyAccount.token));
    expect(await weightOf(keyIdea)).toBe(1);
    ok(await app.gql(SET_SEGMENT, { userId: pro.id, segmentId: null }, admin.token));
    await eventually(
      () => weightOf(popularIdea),
      (weight) => weight === 4,
    );
  });
});
