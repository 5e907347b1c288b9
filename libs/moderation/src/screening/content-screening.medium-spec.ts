import { Transactions } from '@app/core';
import { MediumTest } from '@test/medium';
import { randomUUID } from 'node:crypto';
import { ModerationModule } from '../moderation.module';
import { ContentFingerprintsRepository } from './content-fingerprints.repository';
import { ContentScreening } from './content-screening';

describe('automod screening and its fingerprints on the real database', () => {
  const medium = new MediumTest();
  let screening: ContentScreening;
  let fingerprints: ContentFingerprintsRepository;
  let transactions: Transactions;

  beforeAll(async () => {
    await medium.start([ModerationModule], {
      AUTOMOD_BLOCKED_WORDS: 'forbidden',
      AUTOMOD_THRESHOLD: '1',
    });
    screening = medium.get(ContentScreening);
    fingerprints = medium.get(ContentFingerprintsRepository);
    transactions = medium.get(Transactions);
  });
  afterAll(() => medium.stop());

  const screen = (authorId: string, text: string, id = randomUUID()) =>
    transactions.run((tx) => screening.screen(tx, { type: 'Post', id, authorId, text }));

  it('remembers each text and tells a repeat within the day', async () => {
    const authorId = await medium.member();
    await screen(authorId, 'Hello   there');
    const facts = await transactions.run(async (tx) => {
      const [{ fingerprint }] = await medium.sql<{ fingerprint: string }>(
        'SELECT fingerprint FROM content_fingerprints WHERE author_id = $1',
        [authorId],
      );
      return fingerprints.authorFacts(authorId, fingerprint, tx);
    });
    expect(facts).toEqual({ repeated: true, recent: 1 });
    expect(await transactions.run((tx) => fingerprints.authorFacts(randomUUID(), 'x', tx))).toEqual(
      { repeated: false, recent: 0 },
    );
  });

  it('opens an AUTOMOD review item saying which rule fired when it holds the text', async () => {
    const authorId = await medium.member();
    const id = randomUUID();
    const verdict = await screen(authorId, 'this is forbidden talk', id);
    expect(verdict.held).toBe(true);
    const items = await medium.sql<{ kind: string; status: string; reasons: string[] }>(
      'SELECT kind, status, reasons FROM review_items WHERE target_id = $1',
      [id],
    );
    expect(items).toEqual([{ kind: 'AUTOMOD', status: 'PENDING', reasons: verdict.reasons }]);
    expect(verdict.reasons.length).toBeGreaterThan(0);
  });

  it('opens nothing for a text it lets through', async () => {
    const id = randomUUID();
    expect((await screen(await medium.member(), 'A plain helpful answer', id)).held).toBe(false);
    expect(await medium.sql('SELECT 1 FROM review_items WHERE target_id = $1', [id])).toEqual([]);
  });

  it('purges fingerprints older than a day in pages, keeping the recent ones', async () => {
    const authorId = await medium.member();
    await medium.sql(
      `INSERT INTO content_fingerprints (author_id, fingerprint, created_at)
       SELECT $1, 'old-' || n, now() - interval '2 days' FROM generate_series(1, 5) n`,
      [authorId],
    );
    await medium.sql(
      `INSERT INTO content_fingerprints (author_id, fingerprint) VALUES ($1, 'new')`,
      [authorId],
    );
    expect(await fingerprints.purgePage(3)).toBe(3);
    expect(await fingerprints.purgePage(3)).toBe(2);
    expect(await fingerprints.purgePage(3)).toBe(0);
    expect(
      await medium.sql('SELECT fingerprint FROM content_fingerprints WHERE author_id = $1', [
        authorId,
      ]),
    ).toEqual([{ fingerprint: 'new' }]);
  });
});
