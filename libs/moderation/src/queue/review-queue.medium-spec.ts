import { ContentStatus, RequestLoaders, Role, Transactions, Tx, Viewer } from '@app/core';
import { MediumTest } from '@test/medium';
import { randomUUID } from 'node:crypto';
import { CorrectionsService } from '../corrections/corrections.service';
import { FlagsService } from '../flags/flags.service';
import { ModeratableContent, ModeratableRow } from '../moderatable/moderatable-content';
import { ModeratableRegistry } from '../moderatable/moderatable.registry';
import { FlagReason, ReviewAction, ReviewItemStatus } from '../moderation.enums';
import { ModerationModule } from '../moderation.module';
import { ReviewItemsRepository } from '../review-items/review-items.repository';
import { ReviewQueueService } from './review-queue.service';

interface NoteRow extends ModeratableRow {
  status: ContentStatus;
}

/**
 * Content of the test's own on a table of its own, moderated through the same base class the
 * content libs extend; `type` 'Post' lets corrections apply (their table points at posts).
 */
class TableContent extends ModeratableContent<NoteRow> {
  readonly changes: Array<[ContentStatus, ContentStatus]> = [];
  override readonly correctable: boolean;

  constructor(
    readonly type: string,
    private readonly table: string,
  ) {
    super();
    this.correctable = type === 'Post';
  }

  protected async lockRow(id: string, tx: Tx): Promise<NoteRow | null> {
    const rows: NoteRow[] = await tx.query(
      `SELECT id, author_id AS "authorId", status FROM ${this.table} WHERE id = $1 FOR UPDATE`,
      [id],
    );
    return rows[0] ?? null;
  }

  protected async writeStatus(id: string, status: ContentStatus, tx: Tx): Promise<void> {
    await tx.query(`UPDATE ${this.table} SET status = $2 WHERE id = $1`, [id, status]);
  }

  protected statusOf(row: NoteRow): ContentStatus {
    return row.status;
  }

  protected label(): string {
    return 'your note';
  }

  protected override async statusChanged(row: NoteRow, to: ContentStatus): Promise<void> {
    this.changes.push([row.status, to]);
  }

  load(): Promise<object | null> {
    return Promise.resolve(null);
  }
}

