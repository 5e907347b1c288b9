import { randomUUID } from 'node:crypto';
import { gql } from '../support/fault-services';
import { GraphQLResponse } from '../support/graphql-client';
import { Member } from '../support/test-app';

/** One request as a client saw it: its outcome is `OK`, an error code, `HTTP n` or `CONNECTION`. */
export interface Attempt {
  operation: string;
  outcome: string;
  at: number;
  ms: number;
}

/** What the clients write to and read from, created before the traffic starts. */
export interface Community {
  members: Member[];
  /** The board new questions go to. */
  questionBoardId: string;
  threadIds: string[];
  ideaIds: string[];
  /** Answers and who wrote them (an index into `members`), for kudos. */
  answers: Array<{ id: string; author: number }>;
}

/** Marks every soak write, so the final check finds each by its idempotency key. */
export const answerBody = (key: string): string => `A soak answer, key ${key}.`;
export const questionTitle = (key: string): string => `A soak question ${key}`;

/** Outcomes a client retries (with the same idempotency key), as the contract tells it to. */
const RETRYABLE = new Set(['SERVICE_UNAVAILABLE', 'CONNECTION', 'HTTP 502', 'HTTP 503']);
const RETRY_FOR_MS = 30000;
const RETRY_EVERY_MS = 250;

type Request = (url: string) => Promise<GraphQLResponse<Record<string, unknown>>>;

function outcomeOf(response: GraphQLResponse<unknown>): { outcome: string; message?: string } {
  const error = response.errors?.[0];
  if (error?.extensions?.code) return { outcome: error.extensions.code, message: error.message };
  return { outcome: response.status === 200 ? 'OK' : `HTTP ${response.status}` };
}

const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)];

/**
 * Members using the community while faults happen: each client loops over a weighted mix of
 * reads and writes, retries what the API says to retry, and records every attempt.
 */
export class Traffic {
  readonly attempts: Attempt[] = [];
  /** Operations that still failed after every retry, by operation and last outcome. */
  readonly lost: Array<{ operation: string; outcome: string }> = [];
  /** Idempotency keys of the answers and questions the API acknowledged. */
  readonly acknowledged = { answers: new Set<string>(), questions: new Set<string>() };
  /** The first message seen for each operation and error outcome, to tell what went wrong. */
  readonly messages = new Map<string, string>();
  private stopped = false;
  private running: Array<Promise<void>> = [];

  private readonly mix: Array<[weight: number, operation: string, run: (me: number) => Request]> = [
    [35, 'thread page', () => this.readThread()],
    [10, 'thread list', () => this.listThreads()],
    [5, 'search', () => this.search()],
    [15, 'postAnswer', (me) => this.postAnswer(me)],
    [12, 'kudo', (me) => this.kudo(me)],
    [10, 'vote', () => this.vote()],
    [5, 'askQuestion', () => this.askQuestion()],
    [3, 'login', (me) => this.login(me)],
  ];
  private readonly totalWeight = this.mix.reduce((sum, [weight]) => sum + weight, 0);

  constructor(
    private readonly url: () => string,
    private readonly community: Community,
  ) {}

  /** Starts one client per member. */
  start(): void {
    this.running = this.community.members.map((_, me) => this.client(me));
  }

  /** Stops the clients and waits for their requests (and retries) to end. */
  async stop(): Promise<void> {
    this.stopped = true;
    await Promise.all(this.running);
  }

  private async client(me: number): Promise<void> {
    while (!this.stopped) {
      let roll = Math.random() * this.totalWeight;
      const entry = this.mix.find(([weight]) => (roll -= weight) < 0) ?? this.mix[0];
      const [, operation, build] = entry;
      await this.perform(operation, build(me));
    }
  }

