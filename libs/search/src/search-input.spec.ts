import { GraphQLError } from 'graphql';
import { checkTypedBody, searchText, similarCount, typedTitle } from './search-input';

/** Expects `fn` to throw BAD_USER_INPUT naming `field`. */
function expectBadInput(fn: () => unknown, field: string): void {
  let caught: unknown;
  try {
    fn();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(GraphQLError);
  expect((caught as GraphQLError).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
}

describe('the search text', () => {
  it('is trimmed', () => {
    expect(searchText('  voicemail  ')).toBe('voicemail');
  });

  it('may hold 200 characters but not 201', () => {
    expect(searchText('a'.repeat(200))).toHaveLength(200);
    expectBadInput(() => searchText('a'.repeat(201)), 'query');
  });

  it('must not be empty or blank', () => {
    expectBadInput(() => searchText(''), 'query');
    expectBadInput(() => searchText(' \t\n '), 'query');
  });
});

describe('the title and body being typed', () => {
  it('takes a title of 1 to 200 characters, trimmed', () => {
    expect(typedTitle(' x ')).toBe('x');
    expectBadInput(() => typedTitle('   '), 'title');
    expectBadInput(() => typedTitle('t'.repeat(201)), 'title');
  });

  it('takes a body up to 50,000 characters, or none', () => {
    expect(() => checkTypedBody(null)).not.toThrow();
    expect(() => checkTypedBody('b'.repeat(50_000))).not.toThrow();
    expectBadInput(() => checkTypedBody('b'.repeat(50_001)), 'body');
  });

  it('suggests 5 threads by default, 1 to 20 on request', () => {
    expect(similarCount(undefined)).toBe(5);
    expect(similarCount(1)).toBe(1);
    expect(similarCount(20)).toBe(20);
    for (const first of [0, 21, -1, 2.5]) expectBadInput(() => similarCount(first), 'first');
  });
});
