import { Client } from 'pg';

export interface DatasetSize {
  members: number;
  threads: number;
  answersPerThread: number;
  /** Care cases, a tenth of them unresolved, with two messages each. */
  cases: number;
  /** Ideas on one IDEAS board, the first ones hot: the r-th oldest has members / r voters. */
  ideas: number;
  /** Products, each reviewed by `reviewsPerProduct` different members. */
  products: number;
  reviewsPerProduct: number;
}

/**
 * Fills an empty, migrated database with a synthetic community in a few set-based statements:
 * members, two boards, threads spread over a year with tags and words to search, answers,
 * accepted solutions and kudos counts, care cases with their messages, ideas with votes skewed
 * towards a few (the r-th has members / r voters, so a handful are hot), products with their
 * reviews and rating aggregates. Every member's password
 * is "bench-password"; member2 is an AGENT, who works the care inbox.
 */
export async function seedDataset(
  databaseUrl: string,
  size: DatasetSize,
  passwordHash: string,
): Promise<number> {
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  let rows = 0;
  // Counts what each statement inserted: the generator reports its rows per second.
  const insert = async (sql: string, params: unknown[] = []): Promise<void> => {
    rows += (await db.query(sql, params)).rowCount ?? 0;
  };
  try {
    await insert(
      `INSERT INTO users (id, handle, email, display_name, password_hash, reputation)
       SELECT gen_random_uuid(), 'member' || i, 'member' || i || '@bench.local', 'Member ' || i, $2, (i * 37) % 3000
         FROM generate_series(1, $1) AS i`,
      [size.members, passwordHash],
    );
    await insert(
      `INSERT INTO boards (id, slug, name, description, kind) VALUES
         (gen_random_uuid(), 'help', 'Help', 'Questions', 'QUESTIONS'),
         (gen_random_uuid(), 'devices', 'Devices', 'Phones', 'QUESTIONS')`,
    );
    await insert(
      `WITH words AS (SELECT ARRAY['roaming','voicemail','esim','billing','signal','router','contract',
                                   'upgrade','coverage','password','invoice','data','hotspot','porting'] AS w),
            people AS (SELECT array_agg(id) AS ids FROM users),
            boards AS (SELECT array_agg(id ORDER BY slug) AS ids FROM boards)
       INSERT INTO threads (id, board_id, author_id, title, body, body_html, body_text, tags, status,
                            answer_count, created_at, last_activity_at)
       SELECT gen_random_uuid(), boards.ids[1 + i % 2], people.ids[1 + (i * 7) % array_length(people.ids, 1)],
              'How do I fix my ' || w[1 + i % 14] || ' ' || w[1 + (i / 14) % 14] || ' problem number ' || i,
              'My ' || w[1 + (i / 3) % 14] || ' stopped working after the ' || w[1 + (i / 5) % 14] || ' change.',
              '<p>body</p>',
              'My ' || w[1 + (i / 3) % 14] || ' stopped working after the ' || w[1 + (i / 5) % 14] || ' change.',
              ARRAY[w[1 + i % 14]], CASE WHEN i % 3 = 0 THEN 'SOLVED' ELSE 'OPEN' END, $2,
              now() - (i || ' minutes')::interval, now() - (i || ' minutes')::interval
         FROM generate_series(1, $1) AS i, words, people, boards`,
      [size.threads, size.answersPerThread],
    );
    await insert(
      `WITH people AS (SELECT array_agg(id) AS ids FROM users)
       INSERT INTO posts (id, thread_id, author_id, body, body_html, body_text, kudos_count, created_at)
       SELECT gen_random_uuid(), t.id, people.ids[1 + (abs(hashtext(t.id::text)) + n) % array_length(people.ids, 1)],
              'Try turning it off and on again, then check the settings ' || n, '<p>answer</p>',
              'Try turning it off and on again, then check the settings ' || n, n % 4,
              t.created_at + (n || ' minutes')::interval
         FROM threads t, generate_series(1, $1) AS n, people`,
      [size.answersPerThread],
    );
    await db.query(
      `UPDATE threads t SET accepted_post_id = (SELECT p.id FROM posts p WHERE p.thread_id = t.id ORDER BY p.created_at LIMIT 1)
        WHERE t.status = 'SOLVED'`,
    );
    await db.query(
      `UPDATE boards b SET thread_count = (SELECT count(*) FROM threads t WHERE t.board_id = b.id)`,
    );
    await db.query(`UPDATE users SET role = 'AGENT' WHERE handle = 'member2'`);
    await insert(
      `WITH people AS (SELECT array_agg(id) AS ids FROM users)
       INSERT INTO care_cases (id, subject, member_id, status, priority, priority_rank, origin,
                               first_response_due_at, first_responded_at, resolved_at, created_at, updated_at)
       SELECT gen_random_uuid(), 'My bill is wrong, case ' || i, people.ids[1 + (i * 13) % array_length(people.ids, 1)],
              CASE WHEN i % 10 = 0 THEN 'OPEN' ELSE 'RESOLVED' END,
              (ARRAY['LOW','NORMAL','HIGH','URGENT'])[1 + i % 4], 3 - i % 4, 'DIRECT',
              now() - (i || ' minutes')::interval + interval '24 hours',
              CASE WHEN i % 10 = 0 THEN NULL ELSE now() - (i || ' minutes')::interval + interval '2 hours' END,
              CASE WHEN i % 10 = 0 THEN NULL ELSE now() - (i || ' minutes')::interval + interval '3 hours' END,
              now() - (i || ' minutes')::interval, now() - (i || ' minutes')::interval
         FROM generate_series(1, $1) AS i, people`,
      [size.cases],
    );
    await insert(
      `INSERT INTO care_case_messages (id, case_id, author_id, body, body_html, internal, created_at)
       SELECT gen_random_uuid(), c.id, c.member_id, 'Please check my invoice ' || n, '<p>message</p>',
              false, c.created_at + (n || ' minutes')::interval
         FROM care_cases c, generate_series(1, 2) AS n`,
    );
    await insert(
      `INSERT INTO boards (id, slug, name, description, kind)
       VALUES (gen_random_uuid(), 'ideas', 'Ideas', 'What we could build', 'IDEAS')`,
    );
    await insert(
      `WITH people AS (SELECT array_agg(id) AS ids FROM users),
            board AS (SELECT id FROM boards WHERE slug = 'ideas')
       INSERT INTO ideas (id, board_id, author_id, title, body, body_html, tags, created_at)
       SELECT gen_random_uuid(), board.id, people.ids[1 + (i * 11) % array_length(people.ids, 1)],
              'Let me ' || (ARRAY['pause','share','split','move','export'])[1 + i % 5] || ' my plan, idea ' || i,
              'It would help when travelling, idea ' || i, '<p>idea</p>',
              ARRAY[(ARRAY['billing','travel','app','data'])[1 + i % 4]],
              now() - (i || ' hours')::interval
         FROM generate_series(1, $1) AS i, people, board`,
      [size.ideas],
    );
    await insert(
      `WITH ranked AS (SELECT id, row_number() OVER (ORDER BY created_at DESC, id) AS r FROM ideas),
            members AS (SELECT id, row_number() OVER (ORDER BY id) AS n, count(*) OVER () AS total FROM users)
       INSERT INTO idea_votes (idea_id, user_id, weight, created_at)
       SELECT ranked.id, members.id, 1, now() - (members.n % 720 || ' hours')::interval
         FROM ranked JOIN members ON members.n <= greatest(1, members.total / ranked.r)`,
    );
    await db.query(
      `UPDATE ideas i SET vote_count = v.votes, weighted_vote_count = v.votes, trending_score = v.votes
         FROM (SELECT idea_id, count(*)::int AS votes FROM idea_votes GROUP BY idea_id) v
        WHERE v.idea_id = i.id`,
    );
    await insert(
      `INSERT INTO products (id, sku, name, description, created_at)
       SELECT gen_random_uuid(), 'SKU-' || i, 'Router X' || i, 'A router for the home, model ' || i,
              now() - (i || ' days')::interval
         FROM generate_series(1, $1) AS i`,
      [size.products],
    );
    await insert(
      `WITH members AS (SELECT id, row_number() OVER (ORDER BY id) AS n FROM users),
            items AS (SELECT id, row_number() OVER (ORDER BY created_at, id) AS p FROM products)
       INSERT INTO reviews (id, product_id, author_id, rating, title, body, body_html, helpful_count, created_at)
       SELECT gen_random_uuid(), items.id, members.id, 1 + (members.n + items.p) % 5,
              'Review ' || members.n, 'Fast setup, the signal reaches the garden.', '<p>review</p>',
              members.n % 7, now() - (members.n || ' minutes')::interval
         FROM items JOIN members ON members.n <= $1`,
      [size.reviewsPerProduct],
    );
    await db.query(
      `UPDATE products p SET rating_count = r.n, rating_sum = r.total,
              rating_histogram = ARRAY[r.s1, r.s2, r.s3, r.s4, r.s5]
         FROM (SELECT product_id, count(*)::int AS n, sum(rating)::int AS total,
                      count(*) FILTER (WHERE rating = 1)::int AS s1, count(*) FILTER (WHERE rating = 2)::int AS s2,
                      count(*) FILTER (WHERE rating = 3)::int AS s3, count(*) FILTER (WHERE rating = 4)::int AS s4,
                      count(*) FILTER (WHERE rating = 5)::int AS s5
                 FROM reviews GROUP BY product_id) r
        WHERE r.product_id = p.id`,
    );
    // VACUUM too: freshly filled GIN indexes keep pending entries that mislead the planner.
    await db.query('VACUUM ANALYZE');
    return rows;
  } finally {
    await db.end();
  }
}
