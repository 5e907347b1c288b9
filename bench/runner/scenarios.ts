import { toGlobalId } from '@app/core';
import { BenchWorld, Toggler } from './bench-world';
import * as documents from './documents';
import { graphqlRequest } from './graphql';
import { DatasetTargets } from '../dataset/hot-targets';
import { RequestVariant } from './load-spec';
import { MemberSession } from './member-sessions';

/** A scenario: what it sends, and how many connections send it. */
export interface Scenario {
  name: string;
  connections: number;
  variants: RequestVariant[];
}

/** The bench's signed-in members, by what they do. */
export interface BenchSessions {
  readers: MemberSession[];
  kudoGivers: MemberSession[];
  ideaVoters: MemberSession[];
  agent: MemberSession;
  moderator: MemberSession;
}

const threadGlobalIds = (world: BenchWorld) =>
  world.threadIds.map((id) => toGlobalId('Thread', id));

/** The thread page of each of the world's threads, anonymous or signed in as its readers. */
export function threadPageVariants(world: BenchWorld, readers?: MemberSession[]): RequestVariant[] {
  return threadGlobalIds(world).map((id, i) =>
    graphqlRequest(documents.THREAD_PAGE, { id }, readers?.[i % readers.length].token),
  );
}

/**
 * The same anonymous requests, past the shared response cache: a request that carries a cookie is
 * never answered from it, so these measure what the API itself costs for an anonymous page.
 */
export function pastTheCache(variants: RequestVariant[]): RequestVariant[] {
  return variants.map((variant) => ({
    ...variant,
    headers: { ...variant.headers, cookie: 'bench=past-the-cache' },
  }));
}

/** The same requests, sent to the ceiling's route for them. */
export function toCeiling(variants: RequestVariant[], path: string): RequestVariant[] {
  return variants.map((variant) => ({ ...variant, path }));
}

/** The read scenarios other than the thread page, at `connections`. */
export function readScenarios(
  world: BenchWorld,
  targets: DatasetTargets,
  sessions: BenchSessions,
  connections: number,
): Scenario[] {
  const one = (name: string, query: string, variables: object = {}, token?: string): Scenario => ({
    name,
    connections,
    variants: [graphqlRequest(query, variables, token)],
  });
  const threadTitles = ['roaming not working abroad', 'esim activation failed', 'bill too high'];
  return [
    one('thread list, page 1', documents.THREAD_LIST, { after: null }),
    one('thread list, page 500', documents.THREAD_LIST, { after: world.page500Cursor }),
    one(`search, rare word "${targets.words.rare}"`, documents.SEARCH, { q: targets.words.rare }),
    one(`search, common word "${targets.words.common}"`, documents.SEARCH, {
      q: targets.words.common,
    }),
    one(`search, a word in every answer "${targets.words.everyAnswer}"`, documents.SEARCH, {
      q: targets.words.everyAnswer,
    }),
    {
      name: 'similar threads while typing',
      connections,
      variants: threadTitles.map((title) => graphqlRequest(documents.SIMILAR_THREADS, { title })),
    },
    one(
      `moderation queue (${targets.moderation.pendingItems} pending)`,
      documents.MODERATION_QUEUE,
      {},
      sessions.moderator.token,
    ),
    one('ideas TOP', documents.IDEAS, { order: 'TOP' }),
    one('ideas TRENDING', documents.IDEAS, { order: 'TRENDING' }),
    one('product reviews, most helpful', documents.PRODUCT_REVIEWS, {
      id: toGlobalId('Product', world.productId),
    }),
    one('care inbox (agent)', documents.CARE_INBOX, {}, sessions.agent.token),
  ];
}

/** Answers from the readers to the world's threads, each text different. */
export function postAnswerVariants(world: BenchWorld, writers: MemberSession[]): RequestVariant[] {
  const threads = threadGlobalIds(world);
  return Array.from({ length: 2000 }, (_, i) =>
    graphqlRequest(
      documents.POST_ANSWER,
      {
        input: {
          threadId: threads[i % threads.length],
          body: `Answer ${i}: restart the router, then check that the APN settings match the card.`,
        },
      },
      writers[i % writers.length].token,
    ),
  );
}

/**
 * Each member's give (or take back, where already given), then each one's opposite: with many
 * members, one give or take each; never two at once for one member, since the two of a member
 * are a whole pass of all members apart.
 */
function toggles(
  togglers: Toggler[],
  sessions: MemberSession[],
  give: (token: string) => RequestVariant,
  take: (token: string) => RequestVariant,
): RequestVariant[] {
  const first = togglers.map((t, i) => (t.given ? take : give)(sessions[i].token));
  const second = togglers.map((t, i) => (t.given ? give : take)(sessions[i].token));
  return [...first, ...second];
}

export function giveKudoVariants(
  world: BenchWorld,
  targets: DatasetTargets,
  sessions: MemberSession[],
): RequestVariant[] {
  const postId = toGlobalId('Post', targets.hotAnswerId);
  return toggles(
    world.kudoGivers,
    sessions,
    (token) => graphqlRequest(documents.GIVE_KUDO, { postId }, token),
    (token) => graphqlRequest(documents.REMOVE_KUDO, { postId }, token),
  );
}

export function voteIdeaVariants(world: BenchWorld, sessions: MemberSession[]): RequestVariant[] {
  const ideaId = toGlobalId('Idea', world.voteIdea.id);
  return toggles(
    world.ideaVoters,
    sessions,
    (token) => graphqlRequest(documents.VOTE_IDEA, { ideaId }, token),
    (token) => graphqlRequest(documents.UNVOTE_IDEA, { ideaId }, token),
  );
}
