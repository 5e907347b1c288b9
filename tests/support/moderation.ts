import { GraphQLResponse, ok } from './graphql-client';
import { Member, TestApp } from './test-app';

export const FLAG = `mutation($input: FlagInput!) { flag(input: $input) { id reason reporter { handle } } }`;
export const QUEUE = `query($status: ReviewItemStatus) {
  moderationQueue(status: $status, first: 50) {
    totalCount
    edges { node { id kind status priority reasons target { __typename ... on Post { id status } ... on Thread { id } ... on Idea { id } ... on Comment { id status } ... on Review { id status } } flags { reason note reporter { handle } } claimedBy { handle } } }
  }
}`;
export const CLAIM = `mutation($id: ID!) { claimReviewItem(id: $id) { id status claimedBy { handle } } }`;
export const RESOLVE = `mutation($input: ResolveReviewItemInput!) {
  resolveReviewItem(input: $input) { id status resolution resolutionNote resolvedBy { handle } resolvedAt }
}`;
export const CORRECT_POST = `mutation($input: CorrectPostInput!) {
  correctPost(input: $input) { id body correction { note noteHtml moderator { handle } } }
}`;

export interface QueueItem {
  id: string;
  kind: string;
  status: string;
  priority: number;
  reasons: string[];
  target: { __typename: string; id: string; status?: string };
  flags: Array<{ reason: string; note: string | null; reporter: { handle: string } }>;
  claimedBy: { handle: string } | null;
}

/** Flags a target as `member`. */
export function flag(
  app: TestApp,
  member: Member,
  targetId: string,
  reason: string,
  note?: string,
): Promise<GraphQLResponse<{ flag: { id: string } }>> {
  return app.gql(FLAG, { input: { targetId, reason, note } }, member.token);
}

/** The moderation queue as `moderator` sees it. */
export async function queue(
  app: TestApp,
  moderator: Member,
  status = 'PENDING',
): Promise<QueueItem[]> {
  const data = ok(
    await app.gql<{ moderationQueue: { edges: Array<{ node: QueueItem }> } }>(
      QUEUE,
      { status },
      moderator.token,
    ),
  );
  return data.moderationQueue.edges.map((edge) => edge.node);
}

/** The open item of a target, as `moderator` finds it in the queue. */
export async function itemOf(
  app: TestApp,
  moderator: Member,
  targetId: string,
): Promise<QueueItem> {
  const items = [...(await queue(app, moderator)), ...(await queue(app, moderator, 'CLAIMED'))];
  const item = items.find((candidate) => candidate.target.id === targetId);
  if (!item) throw new Error(`no open review item for ${targetId}`);
  return item;
}

/** Resolves an item as `moderator`. */
export function resolve(
  app: TestApp,
  moderator: Member,
  input: Record<string, unknown>,
): Promise<GraphQLResponse<{ resolveReviewItem: { status: string; resolution: string } }>> {
  return app.gql(RESOLVE, { input }, moderator.token);
}
