import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Published answers newest first, for search's bounded candidates: a word in most answers is
 * found by walking this index and stopping at the bound, instead of reading the word's whole
 * GIN posting list. Threads already have threads_newest_idx.
 */
export class SearchCandidates1764002000000 implements MigrationInterface {
  name = 'SearchCandidates1764002000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(
      `CREATE INDEX posts_published_newest_idx ON posts (created_at DESC, id DESC) WHERE status = 'PUBLISHED'`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX posts_published_newest_idx`);
  }
}
