import { MigrationInterface, QueryRunner } from 'typeorm';

/** An answer staff give for the company: marked on the post, it earns its author no reputation. */
export class OfficialAnswers1764000930000 implements MigrationInterface {
  name = 'OfficialAnswers1764000930000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE posts ADD COLUMN official boolean NOT NULL DEFAULT false`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE posts DROP COLUMN official`);
  }
}
