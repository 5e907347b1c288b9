import { clientMutationKey } from './client-mutation-id';

describe('clientMutationKey', () => {
  it.each([
    'a',
    'k'.repeat(100),
    ' ',
    '~',
    'retry 1: "answer" #3',
    '550e8400-e29b-41d4-a716-446655440000',
  ])('takes %p', (key) => {
    expect(clientMutationKey(key)).toBe(key);
  });

  it.each([null, undefined])('takes no key (%p) as none', (key) => {
    expect(clientMutationKey(key)).toBeNull();
  });

  it.each([
    ['empty', ''],
    ['101 characters', 'k'.repeat(101)],
    ['not ASCII', 'clé'],
    ['an emoji', 'key-🙂'],
    ['a newline', 'a\nb'],
    ['a tab', 'a\tb'],
    ['DEL', 'a\x7f'],
    ['NUL', 'a\u0000'],
  ])('refuses a key that is %s, naming the field', (_what, key) => {
    expect(() => clientMutationKey(key)).toThrow(
      expect.objectContaining({
        message: 'clientMutationId: must be 1 to 100 printable ASCII characters',
        extensions: { code: 'BAD_USER_INPUT', field: 'clientMutationId' },
      }),
    );
  });
});
