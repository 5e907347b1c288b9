import { randomUUID } from 'node:crypto';
import { errorCode, ok } from './support/graphql-client';
import { Member, TestApp } from './support/test-app';

const OPEN = `mutation($input: OpenCaseInput!) { openCase(input: $input) { id } }`;
const REPLY = `mutation($input: ReplyToCaseInput!) { replyToCase(input: $input) { id } }`;
const RESOLVE = `mutation($input: ResolveCaseInput!) { resolveCase(input: $input) { id } }`;
const REOPEN = `mutation($caseId: ID!, $body: String!) { reopenCase(caseId: $caseId, body: $body) { id } }`;
const CASE = `query($id: ID!) { careCase(id: $id) { id subject messages { totalCount edges { node { id body internal } } } } }`;
const NODE = `query($id: ID!) { node(id: $id) {
  id ... on CareCase { subject messages { edges { node { id body internal } } } }
  ... on CaseMessage { body internal }
} }`;
const NODES = `query($ids: [ID!]!) { nodes(ids: $ids) { id ... on CareCase { subject } ... on CaseMessage { body } } }`;
const MY_CASES = `query { myCases { totalCount edges { node { id } } } }`;
const INBOX = `query { careInbox(first: 100) { edges { node { id } } } }`;

const NOTE = 'Internal: the member owes us 40 euros, do not refund';
const globalId = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString('base64url');
const uuidOf = (id: string) => Buffer.from(id, 'base64url').toString().split(':')[1];

