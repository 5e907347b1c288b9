import { parse, OperationDefinitionNode } from 'graphql';
import { Client } from 'graphql-ws';
import Redis from 'ioredis';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { createApi } from '../apps/api/src/create-api';
import { seed } from '../apps/cli/src/seed';
import { GraphQLResponse, postGraphQL } from './support/graphql-client';
import { LiveSubscription, liveClient } from './support/live-client';
import { ReadmeExample, readmeExamples } from './support/readme-examples';
import { TestApp } from './support/test-app';

type Data = Record<string, unknown>;

/** What the README tells the reader about one example: who sends it and what to copy from it. */
interface Step {
  /** The example's first root field: checks that the README and this list still line up. */
  field: string;
  /** The kept token the README says to send it with; none means anonymous. */
  as?: string;
  /** Values to copy from its response, by the placeholder (or token name) they fill later. */
  keep?: Record<string, (data: Data) => string>;
}

const ALICE = "alice's token";
const CAROL = "carol's token";
const MODERATOR = "the moderator's token";
const PRODUCT_MANAGER = "the product manager's token";
const BOB = "bob's token";
const AGENT = "the agent's token";

/** The value at a dotted path of a response, which must be a string. */
function text(data: Data, path: string): string {
  const value = path
    .split('.')
    .reduce<unknown>((node, key) => (node as Record<string, unknown> | null)?.[key], data);
  if (typeof value !== 'string') throw new Error(`no string at ${path}: ${JSON.stringify(data)}`);
  return value;
}

interface Edges<T> {
  edges: Array<{ node: T }>;
}

function bobsAnswer(data: Data): string {
  const threads = data.threads as Edges<{
    answers: Edges<{ id: string; author: { handle: string } }>;
  }>;
  const answers = threads.edges.flatMap((thread) => thread.node.answers.edges);
  const bobs = answers.find((answer) => answer.node.author.handle === 'bob');
  if (!bobs) throw new Error(`no answer by bob: ${JSON.stringify(data)}`);
  return bobs.node.id;
}

function pauseIdea(data: Data): string {
  const ideas = data.similarIdeas as Array<{ id: string; title: string }>;
  const idea = ideas.find((candidate) => /pause my plan/i.test(candidate.title));
  if (!idea) throw new Error(`alice's idea was not suggested: ${JSON.stringify(data)}`);
  return idea.id;
}

/** The README's "A first session", as its prose tells a reader to run it. */
const STEPS: Step[] = [
  { field: 'login', keep: { [ALICE]: (data) => text(data, 'login.token') } },
  { field: 'register', keep: { [CAROL]: (data) => text(data, 'register.token') } },
  { field: 'board', keep: { '<help board id>': (data) => text(data, 'board.id') } },
  {
    field: 'askQuestion',
    as: CAROL,
    keep: { '<thread id>': (data) => text(data, 'askQuestion.id') },
  },
  { field: 'notificationAdded', as: CAROL },
  { field: 'threadActivity', as: CAROL },
  {
    field: 'postAnswer',
    as: ALICE,
    keep: { '<answer id>': (data) => text(data, 'postAnswer.id') },
  },
  { field: 'notifications', as: CAROL },
  { field: 'acceptSolution', as: CAROL },
  { field: 'threads', keep: { "<bob's answer id>": bobsAnswer } },
  { field: 'giveKudo', as: CAROL },
  { field: 'thread' },
  { field: 'search' },
  { field: 'similarThreads' },
  { field: 'flag', as: CAROL },
  { field: 'login', keep: { [MODERATOR]: (data) => text(data, 'login.token') } },
  {
    field: 'moderationQueue',
    as: MODERATOR,
    keep: {
      '<review item id>': (data) =>
        (data.moderationQueue as Edges<{ id: string }>).edges[0]?.node.id ?? '',
    },
  },
  { field: 'claimReviewItem', as: MODERATOR },
  { field: 'resolveReviewItem', as: MODERATOR },
  { field: 'board', keep: { '<ideas board id>': (data) => text(data, 'board.id') } },
  { field: 'submitIdea', as: CAROL },
  { field: 'similarIdeas', as: CAROL, keep: { '<idea id>': pauseIdea } },
  { field: 'voteIdea', as: CAROL },
  { field: 'ideas' },
  { field: 'login', keep: { [PRODUCT_MANAGER]: (data) => text(data, 'login.token') } },
  { field: 'setIdeaStatus', as: PRODUCT_MANAGER },
  {
    field: 'exportIdeas',
    as: PRODUCT_MANAGER,
    keep: { '<export id>': (data) => text(data, 'exportIdeas.id') },
  },
  { field: 'exportJob', as: PRODUCT_MANAGER },
  {
    field: 'products',
    keep: {
      '<product id>': (data) => (data.products as Edges<{ id: string }>).edges[0]?.node.id ?? '',
    },
  },
  { field: 'writeReview', as: CAROL },
  { field: 'product' },
  { field: 'login', keep: { [BOB]: (data) => text(data, 'login.token') } },
  { field: 'viewer', as: BOB },
  { field: 'openCase', as: CAROL, keep: { '<case id>': (data) => text(data, 'openCase.id') } },
  { field: 'login', keep: { [AGENT]: (data) => text(data, 'login.token') } },
  { field: 'careInbox', as: AGENT },
  { field: 'assignCase', as: AGENT },
  { field: 'replyToCase', as: AGENT },
  { field: 'replyToCase', as: AGENT },
  { field: 'careCase', as: CAROL },
  { field: 'resolveCase', as: AGENT },
];

