import { MediumTest } from '@test/medium';
import { AfterCommit, CommittedChange, noteChange } from './after-commit';
import { Transactions } from './transactions';

describe('AfterCommit on the database: listeners hear of what committed, after the commit', () => {
  const medium = new MediumTest();
  let transactions: Transactions;
  const heard: Array<{ changes: readonly CommittedChange[]; rowsSeen: number }> = [];

  beforeAll(async () => {
    await medium.start([]);
    await medium.sql('CREATE TABLE after_commit_probe (n int)');
    transactions = medium.get(Transactions);
    const afterCommit = medium.get(AfterCommit);
    afterCommit.listen(async (changes) => {
      // Read on another connection: only what committed is there.
      const rows = await medium.sql('SELECT n FROM after_commit_probe');
      heard.push({ changes, rowsSeen: rows.length });
    });
    afterCommit.listen(async () => {
      throw new Error('a failing listener');
    });
  });
  afterAll(() => medium.stop());
  beforeEach(() => (heard.length = 0));

  it('hands the noted changes over once committed, before run resolves, whatever a listener throws', async () => {
    const result = await transactions.run(async (tx) => {
      await tx.query('INSERT INTO after_commit_probe VALUES (1)');
      noteChange(tx, { type: 'thread.changed', payload: { threadId: 't1' } });
      noteChange(tx, { type: 'post.created', payload: { threadId: 't2' } });
      return 'done';
    });
    expect(result).toBe('done');
    expect(heard).toEqual([
      {
        changes: [
          { type: 'thread.changed', payload: { threadId: 't1' } },
          { type: 'post.created', payload: { threadId: 't2' } },
        ],
        rowsSeen: 1,
      },
    ]);
  });

  it('tells nobody of a transaction that rolled back, or that noted nothing', async () => {
    await expect(
      transactions.run(async (tx) => {
        noteChange(tx, { type: 'thread.changed', payload: { threadId: 't3' } });
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    await transactions.run(async (tx) => tx.query('SELECT 1'));
    expect(heard).toEqual([]);
  });
});
