import { buildSchema, GraphQLError, OperationDefinitionNode, parse } from 'graphql';
import { weighOperation } from './operation-weight';

const schema = buildSchema(`
  type Thread implements Node { id: ID! title: String! }
  type ThreadEdge { cursor: String! node: Thread! }
  type ThreadConnection { edges: [ThreadEdge!]! }
  interface Node { id: ID! }
  type Query {
    threads(first: Int = 20, after: String, last: Int, before: String): ThreadConnection!
    nodes(ids: [ID!]!): [Node]!
  }
`);

/** The cost of an operation, with its variables. */
function costOf(source: string, variables: Record<string, unknown> = {}): number {
  const document = parse(source);
  const operation = document.definitions[0] as OperationDefinitionNode;
  return weighOperation(schema, document, operation, variables).cost;
}

const page = (args: string): string => `{ threads${args} { edges { cursor node { id title } } } }`;

describe('the page size of a list', () => {
  it('is its last when it pages backward, as first is going forward', () => {
    expect(costOf(page('(last: 50)'))).toBe(costOf(page('(first: 50)')));
    expect(costOf(page('(last: 50)'))).toBeGreaterThan(costOf(page('(last: 5)')));
  });

  it('is last rather than the default of first', () => {
    expect(costOf(page('(last: 100)'))).toBeGreaterThan(costOf(page('')));
    expect(costOf(page('(last: 1)'))).toBeLessThan(costOf(page('')));
  });

  it('reads last from a variable', () => {
    const withVariable =
      'query($n: Int) { threads(last: $n) { edges { cursor node { id title } } } }';
    expect(costOf(withVariable, { n: 80 })).toBe(costOf(page('(last: 80)')));
  });

  it('is the default of first when before comes alone', () => {
    expect(costOf(page('(before: "c")'))).toBe(costOf(page('')));
  });

  it('refuses last above 100 as BAD_USER_INPUT on last, like first', () => {
    for (const [args, field] of [
      ['(last: 101)', 'last'],
      ['(first: 101)', 'first'],
    ]) {
      let caught: unknown;
      try {
        costOf(page(args));
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(GraphQLError);
      expect((caught as GraphQLError).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
  });
});

describe('a list of objects by id', () => {
  const NODES = `query($ids: [ID!]!) { nodes(ids: $ids) { id ... on Thread { title } } }`;
  const ids = (count: number): string[] => Array.from({ length: count }, (_, i) => `id${i}`);

  it('weighs as many items as it names ids, sent or written', () => {
    expect(costOf(NODES, { ids: ids(50) })).toBeGreaterThan(costOf(NODES, { ids: ids(5) }));
    expect(costOf('{ nodes(ids: ["a", "b", "c"]) { id ... on Thread { title } } }')).toBe(
      costOf(NODES, { ids: ids(3) }),
    );
  });

  it('refuses more than 100 ids as BAD_USER_INPUT on ids, before running', () => {
    expect(() => costOf(NODES, { ids: ids(101) })).toThrow(
      expect.objectContaining({
        extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'ids' }),
      }),
    );
    expect(() => costOf(NODES, { ids: ids(100) })).not.toThrow();
  });
});
