import { randomUUID } from 'node:crypto';
import { ChildApp, FaultPlatform, gql, until } from './support/fault-services';
import { GraphQLResponse } from './support/graphql-client';
import { Member } from './support/test-app';

const WRITERS = 4;
const WRITES_AFTER_RESTART = 20;

interface Write {
  key: string;
  member: Member;
  response?: GraphQLResponse<{ postAnswer: { id: string } }>;
  error?: string;
  at: number;
}

const bodyOf = (key: string): string => `Answer written under a database restart, key ${key}.`;

/** Where the idempotency key goes: a field of the input, or an argument of the mutation. */
type KeyPlace = 'input' | 'argument';

/**
 * Postgres restarted (pg_ctl restart -m fast) while members post answers: a write that fails
 * says SERVICE_UNAVAILABLE with HTTP 503, so a client knows to retry; the API reconnects by
 * itself; and a failed write retried with its clientMutationId is written exactly once.
 */
describe('Postgres restart under writes', () => {
  const platform = new FaultPlatform();
  let api: ChildApp & { url: string };
  let place: KeyPlace;

  beforeAll(async () => {
    await platform.start();
    api = await platform.api();
    const schema = await gql<{
      input: { inputFields: Array<{ name: string }> } | null;
      mutation: { fields: Array<{ name: string; args: Array<{ name: string }> }> };
    }>(
      api.url,
      `{ input: __type(name: "PostAnswerInput") { inputFields { name } }
         mutation: __type(name: "Mutation") { fields { name args { name } } } }`,
    );
    const inInput = schema.data?.input?.inputFields.some((f) => f.name === 'clientMutationId');
    const asArgument = schema.data?.mutation.fields
      .find((field) => field.name === 'postAnswer')
      ?.args.some((arg) => arg.name === 'clientMutationId');
    if (!inInput && !asArgument) {
      throw new Error('postAnswer takes no clientMutationId: the idempotency key is not built yet');
    }
    place = inInput ? 'input' : 'argument';
  });
  afterAll(() => platform.stop());

  const postAnswer = (
    member: Member,
    threadId: string,
    key: string,
  ): Promise<GraphQLResponse<{ postAnswer: { id: string } }>> =>
    place === 'input'
      ? gql(
          api.url,
          `mutation($input: PostAnswerInput!) { postAnswer(input: $input) { id } }`,
          { input: { threadId, body: bodyOf(key), clientMutationId: key } },
          member.token,
        )
      : gql(
          api.url,
          `mutation($input: PostAnswerInput!, $key: String) {
             postAnswer(input: $input, clientMutationId: $key) { id }
           }`,
          { input: { threadId, body: bodyOf(key) }, key },
          member.token,
        );

  it('fails writes with a retryable code, recovers alone, and retries write once', async () => {
    const admin = await platform.member(api.url, 'ADMIN');
    const asker = await platform.member(api.url);
    const threadId = await platform.thread(api.url, admin, asker);
    const writers: Member[] = [];
    for (let i = 0; i < WRITERS; i++) writers.push(await platform.member(api.url));

    const writes: Write[] = [];
    let restartedAt = Number.POSITIVE_INFINITY;
    let stop = false;
    const loops = writers.map(async (member) => {
      while (!stop) {
        const key = randomUUID();
        const write: Write = await postAnswer(member, threadId, key).then(
          (response) => ({ key, member, response, at: Date.now() }),
          (error: Error) => ({
            key,
            member,
            error: `${error.message} ${String(error.cause ?? '')}`,
            at: Date.now(),
          }),
        );
        writes.push(write);
      }
    });
    const succeeded = (write: Write): boolean =>
      write.response?.status === 200 && !write.response.errors && !!write.response.data;

    await until('writes flow', () => writes.filter(succeeded).length >= 10, 20000);
    await platform.postgres.restart();
    restartedAt = Date.now();
    await until(
      'writes succeed again after the restart, without restarting the API',
      () =>
        writes.filter((write) => write.at > restartedAt && succeeded(write)).length >=
        WRITES_AFTER_RESTART,
      30000,
    );
    stop = true;
    await Promise.all(loops);
    expect(api.exit).toBeNull();

    // Every failure is a complete response that says to retry.
    const failed = writes.filter((write) => !succeeded(write));
    for (const write of failed) {
      expect({ key: write.key, error: write.error, status: write.response?.status }).toEqual({
        key: write.key,
        error: undefined,
        status: 503,
      });
      expect(write.response?.errors?.map((error) => error.extensions?.code)).toEqual([
        'SERVICE_UNAVAILABLE',
      ]);
    }

    // Each failed write retried with its key until it goes through.
    for (const write of failed) {
      await until(
        `the retry of ${write.key} succeeds`,
        async () =>
          succeeded({ ...write, response: await postAnswer(write.member, threadId, write.key) }),
        20000,
        200,
      );
    }

    const rows = await platform.sql<{ body: string; count: number }>(
      `SELECT body, count(*)::int AS count FROM posts WHERE body LIKE 'Answer written under a database restart, key %' GROUP BY body`,
    );
    const counts = new Map(rows.map((row) => [row.body, row.count]));
    const keys = writes.map((write) => write.key);
    expect(keys.filter((key) => counts.get(bodyOf(key)) !== 1)).toEqual([]);
    expect(rows.length).toBe(keys.length);
  });
});
