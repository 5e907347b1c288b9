import { MigrationInterface, QueryRunner } from 'typeorm';
import { markdownPlainText } from '../../markdown/plain-text';

const BATCH = 500;

/**
 * Threads and answers keep their text as readers see it (markdown without its syntax) beside
 * the source, written with it: search excerpts quote this instead of `**`, backticks and link
 * syntax. Kept at write time because the markdown parser runs in the API, not in SQL, and a
 * search would otherwise re-parse every hit's source on each request.
 */
export class PlainTextBodies1764000910000 implements MigrationInterface {
  name = 'PlainTextBodies1764000910000';

  async up(db: QueryRunner): Promise<void> {
    for (const table of ['threads', 'posts']) {
      await db.query(`ALTER TABLE ${table} ADD COLUMN body_text text`);
      // Existing rows in keyset batches, through the same function the write paths use.
      let after = '00000000-0000-0000-0000-000000000000';
      for (;;) {
        const rows: Array<{ id: string; body: string }> = await db.query(
          `SELECT id, body FROM ${table} WHERE id > $1 ORDER BY id LIMIT ${BATCH}`,
          [after],
        );
        if (rows.length === 0) break;
        await db.query(
          `UPDATE ${table} SET body_text = v.text
             FROM unnest($1::uuid[], $2::text[]) AS v(id, text) WHERE ${table}.id = v.id`,
          [rows.map((row) => row.id), rows.map((row) => markdownPlainText(row.body))],
        );
        after = rows[rows.length - 1].id;
      }
      await db.query(`ALTER TABLE ${table} ALTER COLUMN body_text SET NOT NULL`);
    }
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE posts DROP COLUMN body_text`);
    await db.query(`ALTER TABLE threads DROP COLUMN body_text`);
  }
}
