import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A member's latest published answers (their profile), and the published threads oldest first
 * with their last activity (sitemaps): both read from one index each, in order.
 */
export class MemberAnswersAndSitemap1764000920000 implements MigrationInterface {
  name = 'MemberAnswersAndSitemap1764000920000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(
      `CREATE INDEX posts_author_recent_idx ON posts (author_id, created_at DESC, id DESC) WHERE status = 'PUBLISHED'`,
    );
    // Covering: a sitemap page and the page boundaries of the index are index-only scans.
    await db.query(
      `CREATE INDEX threads_sitemap_idx ON threads (created_at, id) INCLUDE (last_activity_at) WHERE content_status = 'PUBLISHED'`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX threads_sitemap_idx, posts_author_recent_idx`);
  }
}
