import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Boards of ideas count their published ideas, and a member hears of a kudo on a post once per
 * giver: giving, taking back and giving again writes no second KUDO_RECEIVED.
 */
export class CountsAndKudoNotices1764000600000 implements MigrationInterface {
  name = 'CountsAndKudoNotices1764000600000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      UPDATE boards b
         SET thread_count = (SELECT count(*) FROM ideas i
                              WHERE i.board_id = b.id AND i.content_status = 'PUBLISHED')
       WHERE b.kind = 'IDEAS'`);
    // The oldest of each repeated kudo notice stays; the later repeats go.
    await db.query(`
      DELETE FROM notifications n
       USING notifications older
       WHERE n.kind = 'KUDO_RECEIVED' AND older.kind = 'KUDO_RECEIVED'
         AND older.recipient_id = n.recipient_id
         AND older.subject_id = n.subject_id
         AND older.actor_id = n.actor_id
         AND (older.created_at, older.id) < (n.created_at, n.id)`);
    await db.query(`
      CREATE UNIQUE INDEX notifications_kudo_once_key ON notifications (recipient_id, subject_id, actor_id)
       WHERE kind = 'KUDO_RECEIVED'`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX notifications_kudo_once_key`);
    await db.query(`UPDATE boards SET thread_count = 0 WHERE kind = 'IDEAS'`);
  }
}
