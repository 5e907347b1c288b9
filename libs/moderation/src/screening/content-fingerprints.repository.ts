import { SAMPLE, SqlSnapshot, Tx } from '@app/core';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/** What automod's own table tells of an author's recent texts. */
export interface AuthorFacts {
  /** The same text from them within the last day. */
  repeated: boolean;
  /** How many texts they sent in the last minute. */
  recent: number;
}

/** The fingerprints automod keeps of recent texts, for repeats and bursts; a day's worth. */
@Injectable()
export class ContentFingerprintsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Whether the author sent this text in the last day, and how many texts in the last minute. */
  @SqlSnapshot({ params: [SAMPLE.UUID, SAMPLE.TEXT, SAMPLE.TX] })
  async authorFacts(authorId: string, fingerprint: string, tx: Tx): Promise<AuthorFacts> {
    const [facts]: AuthorFacts[] = await tx.query(
      `SELECT EXISTS (SELECT 1 FROM content_fingerprints f
                       WHERE f.author_id = $1 AND f.fingerprint = $2
                         AND f.created_at > now() - interval '1 day') AS repeated,
              (SELECT count(*)::int FROM content_fingerprints f
                WHERE f.author_id = $1 AND f.created_at > now() - interval '1 minute') AS recent`,
      [authorId, fingerprint],
    );
    return facts;
  }

  /** Remembers a text's fingerprint. */
  @SqlSnapshot({ params: [SAMPLE.UUID, SAMPLE.TEXT, SAMPLE.TX] })
  async remember(authorId: string, fingerprint: string, tx: Tx): Promise<void> {
    await tx.query(`INSERT INTO content_fingerprints (author_id, fingerprint) VALUES ($1, $2)`, [
      authorId,
      fingerprint,
    ]);
  }

  /**
   * Forgets up to `limit` fingerprints older than a day, oldest first; how many it forgot. In
   * pages, so that a large backlog never holds one long delete.
   */
  @SqlSnapshot({ params: [1000] })
  async purgePage(limit: number): Promise<number> {
    // The table has no key: rows are picked by their physical address, through the created_at index.
    const [{ purged }]: Array<{ purged: number }> = await this.dataSource.query(
      `WITH purged AS (
         DELETE FROM content_fingerprints
          WHERE ctid IN (SELECT ctid FROM content_fingerprints
                          WHERE created_at < now() - interval '1 day'
                          ORDER BY created_at LIMIT $1)
          RETURNING 1
       ) SELECT count(*)::int AS purged FROM purged`,
      [limit],
    );
    return purged;
  }
}
