import { ContentStatus, PageDirection } from '@app/core';
import { PostEntity, ThreadEntity } from '@app/forum';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { HitPosition } from './search-cursor';
import {
  HitQuery,
  searchCountStatement,
  searchHitsStatement,
  similarThreadsStatement,
} from './search-statements';

/** One hit of a page: the thread, its best answer if that matched better, score and excerpt. */
export interface HitRow {
  threadId: string;
  postId: string | null;
  /** numeric(…, 6) as Postgres prints it, exact for the cursor. */
  score: string;
  /** ts_headline output with the sentinels of highlight.ts, not yet HTML. */
  headline: string;
}

/** Runs the statements of search-statements.ts and loads the forum's entities they point to. */
@Injectable()
export class SearchRepository {
  constructor(
    @InjectRepository(ThreadEntity) private readonly threads: Repository<ThreadEntity>,
    @InjectRepository(PostEntity) private readonly posts: Repository<PostEntity>,
  ) {}

  /** A keyset page (limit + 1 rows) of matching threads, in the fetch order of `direction`. */
  async hits(
    query: HitQuery,
    limit: number,
    from: HitPosition | null,
    direction: PageDirection,
  ): Promise<HitRow[]> {
    const { text, values } = searchHitsStatement(query, limit, from, direction);
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

  /** How many threads match (without the cursor). */
  async countHits(query: HitQuery): Promise<number> {
    const { text, values } = searchCountStatement(query);
    const [row]: Array<{ n: number }> = await this.threads.query(text, values);
    return row.n;
  }

  /** Ids of published threads like the typed title, best first. */
  async similarThreadIds(title: string, limit: number): Promise<string[]> {
    const { text, values } = similarThreadsStatement(title, limit);
    const rows: Array<{ id: string }> = await this.threads.query(text, values);
    return rows.map((row) => row.id);
  }

  /** The threads among `ids` that are still published, in one query. */
  publishedThreads(ids: string[]): Promise<ThreadEntity[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.threads.findBy({ id: In(ids), contentStatus: ContentStatus.PUBLISHED });
  }

  /** The answers among `ids` that are still published, in one query. */
  publishedPosts(ids: string[]): Promise<PostEntity[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.posts.findBy({ id: In(ids), status: ContentStatus.PUBLISHED });
  }
}
