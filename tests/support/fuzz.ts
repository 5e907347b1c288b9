import fc from 'fast-check';
import {
  buildSchema,
  getNamedType,
  GraphQLField,
  GraphQLInputType,
  GraphQLSchema,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
} from 'graphql';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseGlobalId, toGlobalId } from '@app/core';
import { SessionsService } from '@app/identity';
import { ok } from './graphql-client';
import { submitIdea } from './ideas';
import { Member, TestApp } from './test-app';

/** The committed SDL of the API: what clients can send, so new operations are covered as added. */
export function loadSchema(): GraphQLSchema {
  return buildSchema(readFileSync(join(__dirname, '../../apps/api/schema.gql'), 'utf8'));
}

/** The fields of the schema's Mutation (or Query) type, in the schema's order. */
export function rootFields(
  schema: GraphQLSchema,
  kind: 'mutation' | 'query',
): Array<GraphQLField<unknown, unknown>> {
  const type = kind === 'mutation' ? schema.getMutationType() : schema.getQueryType();
  return type ? Object.values(type.getFields()) : [];
}

/** An operation calling `field` with every argument as a variable of its declared type. */
export function operationFor(
  kind: 'mutation' | 'query',
  field: GraphQLField<unknown, unknown>,
): string {
  const definitions = field.args.map((arg) => `$${arg.name}: ${String(arg.type)}`).join(', ');
  const args = field.args.map((arg) => `${arg.name}: $${arg.name}`).join(', ');
  return `${kind} Fuzz${definitions ? `(${definitions})` : ''} { ${field.name}${
    args ? `(${args})` : ''
  }${selectionFor(field)} }`;
}

/** The smallest selection a field's type accepts: nothing for leaves, else its typename and id. */
export function selectionFor(field: GraphQLField<unknown, unknown>): string {
  const named = getNamedType(field.type);
  if (isLeafType(named)) return '';
  if (isObjectType(named) && 'id' in named.getFields()) return ' { __typename id }';
  return ' { __typename }';
}

/** The error codes of the contract, for operations that run. */
export const CONTRACT_CODES = new Set([
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'BAD_USER_INPUT',
  'CONFLICT',
  'RATE_LIMITED',
  'QUERY_TOO_COMPLEX',
  'SERVICE_UNAVAILABLE',
]);

/** Apollo's codes for requests that never run (a document that does not parse or validate). */
export const REQUEST_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
]);

export interface RawResponse {
  status: number;
  /** The parsed body, or null when it was not JSON. */
  body: {
    data?: unknown;
    errors?: Array<{ message?: string; extensions?: { code?: string } }>;
  } | null;
  text: string;
}

/** Posts an operation and keeps whatever comes back, JSON or not. */
export async function sendRaw(
  url: string,
  query: string,
  variables: object,
  token?: string,
): Promise<RawResponse> {
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  const text = await response.text();
  let body: RawResponse['body'] = null;
  try {
    body = JSON.parse(text) as RawResponse['body'];
  } catch {
    body = null;
  }
  return { status: response.status, body, text };
}

/** What is wrong with a response: a 5xx, a body that is not JSON, an error without a contract code. */
export function problemsOf(response: RawResponse): string[] {
  const problems: string[] = [];
  if (response.status >= 500) problems.push(`HTTP ${response.status}`);
  if (!response.body || typeof response.body !== 'object') {
    problems.push(`not a JSON object: ${response.text.slice(0, 200)}`);
    return problems;
  }
  const { data, errors } = response.body;
  if (!errors?.length && (data === undefined || data === null)) {
    problems.push('neither data nor errors');
  }
  for (const error of errors ?? []) {
    const code = error.extensions?.code;
    if (!code) problems.push(`error without a code: ${error.message}`);
    else if (!CONTRACT_CODES.has(code) && !REQUEST_CODES.has(code)) {
      problems.push(`${code}: ${error.message}`);
    }
    if (/\bat .+\.(js|ts):\d+/.test(error.message ?? '')) problems.push('a stack trace');
  }
  return problems;
}

