import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The id of the request that recorded an event, so that the worker's log lines of its handling
 * can be found from the API's log lines of the request (null for events of the worker itself).
 */
export class OutboxRequestId1764000800000 implements MigrationInterface {
  name = 'OutboxRequestId1764000800000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE outbox ADD COLUMN request_id text`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE outbox DROP COLUMN request_id`);
  }
}
