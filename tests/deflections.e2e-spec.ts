import { parseGlobalId, toGlobalId } from '@app/core';
import { errorCode, GraphQLResponse, ok, postGraphQL } from './support/graphql-client';
import { Member, TestApp } from './support/test-app';

const RECORD = `mutation($threadId: ID!) { recordDeflection(threadId: $threadId) }`;

type Recorded = GraphQLResponse<{ recordDeflection: boolean }>;

const uuidOf = (globalId: string): string => {
  const decoded = parseGlobalId(globalId);
  if (!decoded) throw new Error(`not a global ID: ${globalId}`);
  return decoded.id;
};

/** Records as a member (token) or anonymously, from the address given as X-Forwarded-For. */
const record = (app: TestApp, threadId: string, token?: string, forwardedFor?: string) =>
  postGraphQL<{ recordDeflection: boolean }>(
    app.url,
    RECORD,
    { threadId },
    token,
    forwardedFor ? { 'x-forwarded-for': forwardedFor } : {},
  );

const counted = async (reply: Promise<Recorded>): Promise<boolean> =>
  ok(await reply).recordDeflection;

describe('deflections: a suggested thread answered the viewer', () => {
  const app = new TestApp();
  let admin: Member;
  let asker: Member;
  let reader: Member;
  let boardId: string;
  let threadA: string;
  let threadB: string;

  const rows = (threadId: string) =>
    app.sql<{ viewer_key: string; member_id: string | null; day: string }>(
      `SELECT viewer_key, member_id, day::text FROM deflections WHERE thread_id = $1 ORDER BY viewer_key`,
      [uuidOf(threadId)],
    );

  beforeAll(async () => {
    await app.start();
    admin = await app.member('ADMIN');
    [asker, reader] = [await app.member(), await app.member()];
    boardId = await app.board(admin);
    threadA = await app.ask(asker, boardId, 'How do I set up voicemail?');
    threadB = await app.ask(asker, boardId, 'How do I change my greeting?');
  });
  afterAll(() => app.stop());

  it('counts once per member and thread a day: the second call says it did not count', async () => {
    expect(await counted(record(app, threadA, reader.token))).toBe(true);
    expect(await counted(record(app, threadA, reader.token))).toBe(false);
    const today = new Date().toISOString().slice(0, 10);
    expect(await rows(threadA)).toEqual([
      { viewer_key: `member:${uuidOf(reader.id)}`, member_id: uuidOf(reader.id), day: today },
    ]);
  });

  it('counts separately per thread and per member', async () => {
    expect(await counted(record(app, threadB, reader.token))).toBe(true);
    expect(await counted(record(app, threadA, asker.token))).toBe(true);
    expect((await rows(threadA)).map((row) => row.viewer_key).sort()).toEqual(
      [`member:${uuidOf(asker.id)}`, `member:${uuidOf(reader.id)}`].sort(),
    );
    expect(await rows(threadB)).toHaveLength(1);
  });

  it('counts an anonymous visitor by address, which X-Forwarded-For cannot vary untrusted', async () => {
    expect(await counted(record(app, threadB, undefined, '203.0.113.1'))).toBe(true);
    // No proxy is trusted: both calls come from the test's own address.
    expect(await counted(record(app, threadB, undefined, '203.0.113.2'))).toBe(false);
    const anonymous = (await rows(threadB)).filter((row) => row.member_id === null);
    expect(anonymous).toHaveLength(1);
    expect(anonymous[0].viewer_key).toMatch(/^address:.*127\.0\.0\.1$/);
  });

  it('counts exactly once of 20 parallel calls by one viewer', async () => {
    const racer = await app.member();
    const thread = await app.ask(asker, boardId, 'Why does my phone not ring?');
    const replies = await Promise.all(
      Array.from({ length: 20 }, () => counted(record(app, thread, racer.token))),
    );
    expect(replies.filter(Boolean)).toHaveLength(1);
    expect(await rows(thread)).toHaveLength(1);
  });

  it('refuses a malformed ID and the ID of another type with BAD_USER_INPUT', async () => {
    const malformed = await record(app, 'not-an-id', reader.token);
    expect(errorCode(malformed)).toBe('BAD_USER_INPUT');
    expect(malformed.errors?.[0].extensions?.field).toBe('threadId');
    expect(errorCode(await record(app, boardId, reader.token))).toBe('BAD_USER_INPUT');
    expect(errorCode(await record(app, reader.id))).toBe('BAD_USER_INPUT');
  });

  it('refuses unknown, hidden, deleted and held threads and writes nothing', async () => {
    const unknown = toGlobalId('Thread', '00000000-0000-4000-8000-000000000000');
    expect(errorCode(await record(app, unknown, reader.token))).toBe('NOT_FOUND');

    const hidden = await app.ask(asker, boardId, 'A question to be hidden later');
    const deleted = await app.ask(asker, boardId, 'A question to be deleted later');
    const held = await app.ask(asker, boardId, 'A question held for review');
    await app.sql(`UPDATE threads SET content_status = 'HIDDEN' WHERE id = $1`, [uuidOf(hidden)]);
    await app.sql(`UPDATE threads SET content_status = 'DELETED' WHERE id = $1`, [uuidOf(deleted)]);
    await app.sql(`UPDATE threads SET content_status = 'PENDING_REVIEW' WHERE id = $1`, [
      uuidOf(held),
    ]);
    for (const thread of [hidden, deleted, held]) {
      // Unseen: its existence is not confirmed, to members and visitors alike.
      expect(errorCode(await record(app, thread, reader.token))).toBe('NOT_FOUND');
      expect(errorCode(await record(app, thread))).toBe('NOT_FOUND');
      // Seen but not published: the author's own held question, what a moderator sees.
      expect(errorCode(await record(app, thread, admin.token))).toBe('BAD_USER_INPUT');
    }
    expect(errorCode(await record(app, held, asker.token))).toBe('BAD_USER_INPUT');
    const written = await app.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM deflections WHERE thread_id = ANY($1::uuid[])`,
      [[hidden, deleted, held, unknown].map(uuidOf)],
    );
    expect(written[0].n).toBe(0);
  });

  it('behind a trusted proxy counts each address, and limits anonymous calls per address', async () => {
    const trusting = new TestApp();
    await trusting.start({
      env: { TRUST_PROXY: 'loopback', RATE_LIMIT: 'on', RATE_LIMIT_ANONYMOUS_PER_MINUTE: '3' },
    });
    try {
      const owner = await trusting.member('ADMIN');
      const thread = await trusting.ask(owner, await trusting.board(owner));
      const codeOf = async (forwardedFor: string) => {
        const reply = await record(trusting, thread, undefined, forwardedFor);
        return reply.errors?.[0].extensions?.code ?? String(reply.data?.recordDeflection);
      };
      expect(await codeOf('198.51.100.1')).toBe('true');
      expect(await codeOf('198.51.100.2')).toBe('true');
      expect(await codeOf('198.51.100.1')).toBe('false');
      expect(await codeOf('198.51.100.1')).toBe('false');
      expect(await codeOf('198.51.100.1')).toBe('RATE_LIMITED');
      const keys = await trusting.sql<{ viewer_key: string }>(
        `SELECT viewer_key FROM deflections WHERE thread_id = $1 ORDER BY viewer_key`,
        [uuidOf(thread)],
      );
      expect(keys.map((row) => row.viewer_key)).toEqual([
        'address:198.51.100.1',
        'address:198.51.100.2',
      ]);
    } finally {
      await trusting.stop();
    }
  });
});