describe('care privacy: a case is seen by its member and staff only', () => {
  const app = new TestApp();
  let owner: Member;
  let agent: Member;
  let caseId: string;
  let replyId: string;
  let noteId: string;
  const outsiders: Record<string, () => string | undefined> = {};

  beforeAll(async () => {
    await app.start();
    owner = await app.member();
    agent = await app.member('AGENT');
    const other = await app.member();
    const silenced = await app.member();
    const productManager = await app.member('PRODUCT_MANAGER');
    await app.sql(`UPDATE users SET status = 'SILENCED' WHERE id = $1`, [uuidOf(silenced.id)]);
    outsiders['another member'] = () => other.token;
    outsiders['a silenced member'] = () => silenced.token;
    outsiders['a product manager'] = () => productManager.token;
    outsiders['anonymous'] = () => undefined;
    caseId = ok(
      await app.gql<{ openCase: { id: string } }>(
        OPEN,
        { input: { subject: 'Private billing question', body: 'My account number is 12345' } },
        owner.token,
      ),
    ).openCase.id;
    noteId = ok(
      await app.gql<{ replyToCase: { id: string } }>(
        REPLY,
        { input: { caseId, body: NOTE, internal: true } },
        agent.token,
      ),
    ).replyToCase.id;
    replyId = ok(
      await app.gql<{ replyToCase: { id: string } }>(
        REPLY,
        { input: { caseId, body: 'We are on it' } },
        agent.token,
      ),
    ).replyToCase.id;
  });
  afterAll(() => app.stop());

  const missingCase = () => globalId('CareCase', randomUUID());

  describe.each(['another member', 'a silenced member', 'a product manager', 'anonymous'])(
    'to %s',
    (who) => {
      const token = () => outsiders[who]();

      it('careCase is null, as for a case that does not exist', async () => {
        const seen = await app.gql(CASE, { id: caseId }, token());
        const missing = await app.gql(CASE, { id: missingCase() }, token());
        expect(seen).toEqual({ status: 200, data: { careCase: null }, errors: undefined });
        expect(seen).toEqual(missing);
      });

      it('node(id) and nodes(ids) are null for the case and its messages', async () => {
        for (const id of [caseId, replyId, noteId]) {
          expect(ok(await app.gql(NODE, { id }, token()))).toEqual({ node: null });
        }
        expect(ok(await app.gql(NODES, { ids: [caseId, replyId, noteId] }, token()))).toEqual({
          nodes: [null, null, null],
        });
      });

      it('myCases and careInbox never list it', async () => {
        const mine = await app.gql<{ myCases: { totalCount: number; edges: unknown[] } }>(
          MY_CASES,
          {},
          token(),
        );
        if (token()) expect(ok(mine).myCases).toEqual({ totalCount: 0, edges: [] });
        else expect(errorCode(mine)).toBe('UNAUTHENTICATED');
        const inbox = await app.gql(INBOX, {}, token());
        expect(errorCode(inbox)).toBe(token() ? 'FORBIDDEN' : 'UNAUTHENTICATED');
        expect(inbox.data).toBeNull();
      });

      it('replying and reopening say no more than for a missing case', async () => {
        const reply = (id: string) =>
          app.gql(REPLY, { input: { caseId: id, body: 'hi' } }, token());
        const [seen, missing] = [await reply(caseId), await reply(missingCase())];
        expect(errorCode(seen)).toBe(errorCode(missing));
        expect(seen.errors?.[0].message).toBe(missing.errors?.[0].message);
        const reopen = (id: string) => app.gql(REOPEN, { caseId: id, body: 'hi' }, token());
        const [r1, r2] = [await reopen(caseId), await reopen(missingCase())];
        expect(errorCode(r1)).toBe(errorCode(r2));
        expect(r1.errors?.[0].message).toBe(r2.errors?.[0].message);
        const [{ n }] = await app.sql<{ n: number }>(
          'SELECT count(*)::int AS n FROM care_case_messages WHERE case_id = $1',
          [uuidOf(caseId)],
        );
        expect(n).toBe(3);
      });
    },
  );

  it('the member reads their case and its messages without the internal note', async () => {
    const data = ok(
      await app.gql<{
        careCase: {
          messages: {
            totalCount: number;
            edges: Array<{ node: { id: string; body: string; internal: boolean } }>;
          };
        };
      }>(CASE, { id: caseId }, owner.token),
    );
    expect(data.careCase.messages.totalCount).toBe(2);
    expect(data.careCase.messages.edges.map((e) => e.node.id)).not.toContain(noteId);
    expect(JSON.stringify(data)).not.toContain(NOTE);
    const viaNode = ok(await app.gql(NODE, { id: caseId }, owner.token));
    expect(JSON.stringify(viaNode)).not.toContain(NOTE);
    expect(ok(await app.gql(NODE, { id: noteId }, owner.token))).toEqual({ node: null });
    expect(ok(await app.gql(NODE, { id: replyId }, owner.token))).toEqual({
      node: { id: replyId, body: 'We are on it', internal: false },
    });
    expect(ok(await app.gql(NODES, { ids: [caseId, noteId] }, owner.token))).toEqual({
      nodes: [{ id: caseId, subject: 'Private billing question' }, null],
    });
    expect(ok(await app.gql(MY_CASES, {}, owner.token))).toEqual({
      myCases: { totalCount: 1, edges: [{ node: { id: caseId } }] },
    });
  });

  it('staff read the case, the internal note included, through careCase, node(id) and the inbox', async () => {
    const data = ok(
      await app.gql<{
        careCase: { messages: { totalCount: number; edges: Array<{ node: { body: string } }> } };
      }>(CASE, { id: caseId }, agent.token),
    );
    expect(data.careCase.messages.edges.map((e) => e.node.body)).toEqual([
      'My account number is 12345',
      NOTE,
      'We are on it',
    ]);
    expect(ok(await app.gql(NODE, { id: noteId }, agent.token))).toEqual({
      node: { id: noteId, body: NOTE, internal: true },
    });
    const inbox = ok(
      await app.gql<{ careInbox: { edges: Array<{ node: { id: string } }> } }>(
        INBOX,
        {},
        agent.token,
      ),
    );
    expect(inbox.careInbox.edges.map((e) => e.node.id)).toContain(caseId);
  });

  it('a resolved case stays private, and a silenced member may read but not write on their own case', async () => {
    const member = await app.member();
    const id = ok(
      await app.gql<{ openCase: { id: string } }>(
        OPEN,
        { input: { subject: 'Silenced but still a customer', body: 'Help me' } },
        member.token,
      ),
    ).openCase.id;
    ok(await app.gql(RESOLVE, { input: { caseId: id, note: 'Done' } }, agent.token));
    expect(ok(await app.gql(CASE, { id }, outsiders['another member']()))).toEqual({
      careCase: null,
    });
    await app.sql(`UPDATE users SET status = 'SILENCED' WHERE id = $1`, [uuidOf(member.id)]);
    expect(
      ok(await app.gql<{ careCase: { id: string } }>(CASE, { id }, member.token)).careCase.id,
    ).toBe(id);
    expect(errorCode(await app.gql(REOPEN, { caseId: id, body: 'again' }, member.token))).toBe(
      'FORBIDDEN',
    );
    expect(
      errorCode(await app.gql(REPLY, { input: { caseId: id, body: 'again' } }, member.token)),
    ).toBe('FORBIDDEN');
  });
});
