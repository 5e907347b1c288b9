import { Client } from 'graphql-ws';
import { fromGlobalId, toGlobalId } from '@app/core';
import { ok } from './support/graphql-client';
import { channelHasListener, liveClient, LiveSubscription } from './support/live-client';
import { Member, TestApp } from './support/test-app';

const CASE_ACTIVITY = `subscription($caseId: ID!) {
  caseActivity(caseId: $caseId) { id body internal author { handle } }
}`;
const INBOX_CHANGED = `subscription { careInboxChanged { id number status assignee { handle } } }`;
const OPEN_CASE = `mutation($input: OpenCaseInput!) { openCase(input: $input) { id number } }`;
const REPLY = `mutation($input: ReplyToCaseInput!) { replyToCase(input: $input) { id } }`;
const ASSIGN = `mutation($caseId: ID!) { assignCase(caseId: $caseId) { id } }`;
const RESOLVE = `mutation($input: ResolveCaseInput!) { resolveCase(input: $input) { id } }`;
const REOPEN = `mutation($caseId: ID!, $body: String!) { reopenCase(caseId: $caseId, body: $body) { id } }`;
const SANCTION = `mutation($input: SanctionInput!) { sanctionUser(input: $input) { status } }`;

interface CaseActivity {
  caseActivity: { id: string; body: string; internal: boolean; author: { handle: string } };
}
interface InboxChanged {
  careInboxChanged: {
    id: string;
    number: number;
    status: string;
    assignee: { handle: string } | null;
  };
}

/**
 * Care's live feeds cross API instances: every change goes through the first instance and the
 * subscribers are connected to the second, so what they get can only come through Redis.
 */
