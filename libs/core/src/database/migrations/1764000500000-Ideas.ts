import { MigrationInterface, QueryRunner } from 'typeorm';

/** Ideas, their votes, comments and followers, and CSV exports of them. */
export class Ideas1764000500000 implements MigrationInterface {
  name = 'Ideas1764000500000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE ideas (
        id uuid PRIMARY KEY,
        board_id uuid NOT NULL REFERENCES boards (id),
        author_id uuid NOT NULL REFERENCES users (id),
        title text NOT NULL,
        body text NOT NULL,
        body_html text NOT NULL,
        tags text[] NOT NULL DEFAULT '{}',
        status text NOT NULL DEFAULT 'NEW' CHECK (status IN
          ('NEW', 'UNDER_REVIEW', 'PLANNED', 'IN_PROGRESS', 'DELIVERED', 'DECLINED', 'MERGED')),
        status_note text,
        content_status text NOT NULL DEFAULT 'PUBLISHED'
          CHECK (content_status IN ('PUBLISHED', 'PENDING_REVIEW', 'HIDDEN', 'DELETED')),
        vote_count integer NOT NULL DEFAULT 0 CHECK (vote_count >= 0),
        -- Sum of the votes' decayed weights in log-free form; see libs/ideas trending.ts.
        trending_score double precision NOT NULL DEFAULT 0,
        merged_into uuid REFERENCES ideas (id),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        search_vector tsvector GENERATED ALWAYS AS (
          setweight(to_tsvector('english', title), 'A') || setweight(to_tsvector('english', body), 'B')
        ) STORED
      )`);
    // One index per ordering, with and without the board filter; keyset pages walk them.
    for (const [name, columns] of [
      ['top', 'vote_count DESC, id DESC'],
      ['trending', 'trending_score DESC, id DESC'],
      ['newest', 'created_at DESC, id DESC'],
    ]) {
      await db.query(`CREATE INDEX ideas_${name}_idx ON ideas (${columns})`);
      await db.query(`CREATE INDEX ideas_board_${name}_idx ON ideas (board_id, ${columns})`);
      await db.query(`CREATE INDEX ideas_status_${name}_idx ON ideas (status, ${columns})`);
    }
    await db.query(`CREATE INDEX ideas_tags_idx ON ideas USING gin (tags)`);
    await db.query(`CREATE INDEX ideas_author_idx ON ideas (author_id)`);
    // Suggestions walk the open, published titles nearest the typed one.
    await db.query(`
      CREATE INDEX ideas_open_title_trgm_idx ON ideas USING gist (title gist_trgm_ops)
       WHERE content_status = 'PUBLISHED' AND status NOT IN ('MERGED', 'DELIVERED', 'DECLINED')`);

    await db.query(`
      CREATE TABLE idea_votes (
        idea_id uuid NOT NULL REFERENCES ideas (id),
        user_id uuid NOT NULL REFERENCES users (id),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        -- One vote per member per idea: a second insert is a no-op, never a double count.
        PRIMARY KEY (idea_id, user_id)
      )`);
    await db.query(`CREATE INDEX idea_votes_user_idx ON idea_votes (user_id, idea_id)`);
    // The trending sweep reads only the votes of the last days.
    await db.query(`CREATE INDEX idea_votes_recent_idx ON idea_votes (created_at)`);

    await db.query(`
      CREATE TABLE idea_subscriptions (
        idea_id uuid NOT NULL REFERENCES ideas (id),
        user_id uuid NOT NULL REFERENCES users (id),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        PRIMARY KEY (idea_id, user_id)
      )`);

    await db.query(`
      CREATE TABLE idea_comments (
        id uuid PRIMARY KEY,
        idea_id uuid NOT NULL REFERENCES ideas (id),
        author_id uuid NOT NULL REFERENCES users (id),
        body text NOT NULL,
        body_html text NOT NULL,
        status text NOT NULL DEFAULT 'PUBLISHED'
          CHECK (status IN ('PUBLISHED', 'PENDING_REVIEW', 'HIDDEN', 'DELETED')),
        created_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    await db.query(
      `CREATE INDEX idea_comments_idea_idx ON idea_comments (idea_id, created_at, id)`,
    );

    await db.query(`
      CREATE TABLE export_jobs (
        id uuid PRIMARY KEY,
        requester_id uuid NOT NULL REFERENCES users (id),
        filter jsonb NOT NULL DEFAULT '{}',
        status text NOT NULL DEFAULT 'QUEUED'
          CHECK (status IN ('QUEUED', 'RUNNING', 'DONE', 'FAILED')),
        row_count integer NOT NULL DEFAULT 0,
        error text,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        finished_at timestamptz(3)
      )`);
    await db.query(`CREATE INDEX export_jobs_requester_idx ON export_jobs (requester_id)`);
    await db.query(
      `CREATE INDEX export_jobs_finished_idx ON export_jobs (finished_at) WHERE finished_at IS NOT NULL`,
    );
    // The CSV itself, in ordered chunks, so that any API instance can serve what any worker wrote.
    await db.query(`
      CREATE TABLE export_chunks (
        job_id uuid NOT NULL REFERENCES export_jobs (id) ON DELETE CASCADE,
        seq integer NOT NULL,
        data text NOT NULL,
        PRIMARY KEY (job_id, seq)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(
      `DROP TABLE export_chunks, export_jobs, idea_comments, idea_subscriptions, idea_votes, ideas`,
    );
  }
}
