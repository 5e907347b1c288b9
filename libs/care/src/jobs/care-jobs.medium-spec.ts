import { ContentStatus, Role } from '@app/core';
import { ForumModule } from '@app/forum';
import { IdentityModule } from '@app/identity';
import { Module } from '@nestjs/common';
import { MediumTest } from '@test/medium';
import { randomUUID } from 'node:crypto';
import { CasesModule } from '../cases/cases.module';
import { AUTO_ESCALATION_JOB, AutoEscalation } from './auto-escalation';
import { JobMarksRepository } from './job-marks.repository';
import { RepFallback } from './rep-fallback';
import { RepFallbackRepository } from './rep-fallback.repository';

/** The jobs without their BullMQ processor: each test runs them with the `now` it chooses. */
@Module({
  imports: [ForumModule, IdentityModule, CasesModule],
  providers: [JobMarksRepository, RepFallbackRepository, AutoEscalation, RepFallback],
})
class JobsUnderTest {}

const HOUR = 3_600_000;
const T = new Date('2029-03-01T08:00:00.000Z');
const after = (hours: number, minutes = 0) =>
  new Date(T.getTime() + hours * HOUR + minutes * 60_000);

describe("Care's scheduled jobs on the real database", () => {
  const medium = new MediumTest();
  let escalation: AutoEscalation;
  let fallback: RepFallback;
  let board: string;

  beforeAll(async () => {
    await medium.start([JobsUnderTest], { CARE_AUTO_ESCALATE_HOURS: '24' });
    escalation = medium.get(AutoEscalation);
    fallback = medium.get(RepFallback);
    board = randomUUID();
    await medium.sql(
      `INSERT INTO boards (id, slug, name, description, kind) VALUES ($1, $2, 'Help', '', 'QUESTIONS')`,
      [board, `b-${board}`],
    );
  });
  afterAll(() => medium.stop());

  async function ask(author: string, createdAt: Date, contentStatus = ContentStatus.PUBLISHED) {
    const id = randomUUID();
    await medium.sql(
      `INSERT INTO threads (id, board_id, author_id, title, body, body_html, body_text, status,
                            content_status, created_at, last_activity_at)
       VALUES ($1, $2, $3, 'Why does my line drop?', 'Body.', '<p>Body.</p>', 'Body.', 'OPEN',
               $4, $5, $5)`,
      [id, board, author, contentStatus, createdAt],
    );
    return id;
  }

  async function answer(thread: string, author: string, status = ContentStatus.PUBLISHED) {
    await medium.sql(
      `INSERT INTO posts (id, thread_id, author_id, body, body_html, body_text, status, official)
       VALUES ($1, $2, $3, 'Try this.', '<p>Try this.</p>', 'Try this.', $4, false)`,
      [randomUUID(), thread, author, status],
    );
  }

  const autoCases = () =>
    medium.sql<{ thread_id: string; member_id: string; n: number }>(
      `SELECT thread_id, member_id, count(*)::int AS n FROM care_cases
        WHERE origin = 'AUTO_ESCALATED' GROUP BY thread_id, member_id ORDER BY thread_id`,
    );
  const mark = async () =>
    (
      await medium.sql<{ after_at: Date; after_id: string }>(
        'SELECT after_at, after_id FROM care_job_marks WHERE job = $1',
        [AUTO_ESCALATION_JOB],
      )
    )[0];

  it('escalates each unanswered question once, however many runs at once, and moves its mark', async () => {
    const asker = await medium.member();
    const peer = await medium.member();
    const unanswered = await ask(asker, after(0));
    const answered = await ask(asker, after(0, 1));
    await answer(answered, peer);
    const selfAnswered = await ask(asker, after(0, 2));
    await answer(selfAnswered, asker);
    const hiddenAnswer = await ask(asker, after(0, 3));
    await answer(hiddenAnswer, peer, ContentStatus.HIDDEN);
    await ask(asker, after(0, 4), ContentStatus.PENDING_REVIEW);
    const recent = await ask(asker, after(2));

    const now = after(25);
    const opened = await Promise.all(Array.from({ length: 5 }, () => escalation.run(now)));
    expect(opened.reduce((sum, n) => sum + n, 0)).toBe(3);
    expect(await escalation.run(now)).toBe(0);
    const escalated = [unanswered, selfAnswered, hiddenAnswer].sort();
    expect(await autoCases()).toEqual(
      escalated.map((thread) => ({ thread_id: thread, member_id: asker, n: 1 })),
    );
    // The mark is the last published question walked, answered or not.
    expect(await mark()).toEqual({ after_at: after(0, 3), after_id: hiddenAnswer });

    expect(await escalation.run(after(26))).toBe(1);
    expect((await autoCases()).map((row) => row.thread_id)).toContain(recent);
    expect(await mark()).toEqual({ after_at: after(2), after_id: recent });
    expect(await escalation.run(after(100))).toBe(0);
  });

  it('leaves a question answered in time by someone else, even once it is due', async () => {
    const asker = await medium.member();
    const question = await ask(asker, after(50));
    await answer(question, await medium.member(Role.AGENT));
    expect(await escalation.run(after(80))).toBe(0);
    expect((await autoCases()).map((row) => row.thread_id)).not.toContain(question);
    expect(await mark()).toEqual({ after_at: after(50), after_id: question });
  });

  it('never escalates a question twice, even walked again after its case was resolved', async () => {
    const before = await autoCases();
    await medium.sql(`UPDATE care_cases SET status = 'RESOLVED', resolved_at = now()`);
    await medium.sql('DELETE FROM care_job_marks');
    expect(await escalation.run(after(200))).toBe(0);
    expect(await autoCases()).toEqual(before);
  });

  describe('rep fallback', () => {
    const now = new Date('2029-06-01T12:00:00.000Z');
    const minutes = (n: number) => new Date(now.getTime() + n * 60_000);

    async function waiting(
      rep: string,
      fallbackAt: Date,
      more: { status?: string; respondedAt?: Date } = {},
    ): Promise<string> {
      const id = randomUUID();
      await medium.sql(
        `INSERT INTO care_cases (id, subject, member_id, status, origin, assignee_id,
                                 rep_fallback_at, first_response_due_at, first_responded_at,
                                 resolved_at)
         VALUES ($1, 'My bill is wrong', $2, $3, 'DIRECT', $4, $5, $6, $7, $8)`,
        [
          id,
          await medium.member(),
          more.status ?? 'OPEN',
          rep,
          fallbackAt,
          minutes(600),
          more.respondedAt ?? null,
          more.status === 'RESOLVED' ? minutes(-5) : null,
        ],
      );
      return id;
    }

    const caseRow = async (id: string) =>
      (
        await medium.sql<{ assignee_id: string | null; rep_fallback_at: Date | null }>(
          'SELECT assignee_id, rep_fallback_at FROM care_cases WHERE id = $1',
          [id],
        )
      )[0];

    it('returns only what is due: past its time, or its rep no longer staff or suspended', async () => {
      const rep = await medium.member(Role.AGENT);
      const demoted = await medium.member(Role.AGENT);
      const suspended = await medium.member(Role.MODERATOR);
      const due = await waiting(rep, minutes(-1));
      const notYet = await waiting(rep, minutes(30));
      const ofDemoted = await waiting(demoted, minutes(30));
      const ofSuspended = await waiting(suspended, minutes(30));
      const answered = await waiting(rep, minutes(-10), { respondedAt: minutes(-20) });
      const resolved = await waiting(rep, minutes(-10), { status: 'RESOLVED' });
      await medium.sql(`UPDATE users SET role = 'MEMBER' WHERE id = $1`, [demoted]);
      await medium.sql(`UPDATE users SET status = 'SUSPENDED' WHERE id = $1`, [suspended]);

      const results = await Promise.all([fallback.run(now), fallback.run(now)]);
      expect(results[0] + results[1]).toBe(3);
      for (const id of [due, ofDemoted, ofSuspended]) {
        expect(await caseRow(id)).toEqual({ assignee_id: null, rep_fallback_at: null });
      }
      for (const id of [notYet, answered, resolved]) {
        expect(await caseRow(id)).toMatchObject({ assignee_id: rep });
      }
      expect(await fallback.run(now)).toBe(0);
      expect(await fallback.run(minutes(31))).toBe(1);
      expect(await caseRow(notYet)).toEqual({ assignee_id: null, rep_fallback_at: null });
      const [{ n }] = await medium.sql<{ n: number }>(
        `SELECT count(*)::int AS n FROM outbox WHERE type = 'care.case-assigned'`,
      );
      expect(n).toBeGreaterThanOrEqual(4);
    });
  });
});