/** The first error code of a response, if any. */
export const firstCode = (response: RawResponse): string | undefined =>
  response.body?.errors?.[0]?.extensions?.code;

/** Runs `work` over `items` with at most `limit` in flight, keeping the order of the results. */
export async function boundedAll<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]);
    }
  });
  await Promise.all(lanes);
  return results;
}

/** Text no member means to send: the edge must refuse it with BAD_USER_INPUT. */
export function isIllFormed(text: string): boolean {
  return text.includes('\u0000') || LONE_SURROGATE.test(text);
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Whether any string in `value`, at any depth, is ill-formed. */
export function holdsIllFormed(value: unknown): boolean {
  if (typeof value === 'string') return isIllFormed(value);
  if (Array.isArray(value)) return value.some(holdsIllFormed);
  if (value && typeof value === 'object') {
    return Object.entries(value).some(([key, item]) => isIllFormed(key) || holdsIllFormed(item));
  }
  return false;
}

/** Pieces of hostile text: control and invisible characters, bidi overrides, injections. */
export const HOSTILE_PIECES: readonly string[] = [
  '\u0000',
  '\ud800',
  '\udfff',
  '\ud83d',
  '\ude00',
  '\u202e',
  '\u2066',
  '\u200b',
  '\u200d',
  '\ufeff',
  '\u2028',
  '\u0007',
  '\r\n',
  '\t',
  '😀',
  'e\u0301',
  '👩‍👩‍👧',
  "'; DROP TABLE users; --",
  "' OR '1'='1",
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '[x](javascript:alert(1))',
  '{{7*7}}',
  '${7*7}',
  '#{7*7}',
  '%00',
  '%s%n',
  '\\',
  '"',
  '@admin',
  '../../etc/passwd',
  '__proto__',
];

const anyCodeUnit = fc.integer({ min: 0, max: 0xffff }).map((unit) => String.fromCharCode(unit));

/** Arbitrary text of any kind: every UTF-16 code unit (lone surrogates too), graphemes, huge runs. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.string({ unit: anyCodeUnit, maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  {
    weight: 4,
    arbitrary: fc
      .array(fc.oneof(fc.constantFrom(...HOSTILE_PIECES), fc.string({ maxLength: 6 })), {
        minLength: 1,
        maxLength: 8,
      })
      .map((pieces) => pieces.join('')),
  },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom('a', 'é', '😀', '\u200b', '\u0000', ' ', 'ab\ud800'), fc.nat(120_000))
      .map(([piece, length]) => piece.repeat(Math.ceil((length + 1) / piece.length))),
  },
  { weight: 1, arbitrary: fc.constantFrom('', ' ', '   \n\t ', 'null', 'undefined', '0', '-1') },
);

/** A JSON value of the wrong kind for wherever it is sent. */
export const wrongType: fc.Arbitrary<unknown> = fc.oneof(
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  fc.constant([]),
  fc.constant({}),
  fc.constant([1, 'two', null]),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), { maxKeys: 3 }),
  fc.string({ maxLength: 10 }),
);

/** Global ID types, by the table holding their rows. */
const NODE_TABLES: Readonly<Record<string, string>> = {
  Board: 'boards',
  Thread: 'threads',
  Post: 'posts',
  Idea: 'ideas',
  Comment: 'idea_comments',
  Product: 'products',
  Review: 'reviews',
  ReviewItem: 'review_items',
  Notification: 'notifications',
  ExportJob: 'export_jobs',
  User: 'users',
};
const NODE_TYPES = Object.keys(NODE_TABLES);

/** Real global IDs by type (and members' emails), refreshed as the fuzz writes (read lazily). */
export type IdPool = Record<string, string[]>;

