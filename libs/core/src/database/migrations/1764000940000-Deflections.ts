import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Deflections (care): a suggested thread answered a viewer before they asked. The primary key
 * makes "once per viewer and thread a day" hold under concurrency; metrics count a window by
 * `created_at`.
 */
export class Deflections1764000940000 implements MigrationInterface {
  name = 'Deflections1764000940000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE deflections (
        thread_id uuid NOT NULL REFERENCES threads (id),
        -- 'member:<uuid>' for a member, 'address:<ip>' for an anonymous visitor.
        viewer_key text NOT NULL,
        member_id uuid REFERENCES users (id),
        -- The UTC day of created_at.
        day date NOT NULL,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        PRIMARY KEY (thread_id, viewer_key, day)
      )`);
    await db.query(`CREATE INDEX deflections_created_idx ON deflections (created_at)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE deflections`);
  }
}
