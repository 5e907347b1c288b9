import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Care: segments, the members' segment and dedicated rep, cases and their messages. Care's own
 * tables; it learns of members, threads and posts by id only.
 */
export class Care1764001000000 implements MigrationInterface {
  name = 'Care1764001000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE care_segments (
        id uuid PRIMARY KEY,
        key text NOT NULL UNIQUE CHECK (key ~ '^[a-z0-9-]{2,30}$'),
        name text NOT NULL,
        first_response_hours integer NOT NULL CHECK (first_response_hours BETWEEN 1 AND 720),
        dedicated_rep_enabled boolean NOT NULL DEFAULT false,
        idea_vote_weight integer NOT NULL DEFAULT 1 CHECK (idea_vote_weight BETWEEN 1 AND 100),
        -- Kept equal to the members in the segment by the transaction that moves one.
        member_count integer NOT NULL DEFAULT 0 CHECK (member_count >= 0),
        created_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    // One row per member care knows something of: their segment, their dedicated rep.
    await db.query(`
      CREATE TABLE care_members (
        user_id uuid PRIMARY KEY REFERENCES users (id),
        segment_id uuid REFERENCES care_segments (id),
        dedicated_rep_id uuid REFERENCES users (id),
        updated_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX care_members_segment_idx ON care_members (segment_id, user_id)`);
    await db.query(
      `CREATE INDEX care_members_rep_idx ON care_members (dedicated_rep_id) WHERE dedicated_rep_id IS NOT NULL`,
    );

    await db.query(`CREATE SEQUENCE care_case_numbers`);
    await db.query(`
      CREATE TABLE care_cases (
        id uuid PRIMARY KEY,
        number integer NOT NULL UNIQUE DEFAULT nextval('care_case_numbers'),
        subject text NOT NULL,
        member_id uuid NOT NULL REFERENCES users (id),
        status text NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'WAITING_ON_MEMBER', 'RESOLVED')),
        priority text NOT NULL DEFAULT 'NORMAL' CHECK (priority IN ('LOW', 'NORMAL', 'HIGH', 'URGENT')),
        -- URGENT 0 … LOW 3: the inbox's second key, ascending.
        priority_rank smallint NOT NULL DEFAULT 2 CHECK (priority_rank BETWEEN 0 AND 3),
        origin text NOT NULL CHECK (origin IN ('DIRECT', 'ESCALATED', 'AUTO_ESCALATED')),
        thread_id uuid REFERENCES threads (id),
        assignee_id uuid REFERENCES users (id),
        -- Set while the case waits for the member's dedicated rep: when it returns to the inbox.
        rep_fallback_at timestamptz(3),
        first_response_due_at timestamptz(3) NOT NULL,
        first_responded_at timestamptz(3),
        resolved_at timestamptz(3),
        resolution_note text,
        public_answer_id uuid REFERENCES posts (id),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    // At most one unresolved case per thread, whatever races.
    await db.query(
      `CREATE UNIQUE INDEX care_cases_open_thread_idx ON care_cases (thread_id) WHERE status <> 'RESOLVED' AND thread_id IS NOT NULL`,
    );
    // The inbox: unresolved cases by due time, then priority, then age.
    await db.query(
      `CREATE INDEX care_cases_inbox_idx ON care_cases (first_response_due_at, priority_rank, created_at, id) WHERE status <> 'RESOLVED'`,
    );
    await db.query(
      `CREATE INDEX care_cases_assignee_idx ON care_cases (assignee_id, first_response_due_at, priority_rank, created_at, id) WHERE status <> 'RESOLVED'`,
    );
    // A member's cases, latest activity first; and how many are unresolved.
    await db.query(
      `CREATE INDEX care_cases_member_idx ON care_cases (member_id, updated_at DESC, id DESC)`,
    );
    await db.query(
      `CREATE INDEX care_cases_member_open_idx ON care_cases (member_id) WHERE status <> 'RESOLVED'`,
    );
    // The metrics window, and the rep fallback job's walk.
    await db.query(`CREATE INDEX care_cases_created_idx ON care_cases (created_at)`);
    await db.query(
      `CREATE INDEX care_cases_rep_fallback_idx ON care_cases (rep_fallback_at, id) WHERE rep_fallback_at IS NOT NULL`,
    );
    await db.query(`
      CREATE TABLE care_case_messages (
        id uuid PRIMARY KEY,
        case_id uuid NOT NULL REFERENCES care_cases (id),
        author_id uuid NOT NULL REFERENCES users (id),
        body text NOT NULL,
        body_html text NOT NULL,
        internal boolean NOT NULL DEFAULT false,
        created_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    await db.query(
      `CREATE INDEX care_case_messages_case_idx ON care_case_messages (case_id, created_at, id)`,
    );
    // Where each scheduled job's walk stopped, so a run costs what is new since the last one.
    await db.query(`
      CREATE TABLE care_job_marks (
        job text PRIMARY KEY,
        after_at timestamptz(3) NOT NULL,
        after_id uuid NOT NULL
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE care_job_marks`);
    await db.query(`DROP TABLE care_case_messages`);
    await db.query(`DROP TABLE care_cases`);
    await db.query(`DROP SEQUENCE care_case_numbers`);
    await db.query(`DROP TABLE care_members`);
    await db.query(`DROP TABLE care_segments`);
  }
}
