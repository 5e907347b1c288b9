import { MigrationInterface, QueryRunner } from 'typeorm';

/** Kudos, answer revisions and soft deletion. */
export class Engagement1764000200000 implements MigrationInterface {
  name = 'Engagement1764000200000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE kudos (
        post_id uuid NOT NULL REFERENCES posts (id),
        user_id uuid NOT NULL REFERENCES users (id),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        -- One kudo per member per post: a second insert is a no-op, never a double count.
        PRIMARY KEY (post_id, user_id)
      )`);
    await db.query(`CREATE INDEX kudos_user_idx ON kudos (user_id, post_id)`);

    await db.query(`
      CREATE TABLE post_revisions (
        id uuid PRIMARY KEY,
        post_id uuid NOT NULL REFERENCES posts (id),
        editor_id uuid NOT NULL REFERENCES users (id),
        body text NOT NULL,
        reason text,
        created_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    await db.query(
      `CREATE INDEX post_revisions_post_idx ON post_revisions (post_id, created_at, id)`,
    );

    await db.query(`
      ALTER TABLE posts
        ADD COLUMN deleted_at timestamptz(3),
        ADD COLUMN deleted_by uuid REFERENCES users (id),
        ADD COLUMN delete_reason text`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(
      `ALTER TABLE posts DROP COLUMN deleted_at, DROP COLUMN deleted_by, DROP COLUMN delete_reason`,
    );
    await db.query(`DROP TABLE post_revisions, kudos`);
  }
}