  /** Runs one operation, retrying retryable outcomes; true once it got an answer. */
  private async perform(operation: string, request: Request): Promise<boolean> {
    const deadline = Date.now() + RETRY_FOR_MS;
    for (;;) {
      const started = Date.now();
      const { outcome, message } = await request(this.url()).then(outcomeOf, (error: Error) => ({
        outcome: 'CONNECTION',
        message: `${error.message} ${String(error.cause ?? '')}`,
      }));
      const example = `${operation}: ${outcome}`;
      if (message && !this.messages.has(example)) this.messages.set(example, message);
      this.attempts.push({ operation, outcome, at: started, ms: Date.now() - started });
      if (!RETRYABLE.has(outcome)) return true;
      if (Date.now() > deadline) {
        this.lost.push({ operation, outcome });
        return false;
      }
      await new Promise((resolve) => setTimeout(resolve, RETRY_EVERY_MS));
    }
  }

  private token(me: number): string {
    return this.community.members[me].token;
  }

  private readThread(): Request {
    const id = pick(this.community.threadIds);
    return (url) =>
      gql(
        url,
        `query($id: ID!) { thread(id: $id) {
           title bodyHtml answerCount author { handle }
           acceptedSolution { id bodyHtml }
           answers(first: 20) { edges { node { id bodyHtml kudosCount author { handle } correction { noteHtml moderator { handle } } } } }
         } }`,
        { id },
      );
  }

  private listThreads(): Request {
    return (url) =>
      gql(
        url,
        `{ threads(first: 20) { edges { node { id title answerCount author { handle } } } } }`,
      );
  }

  private search(): Request {
    const query = pick(['voicemail', 'roaming', 'invoice', 'soak answer']);
    return (url) =>
      gql(
        url,
        `query($q: String!) { search(query: $q, first: 10) { edges { node { highlight thread { id } } } } }`,
        { q: query },
      );
  }

  private postAnswer(me: number): Request {
    const key = randomUUID();
    const threadId = pick(this.community.threadIds);
    return async (url) => {
      const response = await gql<{ postAnswer: { id: string } }>(
        url,
        `mutation($input: PostAnswerInput!) { postAnswer(input: $input) { id } }`,
        { input: { threadId, body: answerBody(key), clientMutationId: key } },
        this.token(me),
      );
      if (response.data?.postAnswer) {
        this.acknowledged.answers.add(key);
        this.community.answers.push({ id: response.data.postAnswer.id, author: me });
        // Kudos go to recent answers; older ones need not stay in memory.
        if (this.community.answers.length > 1000) this.community.answers.shift();
      }
      return response;
    };
  }

  private kudo(me: number): Request {
    const others = this.community.answers.filter((answer) => answer.author !== me);
    if (!others.length) return this.readThread();
    const { id } = pick(others);
    const mutation = Math.random() < 0.75 ? 'giveKudo' : 'removeKudo';
    return (url) =>
      gql(
        url,
        `mutation($id: ID!) { ${mutation}(postId: $id) { kudosCount } }`,
        { id },
        this.token(me),
      );
  }

  private vote(): Request {
    const id = pick(this.community.ideaIds);
    const mutation = Math.random() < 0.7 ? 'voteIdea' : 'unvoteIdea';
    const me = Math.floor(Math.random() * this.community.members.length);
    return (url) =>
      gql(
        url,
        `mutation($id: ID!) { ${mutation}(ideaId: $id) { voteCount } }`,
        { id },
        this.token(me),
      );
  }

  private askQuestion(): Request {
    const key = randomUUID();
    const me = Math.floor(Math.random() * this.community.members.length);
    return async (url) => {
      const response = await gql<{ askQuestion: { id: string } }>(
        url,
        `mutation($input: AskQuestionInput!) { askQuestion(input: $input) { id } }`,
        {
          input: {
            boardId: this.community.questionBoardId,
            title: questionTitle(key),
            body: 'My invoice shows roaming charges although I stayed at home.',
            clientMutationId: key,
          },
        },
        this.token(me),
      );
      if (response.data?.askQuestion) {
        this.acknowledged.questions.add(key);
        this.community.threadIds.push(response.data.askQuestion.id);
      }
      return response;
    };
  }

  private login(me: number): Request {
    const { email, password } = this.community.members[me];
    return (url) =>
      gql(url, `mutation($input: LoginInput!) { login(input: $input) { token } }`, {
        input: { email, password },
      });
  }
}
