import { ContentStatus, RequestLoaders, Tx, Viewer } from '@app/core';
import { ModeratableHandler, ModeratableTarget } from './moderatable';

/** The row of a kind of content, as far as moderation reads it. */
export interface ModeratableRow {
  id: string;
  authorId: string;
}

/**
 * The Moderatable handler written once. A content lib extends it with what is its own: where
 * its rows are (its repository's lock and status write), which field holds the status, the
 * label of messages, how the queue shows the target, and what else must move when the status
 * crosses PUBLISHED (counters, announcements). Locking, "nothing to do when the status is
 * already so" and the target's shape live here.
 */
export abstract class ModeratableContent<Row extends ModeratableRow> implements ModeratableHandler {
  /** The GraphQL type name, as in global IDs. */
  abstract readonly type: string;
  readonly correctable: boolean = false;

  /** Reads the row for change, locking it until `tx` ends; null when there is none. */
  protected abstract lockRow(id: string, tx: Tx): Promise<Row | null>;

  /** Writes the row's status (and nothing else). */
  protected abstract writeStatus(id: string, status: ContentStatus, tx: Tx): Promise<void>;

  /** The row's status. */
  protected abstract statusOf(row: Row): ContentStatus;

  /** A short human label for messages to the author ("your answer to “…”"). */
  protected abstract label(row: Row, tx: Tx): Promise<string> | string;

  abstract load(id: string, viewer: Viewer | null, loaders: RequestLoaders): Promise<object | null>;

  /** What else moves when the status changes from the row's to `to`; nothing by default. */
  protected statusChanged(_row: Row, _to: ContentStatus, _tx: Tx): Promise<void> {
    return Promise.resolve();
  }

  async lock(id: string, tx: Tx): Promise<ModeratableTarget | null> {
    const row = await this.lockRow(id, tx);
    if (!row) return null;
    return {
      type: this.type,
      id: row.id,
      authorId: row.authorId,
      status: this.statusOf(row),
      label: await this.label(row, tx),
    };
  }

  /** Read under the row's lock, so two changes of one target never count it twice. */
  async setStatus(id: string, status: ContentStatus, tx: Tx): Promise<void> {
    const row = await this.lockRow(id, tx);
    if (!row || this.statusOf(row) === status) return;
    await this.writeStatus(id, status, tx);
    await this.statusChanged(row, status, tx);
  }
}
