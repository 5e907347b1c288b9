import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Client mutation ids (idempotency keys): the first result of a member's operation under a key,
 * written in the same transaction as the content, so that a retry returns it instead of
 * writing again. The worker forgets keys after a day.
 */
export class ClientMutations1764000700000 implements MigrationInterface {
  name = 'ClientMutations1764000700000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE client_mutations (
        member_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        operation text NOT NULL,
        key text NOT NULL CHECK (key ~ '^[ -~]{1,100}$'),
        result_id uuid NOT NULL,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        PRIMARY KEY (member_id, operation, key)
      )`);
    await db.query(`CREATE INDEX client_mutations_created_idx ON client_mutations (created_at)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE client_mutations`);
  }
}
