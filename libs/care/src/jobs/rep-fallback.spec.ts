import { AccountStatus, Role } from '@app/core';
import { UsersLoader } from '@app/identity';
import { CasesService } from '../cases/cases.service';
import { RepFallback } from './rep-fallback';
import { RepFallbackRepository, WaitingCase } from './rep-fallback.repository';

const NOW = new Date('2030-06-01T12:00:00.000Z');
const at = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);

type Rep = { id: string; role: Role; status: AccountStatus; statusUntil: Date | null };

function setup(waiting: WaitingCase[], reps: Rep[]) {
  const repository = {
    waitingPage: jest.fn(async (after: { at: Date; id: string } | null, limit: number) =>
      waiting
        .filter(
          (row) =>
            !after ||
            row.repFallbackAt > after.at ||
            (row.repFallbackAt.getTime() === after.at.getTime() && row.id > after.id),
        )
        .slice(0, limit),
    ),
  };
  const users = {
    load: jest.fn(
      async (_loaders: unknown, id: string) => reps.find((rep) => rep.id === id) ?? null,
    ),
  };
  const returned: string[] = [];
  const cases = {
    returnToInbox: jest.fn(async (id: string) => {
      if (returned.includes(id)) return false;
      returned.push(id);
      return true;
    }),
  };
  const job = new RepFallback(
    repository as unknown as RepFallbackRepository,
    users as unknown as UsersLoader,
    cases as unknown as CasesService,
  );
  return { job, repository, cases, returned };
}

const rep = (
  id: string,
  role = Role.AGENT,
  status = AccountStatus.ACTIVE,
  until: Date | null = null,
) => ({
  id,
  role,
  status,
  statusUntil: until,
});

describe('RepFallback', () => {
  it('returns the cases past their fallback time and those whose rep is no staff or suspended', async () => {
    const reps = [
      rep('agent'),
      rep('former', Role.MEMBER),
      rep('suspended', Role.AGENT, AccountStatus.SUSPENDED),
      rep('back', Role.AGENT, AccountStatus.SUSPENDED, at(-1)),
      rep('silenced', Role.MODERATOR, AccountStatus.SILENCED),
    ];
    const waiting = [
      { id: 'due', assigneeId: 'agent', repFallbackAt: at(0) },
      { id: 'not-yet', assigneeId: 'agent', repFallbackAt: at(5) },
      { id: 'no-staff', assigneeId: 'former', repFallbackAt: at(6) },
      { id: 'suspended', assigneeId: 'suspended', repFallbackAt: at(7) },
      { id: 'suspension-over', assigneeId: 'back', repFallbackAt: at(8) },
      { id: 'silenced', assigneeId: 'silenced', repFallbackAt: at(9) },
      { id: 'gone', assigneeId: 'deleted', repFallbackAt: at(10) },
    ];
    const { job, returned } = setup(waiting, reps);
    expect(await job.run(NOW)).toBe(4);
    expect(returned).toEqual(['due', 'no-staff', 'suspended', 'gone']);
  });

  it('pages through the waiting cases by key and counts only what it returned', async () => {
    const waiting = Array.from({ length: 250 }, (_, i) => ({
      id: `case-${String(i).padStart(3, '0')}`,
      assigneeId: 'agent',
      repFallbackAt: at(-1),
    }));
    const { job, repository, cases } = setup(waiting, [rep('agent')]);
    expect(await job.run(NOW)).toBe(250);
    expect(repository.waitingPage).toHaveBeenCalledTimes(2);
    expect(repository.waitingPage).toHaveBeenLastCalledWith({ at: at(-1), id: 'case-199' }, 200);
    cases.returnToInbox.mockResolvedValue(false);
    expect(await job.run(NOW)).toBe(0);
  });
});
