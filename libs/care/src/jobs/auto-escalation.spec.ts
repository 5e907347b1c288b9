import { AppConfig, badInput, Transactions, Tx } from '@app/core';
import { AskedQuestion, QuestionsAwaitingAnswerRepository } from '@app/forum';
import { CasesService } from '../cases/cases.service';
import { AUTO_ESCALATION_JOB, AutoEscalation } from './auto-escalation';
import { JobMark, JobMarksRepository, WALK_START } from './job-marks.repository';

const TX = { fake: 'tx' } as unknown as Tx;
const HOUR = 3_600_000;
const NOW = new Date('2030-06-01T12:00:00.000Z');

function question(minute: number, answeredByOthers = false): AskedQuestion {
  const n = String(minute).padStart(2, '0');
  return {
    id: `00000000-0000-4000-8000-0000000000${n}`,
    authorId: 'asker',
    title: `Question ${minute}`,
    createdAt: new Date(Date.UTC(2030, 0, 1, 0, minute)),
    answeredByOthers,
  };
}

function setup(options: { hours?: number; asked?: AskedQuestion[]; held?: boolean } = {}) {
  const asked = options.asked ?? [];
  let stored: JobMark = WALK_START;
  const marks = {
    claim: jest.fn(async () => (options.held ? null : stored)),
    move: jest.fn(async (_job: string, mark: JobMark) => void (stored = mark)),
  };
  const questions = {
    askedBetween: jest.fn(
      async (after: { createdAt: Date; id: string }, until: Date, limit: number) =>
        asked
          .filter(
            (row) =>
              (row.createdAt > after.createdAt ||
                (row.createdAt.getTime() === after.createdAt.getTime() && row.id > after.id)) &&
              row.createdAt <= until,
          )
          .slice(0, limit),
    ),
  };
  const escalated = new Set<string>();
  const cases = {
    openAutoEscalated: jest.fn(async (thread: { id: string }) => {
      if (escalated.has(thread.id)) return null;
      escalated.add(thread.id);
      return `case-${thread.id}`;
    }),
  };
  const job = new AutoEscalation(
    { run: (work: (tx: Tx) => Promise<unknown>) => work(TX) } as unknown as Transactions,
    marks as unknown as JobMarksRepository,
    questions as unknown as QuestionsAwaitingAnswerRepository,
    cases as unknown as CasesService,
    { careAutoEscalateHours: options.hours ?? 24 } as AppConfig,
  );
  return { job, marks, questions, cases, mark: () => stored };
}

describe('AutoEscalation', () => {
  it('escalates the unanswered questions asked up to now - hours, and leaves answered ones', async () => {
    const [a, b, c] = [question(1), question(2, true), question(3)];
    const { job, cases, questions, mark } = setup({ asked: [a, b, c] });
    expect(await job.run(NOW)).toBe(2);
    expect(questions.askedBetween).toHaveBeenCalledWith(
      { createdAt: WALK_START.at, id: WALK_START.id },
      new Date(NOW.getTime() - 24 * HOUR),
      200,
    );
    expect(cases.openAutoEscalated.mock.calls.map(([thread]) => thread.id)).toEqual([a.id, c.id]);
    expect(cases.openAutoEscalated).toHaveBeenCalledWith(a, NOW);
    expect(mark()).toEqual({ at: c.createdAt, id: c.id });
  });

  it('goes on from its mark: a second run walks only what was asked since', async () => {
    const { job, cases, mark } = setup({ asked: [question(1), question(2)] });
    await job.run(NOW);
    const after = mark();
    expect(await job.run(NOW)).toBe(0);
    expect(cases.openAutoEscalated).toHaveBeenCalledTimes(2);
    expect(mark()).toEqual(after);
  });

  it('questions too recent wait for a later now', async () => {
    const late = question(5);
    const { job, cases } = setup({ hours: 1, asked: [late] });
    expect(await job.run(new Date(late.createdAt.getTime() + HOUR - 1))).toBe(0);
    expect(await job.run(new Date(late.createdAt.getTime() + HOUR))).toBe(1);
    expect(cases.openAutoEscalated).toHaveBeenCalledTimes(1);
  });

  it('pages through by key, moving the mark after each page', async () => {
    const asked = Array.from({ length: 450 }, (_, i) => ({
      ...question(0),
      id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    }));
    const { job, marks, questions } = setup({ asked });
    expect(await job.run(NOW)).toBe(450);
    expect(questions.askedBetween).toHaveBeenCalledTimes(3);
    expect(marks.move).toHaveBeenCalledTimes(3);
    expect(marks.move).toHaveBeenLastCalledWith(
      AUTO_ESCALATION_JOB,
      { at: asked[449].createdAt, id: asked[449].id },
      TX,
    );
  });

  it('does nothing when turned off (0 hours) or when another run holds the mark', async () => {
    const off = setup({ hours: 0, asked: [question(1)] });
    expect(await off.job.run(NOW)).toBe(0);
    expect(off.marks.claim).not.toHaveBeenCalled();
    const held = setup({ held: true, asked: [question(1)] });
    expect(await held.job.run(NOW)).toBe(0);
    expect(held.questions.askedBetween).not.toHaveBeenCalled();
  });

  it("passes over a question care's rules refuse, and fails the run on anything else", async () => {
    const [a, b] = [question(1), question(2)];
    const refused = setup({ asked: [a, b] });
    refused.cases.openAutoEscalated.mockRejectedValueOnce(badInput('memberId', 'too many cases'));
    expect(await refused.job.run(NOW)).toBe(1);
    expect(refused.mark()).toEqual({ at: b.createdAt, id: b.id });
    const broken = setup({ asked: [a, b] });
    broken.cases.openAutoEscalated.mockRejectedValueOnce(new Error('connection lost'));
    await expect(broken.job.run(NOW)).rejects.toThrow('connection lost');
    expect(broken.marks.move).not.toHaveBeenCalled();
  });
});
