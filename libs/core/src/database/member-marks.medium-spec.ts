import { MediumTest } from '@test/medium';
import { randomUUID } from 'node:crypto';
import { MemberMarks } from './member-marks';
import { Transactions } from './transactions';

// Marks and their counter on tables of the test's own, so the shape is tested apart from any lib.
const marks = new MemberMarks({
  table: 'test_marks',
  targetColumn: 'target_id',
  targets: 'test_targets',
  counter: 'mark_count',
  alsoOnAdd: 'score = score + 1',
  alsoOnRemove: { returning: 'weight', set: 'score = t.score - removed.weight' },
});

describe('MemberMarks (one mark per member, counted once)', () => {
  const medium = new MediumTest();
  let transactions: Transactions;
  let target: string;

  beforeAll(async () => {
    await medium.start([]);
    transactions = medium.get(Transactions);
    await medium.sql(`CREATE TABLE test_targets (id uuid PRIMARY KEY, mark_count int NOT NULL DEFAULT 0,
                        score int NOT NULL DEFAULT 0)`);
    await medium.sql(`CREATE TABLE test_marks (target_id uuid NOT NULL REFERENCES test_targets,
                        user_id uuid NOT NULL, weight int NOT NULL DEFAULT 1,
                        PRIMARY KEY (target_id, user_id))`);
  });
  afterAll(() => medium.stop());

  beforeEach(async () => {
    target = randomUUID();
    await medium.sql('INSERT INTO test_targets (id) VALUES ($1)', [target]);
  });

  const counts = async () =>
    (
      await medium.sql<{ mark_count: number; score: number; rows: number }>(
        `SELECT mark_count, score, (SELECT count(*)::int FROM test_marks WHERE target_id = $1) AS rows
           FROM test_targets WHERE id = $1`,
        [target],
      )
    )[0];

  it('adds a mark once and says whether it changed anything', async () => {
    const member = randomUUID();
    expect(await transactions.run((tx) => marks.add(tx, target, member))).toBe(true);
    expect(await transactions.run((tx) => marks.add(tx, target, member))).toBe(false);
    expect(await counts()).toEqual({ mark_count: 1, score: 1, rows: 1 });
  });

  it('removes a mark once, with what the removed row weighed', async () => {
    const member = randomUUID();
    await transactions.run((tx) => marks.add(tx, target, member));
    expect(await transactions.run((tx) => marks.remove(tx, target, member))).toBe(true);
    expect(await transactions.run((tx) => marks.remove(tx, target, member))).toBe(false);
    expect(await counts()).toEqual({ mark_count: 0, score: 0, rows: 0 });
  });

  it('counts exactly under parallel marks: one member racing, and many members at once', async () => {
    const racer = randomUUID();
    const members = Array.from({ length: 30 }, () => randomUUID());
    const results = await Promise.all([
      ...Array.from({ length: 10 }, () => transactions.run((tx) => marks.add(tx, target, racer))),
      ...members.map((member) => transactions.run((tx) => marks.add(tx, target, member))),
    ]);
    expect(results.filter(Boolean)).toHaveLength(31);
    expect(await counts()).toEqual({ mark_count: 31, score: 31, rows: 31 });
    await Promise.all(
      members.map((member) => transactions.run((tx) => marks.remove(tx, target, member))),
    );
    expect(await counts()).toEqual({ mark_count: 1, score: 1, rows: 1 });
  });

  it('tells which targets a member marked, in the order asked, and pages the markers by id', async () => {
    const other = randomUUID();
    await medium.sql('INSERT INTO test_targets (id) VALUES ($1)', [other]);
    const members = Array.from({ length: 5 }, () => randomUUID()).sort();
    for (const member of members) await transactions.run((tx) => marks.add(tx, target, member));
    await transactions.run(async (tx) => {
      expect(await marks.markedAmong(tx, members[0], [other, target])).toEqual([false, true]);
      expect(await marks.markerPage(tx, target, members[1], 2)).toEqual(members.slice(2, 4));
    });
  });
});
