import { userIdPages } from '@app/core';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/** Who hears about an idea, read in pages so that fan-outs never load everyone at once. */
@Injectable()
export class IdeaAudience {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The idea's voters, author and followers, each once, in pages ordered by id. */
  everyone(ideaId: string): AsyncGenerator<string[]> {
    // Each branch walks its own primary key from the last id, so every page costs the same.
    return userIdPages(
      this.dataSource,
      `(SELECT user_id FROM idea_votes WHERE idea_id = $1 AND user_id > $2
         ORDER BY user_id LIMIT $3)
       UNION
       (SELECT user_id FROM idea_subscriptions WHERE idea_id = $1 AND user_id > $2
         ORDER BY user_id LIMIT $3)
       UNION
       (SELECT author_id FROM ideas WHERE id = $1 AND author_id > $2)
       ORDER BY user_id LIMIT $3`,
      ideaId,
    );
  }

  /** The idea's voters, in pages ordered by id. */
  voters(ideaId: string): AsyncGenerator<string[]> {
    return userIdPages(
      this.dataSource,
      `SELECT user_id FROM idea_votes WHERE idea_id = $1 AND user_id > $2
        ORDER BY user_id LIMIT $3`,
      ideaId,
    );
  }
}
