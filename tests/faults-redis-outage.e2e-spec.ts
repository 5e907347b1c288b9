import { fromGlobalId } from '@app/core';
import { ChildApp, FaultPlatform, gql, until } from './support/fault-services';
import { GraphQLResponse } from './support/graphql-client';
import { Member } from './support/test-app';

const ANSWERERS = 3;
const OUTAGE_MS = 4000;

interface Call {
  what: 'answer' | 'login' | 'read';
  response?: GraphQLResponse<Record<string, unknown>>;
  error?: string;
  at: number;
}

/**
 * Redis stopped for a few seconds while members post answers, read and sign in: the API keeps
 * serving all three (rate limits and the login throttle fall back to memory), nothing is an
 * INTERNAL_SERVER_ERROR, and once Redis is back every answer's notification is written exactly
 * once.
 */
describe('Redis outage under writes', () => {
  const platform = new FaultPlatform({ env: { QUEUE_STALLED_INTERVAL_MS: '2000' } });
  let api: ChildApp & { url: string };

  beforeAll(async () => {
    await platform.start();
    api = await platform.api();
    await platform.worker();
  });
  afterAll(() => platform.stop());

  it('serves reads, writes and logins through the outage and notifies exactly once after', async () => {
    const admin = await platform.member(api.url, 'ADMIN');
    const asker = await platform.member(api.url);
    const threadId = await platform.thread(api.url, admin, asker);
    const answerers: Member[] = [];
    for (let i = 0; i < ANSWERERS; i++) answerers.push(await platform.member(api.url));

    const calls: Call[] = [];
    let stop = false;
    let counter = 0;
    const record = (
      what: Call['what'],
      request: Promise<GraphQLResponse<Record<string, unknown>>>,
    ) =>
      request.then(
        (response) => calls.push({ what, response, at: Date.now() }),
        (error: Error) =>
          calls.push({
            what,
            error: `${error.message} ${String(error.cause ?? '')}`,
            at: Date.now(),
          }),
      );
    const loops = answerers.map(async (member) => {
      while (!stop) {
        await record(
          'answer',
          gql(
            api.url,
            `mutation($input: PostAnswerInput!) { postAnswer(input: $input) { id } }`,
            { input: { threadId, body: `Answer ${++counter} while Redis comes and goes.` } },
            member.token,
          ),
        );
        await record(
          'read',
          gql(
            api.url,
            `query($id: ID!) { thread(id: $id) { answerCount answers(first: 5) { edges { node { id } } } } }`,
            { id: threadId },
            member.token,
          ),
        );
        await record(
          'login',
          gql(api.url, `mutation($input: LoginInput!) { login(input: $input) { token } }`, {
            input: { email: member.email, password: member.password },
          }),
        );
      }
    });
    const callsSince = (at: number): Call[] => calls.filter((call) => call.at > at);

    const before = Date.now();
    await until('calls flow', () => callsSince(before).length >= 6);
    await platform.redis.stop();
    const stoppedAt = Date.now();
    await until(
      'calls flow without Redis',
      () => Date.now() - stoppedAt >= OUTAGE_MS,
      OUTAGE_MS * 3,
    );
    const duringOutage = callsSince(stoppedAt).length;
    await platform.redis.start();
    const backAt = Date.now();
    await until('calls flow after Redis is back', () => callsSince(backAt).length >= 9, 30000);
    stop = true;
    await Promise.all(loops);

    const failures = calls.filter(
      (call) => call.error || call.response?.status !== 200 || call.response.errors,
    );
    const summary = failures.map(
      (call) =>
        `${call.what}: ${call.error ?? `${call.response?.status} ${call.response?.errors?.[0]?.extensions?.code} ${call.response?.errors?.[0]?.message}`}`,
    );
    expect(summary.filter((line) => line.includes('INTERNAL_SERVER_ERROR'))).toEqual([]);
    expect(summary).toEqual([]);
    // The outage was felt: calls went on while Redis was down.
    expect(duringOutage).toBeGreaterThan(0);

    // Every answer notifies the asker (subscribed to their thread) once, however late.
    const threadUuid = fromGlobalId(threadId, 'Thread', 'id');
    const answers = await platform.sql<{ id: string }>(
      `SELECT id FROM posts WHERE thread_id = $1 AND body LIKE 'Answer % while Redis comes and goes.'`,
      [threadUuid],
    );
    expect(answers.length).toBe(calls.filter((call) => call.what === 'answer').length);
    const [{ id: askerUuid }] = await platform.sql<{ id: string }>(
      'SELECT id FROM users WHERE email = $1',
      [asker.email],
    );
    const notified = async (): Promise<{ answers: number; rows: number }> =>
      (
        await platform.sql<{ answers: number; rows: number }>(
          `SELECT count(DISTINCT subject_id)::int AS answers, count(*)::int AS rows
             FROM notifications
            WHERE kind = 'NEW_ANSWER' AND recipient_id = $1 AND subject_id = ANY($2::uuid[])`,
          [askerUuid, answers.map((answer) => answer.id)],
        )
      )[0];
    await until(
      'every answer is notified',
      async () => (await notified()).answers === answers.length,
      40000,
      200,
    ).catch(async (error: Error) => {
      throw new Error(`${error.message}: ${JSON.stringify(await notified())} of ${answers.length}`);
    });
    expect(await notified()).toEqual({ answers: answers.length, rows: answers.length });
    const duplicates = await platform.sql(
      `SELECT kind, subject_id, recipient_id, count(*)::int FROM notifications
        GROUP BY 1, 2, 3 HAVING count(*) > 1`,
    );
    expect(duplicates).toEqual([]);
  });
});
