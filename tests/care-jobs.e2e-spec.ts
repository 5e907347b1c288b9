import { fromGlobalId } from '@app/core';
import { CARE_JOBS_QUEUE, CareJobsProcessor } from '@app/care';
import { getQueueToken } from '@nestjs/bullmq';
import { Queue } from 'bullmq';
import { ok } from './support/graphql-client';
import { eventually, Member, TestApp } from './support/test-app';

const HOUR = 3_600_000;

/** Care's scheduled jobs on the worker, each run at a chosen time so that nothing sleeps. */
describe('care jobs', () => {
  const app = new TestApp();
  let admin: Member;
  let board: string;

  beforeAll(async () => {
    await app.start({ worker: true, env: { CARE_AUTO_ESCALATE_HOURS: '24' } });
    admin = await app.member('ADMIN');
    board = await app.board(admin);
  });
  afterAll(() => app.stop());

  const worker = () => {
    if (!app.worker) throw new Error('the worker is not running');
    return app.worker;
  };
  const run = (name: string, now: Date) =>
    worker()
      .get(CareJobsProcessor)
      .process({ name, data: { now: now.toISOString() } });
  const uuid = (member: Member) => fromGlobalId(member.id, 'User', 'id');

  it('schedules both jobs once in Redis', async () => {
    const queue = worker().get<Queue>(getQueueToken(CARE_JOBS_QUEUE));
    const schedulers = await eventually(
      () => queue.getJobSchedulers(),
      (found) => found.length >= 2,
    );
    expect(schedulers.map((scheduler) => scheduler.key).sort()).toEqual([
      'auto-escalation',
      'rep-fallback',
    ]);
  });

  describe('auto-escalation', () => {
    const myCases = (member: Member) =>
      app.gql<{
        myCases: { edges: Array<{ node: { origin: string; thread: { id: string } | null } }> };
      }>(`{ myCases(first: 20) { edges { node { origin thread { id } } } } }`, {}, member.token);

    it('escalates each question nobody else answered once, however often and however many run', async () => {
      const asker = await app.member();
      const peer = await app.member();
      const unanswered = await app.ask(asker, board, 'Why does my router keep rebooting?');
      const answered = await app.ask(asker, board, 'How do I change my plan online?');
      await app.answer(peer, answered);
      const selfAnswered = await app.ask(asker, board, 'Where is the PUK of my SIM card?');
      await app.answer(asker, selfAnswered, 'Found it on the card holder.');

      // Not yet due: a day has not passed.
      expect(await run('auto-escalation', new Date(Date.now() + 23 * HOUR))).toBe(0);
      const later = new Date(Date.now() + 25 * HOUR);
      // Runs at once leave the walk to the one holding the mark (the scheduled run may be one of
      // them), so one more run after them finishes whatever a skipped run left.
      const opened = await Promise.all([1, 2, 3].map(() => run('auto-escalation', later)));
      opened.push(await run('auto-escalation', later));
      expect(opened.reduce((sum, n) => sum + n, 0)).toBe(2);
      expect(await run('auto-escalation', new Date(Date.now() + 30 * HOUR))).toBe(0);

      const cases = ok(await myCases(asker)).myCases.edges.map((edge) => edge.node);
      expect(cases.map((careCase) => careCase.thread?.id).sort()).toEqual(
        [unanswered, selfAnswered].sort(),
      );
      expect(cases.every((careCase) => careCase.origin === 'AUTO_ESCALATED')).toBe(true);
      const [mark] = await app.sql<{ after_id: string }>(
        `SELECT after_id FROM care_job_marks WHERE job = 'auto-escalation'`,
      );
      expect(mark.after_id).toBe(fromGlobalId(selfAnswered, 'Thread', 'id'));
    });

    it('is off with CARE_AUTO_ESCALATE_HOURS=0', async () => {
      const off = new TestApp();
      await off.start({ worker: true, env: { CARE_AUTO_ESCALATE_HOURS: '0' } });
      try {
        const offAdmin = await off.member('ADMIN');
        const asker = await off.member();
        await off.ask(asker, await off.board(offAdmin));
        const processor = off.worker?.get(CareJobsProcessor);
        const now = new Date(Date.now() + 1000 * HOUR).toISOString();
        expect(await processor?.process({ name: 'auto-escalation', data: { now } })).toBe(0);
        expect(await off.sql(`SELECT id FROM care_cases`)).toEqual([]);
      } finally {
        await off.stop();
      }
    });
  });

  describe('rep fallback', () => {
    const careCase = (id: string) =>
      app.gql<{ careCase: { assignee: { id: string } | null } | null }>(
        `query($id: ID!) { careCase(id: $id) { assignee { id } } }`,
        { id },
        admin.token,
      );

    async function keyAccount(rep: Member): Promise<Member> {
      const member = await app.member();
      const segment = ok(
        await app.gql<{ upsertSegment: { id: string } }>(
          `mutation($input: UpsertSegmentInput!) { upsertSegment(input: $input) { id } }`,
          {
            input: {
              key: `key-${Math.random().toString(36).slice(2, 10)}`,
              name: 'Key accounts',
              firstResponseHours: 4,
              dedicatedRepEnabled: true,
            },
          },
          admin.token,
        ),
      ).upsertSegment.id;
      ok(
        await app.gql(
          `mutation($u: ID!, $s: ID) { setMemberSegment(userId: $u, segmentId: $s) { id } }`,
          { u: member.id, s: segment },
          admin.token,
        ),
      );
      ok(
        await app.gql(
          `mutation($u: ID!, $a: ID) { assignDedicatedRep(userId: $u, agentId: $a) { id } }`,
          { u: member.id, a: rep.id },
          admin.token,
        ),
      );
      return member;
    }

    const open = async (member: Member) =>
      ok(
        await app.gql<{ openCase: { id: string; assignee: { id: string } | null } }>(
          `mutation($input: OpenCaseInput!) { openCase(input: $input) { id assignee { id } } }`,
          { input: { subject: 'My invoice is wrong', body: 'Charged twice in May.' } },
          member.token,
        ),
      ).openCase;

    it('returns a case to the inbox at half the first-response time, or at once when its rep is gone', async () => {
      const rep = await app.member('AGENT');
      const leaving = await app.member('AGENT');
      const waiting = await open(await keyAccount(rep));
      const orphaned = await open(await keyAccount(leaving));
      expect(waiting.assignee?.id).toBe(rep.id);
      expect(orphaned.assignee?.id).toBe(leaving.id);

      // Nothing is due yet, and both reps are staff.
      expect(await run('rep-fallback', new Date())).toBe(0);
      // The scheduled run (every minute, at the present) may be the one that returns it.
      await app.sql(`UPDATE users SET role = 'MEMBER' WHERE id = $1`, [uuid(leaving)]);
      await run('rep-fallback', new Date());
      expect(ok(await careCase(orphaned.id)).careCase?.assignee).toBeNull();
      expect(ok(await careCase(waiting.id)).careCase?.assignee?.id).toBe(rep.id);

      // Half of the segment's 4 hours.
      expect(await run('rep-fallback', new Date(Date.now() + 1.9 * HOUR))).toBe(0);
      expect(await run('rep-fallback', new Date(Date.now() + 2.1 * HOUR))).toBe(1);
      expect(ok(await careCase(waiting.id)).careCase?.assignee).toBeNull();
      expect(await run('rep-fallback', new Date(Date.now() + 2.1 * HOUR))).toBe(0);
    });
  });
});
