import { createHash } from 'node:crypto';
import { anonymousHttpOperation, HttpGraphQLRequest } from './http-operation';
import { responseCacheKey } from './operation-request';

const QUERY = 'query Page($id: ID!) { thread(id: $id) { title } }';
const HASH = createHash('sha256').update(QUERY).digest('hex');

describe('responseCacheKey', () => {
  const key = (request: Parameters<typeof responseCacheKey>[1], schema = 'v1') =>
    responseCacheKey(schema, request);

  it('is the same for the text and for its persisted-query hash, and for absent variables and {}', () => {
    const byText = key({ query: QUERY, operationName: 'Page', variables: { id: 'a' } });
    expect(key({ persistedQueryHash: HASH, operationName: 'Page', variables: { id: 'a' } })).toBe(
      byText,
    );
    expect(
      key({
        query: QUERY,
        persistedQueryHash: HASH,
        operationName: 'Page',
        variables: { id: 'a' },
      }),
    ).toBe(byText);
    expect(key({ query: QUERY })).toBe(key({ query: QUERY, variables: {}, operationName: null }));
  });

  it('differs with the variables, the operation name and the schema', () => {
    const base = key({ query: QUERY, variables: { id: 'a' } });
    expect(key({ query: QUERY, variables: { id: 'b' } })).not.toBe(base);
    expect(key({ query: QUERY, variables: { id: 'a' }, operationName: 'Page' })).not.toBe(base);
    expect(key({ query: QUERY, variables: { id: 'a' } }, 'v2')).not.toBe(base);
  });

  it('is null when the hash does not match the text, or there is no document', () => {
    expect(key({ query: QUERY, persistedQueryHash: 'f'.repeat(64) })).toBeNull();
    expect(key({})).toBeNull();
  });
});

describe('anonymousHttpOperation', () => {
  const post = (
    body: unknown,
    headers: Record<string, string> = { 'content-type': 'application/json' },
  ): HttpGraphQLRequest => ({
    method: 'POST',
    header: (name) => headers[name],
    body,
    query: undefined,
  });
  const get = (query: Record<string, string>, headers: Record<string, string>) => ({
    method: 'GET',
    header: (name: string) => headers[name],
    body: undefined,
    query,
  });

  it('reads a JSON POST and a GET with a preflight header alike', () => {
    const variables = { id: 'a' };
    const fromPost = anonymousHttpOperation(post({ query: QUERY, variables }));
    const fromGet = anonymousHttpOperation(
      get(
        { query: QUERY, variables: JSON.stringify(variables) },
        { 'apollo-require-preflight': 'true' },
      ),
    );
    expect(fromPost).toEqual({
      query: QUERY,
      variables,
      operationName: undefined,
      persistedQueryHash: undefined,
    });
    expect(fromGet).toEqual(fromPost);
  });

  it('reads the persisted-query hash', () => {
    const extensions = { persistedQuery: { version: 1, sha256Hash: HASH } };
    expect(anonymousHttpOperation(post({ extensions }))?.persistedQueryHash).toBe(HASH);
  });

  it.each<[string, HttpGraphQLRequest]>([
    [
      'a token',
      post({ query: QUERY }, { 'content-type': 'application/json', authorization: 'Bearer x' }),
    ],
    [
      'a cookie',
      post({ query: QUERY }, { 'content-type': 'application/json', cookie: 'session=x' }),
    ],
    ['a form post', post({ query: QUERY }, { 'content-type': 'text/plain' })],
    ['a batch', post([{ query: QUERY }])],
    ['variables that are not an object', post({ query: QUERY, variables: [1] })],
    [
      'another answer format',
      post(
        { query: QUERY },
        { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
      ),
    ],
    ['a GET without a preflight header', get({ query: QUERY }, {})],
    [
      'a GET with variables that are not JSON',
      get({ query: QUERY, variables: '{' }, { 'apollo-require-preflight': 'true' }),
    ],
  ])('leaves %s to Apollo', (_, request) => {
    expect(anonymousHttpOperation(request)).toBeNull();
  });
});
