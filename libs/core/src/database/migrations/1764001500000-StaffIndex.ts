import { MigrationInterface, QueryRunner } from 'typeorm';

/** The staff (agents, moderators, admins), read by care's metrics to tell peers' answers apart. */
export class StaffIndex1764001500000 implements MigrationInterface {
  name = 'StaffIndex1764001500000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(
      `CREATE INDEX users_staff_idx ON users (id) WHERE role IN ('AGENT', 'MODERATOR', 'ADMIN')`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX users_staff_idx`);
  }
}
