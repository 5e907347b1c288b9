import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * similarThreads no longer walks every title nearest first (its cost grew with the titles); it
 * compares the newest titles only, which threads_newest_idx gives in order. The trigram index
 * that walk read would only slow every write of a thread.
 */
export class DropThreadTitleTrigramIndex1764002200000 implements MigrationInterface {
  name = 'DropThreadTitleTrigramIndex1764002200000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX threads_title_trgm_idx`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(
      `CREATE INDEX threads_title_trgm_idx ON threads USING gist (title gist_trgm_ops(siglen=256)) WHERE content_status = 'PUBLISHED'`,
    );
  }
}
