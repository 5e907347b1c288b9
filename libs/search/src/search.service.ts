import { Connection, fromGlobalId, pageSize, toConnection } from '@app/core';
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
    first: number | null | undefined,
    after: string | null | undefined,
  ): Promise<Connection<SearchHit>> {
    const query = {
      text: searchText(text),
      boardId: boardId ? fromGlobalId(boardId, 'Board', 'boardId') : null,
    };
    const limit = pageSize(first);
    const rows = await this.repository.hits(query, limit, after ? decodeHitCursor(after) : null);
    const shown = await this.withEntities(rows.slice(0, limit));
    const connection = toConnection(shown, limit, {
      cursorOf: ({ row }) => hitCursor({ score: row.score, threadId: row.threadId }),
      nodeOf: ({ hit }) => hit,
      hasPreviousPage: Boolean(after),
      totalCount: () => this.repository.countHits(query),
    });
    // The ranking query's extra row says whether more follow, even if a hit was left out.
    return {
      ...connection,
      pageInfo: { ...connection.pageInfo, hasNextPage: rows.length > limit },
    };
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
