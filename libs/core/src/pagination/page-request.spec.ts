import { GraphQLError, Kind, OperationDefinitionNode, parse } from 'graphql';
import { encodeCursor } from './cursor';
import { PageArgs } from './page-args';
import { pageCursor, pageRequest } from './page-request';
import { FieldArguments } from './written-argument';

/** The resolve info of the first field of `document`, with the variables the client sent. */
function infoOf(document: string, variableValues: Record<string, unknown> = {}): FieldArguments {
  const operation = parse(document).definitions[0] as OperationDefinitionNode;
  const field = operation.selectionSet.selections[0];
  if (field.kind !== Kind.FIELD) throw new Error('expected a field');
  return { fieldNodes: [field], variableValues };
}

/** The arguments as a resolver sees them: `first` defaults to 20 when not written. */
const args = (given: PageArgs): PageArgs => ({ first: 20, ...given });

function expectBad(fn: () => unknown, field: string, says: string): void {
  let caught: unknown;
  try {
    fn();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(GraphQLError);
  expect((caught as GraphQLError).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
  expect((caught as GraphQLError).message).toContain(says);
}

describe('pageRequest', () => {
  it('pages forward by the default 20 when nothing is written', () => {
    expect(pageRequest(args({}), infoOf('{ threads { totalCount } }'))).toEqual({
      direction: 'forward',
      limit: 20,
      cursor: null,
    });
  });

  it('pages forward with first and after', () => {
    const info = infoOf('{ threads(first: 5, after: "c1") { totalCount } }');
    expect(pageRequest(args({ first: 5, after: 'c1' }), info)).toEqual({
      direction: 'forward',
      limit: 5,
      cursor: 'c1',
    });
  });

  it('pages backward with last and before, beside the default of first', () => {
    const info = infoOf('{ threads(last: 7, before: "c9") { totalCount } }');
    expect(pageRequest(args({ last: 7, before: 'c9' }), info)).toEqual({
      direction: 'backward',
      limit: 7,
      cursor: 'c9',
    });
  });

  it('pages backward by the default 20 with before alone', () => {
    const info = infoOf('{ threads(before: "c9") { totalCount } }');
    expect(pageRequest(args({ before: 'c9' }), info)).toEqual({
      direction: 'backward',
      limit: 20,
      cursor: 'c9',
    });
  });

  it('pages backward from the end of the list with last alone', () => {
    const info = infoOf('{ threads(last: 3) { totalCount } }');
    expect(pageRequest(args({ last: 3 }), info)).toMatchObject({
      direction: 'backward',
      cursor: null,
    });
  });

  it('refuses a written first with last, as a literal or as a variable sent', () => {
    expectBad(
      () =>
        pageRequest(
          args({ first: 20, last: 3 }),
          infoOf('{ threads(first: 20, last: 3) { totalCount } }'),
        ),
      'last',
      'first',
    );
    const withVariable = infoOf('query($n: Int) { threads(first: $n, last: 3) { totalCount } }', {
      n: 20,
    });
    expectBad(() => pageRequest(args({ first: 20, last: 3 }), withVariable), 'last', 'first');
  });

  it('takes a first whose variable was not sent as not written (the default applies)', () => {
    const info = infoOf('query($n: Int) { threads(first: $n, last: 3) { totalCount } }');
    expect(pageRequest(args({ last: 3 }), info)).toMatchObject({ direction: 'backward', limit: 3 });
  });

  it('takes a first written as null as not given', () => {
    const info = infoOf('{ threads(first: null, last: 3) { totalCount } }');
    expect(pageRequest({ first: null, last: 3 }, info)).toMatchObject({ direction: 'backward' });
  });

  it('refuses after with before, and after with last: one direction at a time', () => {
    const info = infoOf('{ threads { totalCount } }');
    expectBad(() => pageRequest(args({ after: 'a', before: 'b' }), info), 'before', 'after');
    expectBad(() => pageRequest(args({ after: 'a', last: 2 }), info), 'last', 'after');
  });

  it('refuses a written first with before', () => {
    const info = infoOf('{ threads(first: 5, before: "b") { totalCount } }');
    expectBad(() => pageRequest(args({ first: 5, before: 'b' }), info), 'before', 'first');
  });

  it.each([0, 101, -1, 2.5])('refuses last: %p as BAD_USER_INPUT on last', (last) => {
    const info = infoOf('{ threads(last: 1) { totalCount } }');
    expectBad(() => pageRequest(args({ last }), info), 'last', '100');
  });

  it('still refuses first: 101', () => {
    const info = infoOf('{ threads(first: 101) { totalCount } }');
    expectBad(() => pageRequest(args({ first: 101 }), info), 'first', '100');
  });

  it('takes an empty cursor as no cursor, as after always did', () => {
    const info = infoOf('{ threads { totalCount } }');
    expect(pageRequest(args({ after: '' }), info)).toMatchObject({ cursor: null });
    expect(pageRequest(args({ before: '' }), info)).toMatchObject({ direction: 'forward' });
  });
});

describe('pageCursor', () => {
  const at = 1_700_000_000_000;
  const id = '3f2b8c4e-9a1d-4e6f-8b7a-0c1d2e3f4a5b';

  it('decodes the cursor of the page, or gives null without one', () => {
    const cursor = encodeCursor([at, id]);
    expect(pageCursor({ direction: 'backward', limit: 5, cursor }, ['timestamp', 'uuid'])).toEqual([
      at,
      id,
    ]);
    expect(pageCursor({ direction: 'forward', limit: 5, cursor: null }, ['timestamp'])).toBeNull();
  });

  it('names before for a bad cursor of a backward page, after for a forward one', () => {
    const shape = ['timestamp' as const, 'uuid' as const];
    expectBad(
      () => pageCursor({ direction: 'backward', limit: 5, cursor: 'x' }, shape),
      'before',
      'cursor',
    );
    expectBad(
      () => pageCursor({ direction: 'forward', limit: 5, cursor: 'x' }, shape),
      'after',
      'cursor',
    );
  });
});
