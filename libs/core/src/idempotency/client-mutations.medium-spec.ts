import { MediumTest } from '@test/medium';
import { randomUUID } from 'node:crypto';
import { Transactions } from '../database/transactions';
import { ClientMutations } from './client-mutations';
import { ClientMutationsRepository } from './client-mutations.repository';

describe('client mutation ids on the database: a keyed write runs once', () => {
  const medium = new MediumTest();
  let mutations: ClientMutations;
  let repository: ClientMutationsRepository;
  let transactions: Transactions;

  beforeAll(async () => {
    await medium.start([]);
    mutations = medium.get(ClientMutations);
    repository = medium.get(ClientMutationsRepository);
    transactions = medium.get(Transactions);
  });
  afterAll(() => medium.stop());

  const mutation = async () => ({
    memberId: await medium.member(),
    operation: 'postAnswer',
    key: `k-${randomUUID()}`,
  });

  it('writes once when the same key races in parallel, every attempt answering the first result', async () => {
    const keyed = await mutation();
    const writes: string[] = [];
    const results = await Promise.all(
      Array.from({ length: 5 }, () =>
        transactions.run((tx) =>
          mutations.once(tx, keyed, randomUUID(), async (id) => {
            writes.push(id);
          }),
        ),
      ),
    );
    expect(writes).toHaveLength(1);
    expect(new Set(results)).toEqual(new Set(writes));
  });

  it('keeps no key for a write that rolled back, so the retry writes', async () => {
    const keyed = await mutation();
    await expect(
      transactions.run((tx) =>
        mutations.once(tx, keyed, randomUUID(), async () => {
          throw new Error('the write failed');
        }),
      ),
    ).rejects.toThrow('the write failed');
    expect(await transactions.run((tx) => repository.resultOf(keyed, tx))).toBeNull();
    const retried = randomUUID();
    expect(await transactions.run((tx) => mutations.once(tx, keyed, retried, async () => {}))).toBe(
      retried,
    );
  });

  it('claims a key once and forgets keys older than the retention', async () => {
    const [old, recent] = [await mutation(), await mutation()];
    const [oldResult, recentResult] = [randomUUID(), randomUUID()];
    await transactions.run(async (tx) => {
      expect(await repository.claim(old, oldResult, tx)).toBe(true);
      expect(await repository.claim(recent, recentResult, tx)).toBe(true);
      expect(await repository.claim(recent, randomUUID(), tx)).toBe(false);
    });
    await medium.sql(
      `UPDATE client_mutations SET created_at = now() - interval '25 hours' WHERE key = $1`,
      [old.key],
    );
    expect(await repository.purgeOlderThan(24)).toBe(1);
    await transactions.run(async (tx) => {
      expect(await repository.resultOf(old, tx)).toBeNull();
      expect(await repository.resultOf(recent, tx)).toBe(recentResult);
    });
  });
});
