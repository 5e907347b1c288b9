import {
  Connection,
  connectionOf,
  cursorArgument,
  fromGlobalId,
  PageRequest,
  pageSlice,
} from '@app/core';
import { ThreadEntity } from '@app/forum';
import { Injectable } from '@nestjs/common';
import { highlightHtml } from './highlight';
import { decodeHitCursor, hitCursor } from './search-cursor';
import { SearchHit } from './search-hit.type';
import { checkTypedBody, searchText, similarCount, typedTitle } from './search-input';
import { HitRow, SearchRepository } from './search.repository';

interface ShownHit {
  row: HitRow;
  hit: SearchHit;
}

/** Full-text search and similar-thread suggestions; only published content is ever found. */
@Injectable()
export class SearchService {
  constructor(private readonly repository: SearchRepository) {}

  /** A keyset page of threads matching the text, best first, one hit per thread. */
  async search(
    text: string,
    boardId: string | null | undefined,
    page: PageRequest,
  ): Promise<Connection<SearchHit>> {
    const query = {
      text: searchText(text),
      boardId: boardId ? fromGlobalId(boardId, 'Board', 'boardId') : null,
    };
    const from = page.cursor ? decodeHitCursor(page.cursor, cursorArgument(page)) : null;
    const rows = await this.repository.hits(query, page.limit, from, page.direction);
    // The ranking query's extra row says whether more follow, even if a hit is left out below.
    const slice = pageSlice(rows, page);
    const edges = (await this.withEntities(slice.rows)).map(({ row, hit }) => ({
      cursor: hitCursor({ score: row.score, threadId: row.threadId }),
      node: hit,
    }));
    return connectionOf(edges, page, slice.more, () => this.repository.countHits(query));
  }

  /**
   * Published threads like the one being typed, solved ones first. Only the title is compared:
   * a body being typed is long and unfinished, and its words would drown the title's (it is
   * still checked against the contract's limit).
   */
  async similarThreads(
    title: string,
    body: string | null | undefined,
    first: number | null | undefined,
  ): Promise<ThreadEntity[]> {
    const typed = typedTitle(title);
    checkTypedBody(body);
    const ids = await this.repository.similarThreadIds(typed, similarCount(first));
    const threads = new Map(
      (await this.repository.publishedThreads(ids)).map((thread) => [thread.id, thread]),
    );
    return ids.flatMap((id) => threads.get(id) ?? []);
  }

  /**
   * Loads the page's threads and answers in one query each. A hit whose thread or answer was
   * unpublished since the ranking query is left out: its excerpt quotes that text.
   */
  private async withEntities(rows: HitRow[]): Promise<ShownHit[]> {
    const [threads, posts] = await Promise.all([
      this.repository.publishedThreads(rows.map((row) => row.threadId)),
      this.repository.publishedPosts(rows.flatMap((row) => row.postId ?? [])),
    ]);
    const threadById = new Map(threads.map((thread) => [thread.id, thread]));
    const postById = new Map(posts.map((post) => [post.id, post]));
    return rows.flatMap((row) => {
      const thread = threadById.get(row.threadId);
      const post = row.postId ? postById.get(row.postId) : null;
      if (!thread || post === undefined) return [];
      const hit = {
        thread,
        post,
        highlight: highlightHtml(row.headline),
        score: Number(row.score),
      };
      return [{ row, hit }];
    });
  }
}
