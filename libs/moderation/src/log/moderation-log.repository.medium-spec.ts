import { encodeCursor, ModerationLog, Transactions } from '@app/core';
import { Type } from '@nestjs/common';
import { MediumTest } from '@test/medium';
import { ModerationModule } from '../moderation.module';
import { ModerationLogRepository } from './moderation-log.repository';

describe('the moderation log (core port, moderation repository)', () => {
  const medium = new MediumTest();
  let log: ModerationLog;
  let repository: ModerationLogRepository;
  let transactions: Transactions;
  let actorId: string;

  beforeAll(async () => {
    await medium.start([ModerationModule]);
    // Nest resolves abstract tokens; MediumTest.get is typed for concrete classes only.
    log = medium.get<ModerationLog>(ModerationLog as unknown as Type<ModerationLog>);
    repository = medium.get(ModerationLogRepository);
    transactions = medium.get(Transactions);
    actorId = await medium.member();
  });
  afterAll(() => medium.stop());

  const entries = (action: string) =>
    medium.sql('SELECT * FROM moderation_actions WHERE action = $1', [action]);

  it('is provided by moderation under core’s token', () => {
    expect(log).toBe(repository);
  });

  it('appends in the caller’s transaction: rolled back, it leaves nothing', async () => {
    await expect(
      transactions.run(async (tx) => {
        await log.append(tx, { actorId, action: 'ROLLED_BACK' });
        throw new Error('the rest of the change failed');
      }),
    ).rejects.toThrow('the rest of the change failed');
    expect(await entries('ROLLED_BACK')).toEqual([]);
  });

  it('keeps a committed entry, with nulls for what it did not name', async () => {
    await transactions.run((tx) =>
      log.append(tx, { actorId, action: 'SANCTION_SUSPENDED', targetUserId: actorId, reason: 'x' }),
    );
    expect(await entries('SANCTION_SUSPENDED')).toEqual([
      expect.objectContaining({
        actor_id: actorId,
        target_type: null,
        target_id: null,
        target_user_id: actorId,
        reason: 'x',
      }),
    ]);
  });

  it('refuses updates and deletes of what it holds', async () => {
    await transactions.run((tx) => log.append(tx, { actorId, action: 'KEPT' }));
    await expect(
      medium.sql(`UPDATE moderation_actions SET reason = 'rewritten' WHERE action = 'KEPT'`),
    ).rejects.toThrow('append-only');
    await expect(
      medium.sql(`DELETE FROM moderation_actions WHERE action = 'KEPT'`),
    ).rejects.toThrow('append-only');
    expect(await entries('KEPT')).toHaveLength(1);
  });

  it('reads newest first in keyset pages either way, by id and counted', async () => {
    for (const action of ['PAGE_1', 'PAGE_2', 'PAGE_3']) {
      await transactions.run((tx) => log.append(tx, { actorId, action }));
      // Apart by more than the column's millisecond, so the order is the order of appending.
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    const total = await repository.count();
    const first = await repository.page({ direction: 'forward', limit: 2, cursor: null });
    expect(first.map((row) => row.action)).toEqual(['PAGE_3', 'PAGE_2', 'PAGE_1']);
    const cursor = encodeCursor([first[1].createdAt.getTime(), first[1].id]);
    const next = await repository.page({ direction: 'forward', limit: 1, cursor });
    expect(next[0].action).toBe('PAGE_1');
    const back = await repository.page({ direction: 'backward', limit: 5, cursor });
    expect(back.map((row) => row.action)).toEqual(['PAGE_3']);
    expect(total).toBeGreaterThanOrEqual(5);
    const byIds = await repository.byIds([first[0].id, first[1].id]);
    expect(byIds.map((row) => row.action).sort()).toEqual(['PAGE_2', 'PAGE_3']);
  });
});
