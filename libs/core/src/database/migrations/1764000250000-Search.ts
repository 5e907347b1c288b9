import { MigrationInterface, QueryRunner } from 'typeorm';

/** Full-text search over threads and answers, and trigram matching of thread titles. */
export class Search1764000250000 implements MigrationInterface {
  name = 'Search1764000250000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    // Generated columns follow every insert and edit, so no write path has to remember them.
    // The title is weight A and the body B: a word in the title ranks higher.
    await db.query(`
      ALTER TABLE threads ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('english', title), 'A') || setweight(to_tsvector('english', body), 'B')
      ) STORED`);
    await db.query(`
      ALTER TABLE posts ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
        to_tsvector('english', body)
      ) STORED`);
    // Partial: only published content is ever searched, and the queries repeat the predicate.
    await db.query(
      `CREATE INDEX threads_search_idx ON threads USING gin (search_vector) WHERE content_status = 'PUBLISHED'`,
    );
    await db.query(
      `CREATE INDEX posts_search_idx ON posts USING gin (search_vector) WHERE status = 'PUBLISHED'`,
    );
    await db.query(
      `CREATE INDEX threads_title_trgm_idx ON threads USING gist (title gist_trgm_ops) WHERE content_status = 'PUBLISHED'`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX threads_title_trgm_idx, posts_search_idx, threads_search_idx`);
    await db.query(`ALTER TABLE posts DROP COLUMN search_vector`);
    await db.query(`ALTER TABLE threads DROP COLUMN search_vector`);
    await db.query(`DROP EXTENSION IF EXISTS pg_trgm`);
  }
}
