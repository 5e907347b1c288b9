import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

const PAGE = 1000;

/** Who hears about an idea, read in pages so that fan-outs never load everyone at once. */
@Injectable()
export class IdeaAudience {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The idea's voters, author and followers, each once, in pages ordered by id. */
  everyone(ideaId: string): AsyncGenerator<string[]> {
    // Each branch walks its own primary key from the last id, so every page costs the same.
    return this.pages(
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
    return this.pages(
      `SELECT user_id FROM idea_votes WHERE idea_id = $1 AND user_id > $2
        ORDER BY user_id LIMIT $3`,
      ideaId,
    );
  }

  private async *pages(sql: string, ideaId: string): AsyncGenerator<string[]> {
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const rows: Array<{ user_id: string }> = await this.dataSource.query(sql, [
        ideaId,
        after,
        PAGE,
      ]);
      if (rows.length > 0) yield rows.map((row) => row.user_id);
      if (rows.length < PAGE) return;
      after = rows[rows.length - 1].user_id;
    }
  }
}
