import { ContentStatus, PageDirection, SAMPLE, SqlSnapshot } from '@app/core';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { PostEntity } from '../posts/post.entity';
import { ThreadEntity } from '../threads/thread.entity';
import {
  ExcerptFormat,
  HitBoundary,
  searchCountStatement,
  searchHitsStatement,
  similarThreadsStatement,
  ThreadTextQuery,
} from './thread-search.statements';

/** One hit of a page: the thread, its best answer if that matched better, score and excerpt. */
export interface ThreadSearchRow {
  threadId: string;
  postId: string | null;
  /** numeric(…, 6) as Postgres prints it, exact for a cursor. */
  score: string;
  /** ts_headline output marked as the caller's ExcerptFormat says, not yet HTML. */
  headline: string;
}

// Readable marks for the snapshots: the caller chooses its own, and the plan does not depend on
// them.
const SAMPLE_EXCERPT: ExcerptFormat = {
  headlineOptions: 'StartSel=[, StopSel=]',
  translateFrom: '[]',
  translateTo: '',
};
const SAMPLE_IDS = [SAMPLE.UUID, SAMPLE.UUID_2];
const query = (text: string, boardId: string | null = null): ThreadTextQuery => ({ text, boardId });

/**
 * Full-text search over the forum's published threads and answers, for the search lib: the
 * statements of thread-search.statements.ts, and the threads and answers they point to.
 */
@Injectable()
export class ThreadSearchRepository {
  constructor(
    @InjectRepository(ThreadEntity) private readonly threads: Repository<ThreadEntity>,
    @InjectRepository(PostEntity) private readonly posts: Repository<PostEntity>,
  ) {}

  /**
   * A keyset page (limit + 1 rows) of matching threads, in the fetch order of `direction`, from
   * a bounded set of candidates (SEARCH_CANDIDATES threads and as many answers, newest matches
   * first: see thread-search.statements.ts).
   */
  // A word in about a quarter of the threads, a word in one, a word in every answer (the case a
  // bounded candidate set is for), and a later page of one board.
  @SqlSnapshot({
    name: 'a common word',
    params: [query('router'), 20, null, 'forward', SAMPLE_EXCERPT],
  })
  @SqlSnapshot({
    name: 'a rare word',
    params: [query('4242'), 20, null, 'forward', SAMPLE_EXCERPT],
  })
  @SqlSnapshot({
    name: 'a word in every answer',
    params: [query('settings'), 20, null, 'forward', SAMPLE_EXCERPT],
  })
  @SqlSnapshot({
    name: 'in a board, after a cursor',
    params: [
      query('router', SAMPLE.UUID),
      20,
      { score: '0.060793', threadId: SAMPLE.UUID_2 },
      'forward',
      SAMPLE_EXCERPT,
    ],
  })
  async hits(
    query: ThreadTextQuery,
    limit: number,
    from: HitBoundary | null,
    direction: PageDirection,
    excerpt: ExcerptFormat,
  ): Promise<ThreadSearchRow[]> {
    const { text, values } = searchHitsStatement(query, limit, from, direction, excerpt);
    const rows: Array<{
      thread_id: string;
      post_id: string | null;
      score: string;
      headline: string;
    }> = await this.threads.query(text, values);
    return rows.map((row) => ({
      threadId: row.thread_id,
      postId: row.post_id,
      score: row.score,
      headline: row.headline,
    }));
  }

  /** How many threads the candidates hold (without the cursor): the hits one can page through. */
  @SqlSnapshot({ name: 'a common word', params: [query('router')] })
  async countHits(query: ThreadTextQuery): Promise<number> {
    const { text, values } = searchCountStatement(query);
    const [row]: Array<{ n: number }> = await this.threads.query(text, values);
    return row.n;
  }

  /** Ids of published threads like the typed title, best first. */
  @SqlSnapshot({ name: 'a typo', params: ['voicemial setup', 5] })
  @SqlSnapshot({ name: 'a rare word', params: ['Tethering keeps failing 4242', 5] })
  @SqlSnapshot({ name: 'common words', params: ['How do I fix my router problem', 5] })
  async similarThreadIds(title: string, limit: number): Promise<string[]> {
    const { text, values } = similarThreadsStatement(title, limit);
    const rows: Array<{ id: string }> = await this.threads.query(text, values);
    return rows.map((row) => row.id);
  }

  /** The threads among `ids` that are still published, in one query. */
  @SqlSnapshot({ params: [SAMPLE_IDS] })
  publishedThreads(ids: string[]): Promise<ThreadEntity[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.threads.findBy({ id: In(ids), contentStatus: ContentStatus.PUBLISHED });
  }

  /** The answers among `ids` that are still published, in one query. */
  @SqlSnapshot({ params: [SAMPLE_IDS] })
  publishedPosts(ids: string[]): Promise<PostEntity[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.posts.findBy({ id: In(ids), status: ContentStatus.PUBLISHED });
  }
}