/** Fills `pool` with IDs of every type from the database; members in `keep` are left out. */
export async function refreshPool(app: TestApp, pool: IdPool, keep: readonly Member[] = []) {
  const kept = keep.map((member) => parseGlobalId(member.id)?.id);
  for (const [type, table] of Object.entries(NODE_TABLES)) {
    const rows = await app.sql<{ id: string }>(
      `SELECT id FROM ${table} WHERE NOT (id = ANY($1::uuid[])) ORDER BY random() LIMIT 100`,
      [kept],
    );
    pool[type] = rows.map((row) => toGlobalId(type, row.id));
  }
  const members = await app.sql<{ email: string }>(
    `SELECT email FROM users WHERE NOT (id = ANY($1::uuid[])) ORDER BY random() LIMIT 100`,
    [kept],
  );
  pool.Email = members.map((row) => row.email);
}

/** The types of node an ID argument names, guessed from where it sits. */
export function idTypesFor(path: readonly string[]): string[] {
  const field = path[0];
  const name = path[path.length - 1];
  if (field === 'mergeIdea') return ['Idea'];
  if (name === 'id' || name === 'ids') {
    if (field.endsWith('ReviewItem')) return ['ReviewItem'];
    if (field === 'markNotificationsRead') return ['Notification'];
    const byField: Record<string, string> = {
      thread: 'Thread',
      idea: 'Idea',
      product: 'Product',
      exportJob: 'ExportJob',
    };
    return byField[field] ? [byField[field]] : NODE_TYPES;
  }
  if (name === 'targetId') return ['Thread', 'Post', 'Idea', 'Comment', 'Review'];
  if (name === 'agentId') return ['User'];
  const type = name.endsWith('Id') ? name[0].toUpperCase() + name.slice(1, -2) : '';
  return NODE_TYPES.includes(type) ? [type] : NODE_TYPES;
}

const b64 = (text: string): string => Buffer.from(text, 'utf8').toString('base64url');

/** An ID: mostly real ones of the right type, else real ones of other types, unknown or garbage. */
export function idArbitrary(
  types: readonly string[],
  pool: IdPool,
  tame = false,
): fc.Arbitrary<string> {
  const pick = (from: readonly string[]) =>
    fc.nat().map((n) => {
      const ids = from.flatMap((type) => pool[type] ?? []);
      return ids.length
        ? ids[n % ids.length]
        : toGlobalId(from[0], '00000000-0000-4000-8000-000000000000');
    });
  if (tame) return pick(types);
  return fc.oneof(
    { weight: 8, arbitrary: pick(types) },
    { weight: 2, arbitrary: pick(NODE_TYPES) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.constantFrom(...types), fc.uuid())
        .map(([type, uuid]) => toGlobalId(type, uuid)),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.constantFrom(...NODE_TYPES, 'Nope', '', 'thread'), hostileString)
        .map(([type, rest]) => b64(`${type}:${rest}`)),
    },
    { weight: 1, arbitrary: hostileString },
  );
}

/** Text that passes the usual rules for a field of this name, so the call gets past validation. */
export function plausibleString(name: string): fc.Arbitrary<string> {
  switch (name) {
    case 'email':
      return fc.stringMatching(/^[a-z][a-z0-9]{2,12}@example\.com$/);
    case 'handle':
      return fc.stringMatching(/^[a-z][a-z0-9_-]{2,20}$/);
    case 'password':
      return fc.constantFrom('correct-horse-battery', 'a-long-password', 'p'.repeat(256));
    case 'token':
      // The shape of a password reset token, so that the call gets past the shape check.
      return fc.stringMatching(/^[A-Za-z0-9_-]{43}$/);
    case 'slug':
      return fc.stringMatching(/^[a-z][a-z0-9-]{0,20}[a-z0-9]$/);
    case 'sku':
      return fc.stringMatching(/^[A-Z][A-Za-z0-9._-]{0,20}$/);
    case 'tag':
    case 'tags':
      return fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,12}$/);
    case 'after':
    case 'before':
      return fc.constantFrom('', 'WzEsMl0', b64('[1,"a"]'), b64('[]'), b64('{"x":1}'));
    default:
      return fc.stringMatching(/^[A-Z][a-z]{3,10}( [a-z]{2,10}){2,8}[.?]?$/);
  }
}

