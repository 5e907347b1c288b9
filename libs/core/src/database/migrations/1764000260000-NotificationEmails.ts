import { MigrationInterface, QueryRunner } from 'typeorm';

/** When a notification's email was sent, so that a retried send is not sent twice. */
export class NotificationEmails1764000260000 implements MigrationInterface {
  name = 'NotificationEmails1764000260000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE notifications ADD COLUMN emailed_at timestamptz(3)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE notifications DROP COLUMN emailed_at`);
  }
}
