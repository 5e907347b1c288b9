import { MigrationInterface, QueryRunner } from 'typeorm';

/** Identity, forum, notifications and the outbox. */
export class InitialSchema1764000000000 implements MigrationInterface {
  name = 'InitialSchema1764000000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY,
        handle text NOT NULL,
        email text NOT NULL,
        display_name text NOT NULL,
        password_hash text NOT NULL,
        role text NOT NULL DEFAULT 'MEMBER'
          CHECK (role IN ('MEMBER', 'AGENT', 'MODERATOR', 'PRODUCT_MANAGER', 'ADMIN')),
        status text NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'SILENCED', 'SUSPENDED')),
        status_reason text,
        status_until timestamptz(3),
        reputation integer NOT NULL DEFAULT 0,
        accepted_solution_count integer NOT NULL DEFAULT 0 CHECK (accepted_solution_count >= 0),
        created_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE UNIQUE INDEX users_handle_key ON users (lower(handle))`);
    await db.query(`CREATE UNIQUE INDEX users_email_key ON users (lower(email))`);

    await db.query(`
      CREATE TABLE boards (
        id uuid PRIMARY KEY,
        slug text NOT NULL UNIQUE,
        name text NOT NULL,
        description text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('QUESTIONS', 'IDEAS')),
        thread_count integer NOT NULL DEFAULT 0 CHECK (thread_count >= 0),
        created_at timestamptz(3) NOT NULL DEFAULT now()
      )`);

    await db.query(`
      CREATE TABLE threads (
        id uuid PRIMARY KEY,
        board_id uuid NOT NULL REFERENCES boards (id),
        author_id uuid NOT NULL REFERENCES users (id),
        title text NOT NULL,
        body text NOT NULL,
        body_html text NOT NULL,
        tags text[] NOT NULL DEFAULT '{}',
        status text NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'SOLVED', 'LOCKED')),
        content_status text NOT NULL DEFAULT 'PUBLISHED'
          CHECK (content_status IN ('PUBLISHED', 'PENDING_REVIEW', 'HIDDEN', 'DELETED')),
        accepted_post_id uuid,
        answer_count integer NOT NULL DEFAULT 0 CHECK (answer_count >= 0),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        last_activity_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    // One index per ordering, with and without the board filter; keyset pages walk them in order.
    await db.query(`CREATE INDEX threads_activity_idx ON threads (last_activity_at DESC, id DESC)`);
    await db.query(`CREATE INDEX threads_newest_idx ON threads (created_at DESC, id DESC)`);
    await db.query(
      `CREATE INDEX threads_board_activity_idx ON threads (board_id, last_activity_at DESC, id DESC)`,
    );
    await db.query(
      `CREATE INDEX threads_board_newest_idx ON threads (board_id, created_at DESC, id DESC)`,
    );
    await db.query(
      `CREATE INDEX threads_status_activity_idx ON threads (status, last_activity_at DESC, id DESC)`,
    );
    await db.query(
      `CREATE INDEX threads_status_newest_idx ON threads (status, created_at DESC, id DESC)`,
    );
    await db.query(
      `CREATE INDEX threads_unanswered_activity_idx ON threads (last_activity_at DESC, id DESC) WHERE answer_count = 0`,
    );
    await db.query(
      `CREATE INDEX threads_unanswered_newest_idx ON threads (created_at DESC, id DESC) WHERE answer_count = 0`,
    );
    await db.query(`CREATE INDEX threads_tags_idx ON threads USING gin (tags)`);
    await db.query(`CREATE INDEX threads_author_idx ON threads (author_id)`);

    await db.query(`
      CREATE TABLE posts (
        id uuid PRIMARY KEY,
        thread_id uuid NOT NULL REFERENCES threads (id),
        author_id uuid NOT NULL REFERENCES users (id),
        body text NOT NULL,
        body_html text NOT NULL,
        status text NOT NULL DEFAULT 'PUBLISHED'
          CHECK (status IN ('PUBLISHED', 'PENDING_REVIEW', 'HIDDEN', 'DELETED')),
        kudos_count integer NOT NULL DEFAULT 0 CHECK (kudos_count >= 0),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        edited_at timestamptz(3)
      )`);
    await db.query(`CREATE INDEX posts_thread_created_idx ON posts (thread_id, created_at, id)`);
    await db.query(
      `CREATE INDEX posts_thread_kudos_idx ON posts (thread_id, kudos_count DESC, created_at, id)`,
    );
    await db.query(`CREATE INDEX posts_author_idx ON posts (author_id)`);
    await db.query(
      `ALTER TABLE threads ADD CONSTRAINT threads_accepted_post_fk FOREIGN KEY (accepted_post_id) REFERENCES posts (id)`,
    );

    await db.query(`
      CREATE TABLE thread_subscriptions (
        thread_id uuid NOT NULL REFERENCES threads (id),
        user_id uuid NOT NULL REFERENCES users (id),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        PRIMARY KEY (thread_id, user_id)
      )`);
    await db.query(`CREATE INDEX thread_subscriptions_user_idx ON thread_subscriptions (user_id)`);

    await db.query(`
      CREATE TABLE notifications (
        id uuid PRIMARY KEY,
        recipient_id uuid NOT NULL REFERENCES users (id),
        kind text NOT NULL,
        message text NOT NULL,
        subject_type text,
        subject_id uuid,
        actor_id uuid REFERENCES users (id),
        event_id bigint NOT NULL,
        read_at timestamptz(3),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        -- One notification per event, member and kind: a redelivered event writes nothing new.
        CONSTRAINT notifications_event_key UNIQUE (event_id, recipient_id, kind)
      )`);
    await db.query(
      `CREATE INDEX notifications_recipient_idx ON notifications (recipient_id, created_at DESC, id DESC)`,
    );
    await db.query(
      `CREATE INDEX notifications_unread_idx ON notifications (recipient_id, created_at DESC, id DESC) WHERE read_at IS NULL`,
    );

    await db.query(`
      CREATE TABLE outbox (
        id bigserial PRIMARY KEY,
        type text NOT NULL,
        payload jsonb NOT NULL,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        dispatched_at timestamptz(3)
      )`);
    await db.query(`CREATE INDEX outbox_pending_idx ON outbox (id) WHERE dispatched_at IS NULL`);
    // Wakes the relay as soon as an event commits, so delivery does not wait for the next poll.
    await db.query(`
      CREATE FUNCTION outbox_notify() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('outbox', '');
        RETURN NULL;
      END $$`);
    await db.query(
      `CREATE TRIGGER outbox_notify AFTER INSERT ON outbox FOR EACH STATEMENT EXECUTE FUNCTION outbox_notify()`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE outbox, notifications, thread_subscriptions CASCADE`);
    await db.query(`DROP FUNCTION outbox_notify`);
    await db.query(`DROP TABLE posts, threads, boards, users CASCADE`);
  }
}
