import { Queue } from 'bullmq';
import { Client } from 'graphql-ws';
import { fromGlobalId } from '@app/core';
import { ok } from './support/graphql-client';
import { channelHasListener, liveClient, LiveSubscription } from './support/live-client';
import { Mailbox } from './support/mailbox';
import { eventually, Member, TestApp } from './support/test-app';

const PUBLIC_URL = 'https://community.example';
const SECRET = 'Internal: the customer owes 412 euros, do not mention it';

const INBOX = `query { notifications(first: 50) { edges { node {
  kind message actor { handle } subject { __typename ... on CareCase { id number } }
} } } }`;
const OPEN_CASE = `mutation($input: OpenCaseInput!) { openCase(input: $input) { id number } }`;
const ESCALATE = `mutation($input: EscalateThreadInput!) { escalateThread(input: $input) { id number } }`;
const REPLY = `mutation($input: ReplyToCaseInput!) { replyToCase(input: $input) { id } }`;
const ASSIGN = `mutation($caseId: ID!, $agentId: ID) { assignCase(caseId: $caseId, agentId: $agentId) { id } }`;
const RESOLVE = `mutation($input: ResolveCaseInput!) { resolveCase(input: $input) { id } }`;
const UPSERT_SEGMENT = `mutation($input: UpsertSegmentInput!) { upsertSegment(input: $input) { id } }`;
const SET_SEGMENT = `mutation($userId: ID!, $segmentId: ID) { setMemberSegment(userId: $userId, segmentId: $segmentId) { id } }`;
const ASSIGN_REP = `mutation($userId: ID!, $agentId: ID) { assignDedicatedRep(userId: $userId, agentId: $agentId) { id } }`;
const NOTIFICATION_ADDED = `subscription { notificationAdded { kind message subject { ... on CareCase { number } } } }`;

interface Notification {
  kind: string;
  message: string;
  actor: { handle: string } | null;
  subject: { __typename: string; id?: string; number?: number } | null;
}
interface OpenedCase {
  id: string;
  number: number;
}

