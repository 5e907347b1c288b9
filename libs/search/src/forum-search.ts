import { PageDirection } from '@app/core';
import { ExcerptFormat, ThreadSearchRepository } from '@app/forum';
import { Provider } from '@nestjs/common';
import { HitPosition } from './search-cursor';

/** What to search: the checked text and an optional board (a UUID). */
export interface HitQuery {
  text: string;
  boardId: string | null;
}

/** One hit of a page: the thread, its best answer if that matched better, score and excerpt. */
export interface HitRow {
  threadId: string;
  postId: string | null;
  /** numeric(…, 6) as Postgres prints it, exact for the cursor. */
  score: string;
  /** ts_headline output with the sentinels of highlight.ts, not yet HTML. */
  headline: string;
}

/**
 * A published thread or answer as forum hands it out. Search reads only its id; the forum's
 * field resolvers of Thread and Post read the rest.
 */
export interface FoundThread {
  id: string;
}
export interface FoundPost {
  id: string;
}

/** What search reads from the forum: ranked hits, similar titles, and what they point to. */
export interface ForumSearch {
  hits(
    query: HitQuery,
    limit: number,
    from: HitPosition | null,
    direction: PageDirection,
    excerpt: ExcerptFormat,
  ): Promise<HitRow[]>;
  countHits(query: HitQuery): Promise<number>;
  similarThreadIds(title: string, limit: number): Promise<string[]>;
  publishedThreads(ids: string[]): Promise<FoundThread[]>;
  publishedPosts(ids: string[]): Promise<FoundPost[]>;
}

export const FORUM_SEARCH = Symbol('FORUM_SEARCH');

/** Binds ForumSearch to the source the forum exports (the compiler checks that it fits). */
export const forumSearchProvider: Provider = {
  provide: FORUM_SEARCH,
  useFactory: (source: ThreadSearchRepository): ForumSearch => source,
  inject: [ThreadSearchRepository],
};