const intArbitrary: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: -3, max: 110 }) },
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      0,
      -1,
      6,
      101,
      2 ** 31 - 1,
      2 ** 31,
      -(2 ** 31) - 1,
      Number.MAX_SAFE_INTEGER,
      1e300,
      0.5,
      '5',
    ),
  },
  { weight: 1, arbitrary: fc.integer() },
  { weight: 1, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }) },
);

const dateArbitrary: fc.Arbitrary<unknown> = fc.oneof(
  fc
    .integer({ min: 60_000, max: 400 * 86_400_000 })
    .map((ms) => new Date(Date.now() + ms).toISOString()),
  fc.integer({ min: -8.64e15, max: 8.64e15 }).map((ms) => new Date(ms).toISOString()),
  fc.constantFrom('2020-02-30T00:00:00Z', 'tomorrow', '', '9999-99-99', '1970-01-01T00:00:00Z'),
  fc.integer(),
);

/**
 * How far a generated input strays: `tame` is well-typed and plausible everywhere (so the call
 * reaches the domain), `mixed` is tame with the odd leaf gone wild, `wild` is anything at all.
 */
export type Wildness = 'tame' | 'mixed' | 'wild';

/** A plausible value for a leaf: a real ID of the right type, text that passes the usual rules. */
function tameLeaf(
  type: GraphQLInputType,
  path: readonly string[],
  pool: IdPool,
): fc.Arbitrary<unknown> {
  const name = path[path.length - 1];
  if (isEnumType(type)) return fc.constantFrom(...type.getValues().map((value) => value.name));
  switch (String(type)) {
    case 'ID':
      return idArbitrary(idTypesFor(path), pool, true);
    case 'String':
      if (name === 'email') {
        return fc.oneof(
          plausibleString(name),
          fc.nat().map((n) => pool.Email?.[n % pool.Email.length] ?? 'x@example.com'),
        );
      }
      return plausibleString(name);
    case 'Int':
    case 'Float':
      if (name === 'rating') return fc.integer({ min: 1, max: 5 });
      if (name === 'first' || name === 'last') return fc.integer({ min: 0, max: 100 });
      return fc.integer({ min: 0, max: 10 });
    case 'Boolean':
      return fc.boolean();
    case 'DateTime':
      return fc
        .integer({ min: 60_000, max: 30 * 86_400_000 })
        .map((ms) => new Date(Date.now() + ms).toISOString());
    default:
      return plausibleString(name);
  }
}

/** Anything for a leaf: hostile text, garbage IDs, numbers out of range, wrong JSON types. */
function wildLeaf(
  type: GraphQLInputType,
  path: readonly string[],
  pool: IdPool,
): fc.Arbitrary<unknown> {
  const name = path[path.length - 1];
  if (isEnumType(type)) {
    return fc.oneof(
      { weight: 8, arbitrary: fc.constantFrom(...type.getValues().map((value) => value.name)) },
      { weight: 1, arbitrary: hostileString },
    );
  }
  switch (String(type)) {
    case 'ID':
      return idArbitrary(idTypesFor(path), pool);
    case 'String':
      return fc.oneof(plausibleString(name), hostileString);
    case 'Int':
      return intArbitrary;
    case 'Float':
      return fc.oneof(intArbitrary, fc.double());
    case 'Boolean':
      return fc.oneof({ weight: 6, arbitrary: fc.boolean() }, { weight: 1, arbitrary: wrongType });
    case 'DateTime':
      return dateArbitrary;
    default:
      return fc.oneof(hostileString, wrongType);
  }
}

/** An arbitrary value for an input type, as wild as asked. */
export function valueArbitrary(
  type: GraphQLInputType,
  path: readonly string[],
  pool: IdPool,
  wildness: Wildness = 'wild',
): fc.Arbitrary<unknown> {
  if (isNonNullType(type)) {
    const inner = namedValueArbitrary(type.ofType, path, pool, wildness);
    if (wildness !== 'wild') return inner;
    return fc.oneof(
      { weight: 20, arbitrary: inner },
      { weight: 1, arbitrary: fc.constantFrom(null, undefined) },
    );
  }
  const typed = namedValueArbitrary(type, path, pool, wildness);
  if (wildness !== 'wild') {
    return fc.oneof(
      { weight: 3, arbitrary: typed },
      { weight: 1, arbitrary: fc.constant(undefined) },
    );
  }
  return fc.oneof(
    { weight: 12, arbitrary: typed },
    { weight: 2, arbitrary: fc.constantFrom(null, undefined) },
    { weight: 1, arbitrary: wrongType },
  );
}