/** The care notifications, in-app, live and by email, and the internal note's text in none. */
describe('care notifications', () => {
  const mailbox = new Mailbox();
  const app = new TestApp();
  let admin: Member;
  let agent: Member;
  let boardId: string;
  const clients: Client[] = [];

  const notificationsOf = async (member: Member): Promise<Notification[]> =>
    ok(
      await app.gql<{ notifications: { edges: Array<{ node: Notification }> } }>(
        INBOX,
        {},
        member.token,
      ),
    ).notifications.edges.map((edge) => edge.node);
  const notified = (member: Member, kind: string, count = 1): Promise<Notification[]> =>
    eventually(
      async () => (await notificationsOf(member)).filter((n) => n.kind === kind),
      (found) => found.length >= count,
    );
  const mailed = (member: Member, count: number) =>
    eventually(
      async () => mailbox.to(member.email),
      (mails) => mails.length >= count,
    );
  /** Waits until every relayed event has been handled and every queued email sent. */
  const settle = async (): Promise<void> => {
    await eventually(
      () =>
        app.sql<{ pending: number }>(
          `SELECT count(*)::int AS pending FROM outbox WHERE dispatched_at IS NULL`,
        ),
      ([row]) => row.pending === 0,
    );
    await new Promise((resolve) => setTimeout(resolve, 700));
  };
  const openCase = async (member: Member, subject: string): Promise<OpenedCase> =>
    ok(
      await app.gql<{ openCase: OpenedCase }>(
        OPEN_CASE,
        { input: { subject, body: 'My bill doubled this month.' } },
        member.token,
      ),
    ).openCase;
  const reply = async (who: Member, caseId: string, body: string, internal = false) =>
    ok(await app.gql(REPLY, { input: { caseId, body, internal } }, who.token));
  const caseLink = (careCase: OpenedCase): string => `${PUBLIC_URL}/cases/${careCase.number}`;

  beforeAll(async () => {
    const smtpUrl = await mailbox.start();
    await app.start({
      worker: true,
      env: { SMTP_URL: smtpUrl, MAIL_FROM: 'Community <community@example.com>', PUBLIC_URL },
    });
    admin = await app.member('ADMIN');
    agent = await app.member('AGENT');
    boardId = await app.board(admin);
  });
  afterAll(async () => {
    await Promise.all(clients.map((client) => client.dispose()));
    await app.stop();
    await mailbox.stop();
  });

  it("tells the member of staff's reply and of the resolution, and the assignee of the member's reply, in-app and by email with the case's link", async () => {
    const customer = await app.member();
    const careCase = await openCase(customer, 'Why did my bill double?');
    ok(await app.gql(ASSIGN, { caseId: careCase.id }, agent.token));
    await reply(agent, careCase.id, SECRET, true);
    await reply(agent, careCase.id, 'Roaming in Canada: we refund half of it.');

    const [told] = await notified(customer, 'CASE_REPLY');
    expect(told).toEqual({
      kind: 'CASE_REPLY',
      message: `@${agent.handle} replied to your case #${careCase.number}`,
      actor: { handle: agent.handle },
      subject: { __typename: 'CareCase', id: careCase.id, number: careCase.number },
    });
    const [replyMail] = await mailed(customer, 1);
    expect(replyMail.subject).toBe('New reply on a care case');
    expect(replyMail.raw).toContain(caseLink(careCase));

    await reply(customer, careCase.id, 'Thanks, and the other half?');
    const [toAgent] = await notified(agent, 'CASE_REPLY');
    expect(toAgent).toMatchObject({
      message: `@${customer.handle} replied on case #${careCase.number}`,
      subject: { id: careCase.id },
    });

    ok(
      await app.gql(
        RESOLVE,
        { input: { caseId: careCase.id, note: 'Refunded in full.' } },
        agent.token,
      ),
    );
    const [resolved] = await notified(customer, 'CASE_RESOLVED');
    expect(resolved).toMatchObject({
      message: `Your case #${careCase.number} was resolved`,
      actor: { handle: agent.handle },
      subject: { id: careCase.id },
    });
    const mails = await mailed(customer, 2);
    expect(mails.map((mail) => mail.subject)).toEqual([
      'New reply on a care case',
      'Your care case was resolved',
    ]);
    expect(mails[1].raw).toContain(caseLink(careCase));

    await settle();
    // The agent took the case: nobody is told of their own doing. The note told nobody.
    expect((await notificationsOf(agent)).map((n) => n.kind)).toEqual(['CASE_REPLY']);
    expect((await notificationsOf(customer)).map((n) => n.kind).sort()).toEqual([
      'CASE_REPLY',
      'CASE_RESOLVED',
    ]);
  });

  it('tells the new assignee of CASE_ASSIGNED, by email too', async () => {
    const customer = await app.member();
    const colleague = await app.member('AGENT');
    const careCase = await openCase(customer, 'My SIM card never arrived');
    ok(await app.gql(ASSIGN, { caseId: careCase.id, agentId: colleague.id }, agent.token));

    const [assigned] = await notified(colleague, 'CASE_ASSIGNED');
    expect(assigned).toEqual({
      kind: 'CASE_ASSIGNED',
      message: `@${agent.handle} assigned case #${careCase.number} to you`,
      actor: { handle: agent.handle },
      subject: { __typename: 'CareCase', id: careCase.id, number: careCase.number },
    });
    const [mail] = await mailed(colleague, 1);
    expect(mail.subject).toBe('A care case was assigned to you');
    expect(mail.raw).toContain(caseLink(careCase));
  });

  it('tells the dedicated rep of the case routing gives them', async () => {
    const rep = await app.member('AGENT');
    const keyAccount = await app.member();
    const segmentId = ok(
      await app.gql<{ upsertSegment: { id: string } }>(
        UPSERT_SEGMENT,
        {
          input: {
            key: 'key-accounts',
            name: 'Key accounts',
            firstResponseHours: 4,
            dedicatedRepEnabled: true,
          },
        },
        admin.token,
      ),
    ).upsertSegment.id;
    ok(await app.gql(SET_SEGMENT, { userId: keyAccount.id, segmentId }, admin.token));
    ok(await app.gql(ASSIGN_REP, { userId: keyAccount.id, agentId: rep.id }, admin.token));

    const careCase = await openCase(keyAccount, 'Our fleet lines are down');
    const [assigned] = await notified(rep, 'CASE_ASSIGNED');
    expect(assigned).toEqual({
      kind: 'CASE_ASSIGNED',
      message: `Case #${careCase.number} was assigned to you`,
      actor: null,
      subject: { __typename: 'CareCase', id: careCase.id, number: careCase.number },
    });
    const [mail] = await mailed(rep, 1);
    expect(mail.raw).toContain(caseLink(careCase));
  });

  it("tells the thread's author when staff escalate it, and nobody when members escalate their own", async () => {
    const asker = await app.member();
    const threadId = await app.ask(asker, boardId, 'My router keeps rebooting at night');
    const careCase = ok(
      await app.gql<{ escalateThread: OpenedCase }>(
        ESCALATE,
        { input: { threadId, note: SECRET } },
        agent.token,
      ),
    ).escalateThread;

    const [escalated] = await notified(asker, 'THREAD_ESCALATED');
    expect(escalated).toEqual({
      kind: 'THREAD_ESCALATED',
      message: `Your question “My router keeps rebooting at night” went to our care team as case #${careCase.number}`,
      actor: { handle: agent.handle },
      subject: { __typename: 'CareCase', id: careCase.id, number: careCase.number },
    });
    const [mail] = await mailed(asker, 1);
    expect(mail.subject).toBe('Your question went to our care team');
    expect(mail.raw).toContain(caseLink(careCase));

    const selfAsker = await app.member();
    const ownThread = await app.ask(selfAsker, boardId, 'Is there fibre in my street yet?');
    ok(
      await app.gql(
        OPEN_CASE,
        { input: { subject: 'Fibre in my street', body: 'Please check.', threadId: ownThread } },
        selfAsker.token,
      ),
    );
    await settle();
    expect(await notificationsOf(selfAsker)).toEqual([]);
    expect(mailbox.to(selfAsker.email)).toEqual([]);
  });

  it('tells the asker when the platform escalates their unanswered question', async () => {
    const asker = await app.member();
    const threadId = await app.ask(asker, boardId, 'Nobody knows why my calls drop');
    // The worker's scheduled run, a day and more after the question was asked.
    const queue = new Queue('care-jobs', {
      connection: { url: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379' },
      prefix: `${app.name}-bull`,
    });
    try {
      await queue.add('auto-escalation', {
        now: new Date(Date.now() + 25 * 3_600_000).toISOString(),
      });
      const [escalated] = await notified(asker, 'THREAD_ESCALATED');
      const [careCase] = await app.sql<{ number: number }>(
        `SELECT number FROM care_cases WHERE thread_id = $1`,
        [fromGlobalId(threadId, 'Thread', 'threadId')],
      );
      expect(escalated).toMatchObject({
        message: `Your question “Nobody knows why my calls drop” went to our care team as case #${careCase.number}`,
        actor: null,
        subject: { __typename: 'CareCase', number: careCase.number },
      });
      const [mail] = await mailed(asker, 1);
      expect(mail.raw).toContain(`${PUBLIC_URL}/cases/${careCase.number}`);
    } finally {
      await queue.close();
    }
  });

  it('pushes care notifications live to the member', async () => {
    const customer = await app.member();
    const careCase = await openCase(customer, 'Cannot activate my eSIM');
    const client = liveClient(app.url, customer.token);
    clients.push(client);
    const live = new LiveSubscription<{
      notificationAdded: { kind: string; message: string; subject: { number: number } | null };
    }>(client, NOTIFICATION_ADDED, {});
    await channelHasListener(
      `${app.name}:notification-added:${fromGlobalId(customer.id, 'User', 'id')}`,
    );
    await reply(agent, careCase.id, SECRET, true);
    await reply(agent, careCase.id, 'Scan the new QR code we sent you.');
    const [added] = await live.received(1);
    expect(added.data?.notificationAdded).toEqual({
      kind: 'CASE_REPLY',
      message: `@${agent.handle} replied to your case #${careCase.number}`,
      subject: { number: careCase.number },
    });
    await settle();
    expect(live.results).toHaveLength(1);
    live.close();
  });

  it("never puts an internal note's text in a notification or an email", async () => {
    await settle();
    const rows = await app.sql<{ message: string }>(`SELECT message FROM notifications`);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.filter((row) => row.message.includes('412 euros'))).toEqual([]);
    expect(mailbox.messages.length).toBeGreaterThan(0);
    expect(mailbox.messages.filter((mail) => mail.raw.includes('412 euros'))).toEqual([]);
  });
});
