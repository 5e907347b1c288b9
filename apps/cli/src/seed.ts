import { APP_CONFIG, AppConfig } from '@app/core';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomBytes } from 'node:crypto';
import { grantRole } from './grant-role';
import { textTable } from './text-table';

interface DemoUser {
  handle: string;
  email: string;
  password: string;
  role: string;
}

/** The demo members; their passwords here are published, so production never uses them. */
const DEMO_USERS: DemoUser[] = [
  { handle: 'admin', email: 'admin@example.com', password: 'admin-password-1', role: 'ADMIN' },
  { handle: 'mod', email: 'mod@example.com', password: 'moderator-password-1', role: 'MODERATOR' },
  { handle: 'agent', email: 'agent@example.com', password: 'agent-password-1', role: 'AGENT' },
  {
    handle: 'product',
    email: 'product@example.com',
    password: 'product-password-1',
    role: 'PRODUCT_MANAGER',
  },
  { handle: 'alice', email: 'alice@example.com', password: 'alice-password-1', role: 'MEMBER' },
  { handle: 'bob', email: 'bob@example.com', password: 'bob-password-1', role: 'MEMBER' },
];

/**
 * The demo members with the passwords they get: the published ones for development and tests,
 * in production a fresh random password each, printed once.
 */
function demoAccounts(production: boolean): DemoUser[] {
  if (!production) return DEMO_USERS;
  return DEMO_USERS.map((user) => ({ ...user, password: randomBytes(15).toString('base64url') }));
}

/** A tiny GraphQL client over the running API: the seed uses the public API like any client. */
function client(url: string) {
  return async <T>(query: string, variables: object, token?: string): Promise<T> => {
    const response = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data?: T; errors?: Array<{ message: string }> };
    if (body.errors?.length) throw new Error(body.errors.map((e) => e.message).join('; '));
    return body.data as T;
  };
}

/**
 * Fills an empty database with demo boards, members of every role, questions, answers and a
 * solution; prints the credentials. Does nothing when the demo admin already exists. With
 * NODE_ENV=production the members get random passwords instead of the published ones.
 */
export async function seed(app: NestFastifyApplication, databaseUrl: string): Promise<void> {
  const production = app.get<AppConfig>(APP_CONFIG).nodeEnv === 'production';
  await app.listen(0, '127.0.0.1');
  const gql = client(`${await app.getUrl()}/graphql`);
  const existing = await gql<{ user: unknown }>(`query { user(handle: "admin") { id } }`, {});
  if (existing.user) {
    console.log('The database already has the demo data.');
    return;
  }

  const accounts = demoAccounts(production);
  const tokens: Record<string, string> = {};
  for (const user of accounts) {
    await gql(`mutation($input: RegisterInput!) { register(input: $input) { token } }`, {
      input: { handle: user.handle, email: user.email, password: user.password },
    });
    if (user.role !== 'MEMBER') await grantRole(databaseUrl, user.email, user.role);
    const login = await gql<{ login: { token: string } }>(
      `mutation($input: LoginInput!) { login(input: $input) { token } }`,
      { input: { email: user.email, password: user.password } },
    );
    tokens[user.handle] = login.login.token;
  }

  const createBoard = `mutation($input: CreateBoardInput!) { createBoard(input: $input) { id } }`;
  const help = await gql<{ createBoard: { id: string } }>(
    createBoard,
    {
      input: {
        slug: 'help',
        name: 'Help & Support',
        description: 'Ask the community about plans, billing and coverage.',
        kind: 'QUESTIONS',
      },
    },
    tokens.admin,
  );
  await gql(
    createBoard,
    {
      input: {
        slug: 'devices',
        name: 'Phones & Devices',
        description: 'Setting up and troubleshooting devices.',
        kind: 'QUESTIONS',
      },
    },
    tokens.admin,
  );
  const ideas = await gql<{ createBoard: { id: string } }>(
    createBoard,
    {
      input: {
        slug: 'ideas',
        name: 'Ideas',
        description: 'Suggest and vote on improvements.',
        kind: 'IDEAS',
      },
    },
    tokens.admin,
  );

  const ask = `mutation($input: AskQuestionInput!) { askQuestion(input: $input) { id } }`;
  const answer = `mutation($input: PostAnswerInput!) { postAnswer(input: $input) { id } }`;
  const roaming = await gql<{ askQuestion: { id: string } }>(
    ask,
    {
      input: {
        boardId: help.createBoard.id,
        title: 'How do I turn on roaming in Spain?',
        body: 'I land in Madrid tomorrow. Do I need to **enable** anything?',
        tags: ['roaming', 'travel'],
      },
    },
    tokens.alice,
  );
  const reply = await gql<{ postAnswer: { id: string } }>(
    answer,
    {
      input: {
        threadId: roaming.askQuestion.id,
        body: 'Roaming in the EU is included. Go to *Settings → Mobile data → Roaming* and switch it on.',
      },
    },
    tokens.bob,
  );
  await gql(
    answer,
    {
      input: {
        threadId: roaming.askQuestion.id,
        body: 'Also check that your plan has an EU pass in the app.',
      },
    },
    tokens.agent,
  );
  await gql(
    `mutation($id: ID!) { acceptSolution(postId: $id) { id } }`,
    { id: reply.postAnswer.id },
    tokens.alice,
  );
  const bill = await gql<{ askQuestion: { id: string } }>(
    ask,
    {
      input: {
        boardId: help.createBoard.id,
        title: 'Why is my bill higher this month?',
        body: 'My bill went up by 5 euros without any change.',
        tags: ['billing'],
      },
    },
    tokens.bob,
  );

  await seedCare(gql, tokens, bill.askQuestion.id);

  const idea = await gql<{ submitIdea: { id: string } }>(
    `mutation($input: SubmitIdeaInput!) { submitIdea(input: $input) { id } }`,
    {
      input: {
        boardId: ideas.createBoard.id,
        title: 'Let me pause my plan while travelling',
        body: 'A **pause** button in the app for up to three months.',
        tags: ['billing', 'travel'],
      },
    },
    tokens.alice,
  );
  await gql(
    `mutation($id: ID!) { voteIdea(ideaId: $id) { id } }`,
    { id: idea.submitIdea.id },
    tokens.bob,
  );

  const product = await gql<{ createProduct: { id: string } }>(
    `mutation($input: CreateProductInput!) { createProduct(input: $input) { id } }`,
    {
      input: {
        sku: 'PHONE-X1',
        name: 'Phone X1',
        description: 'Our own 5G phone with a two-day battery.',
      },
    },
    tokens.product,
  );
  await gql(
    `mutation($input: WriteReviewInput!) { writeReview(input: $input) { id } }`,
    {
      input: {
        productId: product.createProduct.id,
        rating: 4,
        title: 'Great battery, average camera',
        body: 'Lasts two days easily. Photos at night are noisy.',
      },
    },
    tokens.alice,
  );

  console.log(
    'Demo data created, for trying the platform: it is not for production use. Sign in with any of these:',
  );
  const table = textTable(
    ['role', 'handle', 'email', 'password'],
    accounts.map((user) => [user.role, user.handle, user.email, user.password]),
  );
  for (const line of table) console.log(line);
  if (production) {
    console.log(
      'These passwords were generated for this database and are shown only now; the demo admin can do anything.',
    );
  }
}

