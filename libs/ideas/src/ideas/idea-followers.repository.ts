import { SAMPLE, SqlSnapshot, Tx } from '@app/core';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/** The statements on idea_subscriptions: who follows an idea, and who hears about it. */
@Injectable()
export class IdeaFollowersRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The member follows the idea; following it again changes nothing. */
  async follow(ideaId: string, userId: string, tx?: Tx): Promise<void> {
    await (tx ?? this.dataSource.manager).query(
      `INSERT INTO idea_subscriptions (idea_id, user_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`,
      [ideaId, userId],
    );
  }

  async unfollow(ideaId: string, userId: string): Promise<void> {
    await this.dataSource.query(
      `DELETE FROM idea_subscriptions WHERE idea_id = $1 AND user_id = $2`,
      [ideaId, userId],
    );
  }

  /** The source's followers follow the target too. */
  async copyFollowers(sourceId: string, targetId: string, tx: Tx): Promise<void> {
    await tx.query(
      `INSERT INTO idea_subscriptions (idea_id, user_id)
       SELECT $2, user_id FROM idea_subscriptions WHERE idea_id = $1
       ON CONFLICT DO NOTHING`,
      [sourceId, targetId],
    );
  }

  /**
   * One page of the idea's voters, author and followers, each once, by id after `afterUserId`.
   * Each branch walks its own primary key from the last id, so every page costs the same.
   */
  @SqlSnapshot({ params: [SAMPLE.UUID, SAMPLE.UUID_2, 1000] })
  async audiencePage(ideaId: string, afterUserId: string, limit: number): Promise<string[]> {
    const rows: Array<{ user_id: string }> = await this.dataSource.query(
      `(SELECT user_id FROM idea_votes WHERE idea_id = $1 AND user_id > $2
         ORDER BY user_id LIMIT $3)
       UNION
       (SELECT user_id FROM idea_subscriptions WHERE idea_id = $1 AND user_id > $2
         ORDER BY user_id LIMIT $3)
       UNION
       (SELECT author_id FROM ideas WHERE id = $1 AND author_id > $2)
       ORDER BY user_id LIMIT $3`,
      [ideaId, afterUserId, limit],
    );
    return rows.map((row) => row.user_id);
  }
}
