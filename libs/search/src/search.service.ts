import { Connection, connectionOf, cursorArgument, PageRequest, pageSlice } from '@app/core';
import { Inject, Injectable } from '@nestjs/common';
import { FORUM_SEARCH, ForumSearch, FoundThread, HitRow } from './forum-search';
import { EXCERPT_FORMAT, highlightHtml } from './highlight';
import { decodeHitCursor, hitCursor } from './search-cursor';
import { SearchHit } from './search-hit.type';
import { checkTypedBody, searchText, similarCount, typedTitle } from './search-input';

interface ShownHit {
  row: HitRow;
  hit: SearchHit;
}

/** Full-text search and similar-thread suggestions; only published content is ever found. */
@Injectable()
export class SearchService {
  constructor(@Inject(FORUM_SEARCH) private readonly forum: ForumSearch) {}

  /** A keyset page of the threads matching the text (in a board if given), best first. */
  async search(
    text: string,
    boardId: string | null,
    page: PageRequest,
  ): Promise<Connection<SearchHit>> {
    const query = { text: searchText(text), boardId };
    const from = page.cursor ? decodeHitCursor(page.cursor, cursorArgument(page)) : null;
    const rows = await this.forum.hits(query, page.limit, from, page.direction, EXCERPT_FORMAT);
    // The ranking query's extra row says whether more follow, even if a hit is left out below.
    const slice = pageSlice(rows, page);
    const edges = (await this.withRecords(slice.rows)).map(({ row, hit }) => ({
      cursor: hitCursor({ score: row.score, threadId: row.threadId }),
      node: hit,
    }));
    return connectionOf(edges, page, slice.more, () => this.forum.countHits(query));
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
  ): Promise<FoundThread[]> {
    const typed = typedTitle(title);
    checkTypedBody(body);
    const ids = await this.forum.similarThreadIds(typed, similarCount(first));
    const threads = new Map(
      (await this.forum.publishedThreads(ids)).map((thread) => [thread.id, thread]),
    );
    return ids.flatMap((id) => threads.get(id) ?? []);
  }

  /**
   * Loads the page's threads and answers in one query each. A hit whose thread or answer was
   * unpublished since the ranking query is left out: its excerpt quotes that text.
   */
  private async withRecords(rows: HitRow[]): Promise<ShownHit[]> {
    const [threads, posts] = await Promise.all([
      this.forum.publishedThreads(rows.map((row) => row.threadId)),
      this.forum.publishedPosts(rows.flatMap((row) => row.postId ?? [])),
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
