import { MediumTest } from '@test/medium';
import { DataSource } from 'typeorm';
import { cappedCount, COUNT_CAP } from './capped-count';

// A table of the test's own, a little longer than the cap, so the shape is tested apart from any
// lib's list.
describe('cappedCount (a list count that stops at the cap)', () => {
  const medium = new MediumTest();
  let dataSource: DataSource;

  beforeAll(async () => {
    await medium.start([]);
    dataSource = medium.get(DataSource);
    await medium.sql(`CREATE TABLE test_rows (n int PRIMARY KEY, created_at timestamptz NOT NULL)`);
    await medium.sql(
      `INSERT INTO test_rows SELECT n, now() - n * interval '1 second'
         FROM generate_series(1, $1::int) AS n`,
      [COUNT_CAP + 5],
    );
  });
  afterAll(() => medium.stop());

  const rows = () => dataSource.createQueryBuilder().from('test_rows', 'r');

  it('reports the cap for a list longer than it', async () => {
    expect(await cappedCount(rows())).toBe(COUNT_CAP);
  });

  it('is exact for a list at or under the cap, with the query’s own parameters and order', async () => {
    expect(await cappedCount(rows().where('r.n <= :last', { last: COUNT_CAP }))).toBe(COUNT_CAP);
    const short = rows()
      .where('r.n % :every = 0', { every: 7 })
      .andWhere('r.n <= :last', { last: 700 })
      .orderBy('r.created_at', 'DESC')
      .limit(20);
    expect(await cappedCount(short)).toBe(100);
    expect(await cappedCount(rows().where('r.n < 0'))).toBe(0);
  });
});