describe('the review queue, flags and corrections on the real database', () => {
  const medium = new MediumTest();
  const notes = new TableContent('Note', 'test_notes');
  const posts = new TableContent('Post', 'posts');
  let queue: ReviewQueueService;
  let flags: FlagsService;
  let corrections: CorrectionsService;
  let items: ReviewItemsRepository;
  let authorId: string;

  beforeAll(async () => {
    await medium.start([ModerationModule]);
    queue = medium.get(ReviewQueueService);
    flags = medium.get(FlagsService);
    corrections = medium.get(CorrectionsService);
    items = medium.get(ReviewItemsRepository);
    medium.get(ModeratableRegistry).register(notes);
    medium.get(ModeratableRegistry).register(posts);
    await medium.sql(`CREATE TABLE test_notes (id uuid PRIMARY KEY, author_id uuid NOT NULL,
                        status text NOT NULL DEFAULT 'PUBLISHED')`);
    authorId = await medium.member();
  });
  afterAll(() => medium.stop());

  async function note(status = ContentStatus.PUBLISHED): Promise<string> {
    const id = randomUUID();
    await medium.sql('INSERT INTO test_notes (id, author_id, status) VALUES ($1, $2, $3)', [
      id,
      authorId,
      status,
    ]);
    return id;
  }

  async function flagged(id: string, reason = FlagReason.SPAM): Promise<string> {
    const reporter = await medium.viewer(Role.MEMBER);
    const flag = await flags.flag(reporter, { type: 'Note', id }, { reason });
    return flag.reviewItemId;
  }

  it('piles parallel flags on one target onto one review item, counted once each', async () => {
    const id = await note();
    const reporters = await Promise.all([1, 2, 3, 4, 5].map(() => medium.viewer(Role.MEMBER)));
    // Incorrect advice never hides, so every one of the five finds the target in view.
    const results = await Promise.all(
      reporters.map((reporter) =>
        flags.flag(reporter, { type: 'Note', id }, { reason: FlagReason.INCORRECT_ADVICE }),
      ),
    );
    expect(new Set(results.map((flag) => flag.reviewItemId)).size).toBe(1);
    const [item] = await medium.sql<{ flag_count: number; flag_weight: number }>(
      'SELECT flag_count, flag_weight FROM review_items WHERE target_id = $1',
      [id],
    );
    expect(item).toEqual({ flag_count: 5, flag_weight: 5 });
    const loaders = new RequestLoaders();
    expect(await flags.ofItem(loaders, results[0].reviewItemId)).toHaveLength(5);
  });

  it('hides the target at the hide weight, once, through the content’s own status write', async () => {
    const id = await note();
    for (let i = 0; i < 3; i++) await flagged(id, FlagReason.OFFENSIVE);
    const [{ status }] = await medium.sql<{ status: string }>(
      'SELECT status FROM test_notes WHERE id = $1',
      [id],
    );
    expect(status).toBe(ContentStatus.HIDDEN);
    expect(notes.changes).toEqual([[ContentStatus.PUBLISHED, ContentStatus.HIDDEN]]);
    await expect(flagged(id)).rejects.toThrow();
  });

  it('refuses a second flag by the same member', async () => {
    const id = await note();
    const reporter = await medium.viewer(Role.MEMBER);
    await flags.flag(reporter, { type: 'Note', id }, { reason: FlagReason.SPAM });
    await expect(
      flags.flag(reporter, { type: 'Note', id }, { reason: FlagReason.OTHER }),
    ).rejects.toThrow('You have already flagged this');
  });

  it('lets exactly one of two moderators claim an item at once', async () => {
    const itemId = await flagged(await note());
    const [first, second] = await Promise.all([
      medium.viewer(Role.MODERATOR),
      medium.viewer(Role.MODERATOR),
    ]);
    const outcomes = await Promise.allSettled([
      queue.claim(first, itemId),
      queue.claim(second, itemId),
    ]);
    const won = outcomes.filter((outcome) => outcome.status === 'fulfilled');
    const lost = outcomes.filter((outcome) => outcome.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect((lost[0] as PromiseRejectedResult).reason.extensions.code).toBe('CONFLICT');
    const winner = (won[0] as PromiseFulfilledResult<{ claimedBy: string }>).value.claimedBy;
    expect([first.id, second.id]).toContain(winner);
    // The winner may claim again (it renews), the loser still may not.
    const loser = winner === first.id ? second : first;
    await expect(queue.claim(loser, itemId)).rejects.toThrow(
      'Another moderator is working on this item',
    );
  });

  it('lets a moderator take over a claim older than the claim time', async () => {
    const itemId = await flagged(await note());
    const [first, second] = [
      await medium.viewer(Role.MODERATOR),
      await medium.viewer(Role.MODERATOR),
    ];
    await queue.claim(first, itemId);
    await medium.sql(
      `UPDATE review_items SET claimed_at = now() - interval '16 minutes' WHERE id = $1`,
      [itemId],
    );
    expect((await queue.claim(second, itemId)).claimedBy).toBe(second.id);
  });

  it('resolves with one action: the target hidden, the item closed, the log and outbox written', async () => {
    const id = await note();
    const itemId = await flagged(id);
    const moderator = await medium.viewer(Role.MODERATOR);
    const resolved = await queue.resolve(moderator, itemId, {
      action: ReviewAction.HIDE,
      note: 'spam',
    });
    expect(resolved).toEqual(
      expect.objectContaining({
        status: ReviewItemStatus.RESOLVED,
        resolution: ReviewAction.HIDE,
        resolvedBy: moderator.id,
      }),
    );
    const [{ status }] = await medium.sql<{ status: string }>(
      'SELECT status FROM test_notes WHERE id = $1',
      [id],
    );
    expect(status).toBe(ContentStatus.HIDDEN);
    expect(
      await medium.sql('SELECT action, reason FROM moderation_actions WHERE target_id = $1', [id]),
    ).toEqual([{ action: 'RESOLVE_HIDE', reason: 'spam' }]);
    const events = await medium.sql<{ type: string }>(
      `SELECT type FROM outbox WHERE payload->>'targetId' = $1 OR payload->>'reviewItemId' = $2`,
      [id, itemId],
    );
    expect(events.map((event) => event.type)).toEqual(
      expect.arrayContaining(['content.moderated', 'review.changed']),
    );
    await expect(
      queue.resolve(moderator, itemId, { action: ReviewAction.DISMISS }),
    ).rejects.toThrow('This item is already resolved');
    // A new flag opens a new item: the resolved one stays as history.
    expect(
      await medium.get(Transactions).run((tx) => items.openForTarget('Note', id, tx)),
    ).toBeNull();
  });

  it('pages the queue by priority, then oldest, from a cursor', async () => {
    const loaders = new RequestLoaders();
    const page = await queue.list(ReviewItemStatus.PENDING, {
      direction: 'forward',
      limit: 2,
      cursor: null,
    });
    expect(page.edges.length).toBeGreaterThan(0);
    const priorities = page.edges.map((edge) => edge.node.priority);
    expect([...priorities].sort((a, b) => b - a)).toEqual(priorities);
    const next = await queue.list(ReviewItemStatus.PENDING, {
      direction: 'forward',
      limit: 2,
      cursor: page.pageInfo.endCursor,
    });
    const seen = new Set(page.edges.map((edge) => edge.node.id));
    expect(next.edges.every((edge) => !seen.has(edge.node.id))).toBe(true);
    expect(await page.totalCount()).toBeGreaterThanOrEqual(page.edges.length);
    const first = page.edges[0].node;
    expect(await queue.byId(loaders, first.id)).toEqual(first);
    expect(await queue.find(randomUUID())).toBeNull();
  });

  it('attaches a correction to a post and shows the latest through the loaders', async () => {
    const moderator: Viewer = await medium.viewer(Role.MODERATOR);
    const [{ id: boardId }] = await medium.sql<{ id: string }>(
      `INSERT INTO boards (id, slug, name, description, kind)
       VALUES (gen_random_uuid(), 'b-' || substr(md5(random()::text), 1, 8), 'B', 'B', 'QUESTIONS') RETURNING id`,
    );
    const [{ id: threadId }] = await medium.sql<{ id: string }>(
      `INSERT INTO threads (id, board_id, author_id, title, body, body_html, body_text)
       VALUES (gen_random_uuid(), $1, $2, 'T', 'b', 'b', 'b') RETURNING id`,
      [boardId, authorId],
    );
    const [{ id: postId }] = await medium.sql<{ id: string }>(
      `INSERT INTO posts (id, thread_id, author_id, body, body_html, body_text)
       VALUES (gen_random_uuid(), $1, $2, 'b', 'b', 'b') RETURNING id`,
      [threadId, authorId],
    );
    await corrections.correctPost(moderator, { type: 'Post', id: postId }, 'First', false);
    await new Promise((resolve) => setTimeout(resolve, 5));
    await corrections.correctPost(moderator, { type: 'Post', id: postId }, 'Use **v2**', false);
    const latest = await corrections.latest(new RequestLoaders(), postId);
    expect(latest).toEqual(
      expect.objectContaining({
        note: 'Use **v2**',
        noteHtml: expect.stringContaining('<strong>'),
      }),
    );
    expect(await corrections.latest(new RequestLoaders(), randomUUID())).toBeNull();
    await expect(
      corrections.correctPost(moderator, { type: 'Note', id: await note() }, 'x', false),
    ).rejects.toThrow('only answers can be corrected');
  });
});
