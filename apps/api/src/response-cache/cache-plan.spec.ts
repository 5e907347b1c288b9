import { toGlobalId } from '@app/core';
import { buildSchema, parse } from 'graphql';
import { cachePlanOf } from './cache-plan';

const schema = buildSchema(`
  type Query { thread(id: ID!): Thread  threads: [Thread!]!  viewer: User  node(id: ID!): Thread  unread: Int! }
  type Mutation { giveKudo(postId: ID!): Post! }
  type Thread { id: ID! title: String! author: User! answers(first: Int): PostConnection! board: Board! }
  type Board { name: String! threads: [Thread!]! }
  type PostConnection { edges: [PostEdge!]! pageInfo: PageInfo! }
  type PageInfo { hasNextPage: Boolean! }
  type PostEdge { node: Post! }
  type Post { id: ID! body: String! kudosCount: Int! author: User! thread: Thread! }
  type User { handle: String! rank: String! recentAnswers: [Post!]! }
`);

const threadId = '0b7d2c9e-8a55-4f36-9d43-2f1c7b0f6a11';
const otherId = '5f0c1a2b-3d4e-4f50-8a6b-7c8d9e0f1a2b';

const plan = (source: string) => cachePlanOf(schema, parse(source));

describe('cachePlanOf', () => {
  it('keeps a thread page and depends on the thread named by a variable or a literal', () => {
    const page = plan(`query($id: ID!) {
      thread(id: $id) { __typename title author { handle rank }
        answers(first: 20) { pageInfo { hasNextPage } edges { node { body kudosCount thread { id } } } } }
    }`);
    expect(page?.threadIds({ id: toGlobalId('Thread', threadId) })).toEqual([threadId]);
    const literal = plan(`{ a: thread(id: "${toGlobalId('Thread', threadId)}") { title }
      b: thread(id: "${toGlobalId('Thread', otherId)}") { title } }`);
    expect(literal?.threadIds({})).toEqual([threadId, otherId]);
    expect([page?.rootFields, literal?.rootFields]).toEqual([1, 2]);
  });

  it('keeps the viewer beside a thread: it is null for every anonymous reader', () => {
    const page = plan(`query($id: ID!) { viewer { handle rank } thread(id: $id) { title } }`);
    expect(page?.threadIds({ id: toGlobalId('Thread', threadId) })).toEqual([threadId]);
    expect(page?.rootFields).toBe(2);
  });

  it('follows fragments with their type', () => {
    const page = plan(`query($id: ID!) { thread(id: $id) { ...T } }
      fragment T on Thread { author { ...U } }
      fragment U on User { recentAnswers { body } }`);
    expect(page).toBeNull();
  });

  it.each([
    ['a mutation', 'mutation { giveKudo(postId: "x") { body } }'],
    ['a root field not listed', '{ threads { title } }'],
    ['the viewer alone (no thread to depend on)', '{ viewer { handle } }'],
    ['a root scalar not listed', '{ unread thread(id: "x") { title } }'],
    ['a list of other threads', '{ thread(id: "x") { board { threads { title } } } }'],
    ['a member’s answers elsewhere', '{ thread(id: "x") { author { recentAnswers { body } } } }'],
    ['a field the schema lacks', '{ thread(id: "x") { secret } }'],
    ['two operations', 'query A { thread(id: "x") { title } } query B { thread(id: "y") { id } }'],
  ])('keeps nothing for %s', (_, source) => {
    expect(plan(source)).toBeNull();
  });

  it('depends on no thread when an id is not a thread’s (the operation then fails)', () => {
    const page = plan('query($id: ID!) { thread(id: $id) { title } }');
    expect(page?.threadIds({ id: toGlobalId('Post', threadId) })).toBeNull();
    expect(page?.threadIds({ id: 'nope' })).toBeNull();
    expect(page?.threadIds({})).toBeNull();
  });

  it('looks at each parsed document once', () => {
    const document = parse('query($id: ID!) { thread(id: $id) { title } }');
    expect(cachePlanOf(schema, document)).toBe(cachePlanOf(schema, document));
  });
});
