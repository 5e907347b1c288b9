import { Client } from 'graphql-ws';
import { ChildApp, FaultPlatform, gql, until } from './support/fault-services';
import { GraphQLResponse } from './support/graphql-client';
import { liveClient } from './support/live-client';
import { Member } from './support/test-app';

const REQUESTS = 70;
const GRACE_MS = 15000;

const POST_ANSWER = `mutation($input: PostAnswerInput!) { postAnswer(input: $input) { id } }`;
const READ_THREAD = `query($id: ID!) {
  thread(id: $id) { id title answers(first: 20) { edges { node { id body author { handle } } } } }
}`;

interface Outcome {
  response?: GraphQLResponse<Record<string, unknown>>;
  error?: string;
  at: number;
}

/**
 * SIGTERM to an API process busy with requests: readiness turns 503 first, every request sent
 * before the signal is answered in full, WebSocket clients are told the server is going away,
 * and the process exits 0 within its grace period with one log line saying so.
 */
describe('API shutdown under load', () => {
  const platform = new FaultPlatform();
  let api: ChildApp & { url: string };
  let live: Client | null = null;

  beforeAll(async () => {
    await platform.start();
    api = await platform.api({ SHUTDOWN_GRACE_MS: String(GRACE_MS), SHUTDOWN_DELAY_MS: '2000' });
  });
  afterAll(async () => {
    await live?.dispose();
    await platform.stop();
  });

  it('answers every request in flight, closes WebSockets with 1001 and exits 0', async () => {
    const admin = await platform.member(api.url, 'ADMIN');
    const asker = await platform.member(api.url);
    const threadId = await platform.thread(api.url, admin, asker);
    const members: Member[] = [];
    for (let i = 0; i < 5; i++) members.push(await platform.member(api.url));

    // A subscriber over graphql-ws, connected before the signal.
    let closeCode: number | null = null;
    let connected = false;
    live = liveClient(`${api.url}/graphql`, asker.token);
    live.on('connected', () => (connected = true));
    live.on('closed', (event) => (closeCode = (event as { code: number }).code));
    live.subscribe(
      {
        query: `subscription($id: ID!) { threadActivity(threadId: $id) { id } }`,
        variables: { id: threadId },
      },
      { next: () => undefined, error: () => undefined, complete: () => undefined },
    );
    await until('the WebSocket connects', () => connected);

    // Half answers, half reads, all sent at once; the signal follows the first reply, so the
    // API has them in hand.
    const outcomes: Array<Promise<Outcome>> = [];
    for (let i = 0; i < REQUESTS; i++) {
      const request =
        i % 2 === 0
          ? gql(
              api.url,
              POST_ANSWER,
              { input: { threadId, body: `Answer number ${i} sent before the signal.` } },
              members[i % members.length].token,
            )
          : gql(api.url, READ_THREAD, { id: threadId }, asker.token);
      outcomes.push(
        request.then(
          (response) => ({ response, at: Date.now() }),
          (error: Error) => ({
            error: `${error.message} ${String(error.cause ?? '')}`,
            at: Date.now(),
          }),
        ),
      );
    }
    await Promise.race(outcomes);
    const signalledAt = Date.now();
    api.kill('SIGTERM');

    // Readiness answers 503 while the API drains (a balancer's probe).
    const readiness: Array<number | string> = [];
    await until(
      'readiness answers 503',
      async () => {
        const status = await fetch(`${api.url}/health/ready`).then(
          (response) => response.status,
          () => 'refused',
        );
        readiness.push(status);
        return status === 503 || status === 'refused';
      },
      5000,
      20,
    );
    expect(readiness).toContain(503);

    const results = await Promise.all(outcomes);
    const exit = await api.exited;
    const exitedAfterMs = Date.now() - signalledAt;

    const failures = results.filter(
      (result) => result.error || result.response?.status !== 200 || result.response.errors,
    );
    expect(failures).toEqual([]);
    // The signal came while the API still had work in hand.
    expect(results.filter((result) => result.at > signalledAt).length).toBeGreaterThan(0);
    const answers = await platform.sql<{ count: number }>(
      `SELECT count(*)::int AS count FROM posts WHERE body LIKE 'Answer number % sent before the signal.'`,
    );
    expect(answers[0].count).toBe(REQUESTS / 2);

    expect(exit).toEqual({ code: 0, signal: null });
    expect(exitedAfterMs).toBeLessThan(GRACE_MS);
    await until('the WebSocket is closed', () => closeCode !== null, 5000);
    expect(closeCode).toBe(1001);

    const shutdownLines = api.logs().filter((line) => line.context === 'Shutdown');
    expect(shutdownLines).toHaveLength(1);
    expect(shutdownLines[0]).toMatchObject({ level: 30, signal: 'SIGTERM' });
    expect(shutdownLines[0].msg).toMatch(/^API shut down in \d+ ms$/);
    expect(shutdownLines[0].durationMs).toBeLessThan(GRACE_MS);
  });
});