function namedValueArbitrary(
  type: GraphQLInputType,
  path: readonly string[],
  pool: IdPool,
  wildness: Wildness,
): fc.Arbitrary<unknown> {
  if (isListType(type)) {
    const item = valueArbitrary(type.ofType as GraphQLInputType, path, pool, wildness);
    if (wildness !== 'wild') return fc.array(item, { maxLength: 3 });
    return fc.oneof(
      { weight: 8, arbitrary: fc.array(item, { maxLength: 6 }) },
      { weight: 1, arbitrary: fc.array(item, { minLength: 100, maxLength: 300 }) },
      { weight: 1, arbitrary: item },
    );
  }
  if (isInputObjectType(type)) {
    const record: Record<string, fc.Arbitrary<unknown>> = {};
    for (const field of Object.values(type.getFields())) {
      record[field.name] = valueArbitrary(field.type, [...path, field.name], pool, wildness);
    }
    if (wildness !== 'wild') return fc.record(record);
    return fc
      .tuple(fc.record(record), fc.option(hostileString, { freq: 10 }))
      .map(([value, extra]) => (extra === null ? value : { ...value, [extra]: extra }));
  }
  switch (wildness) {
    case 'tame':
      return tameLeaf(type, path, pool);
    case 'mixed':
      return fc.oneof(
        { weight: 6, arbitrary: tameLeaf(type, path, pool) },
        {
          weight: 1,
          arbitrary: fc.oneof(wildLeaf(type, path, pool), wrongType, fc.constant(null)),
        },
      );
    case 'wild':
      return wildLeaf(type, path, pool);
  }
}

/** Variables for every argument of `field`: tame, tame with a wild leaf, or wild throughout. */
export function variablesArbitrary(
  field: GraphQLField<unknown, unknown>,
  pool: IdPool,
): fc.Arbitrary<Record<string, unknown>> {
  const of = (wildness: Wildness) => {
    const record: Record<string, fc.Arbitrary<unknown>> = {};
    for (const arg of field.args) {
      record[arg.name] = valueArbitrary(arg.type, [field.name, arg.name], pool, wildness);
    }
    return fc.record(record);
  };
  return fc.oneof(
    { weight: 2, arbitrary: of('tame') },
    { weight: 3, arbitrary: of('mixed') },
    { weight: 2, arbitrary: of('wild') },
  );
}

/**
 * Mutations that end the session of the token they are sent with: each request gets a session
 * of its own (`freshToken`), so that the actors' tokens keep working for everything else.
 */
export const SESSION_ENDING = new Set(['signOut']);

/**
 * A new session of `member` and its token, opened by the API's own sessions service rather than
 * by `login`, whose throttle the fuzz of `login` may have spent for this address.
 */
export async function freshToken(app: TestApp, member: Member): Promise<string> {
  const userId = parseGlobalId(member.id)?.id;
  if (!userId) throw new Error(`not a member id: ${member.id}`);
  return (await app.api.get(SessionsService).start(userId)).token;
}

/** Who sends a request: anonymous or a member of each role. */
export interface Actors {
  MEMBER: Member;
  AGENT: Member;
  MODERATOR: Member;
  PRODUCT_MANAGER: Member;
  ADMIN: Member;
}

export interface BaseState {
  actors: Actors;
  /** Members who write the content and may be sanctioned or promoted by the fuzz. */
  authors: Member[];
  pool: IdPool;
}

