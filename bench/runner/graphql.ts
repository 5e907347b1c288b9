import { RequestVariant } from './load-spec';

/** A GraphQL request as the load generator sends it, signed in when a token is given. */
export function graphqlRequest(query: string, variables: object, token?: string): RequestVariant {
  return {
    path: '/graphql',
    body: JSON.stringify({ query, variables }),
    ...(token ? { headers: { authorization: `Bearer ${token}` } } : {}),
  };
}

/** One GraphQL call for the bench's own setup; any error in the answer throws. */
export async function graphql<T>(
  origin: string,
  query: string,
  variables: object = {},
  token?: string,
): Promise<T> {
  const request = graphqlRequest(query, variables, token);
  const response = await fetch(`${origin}${request.path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...request.headers },
    body: request.body,
  });
  const answer = (await response.json()) as { data?: T; errors?: Array<{ message: string }> };
  if (!response.ok || answer.errors?.length || !answer.data) {
    throw new Error(`GraphQL call failed (${response.status}): ${JSON.stringify(answer.errors)}`);
  }
  return answer.data;
}
