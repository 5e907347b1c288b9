import { EntityManager } from 'typeorm';
import { ClientMutations } from './client-mutations';
import { ClientMutationKey, ClientMutationsRepository } from './client-mutations.repository';

const inTransaction = { queryRunner: { isTransactionActive: true } } as unknown as EntityManager;
const member = '6b1f3c2e-0000-4000-8000-000000000001';

/** A repository over a map, answering claims as the primary key would. */
function fakeRepository(claimed = new Map<string, string>()) {
  const id = (key: ClientMutationKey) => `${key.memberId}/${key.operation}/${key.key}`;
  return {
    claimed,
    claim: jest.fn(async (key: ClientMutationKey, resultId: string, _tx: EntityManager) => {
      if (claimed.has(id(key))) return false;
      claimed.set(id(key), resultId);
      return true;
    }),
    resultOf: jest.fn(async (key: ClientMutationKey, _tx: EntityManager) => {
      return claimed.get(id(key)) ?? null;
    }),
  };
}

const service = (repository: ReturnType<typeof fakeRepository>) =>
  new ClientMutations(repository as unknown as ClientMutationsRepository);

describe('ClientMutations.once', () => {
  it('writes once per member, operation and key, and returns the first result after', async () => {
    const repository = fakeRepository();
    const mutations = service(repository);
    const write = jest.fn(async () => undefined);
    const mutation = { memberId: member, operation: 'postAnswer', key: 'k-1' };
    expect(await mutations.once(inTransaction, mutation, 'first', write)).toBe('first');
    expect(await mutations.once(inTransaction, mutation, 'second', write)).toBe('first');
    expect(write).toHaveBeenCalledTimes(1);
    expect(write).toHaveBeenCalledWith('first');
    expect(
      await mutations.once(inTransaction, { ...mutation, operation: 'askQuestion' }, 'x', write),
    ).toBe('x');
    expect(write).toHaveBeenCalledTimes(2);
  });

  it.each([null, undefined])('just writes without a key (%p), claiming nothing', async (key) => {
    const repository = fakeRepository();
    const write = jest.fn(async () => undefined);
    const mutation = { memberId: member, operation: 'postAnswer', key };
    expect(await service(repository).once(inTransaction, mutation, 'a', write)).toBe('a');
    expect(await service(repository).once(inTransaction, mutation, 'b', write)).toBe('b');
    expect(write).toHaveBeenCalledTimes(2);
    expect(repository.claim).not.toHaveBeenCalled();
  });

  it('refuses a malformed key as BAD_USER_INPUT on clientMutationId, writing nothing', async () => {
    const write = jest.fn(async () => undefined);
    const mutation = { memberId: member, operation: 'postAnswer', key: 'é' };
    await expect(
      service(fakeRepository()).once(inTransaction, mutation, 'a', write),
    ).rejects.toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', field: 'clientMutationId' },
    });
    expect(write).not.toHaveBeenCalled();
  });

  it('claims again when the key it lost to is gone before it is read (purged)', async () => {
    const repository = fakeRepository();
    repository.claim.mockResolvedValueOnce(false);
    const write = jest.fn(async () => undefined);
    const mutation = { memberId: member, operation: 'postAnswer', key: 'k' };
    expect(await service(repository).once(inTransaction, mutation, 'a', write)).toBe('a');
    expect(repository.claim).toHaveBeenCalledTimes(2);
    expect(write).toHaveBeenCalledTimes(1);
  });

  it('refuses to run outside a transaction', async () => {
    const outside = { queryRunner: undefined } as unknown as EntityManager;
    const mutation = { memberId: member, operation: 'postAnswer', key: 'k' };
    await expect(
      service(fakeRepository()).once(outside, mutation, 'a', async () => undefined),
    ).rejects.toThrow(/outside a transaction/);
  });
});
