import { MigrationInterface, QueryRunner } from 'typeorm';

/** Products, their reviews, helpful marks and exact rating aggregates. */
export class Reviews1764000400000 implements MigrationInterface {
  name = 'Reviews1764000400000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE products (
        id uuid PRIMARY KEY,
        sku text NOT NULL,
        name text NOT NULL,
        description text NOT NULL,
        -- Published reviews only, kept in the same transaction as every change to them.
        rating_count integer NOT NULL DEFAULT 0 CHECK (rating_count >= 0),
        rating_sum integer NOT NULL DEFAULT 0 CHECK (rating_sum >= 0),
        rating_histogram integer[] NOT NULL DEFAULT '{0,0,0,0,0}',
        created_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE UNIQUE INDEX products_sku_key ON products (lower(sku))`);
    await db.query(`CREATE INDEX products_newest_idx ON products (created_at DESC, id DESC)`);

    await db.query(`
      CREATE TABLE reviews (
        id uuid PRIMARY KEY,
        product_id uuid NOT NULL REFERENCES products (id),
        author_id uuid NOT NULL REFERENCES users (id),
        rating smallint NOT NULL CHECK (rating BETWEEN 1 AND 5),
        title text NOT NULL,
        body text NOT NULL,
        body_html text NOT NULL,
        status text NOT NULL DEFAULT 'PUBLISHED'
          CHECK (status IN ('PUBLISHED', 'PENDING_REVIEW', 'HIDDEN', 'DELETED')),
        helpful_count integer NOT NULL DEFAULT 0 CHECK (helpful_count >= 0),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        CONSTRAINT reviews_one_per_member_key UNIQUE (product_id, author_id)
      )`);
    for (const [name, columns] of [
      ['helpful', 'helpful_count DESC, created_at DESC, id DESC'],
      ['newest', 'created_at DESC, id DESC'],
      ['highest', 'rating DESC, created_at DESC, id DESC'],
      ['lowest', 'rating ASC, created_at DESC, id DESC'],
    ]) {
      await db.query(`CREATE INDEX reviews_${name}_idx ON reviews (product_id, ${columns})`);
    }
    await db.query(`CREATE INDEX reviews_author_idx ON reviews (author_id)`);

    await db.query(`
      CREATE TABLE review_helpful_marks (
        review_id uuid NOT NULL REFERENCES reviews (id),
        user_id uuid NOT NULL REFERENCES users (id),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        PRIMARY KEY (review_id, user_id)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE review_helpful_marks, reviews, products`);
  }
}
