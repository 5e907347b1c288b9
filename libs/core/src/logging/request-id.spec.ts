import { requestIdFrom } from './request-id';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('requestIdFrom', () => {
  it.each([
    ['a UUID', '0b7c6f1e-8d2a-4e5b-9c3f-1a2b3c4d5e6f'],
    ['a balancer trace id', 'Root=1-67891233-abcdef012345678912345678'],
    ['a short token', 'req-42'],
    ['one character', 'a'],
    ['128 characters', 'x'.repeat(128)],
  ])('keeps %s', (_label, id) => {
    expect(requestIdFrom(id)).toBe(id);
  });

  it('takes the first of repeated headers', () => {
    expect(requestIdFrom(['first-id', 'second-id'])).toBe('first-id');
  });

  it.each([
    ['no header', undefined],
    ['an empty header', ''],
    ['129 characters', 'x'.repeat(129)],
    ['a space', 'two words'],
    ['a newline that would forge a log line', 'id\n{"level":50}'],
    ['quotes', '"id"'],
    ['a semicolon list', 'a;b'],
    ['non-ASCII letters', 'idé'],
    ['a NUL', 'id\u0000'],
  ])('replaces %s with a fresh UUID', (_label, header) => {
    expect(requestIdFrom(header)).toMatch(UUID);
  });

  it('makes a different id each time', () => {
    expect(requestIdFrom(undefined)).not.toBe(requestIdFrom(undefined));
  });
});