/**
 * Root fields that came back with nothing to show: null, an empty list, a connection without
 * edges, or an object with a field still null (an export not yet written).
 */
function emptyFields(data: Data | null): string[] {
  if (!data) return ['data'];
  return Object.entries(data)
    .filter(([, value]) => {
      if (value === null || (Array.isArray(value) && value.length === 0)) return true;
      if (typeof value !== 'object' || Array.isArray(value)) return false;
      const fields = Object.values(value as Data);
      const edges = (value as Partial<Edges<unknown>>).edges;
      return fields.includes(null) || (Array.isArray(edges) && edges.length === 0);
    })
    .map(([name]) => name);
}

/** The one operation of a graphql example (the README shows one per block). */
function operationOf(example: ReadmeExample): OperationDefinitionNode {
  const operations = parse(example.text).definitions.filter(
    (definition): definition is OperationDefinitionNode =>
      definition.kind === 'OperationDefinition',
  );
  expect(operations).toHaveLength(1);
  return operations[0];
}

function rootField(operation: OperationDefinitionNode): string {
  const first = operation.selectionSet.selections[0];
  return first.kind === 'Field' ? first.name.value : '';
}

const run = promisify(execFile);

describe("the README's first session", () => {
  const app = new TestApp();
  const kept = new Map<string, string>();
  const live: Client[] = [];
  const subscriptions: LiveSubscription<Data>[] = [];

  // A newcomer's settings: write limits and automod as they ship.
  beforeAll(async () => {
    await app.start({ worker: true, env: { RATE_LIMIT: 'on', AUTOMOD_THRESHOLD: '3' } });
    const api = await createApi();
    const printed = jest.spyOn(console, 'log').mockImplementation(() => undefined);
    try {
      await seed(api, app.databaseUrl);
    } finally {
      printed.mockRestore();
      await api.close();
    }
  });
  afterAll(async () => {
    for (const subscription of subscriptions) subscription.close();
    await Promise.all(live.map((client) => client.dispose()));
    await app.stop();
  });

  /** The example with the placeholders filled from earlier responses, as the reader pastes. */
  const filled = (example: ReadmeExample): string =>
    example.text.replace(/<[^<>\n"]+>/g, (placeholder) => {
      const value = kept.get(placeholder);
      if (value === undefined) throw new Error(`nothing earlier gave ${placeholder}`);
      return value;
    });

  const tokenFor = (step: Step): string | undefined => {
    if (!step.as) return undefined;
    const token = kept.get(step.as);
    if (!token) throw new Error(`${step.as} was not kept before the ${step.field} example`);
    return token;
  };

  /** Listening channels of this app in Redis: a subscription is live once it adds one. */
  const channels = async (): Promise<number> => {
    const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
    try {
      return (await redis.pubsub('CHANNELS', `${app.name}*`)).length;
    } finally {
      redis.disconnect();
    }
  };

  const subscribe = async (query: string, token?: string): Promise<void> => {
    const before = await channels();
    const client = liveClient(app.url, token);
    live.push(client);
    subscriptions.push(new LiveSubscription<Data>(client, query, {}));
    const deadline = Date.now() + 10000;
    while ((await channels()) <= before) {
      if (Date.now() > deadline) throw new Error(`the subscription did not start: ${query}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };

  /** Sends a query again while it has nothing to show yet, as a reader would (the worker lags). */
  const sendUntilShown = async (
    query: string,
    token: string | undefined,
  ): Promise<GraphQLResponse<Data>> => {
    const deadline = Date.now() + 15000;
    for (;;) {
      const response = await postGraphQL<Data>(app.url, query, {}, token);
      if (response.errors || emptyFields(response.data).length === 0 || Date.now() > deadline) {
        return response;
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  };

  const sendShell = async (example: ReadmeExample): Promise<GraphQLResponse<Data>> => {
    const command = filled(example).replaceAll('http://127.0.0.1:3000/graphql', app.url);
    const { stdout } = await run('sh', ['-c', command]);
    const body = JSON.parse(stdout) as Omit<GraphQLResponse<Data>, 'status'>;
    return { status: 200, data: body.data ?? null, errors: body.errors };
  };

  it('works pasted in order on the demo data, every example returning something', async () => {
    const examples = readmeExamples('A first session');
    expect(examples.map((example) => example.language)).toContain('graphql');
    expect(examples).toHaveLength(STEPS.length);

    for (const [index, example] of examples.entries()) {
      const step = STEPS[index];
      const where = `example ${index + 1} (${step.field})`;
      let response: GraphQLResponse<Data>;
      if (example.language === 'sh') {
        response = await sendShell(example);
        expect([where, Object.keys(response.data ?? {})[0]]).toEqual([where, step.field]);
      } else {
        const operation = operationOf(example);
        expect([where, rootField(operation)]).toEqual([where, step.field]);
        if (operation.operation === 'subscription') {
          await subscribe(filled(example), tokenFor(step));
          continue;
        }
        response =
          operation.operation === 'query'
            ? await sendUntilShown(filled(example), tokenFor(step))
            : await postGraphQL<Data>(app.url, filled(example), {}, tokenFor(step));
      }
      expect([where, response.errors]).toEqual([where, undefined]);
      expect([where, emptyFields(response.data)]).toEqual([where, []]);
      for (const [name, pick] of Object.entries(step.keep ?? {})) {
        kept.set(name, pick(response.data ?? {}));
      }
    }

    for (const subscription of subscriptions) {
      const [first] = await subscription.received(1);
      expect(first.errors).toBeUndefined();
      expect(first.data).toEqual(expect.any(Object));
    }
  });
});
