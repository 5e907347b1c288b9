import { badInput, decodeCursor, encodeCursor } from '@app/core';
import { Injectable } from '@nestjs/common';
import { SitemapKey, SitemapRepository } from './sitemap.repository';
import { SitemapPageType, SitemapThreadPageType } from './sitemap.types';

/**
 * Larger than the 100 of other lists, for sitemaps only: a sitemap holds up to 50,000 URLs, and
 * a crawler's fetch of one should not take 500 requests. One read stays at 10,000 so that no
 * single response holds the API's event loop for long.
 */
export const SITEMAP_READ_MAX = 10_000;
/** The sitemap protocol's limit of URLs in one sitemap file. */
export const SITEMAP_PAGE_MAX = 50_000;

const keyCursor = (key: SitemapKey): string => encodeCursor([key.createdAt.getTime(), key.id]);

function checkSize(size: number, max: number): number {
  if (!Number.isInteger(size) || size < 1 || size > max) {
    throw badInput('size', `must be between 1 and ${max.toLocaleString('en')}`);
  }
  return size;
}

/** Published threads for sitemaps: their ids and last activity, oldest first. */
@Injectable()
export class SitemapService {
  constructor(private readonly repository: SitemapRepository) {}

  /** `size` threads after the cursor, and the cursor to go on from. */
  async threads(after: string | null, size: number): Promise<SitemapThreadPageType> {
    const limit = checkSize(size, SITEMAP_READ_MAX);
    const from = after ? decodeCursor(after, ['timestamp', 'uuid'], 'after') : null;
    const rows = await this.repository.threads(
      from ? { createdAt: new Date(from[0]), id: String(from[1]) } : null,
      limit + 1,
    );
    const shown = rows.slice(0, limit);
    const last = shown[shown.length - 1];
    return {
      threads: shown,
      endCursor: last ? keyCursor(last) : null,
      hasNextPage: rows.length > limit,
    };
  }

  /** The pages of `size` threads a sitemap index lists, each with the cursor it starts after. */
  async pages(size: number): Promise<SitemapPageType[]> {
    const rows = await this.repository.pages(checkSize(size, SITEMAP_PAGE_MAX));
    return rows.map((row, index) => {
      const previous = index > 0 ? rows[index - 1].end : null;
      return {
        after: previous ? keyCursor(previous) : null,
        threadCount: row.threadCount,
        lastActivityAt: row.lastActivityAt,
      };
    });
  }
}