/**
 * Care: a key-account segment with bob in it and the agent as his dedicated rep; bob's bill
 * question escalated to a case that the agent resolved with an official answer, accepted on the
 * thread; and an open case of bob's, waiting for his rep.
 */
async function seedCare(
  gql: ReturnType<typeof client>,
  tokens: Record<string, string>,
  billThreadId: string,
): Promise<void> {
  const segment = await gql<{ upsertSegment: { id: string } }>(
    `mutation($input: UpsertSegmentInput!) { upsertSegment(input: $input) { id } }`,
    {
      input: {
        key: 'key-accounts',
        name: 'Key accounts',
        firstResponseHours: 4,
        dedicatedRepEnabled: true,
        ideaVoteWeight: 10,
      },
    },
    tokens.admin,
  );
  const members = await gql<{ bob: { id: string }; agent: { id: string } }>(
    `query { bob: user(handle: "bob") { id } agent: user(handle: "agent") { id } }`,
    {},
  );
  await gql(
    `mutation($userId: ID!, $segmentId: ID) { setMemberSegment(userId: $userId, segmentId: $segmentId) { id } }`,
    { userId: members.bob.id, segmentId: segment.upsertSegment.id },
    tokens.admin,
  );
  await gql(
    `mutation($userId: ID!, $agentId: ID) { assignDedicatedRep(userId: $userId, agentId: $agentId) { id } }`,
    { userId: members.bob.id, agentId: members.agent.id },
    tokens.admin,
  );
  const openCase = `mutation($input: OpenCaseInput!) { openCase(input: $input) { id } }`;
  const escalated = await gql<{ openCase: { id: string } }>(
    openCase,
    {
      input: {
        subject: 'My bill went up by 5 euros',
        body: 'Nobody on the forum could tell me why. Can you look at my account?',
        threadId: billThreadId,
      },
    },
    tokens.bob,
  );
  await gql(
    `mutation($input: ResolveCaseInput!) { resolveCase(input: $input) { id } }`,
    {
      input: {
        caseId: escalated.openCase.id,
        note: 'The price change of your plan took effect this month; we refunded the difference.',
        publicAnswer:
          'Plan prices changed on the 1st, as announced by email in March. If your bill went up and you were not told, open a case and we refund the difference.',
        acceptAsSolution: true,
      },
    },
    tokens.agent,
  );
  await gql(
    openCase,
    {
      input: {
        subject: 'Add a second SIM to my contract',
        body: 'I would like a data-only SIM for my tablet on the same contract.',
      },
    },
    tokens.bob,
  );
}
