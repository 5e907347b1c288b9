import fc from 'fast-check';
import {
  astFromValue,
  getNullableType,
  GraphQLField,
  GraphQLInputType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  print,
} from 'graphql';
import { checkCounters } from './support/counter-check';
import {
  BaseState,
  boundedAll,
  buildBaseState,
  firstCode,
  isIllFormed,
  loadSchema,
  operationFor,
  problemsOf,
  RawResponse,
  rootFields,
  selectionFor,
  sendRaw,
  valueArbitrary,
} from './support/fuzz';
import { TestApp } from './support/test-app';

/** Strings that must be refused with BAD_USER_INPUT wherever they are sent. */
const ILL_FORMED: Record<string, string> = {
  NUL: 'before\u0000after',
  'a lone high surrogate': 'before\ud800after',
  'a lone low surrogate': 'before\udfffafter',
  'a high surrogate at the end': 'text\ud83d',
  'swapped surrogates': '\ude00\ud83d',
};

/** Strings that are well-formed: they may be refused, but never with a 5xx or an unknown code. */
const WELL_FORMED: Record<string, string> = {
  'an RTL override': 'abc\u202eexe.txt',
  'zero-width characters': 'a\u200bb\u200dc\ufeffd\u2060',
  'a 100,000-character string': 'x'.repeat(100_000),
  'SQL injection': "x'); DROP TABLE users; -- ' OR '1'='1",
  'HTML injection': '<script>alert(1)</script><img src=x onerror=alert(1)>',
  'template injection': '{{7*7}} ${7*7} #{7*7} <%= 7*7 %>',
  'emoji and combining marks': '👩‍👩‍👧 e\u0301 Z\u0351\u0352',
  'line and paragraph separators': 'a\u2028b\u2029c\r\n',
};

/** Where a string goes in a field's arguments: a path of names, `[]` marking a list item. */
type Path = string[];

/** Every String and ID leaf of a field's arguments, through input objects and lists. */
function stringLeaves(field: GraphQLField<unknown, unknown>): Path[] {
  const leaves: Path[] = [];
  const walk = (type: GraphQLInputType, path: Path) => {
    const nullable = getNullableType(type) as GraphQLInputType;
    if (isListType(nullable)) return walk(nullable.ofType as GraphQLInputType, [...path, '[]']);
    if (isInputObjectType(nullable)) {
      for (const inner of Object.values(nullable.getFields()))
        walk(inner.type, [...path, inner.name]);
      return;
    }
    if (isEnumType(nullable)) return;
    if (['String', 'ID'].includes(String(nullable))) leaves.push(path);
  };
  for (const arg of field.args) walk(arg.type, [arg.name]);
  return leaves;
}

/** `value` with `leaf` put at `path` (creating objects and one-item lists on the way). */
function withValueAt(value: unknown, path: Path, leaf: unknown): unknown {
  if (path.length === 0) return leaf;
  const [head, ...rest] = path;
  if (head === '[]') return [withValueAt(Array.isArray(value) ? value[0] : undefined, rest, leaf)];
  const object = (
    value && typeof value === 'object' && !Array.isArray(value) ? value : {}
  ) as Record<string, unknown>;
  return { ...object, [head]: withValueAt(object[head], rest, leaf) };
}

/** Plausible variables for a field (real IDs, text that passes the rules), the same every run. */
function plausibleVariables(
  field: GraphQLField<unknown, unknown>,
  base: BaseState,
): Record<string, unknown> {
  const variables: Record<string, unknown> = {};
  for (const arg of field.args) {
    if (!isNonNullType(arg.type)) continue;
    const [value] = fc.sample(valueArbitrary(arg.type, [field.name, arg.name], base.pool, 'tame'), {
      numRuns: 1,
      seed: 42,
    });
    variables[arg.name] = value;
  }
  return variables;
}

