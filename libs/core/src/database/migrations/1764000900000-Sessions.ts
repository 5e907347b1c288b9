import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sessions the API can end, and password resets by email (both the identity lib's).
 *
 * A bearer token names its session (the JWT's jti); the viewer is found only while that session
 * is open, in the same query that loads the member. A reset stores only the SHA-256 of its token;
 * the token itself exists in the email and nowhere else. Each reset is created by the worker for
 * one outbox event (`event_id`), so that a retried event replaces the token of its own reset
 * instead of adding another.
 */
export class Sessions1764000900000 implements MigrationInterface {
  name = 'Sessions1764000900000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE sessions (
        id uuid PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES users (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz
      )`);
    // Ending every open session of a member (password reset) reads only their open ones.
    await db.query(
      `CREATE INDEX sessions_user_open_idx ON sessions (user_id) WHERE revoked_at IS NULL`,
    );
    // The purge of sessions long past their end reads them by expiry.
    await db.query(`CREATE INDEX sessions_expires_at_idx ON sessions (expires_at)`);

    await db.query(`
      CREATE TABLE password_resets (
        id uuid PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES users (id),
        event_id bigint NOT NULL,
        token_hash bytea NOT NULL CHECK (octet_length(token_hash) = 32),
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        emailed_at timestamptz
      )`);
    await db.query(
      `CREATE UNIQUE INDEX password_resets_token_hash_key ON password_resets (token_hash)`,
    );
    await db.query(
      `CREATE UNIQUE INDEX password_resets_event_id_key ON password_resets (event_id)`,
    );
    // A used reset voids the member's other open ones.
    await db.query(
      `CREATE INDEX password_resets_user_open_idx ON password_resets (user_id) WHERE used_at IS NULL`,
    );
    await db.query(`CREATE INDEX password_resets_expires_at_idx ON password_resets (expires_at)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE password_resets, sessions`);
  }
}
