import { SAMPLE, SqlSnapshot } from '@app/core';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/** The position of a thread in the sitemap's order: oldest first, the id breaking ties. */
export interface SitemapKey {
  createdAt: Date;
  id: string;
}

export interface SitemapRow extends SitemapKey {
  lastActivityAt: Date;
}

export interface SitemapPageRow {
  threadCount: number;
  lastActivityAt: Date;
  /** The key of the page's last thread when the page is full (the next page starts after it). */
  end: SitemapKey | null;
}

// Both statements are index-only scans of threads_sitemap_idx, whose predicate they repeat.
// Oldest first, so that new threads only ever join the last page: earlier pages keep their
// bounds between two reads of the index.

/** Published threads by keyset, for sitemaps: only what a visitor may see. */
@Injectable()
export class SitemapRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Up to `limit` threads after `after` (from the start without it). */
  @SqlSnapshot({ name: 'first page', params: [null, 10_001] })
  @SqlSnapshot({
    name: 'after a cursor',
    params: [{ createdAt: SAMPLE.DATE, id: SAMPLE.UUID }, 10_001],
  })
  async threads(after: SitemapKey | null, limit: number): Promise<SitemapRow[]> {
    // Two statements rather than `$1 IS NULL OR …`, which would keep the seek out of the index.
    const rows: Array<{ id: string; created_at: Date; last_activity_at: Date }> = after
      ? await this.dataSource.query(
          `SELECT id, created_at, last_activity_at FROM threads
            WHERE content_status = 'PUBLISHED' AND (created_at, id) > ($1, $2)
            ORDER BY created_at, id LIMIT $3`,
          [after.createdAt, after.id, limit],
        )
      : await this.dataSource.query(
          `SELECT id, created_at, last_activity_at FROM threads
            WHERE content_status = 'PUBLISHED'
            ORDER BY created_at, id LIMIT $1`,
          [limit],
        );
    return rows.map((row) => ({
      id: row.id,
      createdAt: row.created_at,
      lastActivityAt: row.last_activity_at,
    }));
  }

  /**
   * The threads cut into pages of `size`, in one pass: each page's count, latest activity, and
   * the key of its last row when it is full (the row numbered a multiple of `size`).
   */
  @SqlSnapshot({ params: [50_000] })
  async pages(size: number): Promise<SitemapPageRow[]> {
    const rows: Array<{
      thread_count: number;
      last_activity_at: Date;
      end_created_at: Date | null;
      end_id: string | null;
    }> = await this.dataSource.query(
      `WITH numbered AS (
         SELECT created_at, id, last_activity_at, row_number() OVER (ORDER BY created_at, id) AS n
           FROM threads
          WHERE content_status = 'PUBLISHED'
       )
       SELECT count(*)::int AS thread_count,
              max(last_activity_at) AS last_activity_at,
              max(created_at) FILTER (WHERE n % $1 = 0) AS end_created_at,
              (array_agg(id) FILTER (WHERE n % $1 = 0))[1] AS end_id
         FROM numbered
        GROUP BY (n - 1) / $1
        ORDER BY (n - 1) / $1`,
      [size],
    );
    return rows.map((row) => ({
      threadCount: row.thread_count,
      lastActivityAt: row.last_activity_at,
      end:
        row.end_created_at && row.end_id ? { createdAt: row.end_created_at, id: row.end_id } : null,
    }));
  }
}