/** The same operation with the hostile value written into the document as a literal. */
function literalOperation(
  kind: 'mutation' | 'query',
  field: GraphQLField<unknown, unknown>,
  variables: Record<string, unknown>,
): string {
  const args = field.args
    .filter((arg) => variables[arg.name] !== undefined)
    .map((arg) => {
      const ast = astFromValue(variables[arg.name], arg.type);
      return ast ? `${arg.name}: ${print(ast)}` : '';
    })
    .filter(Boolean)
    .join(', ');
  return `${kind} { ${field.name}${args ? `(${args})` : ''}${selectionFor(field)} }`;
}

interface Case {
  label: string;
  kind: 'mutation' | 'query';
  query: string;
  variables: object;
  token?: string;
  illFormed: boolean;
  /** Whether the value is written into the document instead of sent as a variable. */
  literal?: boolean;
}

const schema = loadSchema();

describe('hostile strings in every string argument of every operation', () => {
  const app = new TestApp();
  let base: BaseState;

  beforeAll(async () => {
    await app.start();
    base = await buildBaseState(app);
  }, 120_000);
  afterAll(() => app.stop());

  const operations = (['mutation', 'query'] as const).flatMap((kind) =>
    rootFields(schema, kind).map((field) => ({ kind, field, leaves: stringLeaves(field) })),
  );

  it('finds string arguments in the schema, nested inputs and lists included', () => {
    const all = operations.flatMap(({ field, leaves }) =>
      leaves.map((leaf) => [field.name, ...leaf].join('.')),
    );
    expect(all).toEqual(
      expect.arrayContaining(['register.input.email', 'askQuestion.input.tags.[]', 'search.query']),
    );
    expect(all.length).toBeGreaterThan(50);
  });

  /** Every case for the payloads, as variables (admin and anonymous) and ill-formed ones as literals. */
  function cases(payloads: Record<string, string>, illFormed: boolean): Case[] {
    const all: Case[] = [];
    for (const { kind, field, leaves } of operations) {
      const plausible = plausibleVariables(field, base);
      const query = operationFor(kind, field);
      for (const leaf of leaves) {
        for (const [name, payload] of Object.entries(payloads)) {
          const variables = withValueAt(plausible, leaf, payload) as Record<string, unknown>;
          const label = `${kind} ${[field.name, ...leaf].join('.')} with ${name}`;
          for (const token of [base.actors.ADMIN.token, undefined]) {
            all.push({ label, kind, query, variables, token, illFormed });
          }
          if (illFormed) {
            const literal = literalOperation(kind, field, variables);
            all.push({
              label: `${label} (literal)`,
              kind,
              query: literal,
              variables: {},
              illFormed,
              literal: true,
            });
          }
        }
      }
    }
    return all;
  }

  /** Sends the cases (a few at once) and lists every answer that breaks the contract. */
  async function offContract(all: Case[]): Promise<string[]> {
    const responses = await boundedAll(all, 6, (c) =>
      sendRaw(app.url, c.query, c.variables, c.token),
    );
    return responses.flatMap((response: RawResponse, i) => {
      const problems = problemsOf(response);
      const c = all[i];
      // Written into the document, a lone surrogate stops the parser (a NUL escape parses).
      const refusals = c.literal ? ['BAD_USER_INPUT', 'GRAPHQL_PARSE_FAILED'] : ['BAD_USER_INPUT'];
      if (c.illFormed && !refusals.includes(firstCode(response) ?? 'OK')) {
        problems.push(`not refused as bad input: ${JSON.stringify(response.body).slice(0, 200)}`);
      }
      const who = c.token ? 'admin' : 'anonymous';
      return problems.map((problem) => `${c.label} as ${who}: ${problem}`);
    });
  }

  it('refuses NUL characters and lone surrogates with BAD_USER_INPUT, or as literals that do not parse', async () => {
    expect(Object.values(ILL_FORMED).every(isIllFormed)).toBe(true);
    expect(await offContract(cases(ILL_FORMED, true))).toEqual([]);
  }, 120_000);

  it('answers RTL overrides, zero-width characters, 100k strings and injections without a 5xx', async () => {
    expect(await offContract(cases(WELL_FORMED, false))).toEqual([]);
  }, 120_000);

  it('leaves every counter exact afterwards', async () => {
    expect(await checkCounters(app)).toEqual([]);
  });
});