describe('care live feeds over graphql-ws', () => {
  const app = new TestApp();
  let secondApiUrl: string;
  let agent: Member;
  let customer: Member;
  let other: Member;
  let silenced: Member;
  const clients: Client[] = [];

  const connect = (url: string, token?: string): Client => {
    const client = liveClient(url, token);
    clients.push(client);
    return client;
  };
  const caseChannel = (caseId: string): string =>
    `${app.name}:case-activity:${fromGlobalId(caseId, 'CareCase', 'caseId')}`;
  const inboxChannel = (): string => `${app.name}:care-inbox`;
  const openCase = async (member: Member, subject: string): Promise<string> =>
    ok(
      await app.gql<{ openCase: { id: string } }>(
        OPEN_CASE,
        { input: { subject, body: 'My line has been down since Monday.' } },
        member.token,
      ),
    ).openCase.id;
  const reply = async (who: Member, caseId: string, body: string, internal = false) =>
    ok(
      await app.gql<{ replyToCase: { id: string } }>(
        REPLY,
        { input: { caseId, body, internal } },
        who.token,
      ),
    ).replyToCase.id;
  /** Gives a message that should not come the time to arrive. */
  const quietly = () => new Promise((resolve) => setTimeout(resolve, 700));

  beforeAll(async () => {
    await app.start({ worker: true });
    secondApiUrl = await app.anotherApi();
    const moderator = await app.member('MODERATOR');
    agent = await app.member('AGENT');
    customer = await app.member();
    other = await app.member();
    silenced = await app.member();
    ok(
      await app.gql(
        SANCTION,
        { input: { userId: silenced.id, status: 'SILENCED', reason: 'Test' } },
        moderator.token,
      ),
    );
  });
  afterAll(async () => {
    await Promise.all(clients.map((client) => client.dispose()));
    await app.stop();
  });

  it("gives the member staff's reply live, on another instance, and never an internal note", async () => {
    const caseId = await openCase(customer, 'My line is down since Monday');
    const mine = new LiveSubscription<CaseActivity>(
      connect(secondApiUrl, customer.token),
      CASE_ACTIVITY,
      { caseId },
    );
    const staff = new LiveSubscription<CaseActivity>(
      connect(secondApiUrl, agent.token),
      CASE_ACTIVITY,
      { caseId },
    );
    await channelHasListener(caseChannel(caseId));

    const noteId = await reply(agent, caseId, 'Internal: the exchange in Leiden is down.', true);
    const replyId = await reply(agent, caseId, 'We are on it: an engineer comes tomorrow.');

    const [first] = await mine.received(1);
    expect(first.data?.caseActivity).toEqual({
      id: replyId,
      body: 'We are on it: an engineer comes tomorrow.',
      internal: false,
      author: { handle: agent.handle },
    });
    // Staff get both, in whichever order the worker handled them.
    const both = await staff.received(2);
    expect(
      both
        .map((result) => result.data?.caseActivity)
        .sort((a, b) => Number(b?.internal) - Number(a?.internal)),
    ).toEqual([
      expect.objectContaining({ id: noteId, internal: true }),
      expect.objectContaining({ id: replyId, internal: false }),
    ]);

    const memberReply = await reply(customer, caseId, 'Thank you, I will be home.');
    const [, second] = await mine.received(2);
    expect(second.data?.caseActivity).toMatchObject({ id: memberReply });
    await staff.received(3);
    await quietly();
    // The note never came, before or after the replies.
    expect(mine.results.map((result) => result.data?.caseActivity.id)).toEqual([
      replyId,
      memberReply,
    ]);
    expect(JSON.stringify(mine.results)).not.toContain('Leiden');
    mine.close();
    staff.close();
  });

  it('refuses another member, a silenced member and anonymous as it refuses an unknown case', async () => {
    const caseId = await openCase(customer, 'Billing question about roaming');
    const unknown = toGlobalId('CareCase', '00000000-0000-4000-8000-000000000000');
    const attempts = [
      { token: other.token, caseId },
      { token: silenced.token, caseId },
      { token: undefined, caseId },
      { token: other.token, caseId: unknown },
      { token: undefined, caseId: unknown },
    ];
    const refusals = [];
    for (const attempt of attempts) {
      const live = new LiveSubscription<CaseActivity>(
        connect(secondApiUrl, attempt.token),
        CASE_ACTIVITY,
        { caseId: attempt.caseId },
      );
      const [result] = await live.received(1);
      expect(result.data ?? null).toBeNull();
      refusals.push({
        code: result.errors?.[0].extensions?.code,
        message: result.errors?.[0].message,
      });
    }
    // One refusal for all: nothing tells a case that exists from one that does not.
    expect(new Set(refusals.map((refusal) => JSON.stringify(refusal))).size).toBe(1);
    expect(refusals[0].code).toBe('NOT_FOUND');

    const malformed = new LiveSubscription<CaseActivity>(
      connect(app.url, customer.token),
      CASE_ACTIVITY,
      { caseId: 'nonsense' },
    );
    const [bad] = await malformed.received(1);
    expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it("sends a member's case to no other member's subscription", async () => {
    const theirCase = await openCase(other, 'Where is my new SIM card?');
    const mineCase = await openCase(customer, 'My voicemail greeting is gone');
    const mine = new LiveSubscription<CaseActivity>(
      connect(secondApiUrl, customer.token),
      CASE_ACTIVITY,
      { caseId: mineCase },
    );
    await channelHasListener(caseChannel(mineCase));
    await reply(agent, theirCase, 'Your SIM card was posted today.');
    await quietly();
    expect(mine.results).toEqual([]);
    mine.close();
  });

  it('tells staff of every case created, assigned, answered, resolved and reopened', async () => {
    const inbox = new LiveSubscription<InboxChanged>(
      connect(secondApiUrl, agent.token),
      INBOX_CHANGED,
      {},
    );
    await channelHasListener(inboxChannel());

    const caseId = await openCase(customer, 'Cannot log in to my account');
    const [created] = await inbox.received(1);
    expect(created.data?.careInboxChanged).toMatchObject({
      id: caseId,
      status: 'OPEN',
      assignee: null,
    });

    ok(await app.gql(ASSIGN, { caseId }, agent.token));
    const [, assigned] = await inbox.received(2);
    expect(assigned.data?.careInboxChanged).toMatchObject({
      id: caseId,
      assignee: { handle: agent.handle },
    });

    await reply(agent, caseId, 'Internal: password reset looks broken for this domain.', true);
    await reply(agent, caseId, 'Please try the reset link again.');
    const [, , answered] = await inbox.received(3);
    // The internal note changed nothing in the inbox: the next change is the answer.
    expect(answered.data?.careInboxChanged).toMatchObject({
      id: caseId,
      status: 'WAITING_ON_MEMBER',
    });

    ok(await app.gql(RESOLVE, { input: { caseId, note: 'The reset works again.' } }, agent.token));
    const [, , , resolved] = await inbox.received(4);
    expect(resolved.data?.careInboxChanged).toMatchObject({ id: caseId, status: 'RESOLVED' });

    ok(await app.gql(REOPEN, { caseId, body: 'It broke again.' }, customer.token));
    const changes = await inbox.received(5);
    expect(changes[4].data?.careInboxChanged).toMatchObject({ id: caseId, status: 'OPEN' });
    inbox.close();
  });

  it('refuses careInboxChanged to members, silenced or not, and to anonymous', async () => {
    for (const [token, code] of [
      [customer.token, 'FORBIDDEN'],
      [silenced.token, 'FORBIDDEN'],
      [undefined, 'UNAUTHENTICATED'],
    ] as const) {
      const live = new LiveSubscription<InboxChanged>(connect(app.url, token), INBOX_CHANGED, {});
      const [result] = await live.received(1);
      expect(result.errors?.[0].extensions?.code).toBe(code);
    }
  });
});