const COMMENT = `mutation($ideaId: ID!, $body: String!) { commentOnIdea(ideaId: $ideaId, body: $body) { id } }`;
const PRODUCT = `mutation($input: CreateProductInput!) { createProduct(input: $input) { id } }`;
const REVIEW = `mutation($input: WriteReviewInput!) { writeReview(input: $input) { id } }`;
const HELPFUL = `mutation($id: ID!) { markReviewHelpful(reviewId: $id) { id } }`;
const KUDO = `mutation($id: ID!) { giveKudo(postId: $id) { id } }`;
const ACCEPT = `mutation($id: ID!) { acceptSolution(postId: $id) { id } }`;
const VOTE = `mutation($id: ID!) { voteIdea(ideaId: $id) { id } }`;
const FLAG = `mutation($input: FlagInput!) { flag(input: $input) { id } }`;

/**
 * A small community to fuzz against: a questions board and an ideas board, answered threads
 * with kudos and a solution, ideas with votes and comments, products with reviews and helpful
 * marks, and open review items. The fuzz's own members are kept out of the ID pool, so random
 * sanctions and role changes fall on the authors and never lock the fuzz out.
 */
export async function buildBaseState(app: TestApp): Promise<BaseState> {
  const actors: Actors = {
    MEMBER: await app.member('MEMBER'),
    AGENT: await app.member('AGENT'),
    MODERATOR: await app.member('MODERATOR'),
    PRODUCT_MANAGER: await app.member('PRODUCT_MANAGER'),
    ADMIN: await app.member('ADMIN'),
  };
  const authors = await Promise.all(Array.from({ length: 5 }, () => app.member()));
  const writers = [...authors, actors.MEMBER];
  const questions = await app.board(actors.ADMIN, 'QUESTIONS');
  const ideasBoard = await app.board(actors.ADMIN, 'IDEAS');

  for (let t = 0; t < 4; t++) {
    const asker = writers[t % writers.length];
    const threadId = await app.ask(asker, questions, `How do I fix problem number ${t}?`, [
      `tag-${t}`,
    ]);
    const posts: string[] = [];
    for (let a = 1; a <= 3; a++) {
      const answerer = writers[(t + a) % writers.length];
      posts.push(await app.answer(answerer, threadId, `Try step ${a} of ${t}, @${asker.handle}.`));
    }
    for (const [i, postId] of posts.entries()) {
      const fan = writers[(t + i + 4) % writers.length];
      await app.gql(KUDO, { id: postId }, fan.token);
    }
    if (t % 2 === 0) ok(await app.gql(ACCEPT, { id: posts[0] }, asker.token));
    await app.gql(
      FLAG,
      { input: { targetId: posts[1], reason: t % 2 ? 'INCORRECT_ADVICE' : 'OFF_TOPIC' } },
      writers[(t + 5) % writers.length].token,
    );
  }

  for (let i = 0; i < 4; i++) {
    const author = writers[i % writers.length];
    const ideaId = await submitIdea(app, author, ideasBoard, `An idea worth voting for ${i}`);
    for (const voter of writers.slice(0, i + 1)) await app.gql(VOTE, { id: ideaId }, voter.token);
    ok(
      await app.gql(
        COMMENT,
        { ideaId, body: `I agree with idea ${i}.` },
        writers[(i + 1) % 6].token,
      ),
    );
  }

  for (let p = 0; p < 2; p++) {
    const productId = ok(
      await app.gql<{ createProduct: { id: string } }>(
        PRODUCT,
        { input: { sku: `SKU-${p}`, name: `Router ${p}`, description: 'A router.' } },
        actors.PRODUCT_MANAGER.token,
      ),
    ).createProduct.id;
    for (const [i, author] of writers.slice(0, 4).entries()) {
      const reviewId = ok(
        await app.gql<{ writeReview: { id: string } }>(
          REVIEW,
          { input: { productId, rating: 1 + ((i + p) % 5), title: `Review ${i}`, body: 'Fine.' } },
          author.token,
        ),
      ).writeReview.id;
      await app.gql(HELPFUL, { id: reviewId }, writers[(i + 1) % writers.length].token);
    }
  }

  const pool: IdPool = {};
  await refreshPool(app, pool, Object.values(actors));
  return { actors, authors, pool };
}
