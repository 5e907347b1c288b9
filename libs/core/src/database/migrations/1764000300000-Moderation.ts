import { MigrationInterface, QueryRunner } from 'typeorm';

/** Flags, the review queue, corrections and the append-only moderation log. */
export class Moderation1764000300000 implements MigrationInterface {
  name = 'Moderation1764000300000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE review_items (
        id uuid PRIMARY KEY,
        kind text NOT NULL CHECK (kind IN ('FLAGGED', 'AUTOMOD')),
        status text NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'CLAIMED', 'RESOLVED')),
        target_type text NOT NULL,
        target_id uuid NOT NULL,
        target_author_id uuid NOT NULL REFERENCES users (id),
        priority double precision NOT NULL DEFAULT 0,
        flag_count integer NOT NULL DEFAULT 0,
        flag_weight integer NOT NULL DEFAULT 0,
        -- The weight of flags other than INCORRECT_ADVICE: at 3 the target is hidden at once.
        hide_weight integer NOT NULL DEFAULT 0,
        reporter_reputation integer NOT NULL DEFAULT 0,
        reasons text[] NOT NULL DEFAULT '{}',
        claimed_by uuid REFERENCES users (id),
        claimed_at timestamptz(3),
        resolution text,
        resolution_note text,
        resolved_by uuid REFERENCES users (id),
        resolved_at timestamptz(3),
        created_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    // At most one open item per target: flags pile onto it; a resolved one stays as history.
    await db.query(
      `CREATE UNIQUE INDEX review_items_open_target_key ON review_items (target_type, target_id) WHERE status <> 'RESOLVED'`,
    );
    await db.query(
      `CREATE INDEX review_items_queue_idx ON review_items (status, priority DESC, created_at, id)`,
    );

    await db.query(`
      CREATE TABLE flags (
        id uuid PRIMARY KEY,
        target_type text NOT NULL,
        target_id uuid NOT NULL,
        reporter_id uuid NOT NULL REFERENCES users (id),
        reason text NOT NULL CHECK (reason IN ('INCORRECT_ADVICE', 'SPAM', 'OFFENSIVE', 'OFF_TOPIC', 'OTHER')),
        note text,
        weight integer NOT NULL,
        review_item_id uuid NOT NULL REFERENCES review_items (id),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        CONSTRAINT flags_one_per_member_key UNIQUE (target_type, target_id, reporter_id)
      )`);
    await db.query(`CREATE INDEX flags_review_item_idx ON flags (review_item_id, created_at)`);

    await db.query(`
      CREATE TABLE corrections (
        id uuid PRIMARY KEY,
        post_id uuid NOT NULL REFERENCES posts (id),
        moderator_id uuid NOT NULL REFERENCES users (id),
        note text NOT NULL,
        note_html text NOT NULL,
        created_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX corrections_post_idx ON corrections (post_id, created_at DESC)`);

    // What automod remembers of recent posts: a fingerprint per text, for repeats and bursts.
    await db.query(`
      CREATE TABLE content_fingerprints (
        author_id uuid NOT NULL REFERENCES users (id),
        fingerprint text NOT NULL,
        created_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    await db.query(
      `CREATE INDEX content_fingerprints_author_idx ON content_fingerprints (author_id, created_at DESC)`,
    );
    // Only the last day is read; the worker purges what is older.
    await db.query(
      `CREATE INDEX content_fingerprints_created_idx ON content_fingerprints (created_at)`,
    );
    // Who accepted a thread's solution, so that a correction of it reaches them.
    await db.query(`ALTER TABLE threads ADD COLUMN accepted_by uuid REFERENCES users (id)`);

    await db.query(`
      CREATE TABLE moderation_actions (
        id uuid PRIMARY KEY,
        actor_id uuid NOT NULL REFERENCES users (id),
        action text NOT NULL,
        target_type text,
        target_id uuid,
        target_user_id uuid REFERENCES users (id),
        reason text,
        created_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    await db.query(
      `CREATE INDEX moderation_actions_log_idx ON moderation_actions (created_at DESC, id DESC)`,
    );
    // The log is append-only: no code path updates or deletes it, and the database refuses to.
    await db.query(`
      CREATE FUNCTION moderation_actions_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'moderation_actions is append-only';
      END $$`);
    await db.query(`
      CREATE TRIGGER moderation_actions_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON moderation_actions
        FOR EACH STATEMENT EXECUTE FUNCTION moderation_actions_append_only()`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE threads DROP COLUMN accepted_by`);
    await db.query(
      `DROP TABLE moderation_actions, content_fingerprints, corrections, flags, review_items`,
    );
    await db.query(`DROP FUNCTION moderation_actions_append_only`);
  }
}
