import { ContentStatus, Viewer } from '@app/core';
import { randomUUID } from 'node:crypto';
import { BoardKind, ThreadStatus } from '../forum.enums';

/** What ForumRows needs of a medium test (MediumTest from '@test/medium' is one). */
export interface MediumDatabase {
  sql<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  member(): Promise<string>;
  viewer(): Promise<Viewer>;
}

/**
 * Rows written straight into a medium test's database, so that each test builds exactly the
 * forum it reads and no test depends on what another left behind.
 */
export class ForumRows {
  constructor(private readonly medium: MediumDatabase) {}

  /** `count` members as viewers, made one after another (the test's connection is single). */
  async viewers(count: number): Promise<Viewer[]> {
    const viewers: Viewer[] = [];
    for (let n = 0; n < count; n += 1) viewers.push(await this.medium.viewer());
    return viewers;
  }

  async board(kind: BoardKind = BoardKind.QUESTIONS): Promise<string> {
    const id = randomUUID();
    await this.medium.sql(
      `INSERT INTO boards (id, slug, name, description, kind) VALUES ($1, $2, 'Help', '', $3)`,
      [id, `b-${id}`, kind],
    );
    return id;
  }

  async thread(
    seed: {
      board?: string;
      author?: string;
      title?: string;
      status?: ThreadStatus;
      contentStatus?: ContentStatus;
      createdAt?: Date;
    } = {},
  ): Promise<string> {
    const id = randomUUID();
    const at = seed.createdAt ?? new Date();
    await this.medium.sql(
      `INSERT INTO threads (id, board_id, author_id, title, body, body_html, body_text, status,
                            content_status, created_at, last_activity_at)
       VALUES ($1, $2, $3, $4, 'Body.', '<p>Body.</p>', 'Body.', $5, $6, $7, $7)`,
      [
        id,
        seed.board ?? (await this.board()),
        seed.author ?? (await this.medium.member()),
        seed.title ?? 'How do I reset the router?',
        seed.status ?? ThreadStatus.OPEN,
        seed.contentStatus ?? ContentStatus.PUBLISHED,
        at,
      ],
    );
    return id;
  }

  async post(
    thread: string,
    seed: { author?: string; status?: ContentStatus; official?: boolean; createdAt?: Date } = {},
  ): Promise<string> {
    const id = randomUUID();
    await this.medium.sql(
      `INSERT INTO posts (id, thread_id, author_id, body, body_html, body_text, status, official,
                          created_at)
       VALUES ($1, $2, $3, 'An answer.', '<p>An answer.</p>', 'An answer.', $4, $5, $6)`,
      [
        id,
        thread,
        seed.author ?? (await this.medium.member()),
        seed.status ?? ContentStatus.PUBLISHED,
        seed.official ?? false,
        seed.createdAt ?? new Date(),
      ],
    );
    return id;
  }

  /** The columns of one row of `table`, by id. */
  async row<T = Record<string, unknown>>(table: string, id: string): Promise<T> {
    const [row] = await this.medium.sql<T>(`SELECT * FROM ${table} WHERE id = $1`, [id]);
    return row;
  }

  /** The events recorded in the outbox of one type, oldest first. */
  events(type: string): Promise<Array<{ payload: Record<string, unknown> }>> {
    return this.medium.sql(`SELECT payload FROM outbox WHERE type = $1 ORDER BY id`, [type]);
  }
}
