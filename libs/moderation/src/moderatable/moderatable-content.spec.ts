import { ContentStatus, Tx } from '@app/core';
import { AUTHOR_ID, TARGET_ID, TX } from '../testing/fakes';
import { ModeratableContent, ModeratableRow } from './moderatable-content';

interface Row extends ModeratableRow {
  state: ContentStatus;
  title: string;
}

/** Content kept in a map, as a lib's repository would keep it in a table. */
class MapContent extends ModeratableContent<Row> {
  readonly type = 'Sample';
  readonly rows = new Map<string, Row>();
  readonly written: ContentStatus[] = [];
  readonly changed: Array<[ContentStatus, ContentStatus]> = [];

  protected async lockRow(id: string): Promise<Row | null> {
    const row = this.rows.get(id);
    return row ? { ...row } : null;
  }

  protected async writeStatus(id: string, status: ContentStatus): Promise<void> {
    this.written.push(status);
    const row = this.rows.get(id);
    if (row) row.state = status;
  }

  protected statusOf(row: Row): ContentStatus {
    return row.state;
  }

  protected label(row: Row): string {
    return `your sample “${row.title}”`;
  }

  protected override async statusChanged(row: Row, to: ContentStatus, tx: Tx): Promise<void> {
    expect(tx).toBe(TX);
    this.changed.push([row.state, to]);
  }

  load(): Promise<object | null> {
    return Promise.resolve(null);
  }
}

function content(): MapContent {
  const sample = new MapContent();
  sample.rows.set(TARGET_ID, {
    id: TARGET_ID,
    authorId: AUTHOR_ID,
    state: ContentStatus.PUBLISHED,
    title: 'Hello',
  });
  return sample;
}

describe('ModeratableContent (the Moderatable handler written once)', () => {
  it('locks a target into the shape moderation reads, with its label', async () => {
    expect(await content().lock(TARGET_ID, TX)).toEqual({
      type: 'Sample',
      id: TARGET_ID,
      authorId: AUTHOR_ID,
      status: ContentStatus.PUBLISHED,
      label: 'your sample “Hello”',
    });
    expect(await content().lock('missing', TX)).toBeNull();
  });

  it('writes a new status and tells the lib what it changed from', async () => {
    const sample = content();
    await sample.setStatus(TARGET_ID, ContentStatus.HIDDEN, TX);
    expect(sample.written).toEqual([ContentStatus.HIDDEN]);
    expect(sample.changed).toEqual([[ContentStatus.PUBLISHED, ContentStatus.HIDDEN]]);
  });

  it('does nothing when the status is already so, or the target is gone', async () => {
    const sample = content();
    await sample.setStatus(TARGET_ID, ContentStatus.PUBLISHED, TX);
    await sample.setStatus('missing', ContentStatus.HIDDEN, TX);
    expect(sample.written).toEqual([]);
    expect(sample.changed).toEqual([]);
  });

  it('is not correctable unless the lib says so', () => {
    expect(content().correctable).toBe(false);
  });
});
